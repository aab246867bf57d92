"""Identities between indicators: quantities that two indicators of a plan determine, and parts that
cannot add up to more than their whole.

The identities are data in the indicator catalogue. ``identities:`` holds quantity = numerator ÷
denominator × scale; the bundled one is GDP = R&D spending ÷ R&D intensity × 100. ``part_whole:``
holds a whole and its parts (parts ≤ whole); the bundled one is Deqing's 省级以上研发机构, of which
省级企业研究院 and 省级高新技术企业研发中心 are parts (its plan, line 233).

identity-value (info): the quantity a plan's figures imply in a year, with its interval.

Reports, 40 ÷ 4.5% = 888.9亿元 of GDP in 2025 (and 17.95 ÷ 3.34% = 537.4亿元 in 2020)::

    indicators:
      - id: rd-spending
        name: R&D经费支出
        unit: 亿元
        category: rd
        key: rd-spending
        baseline: {year: 2020, value: 17.95, line: 91}
        target: {year: 2025, value: 40, line: 93}
      - id: rd-intensity
        name: R&D经费支出占GDP比重
        unit: "%"
        category: rd
        key: rd-intensity
        baseline: {year: 2020, value: 3.34, line: 99}
        target: {year: 2025, value: 4.5, line: 101}

identity-pace (info): the annual growth of the quantity between two years the plan implies it for.

Reports, 537.4亿元 in 2020 to 888.9亿元 in 2025 is 10.59% a year::

    indicators:
      - id: rd-spending
        name: R&D经费支出
        unit: 亿元
        category: rd
        key: rd-spending
        baseline: {year: 2020, value: 17.95, line: 91}
        target: {year: 2025, value: 40, line: 93}
      - id: rd-intensity
        name: R&D经费支出占GDP比重
        unit: "%"
        category: rd
        key: rd-intensity
        baseline: {year: 2020, value: 3.34, line: 99}
        target: {year: 2025, value: 4.5, line: 101}

identity-implausible (warning): that growth lies wholly outside the identity's plausible band; the
band's reason is part of the message.

Warns, 80 ÷ 4.5% = 1777.8亿元 in 2025: 27% a year from 537.4亿元::

    indicators:
      - id: rd-spending
        name: R&D经费支出
        unit: 亿元
        category: rd
        key: rd-spending
        baseline: {year: 2020, value: 17.95, line: 91}
        target: {year: 2025, value: 80, line: 93}
      - id: rd-intensity
        name: R&D经费支出占GDP比重
        unit: "%"
        category: rd
        key: rd-intensity
        baseline: {year: 2020, value: 3.34, line: 99}
        target: {year: 2025, value: 4.5, line: 101}

identity-mismatch (error): the plan also states the quantity for that year, and no value within the
rounding of the figures gives it.

Fails, the plan's own GDP target of 1200亿元 against the 888.9亿元 its R&D figures imply::

    indicators:
      - id: rd-spending
        name: R&D经费支出
        unit: 亿元
        category: rd
        key: rd-spending
        baseline: {year: 2020, value: 17.95, line: 91}
        target: {year: 2025, value: 40, line: 93}
      - id: rd-intensity
        name: R&D经费支出占GDP比重
        unit: "%"
        category: rd
        key: rd-intensity
        baseline: {year: 2020, value: 3.34, line: 99}
        target: {year: 2025, value: 4.5, line: 101}
      - {id: gdp, name: 地区生产总值, unit: 亿元, category: other, key: gdp, target: {year: 2025, value: 1200, line: 7}}

identity-parts-exceed (error): a plan states a whole and some of its parts for the same year, and the
parts add up to more than the whole for any values within the figures' rounding. The least the
parts can be (each printed count's lower end: 31 is at least 30.5) is compared with the most the
whole can be (98 is below 98.5); a qualifier opens a side (a whole of 200以上 has no upper end, a
part of 至多 10 counts as 0), and a part the plan does not state counts as 0. One of the figures is
off, or the whole counts something other than its parts.

Fails, 31 + 103 = 134 institutions as parts of 98 (at least 30.5 + 102.5 = 133, above 98.5)::

    indicators:
      - id: rd-institutions
        name: 省级以上研发机构
        unit: 家
        category: platforms
        key: rd-institutions-provincial
        baseline: {year: 2020, value: 98, line: 125}
        target: {year: 2025, value: 200, line: 127}
    claims:
      - id: institutes
        subject: 省级企业研究院
        unit: 家
        key: enterprise-institutes-provincial
        start: {year: 2015}
        end: {year: 2020, value: 31, line: 37}
        changes: [{value: 26, unit: absolute, line: 37}]
      - id: centres
        subject: 省级高新技术企业研发中心
        unit: 家
        key: hte-rd-centres-provincial
        start: {year: 2015}
        end: {year: 2020, value: 103, line: 37}
        changes: [{value: 65, unit: absolute, line: 37}]

Passes, 31 + 67 = 98 fits within the rounding of the whole (at least 97 against below 98.5)::

    indicators:
      - id: rd-institutions
        name: 省级以上研发机构
        unit: 家
        category: platforms
        key: rd-institutions-provincial
        baseline: {year: 2020, value: 98, line: 125}
        target: {year: 2025, value: 200, line: 127}
    claims:
      - id: institutes
        subject: 省级企业研究院
        unit: 家
        key: enterprise-institutes-provincial
        start: {year: 2015}
        end: {year: 2020, value: 31, line: 37}
        changes: [{value: 26, unit: absolute, line: 37}]
      - id: centres
        subject: 省级高新技术企业研发中心
        unit: 家
        key: hte-rd-centres-provincial
        start: {year: 2015}
        end: {year: 2020, value: 67, line: 37}
        changes: [{value: 29, unit: absolute, line: 37}]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from ..analysis.facts import IdentityValue, parts_against_wholes
from ..arith.growth import annual_rate
from ..arith.numbers import format_number, format_range
from ..model.catalogue import Identity
from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, at

VALUE = Rule("identity-value", Level.INFO, "A quantity that two indicators of a plan imply.")
PACE = Rule("identity-pace", Level.INFO, "The annual growth of an implied quantity between two years.")
IMPLAUSIBLE = Rule("identity-implausible", Level.WARNING, "An implied quantity grows at an implausible pace.")
MISMATCH = Rule("identity-mismatch", Level.ERROR, "An implied quantity contradicts the figure the plan states for it.")
PART_EXCEEDS = Rule(
    "identity-parts-exceed", Level.ERROR, "The parts a plan states for a year add up to more than their whole."
)
RULES = (VALUE, PACE, IMPLAUSIBLE, MISMATCH, PART_EXCEEDS)


def _num(x: float) -> str:
    return format_number(x, 1 if abs(x) >= 100 else 2)


def _range(low: float, high: float, digits: int | None = None) -> str:
    places = digits if digits is not None else (1 if max(abs(low), abs(high)) >= 100 else 2)
    return "{} to {}".format(*format_range(low, high, places))


def _quantity(ident: Identity, ctx: Context) -> str:
    """The quantity's name in the messages' language."""
    return ident.quantity_en if ctx.words.en and ident.quantity_en else ident.quantity


def check(ctx: Context) -> Iterator[Finding]:
    yield from _ratios(ctx)
    yield from _parts(ctx)


def _parts(ctx: Context) -> Iterator[Finding]:
    for v in parts_against_wholes(ctx.facts, ctx.index):
        if not v.exceeds:
            continue
        whole, entry = v.whole, ctx.index.entries.get(v.identity.whole)
        name = whole.key if entry is None else f"{entry.en if ctx.words.en else entry.zh} ({whole.key})"
        unit = entry.unit if entry else ""
        terms = " + ".join(f"{p.key} {format_number(p.point, 2)} ({p.source})" for p in v.parts)
        total = sum(p.point for p in v.parts)
        amount = ctx.words.amount
        yield at(
            PART_EXCEEDS,
            whole.place,
            whole.plan.id,
            v.identity.id,
            f"{name} in {whole.year} is {amount(format_number(whole.point, 2), unit)} ({whole.source}), but its "
            f"parts add up to more: {terms} = {amount(format_number(total, 2), unit)}, at least "
            f"{format_number(v.least, 2)} within rounding, above the whole's upper end "
            f"{format_number(whole.high, 2)}: one of the figures is off, or the whole counts something else",
        )


def _ratios(ctx: Context) -> Iterator[Finding]:
    by_fact = {(f.plan.id, f.key, f.year): f for f in ctx.facts}
    series: dict[tuple[str, str], list[IdentityValue]] = {}
    for v in ctx.identity_values:
        ident, n, d = v.identity, v.numerator, v.denominator
        shares = "%" if ident.scale == 100 else ""
        quantity = (
            f"{ident.quantity_en}" if ctx.words.en and ident.quantity_en else f"{ident.quantity} ({ident.quantity_en})"
        )
        message = (
            f"implied {quantity} in {v.year}: {ctx.words.amount(_num(v.point), ident.unit)} "
            f"({_range(v.low, v.high)}) = {n.key} {format_number(n.point, 4)} ({n.source}) ÷ "
            f"{d.key} {format_number(d.point, 4)}{shares} ({d.source})"
        )
        yield at(VALUE, n.place, v.plan.id, ident.id, message)
        stated = by_fact.get((v.plan.id, ident.key, v.year)) if ident.key else None
        if stated is not None and (stated.low > v.high or stated.high < v.low):
            yield at(
                MISMATCH,
                stated.place,
                v.plan.id,
                ident.id,
                f"{_quantity(ident, ctx)} in {v.year} is stated as {ctx.words.amount(_num(stated.point), ident.unit)} "
                f"({stated.source}), "
                f"but {n.key} ÷ {d.key} gives {_range(v.low, v.high)}: one of the three figures is off",
            )
        series.setdefault((v.plan.id, ident.id), []).append(v)
    for values in series.values():
        values.sort(key=lambda v: v.year)
        for a, b in itertools.pairwise(values):
            years, ident = b.year - a.year, a.identity
            point = annual_rate(b.point / a.point, years)
            low = annual_rate(b.low / a.high, years)  # an open upper end in a: as low as −100%
            high = annual_rate(b.high / a.low, years) if a.low > 0 else math.inf
            text = (
                f"{_quantity(ident, ctx)} implied by {ident.numerator} and {ident.denominator}: "
                f"{ctx.words.amount(_num(a.point), ident.unit)} ({a.year}) → "
                f"{ctx.words.amount(_num(b.point), ident.unit)} ({b.year}), "
                f"{format_number(point, 2)}% a year ({_range(low, high, 2)})"
            )
            band = ident.growth_band
            if band and (low > band.high or high < band.low):
                yield at(
                    IMPLAUSIBLE,
                    b.numerator.place,
                    b.plan.id,
                    ident.id,
                    f"{text}, outside the plausible {format_number(band.low, 1)} to "
                    f"{format_number(band.high, 1)}% a year: {band.reason}",
                )
            else:
                yield at(PACE, b.numerator.place, b.plan.id, ident.id, text)

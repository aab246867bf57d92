"""Rows that are not a level to reach: rate rows, cumulative changes, targets set against another row.

A national main-indicator table has rows of several shapes (see ``plancheck show`` and the README):
a rate row holds a growth rate itself (国内生产总值增长: the base column is last year's rate, the 年均
column the rate to hold); a cumulative figure (〔13.5〕) is a change over the whole period; a relative
target (高于国内生产总值增长) is set against another row. No pace is computed from such rows; these
rules check what each shape allows.

rate-target (error): a rate row states a rate for the target year outside the yearly rate it states
for the period (a target of 6.5% where every year is to be more than 7%).

Passes::

    unit: "%"
    kind: rate
    baseline: {year: 2020, value: 8.3, line: 6}
    target: {year: 2025, value: 7.5, line: 6}
    growth: {value: 7, unit: percent, qualifier: more_than, line: 6}

Fails::

    unit: "%"
    kind: rate
    baseline: {year: 2020, value: 8.3, line: 6}
    target: {year: 2025, value: 6.5, line: 6}
    growth: {value: 7, unit: percent, qualifier: more_than, line: 6}

yearly-equivalent (info): the yearly rate a cumulative change amounts to over the period: a fall of
〔13.5〕% over 2021–2025 is 1 − (1 − 0.135)^(1/5) = 2.86% a year; 〔1〕 year of life expectancy is
0.2 years a year.

Reports::

    name: 单位GDP能源消耗降低
    unit: "%"
    total: {value: 13.5, unit: percent, direction: down, line: 8}

cumulative-mismatch (error): the row states both a yearly rate and a cumulative change, and they do
not fit, even within rounding (a fall of 2.5% a year is 11.9% in five years, not 〔13.5〕).

Fails::

    name: 单位GDP能源消耗降低
    unit: "%"
    total: {value: 13.5, unit: percent, direction: down, line: 8}
    growth: {value: -2.5, unit: percent, line: 8}

cumulative-rounding (info): they fit only within the rounding of the cumulative figure.

Reports, 〔13.5〕 is −2.859% a year; only 13.45, within its rounding, gives −2.848%, near enough::

    name: 单位GDP能源消耗降低
    unit: "%"
    total: {value: 13.5, unit: percent, direction: down, line: 8}
    growth: {value: -2.85, unit: percent, line: 8}

relative-mismatch (error): a row's target is set against another row's (高于, 不低于, 基本同步) and
both give figures that cannot stand in that relation: a productivity growth of 4% "above" a GDP
growth of 5%. 基本同步 (in step) is within the band of 左右 (±10%) of the other row's figure.

Passes::

    indicators:
      - id: gdp
        name: 国内生产总值增长
        unit: "%"
        kind: rate
        growth: {value: 5, unit: percent, line: 3}
      - id: productivity
        name: 全员劳动生产率增长
        unit: "%"
        kind: rate
        growth: {value: 6, unit: percent, line: 4}
        relative: {relation: above, to: gdp, printed: 高于国内生产总值增长, line: 4}

Fails::

    indicators:
      - id: gdp
        name: 国内生产总值增长
        unit: "%"
        kind: rate
        growth: {value: 5, unit: percent, line: 3}
      - id: productivity
        name: 全员劳动生产率增长
        unit: "%"
        kind: rate
        growth: {value: 4, unit: percent, line: 4}
        relative: {relation: above, to: gdp, printed: 高于国内生产总值增长, line: 4}

relative-to (error): a relative target names no indicator of its plan.

Fails::

    kind: rate
    unit: "%"
    relative: {relation: in_step, to: gpd, printed: 与经济增长基本同步, line: 5}
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterator
from fractions import Fraction

from ..arith.interval import Interval, interval
from ..arith.numbers import format_number, format_range
from ..model.findings import Finding
from ..model.notation import RATE_UNIT_SYMBOLS, qualified
from ..model.plan import Indicator
from ..model.status import Level, Status
from ..model.words import Words
from .base import Context, Rule, finding

RATE_TARGET = Rule("rate-target", Level.ERROR, "A rate row's target rate lies outside its stated yearly rate.")
EQUIVALENT = Rule("yearly-equivalent", Level.INFO, "The yearly rate a cumulative change amounts to.")
CUMULATIVE_MISMATCH = Rule(
    "cumulative-mismatch", Level.ERROR, "A stated yearly rate and a cumulative change that do not fit."
)
CUMULATIVE_ROUNDING = Rule(
    "cumulative-rounding", Level.INFO, "A stated yearly rate that fits a cumulative change only within rounding."
)
RELATIVE_MISMATCH = Rule(
    "relative-mismatch", Level.ERROR, "Two rows whose figures cannot stand in the relation one is set in."
)
RELATIVE_TO = Rule("relative-to", Level.ERROR, "A relative target names no indicator of its plan.")
RULES = (RATE_TARGET, EQUIVALENT, CUMULATIVE_MISMATCH, CUMULATIVE_ROUNDING, RELATIVE_MISMATCH, RELATIVE_TO)

_WORDS = {"above": "above", "below": "below", "in_step": "in step with", "at_least": "at least", "at_most": "at most"}


def _amount(value: str, unit: str | None, ind: Indicator, words: Words) -> str:
    """A rate or change with its unit: 2.5%, 0.1 pp; in the row's own unit, 5家 (5 firms)."""
    if unit == "absolute":
        return words.amount(value, ind.unit)
    return value + RATE_UNIT_SYMBOLS.get(unit or "", "")


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.results:
        ind, t, g = r.indicator, r.target, r.indicator.growth
        if r.kind == "rate" and r.status is Status.INCONSISTENT and t is not None and g is not None:
            yield finding(
                RATE_TARGET,
                r.plan,
                ind,
                f"{ctx.words.name(ind)}: the target rate {qualified(t.value, t.qualifier)}% ({t.year}) is outside "
                f"the rate "
                f"stated for every year, {qualified(g.value, g.qualifier)}%: check which one the plan means",
                "target",
                "value",
            )
        total = ind.total
        if r.kind != "total" or t is not None or total is None or r.point is None or r.low is None or r.high is None:
            continue
        shown = _amount(f"〔{total.value}〕", total.unit, ind, ctx.words)
        fall = " fall" if total.direction == "down" else ""
        lo, hi = format_range(r.low, r.high, 2)
        yearly = f"{_amount(format_number(r.point, 2), r.unit, ind, ctx.words)} a year ({lo} to {hi})"
        if r.status is Status.IMPLIED:
            yield finding(
                EQUIVALENT,
                r.plan,
                ind,
                f"{ctx.words.name(ind)}: a cumulative{fall} of {shown} over {r.years} years is {yearly}",
                "total",
                "value",
            )
        elif r.status in (Status.INCONSISTENT, Status.ROUNDING) and g is not None:
            rule = CUMULATIVE_MISMATCH if r.status is Status.INCONSISTENT else CUMULATIVE_ROUNDING
            verb = "does not fit" if r.status is Status.INCONSISTENT else "fits only within rounding"
            yield finding(
                rule,
                r.plan,
                ind,
                f"{ctx.words.name(ind)}: the stated {_amount(qualified(g.value, g.qualifier), g.unit, ind, ctx.words)} "
                f"a year {verb} the "
                f"cumulative{fall} of {shown} over {r.years} years, which is {yearly}",
                "growth",
                "value",
            )
    yield from _relations(ctx)


def _figure(ind: Indicator, ctx: Context) -> Interval | None:
    """The figure a row is compared by: its stated yearly rate (a set value on a rate row), else its target."""
    if ind.growth is not None:
        measured = ind.kind != "rate" and not ind.growth.exact
        return interval(ind.growth.value, ind.growth.qualifier, measured=measured, policy=ctx.policy)
    if ind.target is not None:
        t = ind.target
        return interval(t.value, t.qualifier, measured=False, upper=t.upper, policy=ctx.policy)
    return None


def _holds(relation: str, mine: Interval, theirs: Interval, band: Fraction) -> bool:
    """Whether some values of the two figures stand in the relation."""
    if relation in ("above", "at_least"):
        return mine.high > theirs.low or (relation == "at_least" and mine.high == theirs.low)
    if relation in ("below", "at_most"):
        return mine.low < theirs.high or (relation == "at_most" and mine.low == theirs.high)
    b = float(band)
    widened = Interval(theirs.low - abs(theirs.low) * b, theirs.high + abs(theirs.high) * b)
    return mine.meets(widened)


def _shown(x: Interval) -> str:
    if math.isinf(x.high):
        return f"at least {format_number(x.low, 3)}"
    if math.isinf(x.low):
        return f"at most {format_number(x.high, 3)}"
    return "{} to {}".format(*format_range(x.low, x.high, 3))


def _relations(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        ids = {ind.id: ind for ind in plan.indicators}
        for ind in plan.indicators:
            rel = ind.relative
            if rel is None:
                continue
            other = ids.get(rel.to)
            if other is None:
                close = difflib.get_close_matches(rel.to, list(ids), n=1, cutoff=0.5)
                hint = f"did you mean '{close[0]}'?" if close else "give the id of one of its indicators"
                yield finding(
                    RELATIVE_TO,
                    plan,
                    ind,
                    f"relative: '{rel.to}' is no indicator of this plan: {hint}",
                    "relative",
                    "to",
                )
                continue
            mine, theirs = _figure(ind, ctx), _figure(other, ctx)
            if mine is None or theirs is None:
                continue  # nothing to compare: the relation is the target (verify lists it)
            if not _holds(rel.relation, mine, theirs, ctx.policy.about):
                said = rel.printed or f"{_WORDS[rel.relation]} {ctx.words.name(other)}"
                yield finding(
                    RELATIVE_MISMATCH,
                    plan,
                    ind,
                    f"{ctx.words.name(ind)} is set {_WORDS[rel.relation]} {ctx.words.name(other)} ({said}), "
                    f"but its figure ({_shown(mine)}) "
                    f"cannot be {_WORDS[rel.relation]} that row's ({_shown(theirs)})",
                    "relative",
                    "relation",
                )

"""Stated growth against baseline and target, within the rounding of the printed figures.

Each printed figure stands for the interval its precision allows (a baseline of 7.4 is 7.35 to
7.45); the target is a set value, exact unless qualified. See ``plancheck verify --help``.

growth-mismatch (error): the stated annual growth does not fit the baseline and the target, even
allowing for the rounding of every printed figure. The message gives the growth the figures need,
the target the stated rate would reach (or the baseline it would need), how many units of the
stated figure's last digit it is off, and whether the other reading (compound % versus percentage
points a year) fits instead.

Passes, (20/7.4)^(1/5) − 1 = 22.0%::

    baseline: {year: 2015, value: 7.4, line: 47}
    target: {year: 2020, value: 20, line: 48}
    growth: {value: 22, unit: percent, line: 49}

Fails, (3.20 − 2.73)/5 = 0.094 percentage points a year, not 0.05::

    unit: "%"
    baseline: {year: 2015, value: 2.73, line: 35}
    target: {year: 2020, value: "3.20", line: 36}
    growth: {value: 0.05, unit: pp, line: 37}

growth-rounding (info): it fits only thanks to the rounding of the baseline.

Reports, (3.2 − 2.7)/5 = 0.10 pp, but a baseline of 2.65 gives 0.11::

    unit: "%"
    baseline: {year: 2020, value: 2.7, line: 1}
    target: {year: 2025, value: 3.2, line: 2}
    growth: {value: 0.11, unit: pp, line: 3}

total-mismatch (error): the same for a stated change over the whole span (累计).

Fails, 100 → 150 is +50%, not +60%::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}
    total: {value: 60, unit: percent, line: 3}

total-rounding (info): a stated total that fits only within the baseline's rounding.

Reports, 100 → 151 is +51%; a baseline of 99.7 gives +51.5%::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 151, line: 2}
    total: {value: 51.5, unit: percent, line: 3}
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..analysis.rates import GrowthResult
from ..arith.numbers import format_number, format_range
from ..arith.printed import decimals, half_unit
from ..model import forms
from ..model.findings import Finding
from ..model.notation import RATE_UNIT_SYMBOLS, qualified
from ..model.status import Level, Status
from .base import Context, Rule, finding

GROWTH_MISMATCH = Rule("growth-mismatch", Level.ERROR, "Stated annual growth does not fit baseline and target.")
GROWTH_ROUNDING = Rule("growth-rounding", Level.INFO, "Stated annual growth fits only within the baseline's rounding.")
TOTAL_MISMATCH = Rule("total-mismatch", Level.ERROR, "Stated total change does not fit baseline and target.")
TOTAL_ROUNDING = Rule("total-rounding", Level.INFO, "Stated total change fits only within the baseline's rounding.")
RULES = (GROWTH_MISMATCH, GROWTH_ROUNDING, TOTAL_MISMATCH, TOTAL_ROUNDING)


def rate_text(value: float, unit: str, digits: int, per_year: bool) -> str:
    return format_number(value, digits) + RATE_UNIT_SYMBOLS[unit] + ("/yr" if per_year and unit != "times" else "")


def range_text(low: float, high: float, unit: str, digits: int, per_year: bool) -> str:
    if math.isinf(high) and math.isinf(low):
        return "any value"
    if math.isinf(high):
        return f"at least {rate_text(low, unit, digits, per_year)}"
    if math.isinf(low):
        return f"at most {rate_text(high, unit, digits, per_year)}"
    lo, hi = format_range(low, high, digits)
    return f"{lo} to {hi}{RATE_UNIT_SYMBOLS[unit]}" + ("/yr" if per_year and unit != "times" else "")


def _implied(target: float, baseline: float, digits: int, target_year: int, base_year: int) -> str:
    """What the stated rate implies for the target and for the baseline, where it can be computed."""
    if math.isfinite(target):
        reach = f"the target would be {format_number(target, digits)} ({target_year})"
    else:
        reach = f"the target ({target_year}) would be too large to compute"
    if math.isfinite(baseline):
        need = f"the baseline would have to be {format_number(baseline, digits)} ({base_year})"
    else:
        need = "no baseline would reach the target (a fall of 100% or more leaves nothing)"
    return f"{reach}, or {need}"


def message(r: GrowthResult) -> str:
    """What ``r`` says of a level row's stated growth or total against its baseline and target: the
    finding's message for a mismatch or a fit within rounding, and a line for a fit (``plancheck
    calc`` prints it)."""
    s, b, t = r.stated, r.baseline, r.target
    assert s is not None
    assert b is not None
    assert t is not None
    assert r.unit is not None
    assert r.point is not None
    assert r.low is not None
    assert r.high is not None
    annual = r.kind == "growth"
    digits = max(decimals(s.value) + 1, 2)
    stated = qualified(rate_text(float(s.value), s.unit, decimals(s.value), annual), s.qualifier)
    what = "stated growth" if annual else "stated total"
    start, end = qualified(forms.figure(b), b.qualifier), qualified(forms.figure(t), t.qualifier)
    span = f"{start} ({b.year}) → {end} ({t.year})"
    need = range_text(r.low, r.high, r.unit, digits, annual)
    point = rate_text(r.point, r.unit, digits, annual)
    if r.status is Status.CONSISTENT:
        return (
            f"{what} {stated} fits {span}"
            + (f" over {r.years} years" if annual else "")
            + f": the figures give {point} ({need} within the baseline's rounding)"
        )
    if r.status is Status.ROUNDING:
        h = half_unit(b.value)
        return (
            f"{what} {stated} fits {span} only within the baseline's rounding: the printed figures "
            f"give {point}; a baseline anywhere in [{format_number(b.number - h, 6)}, "
            f"{format_number(b.number + h, 6)}] gives {need}"
        )
    assert r.implied_target is not None
    assert r.implied_baseline is not None
    last = 10.0 ** -decimals(s.value)
    off = abs(r.units_off or 0.0)
    side = "above" if (r.units_off or 0) > 0 else "below"
    tdig = decimals(t.value) + 2
    msg = (
        f"{what} {stated} does not fit {span}"
        + (f" over {r.years} years" if annual else "")
        + f": the figures give {point} ({need} within the baseline's rounding); {s.value} is "
        f"{format_number(off, 1)} units of {format_number(last, 6)} {side} that range. At {stated} "
        + _implied(r.implied_target, r.implied_baseline, tdig, t.year, b.year)
    )
    if r.other and r.other.fits:
        other_unit = r.other.unit
        lo = -math.inf if r.other.low is None else r.other.low
        hi = math.inf if r.other.high is None else r.other.high
        msg += (
            f". Read as {'percentage points' if other_unit == 'pp' else 'compound %'} a year "
            f"instead, it fits ({range_text(lo, hi, other_unit, digits, annual)})"
        )
    return msg


def findings(results: list[GrowthResult]) -> Iterator[Finding]:
    """A finding for each level row's stated figure that fits only within rounding or not at all."""
    for r in results:
        if r.status not in (Status.INCONSISTENT, Status.ROUNDING) or r.kind == "rate" or r.target is None:
            continue  # a rate row's and a cumulative change's checks are the shapes module's
        if r.sign_contradicts:
            continue  # one root cause, one finding: direction
        annual = r.kind == "growth"
        if r.status is Status.ROUNDING:
            rule = GROWTH_ROUNDING if annual else TOTAL_ROUNDING
            yield finding(rule, r.plan, r.indicator, message(r), r.kind, "value")
            continue
        rule = GROWTH_MISMATCH if annual else TOTAL_MISMATCH
        yield finding(
            rule,
            r.plan,
            r.indicator,
            message(r),
            r.kind,
            "value",
            computed=r.point,
            low=r.low,
            high=r.high,
            implied_target=r.implied_target,
        )


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx.results)

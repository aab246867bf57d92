"""Growth arithmetic, rounding-aware, for all indicators at once.

Every printed figure stands for an interval: a baseline of 7.4 is [7.35, 7.45), a stated 22% is
[21.5, 22.5) (see ``interval.interval``). For each indicator the growth the baseline and target
imply is computed as a range, in one numpy pass over arrays that hold every selected indicator:

* compound percent a year, for levels: ((T/B)^(1/n) − 1) × 100
* percentage points a year, for shares: (T − B) / n
* over the whole span (a stated 累计 total): the same with n = 1, or T/B for a multiple

Both formulas rise with T and fall with B, so the range over a box of B and T is reached at its
corners: low = f(B_high, T_low), high = f(B_low, T_high); an end of the range is included only if
both corners it comes from are.

Three ranges are compared with the stated interval S:

* E, the *exact* range: the baseline as printed, the target as qualified (a set value);
* F, the *full* range: E with the baseline also spread over its rounding interval;
* S, the stated rate with its own rounding interval, opened by its qualifier (15%以上 → [14.5, ∞)).

``exact_ok``: E meets S (consistent). ``full_ok``: F meets S (where only F does, the figures add up
only thanks to the baseline's rounding). Neither: inconsistent. No tolerance decides anything:
where an end of a range and an end of S are closer than binary floating point can tell apart,
they are compared exactly, in fractions (a compound rate through (1 + s)^n, which is rational), and
ends that are equal meet only if both are included: baseline 1.32 → target 1.6 over 5 years gives
(1.6 − 1.325)/5 = 0.055, the very top of a stated 0.05's [0.045, 0.055), so under half-up rounding
the two do not meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np

from .interval import DEFAULT, NOISE, Interval, Policy, exact, interval
from .printed import decimals, is_printed

RateUnit = Literal["percent", "pp", "times", "absolute"]
"""percent: compound % a year; pp: percentage points a year; times: a multiple over the span;
absolute: a change a year in the row's own unit (the same arithmetic as pp)."""

# Unit codes of the arrays
PERCENT, PP, TIMES = 0, 1, 2
UNIT_CODES: dict[str, int] = {"percent": PERCENT, "pp": PP, "times": TIMES, "absolute": PP}


@dataclass(frozen=True)
class Case:
    """One comparison of a stated rate with a baseline and a target, as printed.

    A baseline or target given as a float is a computed value (implied by a claim), not a printed
    figure: it has no rounding of its own, so its interval is given in ``*_bounds`` or is the point.
    """

    baseline: str | float
    target: str | float
    years: int  # n; 1 for a stated total
    stated: str | None  # None: only the implied range is wanted
    unit: RateUnit
    target_qualifier: str | None = None
    target_upper: str | None = None
    stated_qualifier: str | None = None
    # Explicit intervals, where the printed text alone does not give them: a measured end point
    # (both ends of a prose claim are rounded measurements), a value implied by another claim, a
    # multiple printed as a word (增长一倍 is exactly 2), or increments that add up.
    baseline_bounds: Interval | None = None
    target_bounds: Interval | None = None
    stated_bounds: Interval | None = None


@dataclass
class Outcome:
    """Arrays, one entry per case, all in the stated figure's unit (%, pp, or ×)."""

    point: np.ndarray  # rate from the figures as printed (target's lower end)
    exact_low: np.ndarray
    exact_high: np.ndarray
    low: np.ndarray  # full range: baseline over its rounding interval
    high: np.ndarray
    stated_low: np.ndarray
    stated_high: np.ndarray
    exact_ok: np.ndarray  # bool: the exact range meets the stated interval (False where nothing is stated)
    full_ok: np.ndarray  # bool: the full range meets it
    implied_target: np.ndarray  # what the stated rate reaches from the printed baseline
    implied_baseline: np.ndarray  # the baseline the stated rate needs to reach the printed target
    units_off: np.ndarray  # stated value's distance from the full range, in units of its last digit (0 inside)
    other_low: np.ndarray  # the full range read in the other annual unit (pp for percent, and back)
    other_high: np.ndarray
    other_fits: np.ndarray  # bool: the stated figure fits that other reading


def _rate(unit: np.ndarray, b: np.ndarray, t: np.ndarray, n: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        ratio = np.maximum(t, 0.0) / b
        compound = (np.power(ratio, 1.0 / n) - 1.0) * 100.0
        points = (t - b) / n
        rate: np.ndarray = np.where(unit == PP, points, np.where(unit == TIMES, ratio, compound))
    return rate


def _exact_sign(unit: int, b: Fraction, t: Fraction, n: int, s: Fraction) -> int | None:
    """The sign of rate(b, t) − s, computed exactly; None where it cannot be (a baseline not above 0)."""
    if unit == PP:
        d = (t - b) / n - s
    elif b <= 0:
        return None
    elif unit == TIMES:
        d = t / b - s
    else:  # compound: rate(b, t) ≥ s  ⟺  t/b ≥ (1 + s/100)^n, where 1 + s/100 > 0
        base = 1 + s / 100
        if base <= 0:
            return 0 if t == 0 and base == 0 else 1
        d = t / b - base**n
    return (d > 0) - (d < 0)


@dataclass(frozen=True)
class _End:
    value: float
    open: bool
    b: Fraction | None  # the corner it comes from, exactly (None: not known exactly)
    t: Fraction | None


def _range_meets(unit: int, n: int, low: _End, high: _End, stated: Interval) -> bool:
    """A range of implied rates [low, high] against the stated interval, decided exactly near a tie."""

    def not_after_rate(end: _End, s_value: float, s_exact: Fraction | None, s_open: bool, below: bool) -> bool:
        # below: is the range's end at or below the stated end (the range's low against S's high)?
        a, b = (end.value, s_value) if below else (s_value, end.value)
        if math.isinf(a) or math.isinf(b) or abs(b - a) > NOISE * max(1.0, abs(a), abs(b)):
            return a < b
        if end.b is not None and end.t is not None and s_exact is not None and n > 0:
            sign = _exact_sign(unit, end.b, end.t, n, s_exact)
            if sign is not None and sign != 0:
                return sign < 0 if below else sign > 0
        return not (end.open or s_open)

    return not_after_rate(low, stated.high, stated.high_exact, stated.high_open, True) and not_after_rate(
        high, stated.low, stated.low_exact, stated.low_open, False
    )


def _bounds(
    value: str | float, qualifier: str | None, *, measured: bool, policy: Policy, upper: str | None = None
) -> Interval:
    if isinstance(value, float):  # a computed value: exact as far as it goes
        return Interval.point(value)
    return interval(value, qualifier, measured=measured, upper=upper, policy=policy)


def evaluate(cases: list[Case], policy: Policy = DEFAULT) -> Outcome:
    """Compare every case in one vectorised pass (boundary ties decided exactly, case by case)."""
    with np.errstate(all="ignore"):  # overflow and 0/0 are data here: ∞ and NaN, never a warning
        return _evaluate(cases, policy)


def _evaluate(cases: list[Case], policy: Policy) -> Outcome:
    m = len(cases)
    bases: list[Interval] = []
    targets: list[Interval] = []
    fulls: list[Interval] = []
    saids: list[Interval | None] = []
    for c in cases:  # building the intervals: qualifiers are per case
        bases.append(c.baseline_bounds or _bounds(c.baseline, None, measured=True, policy=policy))
        # Targets are set values: exact, unless qualified (≥ opens, 左右 widens, 1—2 spans).
        target = _bounds(c.target, c.target_qualifier, measured=False, policy=policy, upper=c.target_upper)
        targets.append(target)
        fulls.append(c.target_bounds or target)
        if c.stated is None:
            saids.append(None)
        else:
            saids.append(c.stated_bounds or interval(c.stated, c.stated_qualifier, measured=True, policy=policy))
    b = np.fromiter((float(c.baseline) for c in cases), float, m)
    b_exact = [exact(c.baseline) if isinstance(c.baseline, str) else None for c in cases]
    b_lo = np.fromiter((x.low for x in bases), float, m)
    b_hi = np.fromiter((x.high for x in bases), float, m)
    t_lo = np.fromiter((x.low for x in targets), float, m)
    t_hi = np.fromiter((x.high for x in targets), float, m)
    f_lo = np.fromiter((x.low for x in fulls), float, m)
    f_hi = np.fromiter((x.high for x in fulls), float, m)
    s_lo = np.fromiter((np.nan if x is None else x.low for x in saids), float, m)
    s_hi = np.fromiter((np.nan if x is None else x.high for x in saids), float, m)
    t_point = np.fromiter((float(c.target) for c in cases), float, m)
    n = np.fromiter((c.years for c in cases), float, m)
    unit = np.fromiter((UNIT_CODES[c.unit] for c in cases), int, m)
    stated = np.fromiter((np.nan if c.stated is None else float(c.stated) for c in cases), float, m)
    last_digit = np.fromiter(
        (1.0 if c.stated is None or not is_printed(c.stated) else 10.0 ** -decimals(c.stated) for c in cases), float, m
    )

    point = _rate(unit, b, t_point, n)
    exact_low, exact_high = _rate(unit, b, t_lo, n), _rate(unit, b, t_hi, n)
    low, high = _rate(unit, b_hi, f_lo, n), _rate(unit, b_lo, f_hi, n)

    exact_ok = np.zeros(m, dtype=bool)
    full_ok = np.zeros(m, dtype=bool)
    for i, said in enumerate(saids):
        if said is None:
            continue
        k, years = int(unit[i]), int(n[i])
        base, tgt, full = bases[i], targets[i], fulls[i]
        exact_ok[i] = _range_meets(
            k,
            years,
            _End(float(exact_low[i]), tgt.low_open, b_exact[i], tgt.low_exact),
            _End(float(exact_high[i]), tgt.high_open, b_exact[i], tgt.high_exact),
            said,
        )
        full_ok[i] = _range_meets(
            k,
            years,
            _End(float(low[i]), base.high_open or full.low_open, base.high_exact, full.low_exact),
            _End(float(high[i]), base.low_open or full.high_open, base.low_exact, full.high_exact),
            said,
        )

    growth_factor = np.where(unit == TIMES, stated, np.power(1.0 + stated / 100.0, n))
    implied_target = np.where(unit == PP, b + stated * n, b * growth_factor)
    implied_baseline = np.where(unit == PP, t_point - stated * n, t_point / growth_factor)
    units_off = np.where(
        stated > high, (stated - high) / last_digit, np.where(stated < low, (stated - low) / last_digit, 0.0)
    )

    other = np.where(unit == PP, PERCENT, np.where(unit == PERCENT, PP, TIMES))
    other_low = _rate(other, b_hi, f_lo, n)
    other_high = _rate(other, b_lo, f_hi, n)
    other_fits = np.array(
        [
            said is not None and unit[i] != TIMES and Interval(float(other_low[i]), float(other_high[i])).meets(said)
            for i, said in enumerate(saids)
        ],
        dtype=bool,
    )

    return Outcome(
        point,
        exact_low,
        exact_high,
        low,
        high,
        s_lo,
        s_hi,
        exact_ok,
        full_ok,
        implied_target,
        implied_baseline,
        units_off,
        other_low,
        other_high,
        other_fits,
    )


def rates(unit: np.ndarray, baseline: np.ndarray, target: np.ndarray, years: np.ndarray) -> np.ndarray:
    """The annual pace from each baseline to each target over its years, element-wise (unit codes as
    ``UNIT_CODES``: compound % for PERCENT, change a year for PP and absolute); nan where undefined."""
    return _rate(unit, baseline, target, years)


def growth_factor(rate: float, years: float) -> float:
    """What a compound ``rate`` % a year multiplies by over ``years``: (1 + rate/100)^years.

    Never raises: ∞ where the result is beyond floating point, 0 where the rate is −100% or less (a
    fall of 100% or more leaves nothing, whatever follows).
    """
    base = 1.0 + rate / 100.0
    if base <= 0:
        return 0.0
    try:
        return float(base**years)
    except OverflowError:
        return math.inf


def annual_rate(ratio: float, years: float) -> float:
    """The compound % a year that multiplies by ``ratio`` over ``years``; never raises.

    A ratio of 0 is −100%, an infinite ratio ∞, a negative one (an open lower end) −100% as well.
    """
    if ratio <= 0 or math.isnan(ratio):
        return -100.0
    if math.isinf(ratio):
        return math.inf
    try:
        return float((ratio ** (1.0 / years) - 1.0) * 100.0)
    except OverflowError:
        return math.inf


def pace(unit: RateUnit, baseline: float, target: float, years: int) -> float:
    """The annual pace from a baseline to a target (no intervals): % or pp a year."""
    return float(
        _rate(np.array([UNIT_CODES[unit]]), np.array([baseline]), np.array([target]), np.array([float(years)]))[0]
    )

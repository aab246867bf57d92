"""Growth arithmetic, rounding-aware, for all indicators at once.

Every printed figure stands for an interval: a baseline of 7.4 is [7.35, 7.45], a stated 22% is
[21.5, 22.5]. For each indicator the growth the baseline and target imply is computed as a range, in
one numpy pass over arrays that hold every selected indicator:

* compound percent a year, for levels: ((T/B)^(1/n) − 1) × 100
* percentage points a year, for shares: (T − B) / n
* over the whole span (a stated 累计 total): the same with n = 1, or T/B for a multiple

Both formulas rise with T and fall with B, so the range over a box of B and T is reached at its
corners: low = f(B_high, T_low), high = f(B_low, T_high).

Three ranges are compared with the stated interval S:

* E, the *exact* range: the baseline as printed, the target as qualified (a set value; see
  ``interval.interval`` for what each qualifier does);
* F, the *full* range: E with the baseline also spread over its rounding interval;
* S, the stated rate with its own rounding interval, opened by its qualifier (15%以上 → [14.5, ∞)).

``exact_ok``: E meets S (consistent). ``full_ok``: F meets S (where only F does, the figures add up
only thanks to the baseline's rounding). Neither: inconsistent. No fixed tolerance is used anywhere;
a guard of 1e-9 of a unit of the last digit only absorbs binary floating-point noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .interval import Interval, interval
from .printed import decimals, is_printed

RateUnit = Literal["percent", "pp", "times"]

# Unit codes of the arrays
PERCENT, PP, TIMES = 0, 1, 2
UNIT_CODES: dict[str, int] = {"percent": PERCENT, "pp": PP, "times": TIMES}


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
    baseline_bounds: tuple[float, float] | None = None
    target_bounds: tuple[float, float] | None = None
    stated_bounds: tuple[float, float] | None = None


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


def _meets(lo1: np.ndarray, hi1: np.ndarray, lo2: np.ndarray, hi2: np.ndarray, guard: np.ndarray) -> np.ndarray:
    meets: np.ndarray = np.maximum(lo1, lo2) <= np.minimum(hi1, hi2) + guard
    return meets


def _bounds(value: str | float, qualifier: str | None, *, measured: bool, upper: str | None = None) -> Interval:
    if isinstance(value, float):  # a computed value: exact
        return Interval(value, value)
    return interval(value, qualifier, measured=measured, upper=upper)


def evaluate(cases: list[Case]) -> Outcome:
    """Compare every case in one vectorised pass."""
    with np.errstate(all="ignore"):  # overflow and 0/0 are data here: ∞ and NaN, never a warning
        return _evaluate(cases)


def _evaluate(cases: list[Case]) -> Outcome:
    m = len(cases)
    b = np.fromiter((float(c.baseline) for c in cases), float, m)
    b_lo, b_hi = np.empty(m), np.empty(m)
    t_lo, t_hi = np.empty(m), np.empty(m)  # exact range: the target as qualified
    f_lo, f_hi = np.empty(m), np.empty(m)  # full range: a measured target's rounding too
    s_lo, s_hi = np.empty(m), np.empty(m)
    for i, c in enumerate(cases):  # building the arrays: qualifiers are per case
        base = _bounds(c.baseline, None, measured=True)
        b_lo[i], b_hi[i] = c.baseline_bounds or (base.low, base.high)
        # Targets are set values: exact, unless qualified (≥ opens, 左右 widens, 1—2 spans).
        target = _bounds(c.target, c.target_qualifier, measured=False, upper=c.target_upper)
        t_lo[i], t_hi[i] = target.low, target.high
        f_lo[i], f_hi[i] = c.target_bounds or (t_lo[i], t_hi[i])
        if c.stated is None:
            s_lo[i], s_hi[i] = np.nan, np.nan
        else:
            said = interval(c.stated, c.stated_qualifier, measured=True)
            s_lo[i], s_hi[i] = c.stated_bounds or (said.low, said.high)
    t_point = np.fromiter((float(c.target) for c in cases), float, m)
    n = np.fromiter((c.years for c in cases), float, m)
    unit = np.fromiter((UNIT_CODES[c.unit] for c in cases), int, m)
    stated = np.fromiter((np.nan if c.stated is None else float(c.stated) for c in cases), float, m)
    last_digit = np.fromiter(
        (1.0 if c.stated is None or not is_printed(c.stated) else 10.0 ** -decimals(c.stated) for c in cases), float, m
    )
    guard = last_digit * 1e-9

    point = _rate(unit, b, t_point, n)
    exact_low, exact_high = _rate(unit, b, t_lo, n), _rate(unit, b, t_hi, n)
    low, high = _rate(unit, b_hi, f_lo, n), _rate(unit, b_lo, f_hi, n)

    exact_ok = _meets(exact_low, exact_high, s_lo, s_hi, guard)
    full_ok = _meets(low, high, s_lo, s_hi, guard)

    growth_factor = np.where(unit == TIMES, stated, np.power(1.0 + stated / 100.0, n))
    implied_target = np.where(unit == PP, b + stated * n, b * growth_factor)
    implied_baseline = np.where(unit == PP, t_point - stated * n, t_point / growth_factor)
    units_off = np.where(
        stated > high, (stated - high) / last_digit, np.where(stated < low, (stated - low) / last_digit, 0.0)
    )

    other = np.where(unit == PP, PERCENT, np.where(unit == PERCENT, PP, TIMES))
    other_low = _rate(other, b_hi, f_lo, n)
    other_high = _rate(other, b_lo, f_hi, n)
    other_fits = (unit != TIMES) & _meets(other_low, other_high, s_lo, s_hi, guard)

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

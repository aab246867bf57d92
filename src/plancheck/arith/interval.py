"""The one place where a printed figure and its qualifier become the interval of values it admits.

Every check that compares figures (a table's rates, a prose claim, a restated target, an identity, a
comparison across plans) asks :func:`interval` and nothing else, so a figure means the same thing
wherever it is read. Each end of an interval keeps whether it is included and, where it is known,
its exact value, so that a case whose intervals only touch is decided exactly, not by a tolerance.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from .printed import decimals

Qualifier = Literal["at_least", "more_than", "at_most", "less_than", "about"]
QUALIFIERS: tuple[Qualifier, ...] = ("at_least", "more_than", "at_most", "less_than", "about")
OPENS_UP: frozenset[str] = frozenset({"at_least", "more_than"})
OPENS_DOWN: frozenset[str] = frozenset({"at_most", "less_than"})

Rounding = Literal["half-up", "half-even", "any"]
ROUNDINGS: tuple[Rounding, ...] = ("half-up", "half-even", "any")


@dataclass(frozen=True)
class Policy:
    """How printed figures are read: the rounding rule that produced them, and the band of 左右.

    ``rounding``: ``half-up`` (四舍五入, the rule of Chinese statistics: a printed 1.32 stands for
    [1.315, 1.325), half-open, a half rounded away from zero); ``half-even`` (a half goes to the even
    digit: 1.32 stands for [1.315, 1.325] and 1.33 for (1.325, 1.335)); ``any`` (either, so both ends
    count: [1.315, 1.325]).

    ``about``: the relative band of 左右: 500左右 is 500 × (1 ± 0.1), 450 to 550; 1.0左右 is 0.9 to 1.1
    and 1.1左右 0.99 to 1.21, the same up to scale whatever digits are printed.
    """

    rounding: Rounding = "half-up"
    about: Fraction = Fraction(1, 10)


DEFAULT = Policy()


@dataclass(frozen=True)
class Interval:
    """The values a figure admits: ``low`` to ``high``, each end included unless marked open (an
    infinite end is always open), with the exact value of each finite end where it is known."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    low_exact: Fraction | None = None
    high_exact: Fraction | None = None

    def meets(self, other: Interval) -> bool:
        """The two share a value: decided exactly where both ends are known exactly."""
        return not_after(self.low, self.low_exact, self.low_open, other.high, other.high_exact, other.high_open) and (
            not_after(other.low, other.low_exact, other.low_open, self.high, self.high_exact, self.high_open)
        )

    def scaled(self, factor: Fraction) -> Interval:
        """The same values in another unit (``factor`` > 0, exact: 亿 → 万 is 10^4)."""
        if factor == 1:  # the figure is in the row's own unit, nearly always: nothing to multiply
            return self
        f = float(factor)
        return Interval(
            self.low * f,
            self.high * f,
            self.low_open,
            self.high_open,
            None if self.low_exact is None else self.low_exact * factor,
            None if self.high_exact is None else self.high_exact * factor,
        )

    @staticmethod
    def point(value: float, exact: Fraction | None = None) -> Interval:
        return Interval(value, value, False, False, exact, exact)


NOISE = 1e-9
"""Two floats closer than this (relative) are decided exactly, or, where no exact value is known, as equal."""


def not_after(
    low: float, low_exact: Fraction | None, low_open: bool, high: float, high_exact: Fraction | None, high_open: bool
) -> bool:
    """Whether an interval's lower end ``low`` can meet another's upper end ``high``: below it, or
    equal with both ends included."""
    if math.isinf(low) or math.isinf(high) or abs(high - low) > NOISE * max(1.0, abs(low), abs(high)):
        return low < high
    if low_exact is not None and high_exact is not None and low_exact != high_exact:
        return low_exact < high_exact
    return not (low_open or high_open)


@functools.lru_cache(maxsize=1 << 16)
def exact(text: str) -> Fraction:
    """The exact value of a printed figure (remembered: a Fraction is immutable)."""
    return Fraction(Decimal(text.strip()))


def _rounding_ends(v: Fraction, last_digit: int, policy: Policy) -> tuple[bool, bool]:
    """Whether the lower and upper end of a measured figure's rounding interval are included."""
    if policy.rounding == "any":
        return False, False
    if policy.rounding == "half-even":
        included = last_digit % 2 == 0
        return not included, not included
    # half-up, a half away from zero: 1.32 is [1.315, 1.325), −1.32 is (−1.325, −1.315], 0 is (−0.05, 0.05)
    if v > 0:
        return False, True
    if v < 0:
        return True, False
    return True, True


def interval(
    value: str,
    qualifier: str | None = None,
    *,
    measured: bool,
    upper: str | None = None,
    policy: Policy = DEFAULT,
) -> Interval:
    """The values a printed figure admits.

    ``measured``: the figure is a rounded measurement (a baseline, a stated rate, a value a claim
    reports for a past year), so it stands for the half unit of its last printed digit either side
    (7.4 is [7.35, 7.45), 3.20 is [3.195, 3.205)), its ends included as the rounding ``policy`` says.
    Otherwise it is a set value (a target): exactly itself.

    The qualifier then shapes it:

    ==================  =================================================  ===================
    qualifier           meaning                                            500 (set) becomes
    ==================  =================================================  ===================
    none                as above                                           [500, 500]
    at_least            以上, 不低于, 突破: no upper end                     [500, ∞)
    more_than           超过, 高于, >: no upper end, the figure excluded     (500, ∞)
    at_most             以内, 不超过, ≤: no lower end                        (−∞, 500]
    less_than           低于, <: no lower end, the figure excluded           (−∞, 500)
    about               左右: the figure × (1 ± the policy's band, 10%),     [450, 550]
                        measured or not
    ==================  =================================================  ===================

    ``upper``: the figure is a range (1—2家): ``value`` is its lower end and ``upper`` its upper end,
    each read as above, and the interval spans from the lower end's low to the upper end's high.
    """
    return _interval(value, qualifier, measured, upper, policy)


@functools.lru_cache(maxsize=1 << 16)
def _interval(value: str, qualifier: str | None, measured: bool, upper: str | None, policy: Policy) -> Interval:
    """``interval``, remembered: a data set prints the same figures again and again, and an
    ``Interval`` is immutable."""
    v = exact(value)
    if qualifier == "about" and v != 0:
        ends = sorted((v * (1 - policy.about), v * (1 + policy.about)))
        lo, hi, lo_open, hi_open = ends[0], ends[1], False, False
    elif measured:
        h = Fraction(1, 2 * 10 ** decimals(value))
        digits = value.strip().lstrip("+-").replace(".", "")
        lo_open, hi_open = _rounding_ends(v, int(digits[-1]) if digits else 0, policy)
        lo, hi = v - h, v + h
    else:
        lo, hi, lo_open, hi_open = v, v, False, False
    out = Interval(float(lo), float(hi), lo_open, hi_open, lo, hi)
    if upper is not None:
        top = interval(upper, qualifier, measured=measured, policy=policy)
        if top.high > out.high:
            out = Interval(out.low, top.high, out.low_open, top.high_open, out.low_exact, top.high_exact)
    if qualifier in OPENS_UP:
        out = Interval(out.low, math.inf, out.low_open or qualifier == "more_than", True, out.low_exact, None)
    elif qualifier in OPENS_DOWN:
        out = Interval(-math.inf, out.high, True, out.high_open or qualifier == "less_than", None, out.high_exact)
    return out

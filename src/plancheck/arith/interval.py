"""The one place where a printed figure and its qualifier become the interval of values it admits.

Every check that compares figures (a table's rates, a prose claim, a restated target, an identity, a
comparison across plans) asks :func:`interval` and nothing else, so a figure means the same thing
wherever it is read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from .printed import decimals, half_unit

Qualifier = Literal["at_least", "more_than", "at_most", "less_than", "about"]
QUALIFIERS: tuple[Qualifier, ...] = ("at_least", "more_than", "at_most", "less_than", "about")
OPENS_UP: frozenset[str] = frozenset({"at_least", "more_than"})
OPENS_DOWN: frozenset[str] = frozenset({"at_most", "less_than"})


@dataclass(frozen=True)
class Interval:
    """The closed range [low, high] of values a figure admits; an end may be infinite (open)."""

    low: float
    high: float

    def meets(self, other: Interval, guard: float = 0.0) -> bool:
        """The two ranges share a value (``guard`` absorbs binary floating-point noise)."""
        return max(self.low, other.low) <= min(self.high, other.high) + guard

    def scaled(self, factor: float) -> Interval:
        """The same range in another unit (``factor`` > 0)."""
        return Interval(self.low * factor, self.high * factor)


def about_radius(text: str) -> float:
    """Radius of a figure marked 左右 (about): half a unit of its last non-zero digit.

    ``500`` → 50 (so 500左右 means 450 to 550), ``8`` → 0.5, ``0.05`` → 0.005.
    """
    value = abs(float(text))
    if value == 0:
        return half_unit(text)
    d = decimals(text)
    digits = text.strip().lstrip("+-").replace(".", "")
    trailing_zeros = len(digits) - len(digits.rstrip("0"))
    return float(10.0 ** (trailing_zeros - d)) / 2


def interval(value: str, qualifier: str | None = None, *, measured: bool, upper: str | None = None) -> Interval:
    """The values a printed figure admits.

    ``measured``: the figure is a rounded measurement (a baseline, a stated rate, a value a claim
    reports for a past year), so it stands for ± half a unit of its last printed digit: 7.4 is
    [7.35, 7.45], 3.20 is [3.195, 3.205]. Otherwise it is a set value (a target): exactly itself.

    The qualifier then shapes it:

    ==================  =====================================================  ===================
    qualifier           meaning                                                500 (set) becomes
    ==================  =====================================================  ===================
    none                as above                                               [500, 500]
    at_least, more_than  以上, 不低于, 突破 / 超过: no upper end                   [500, ∞)
    at_most, less_than  以下, 以内 / 低于: no lower end                           (−∞, 500]
    about               左右: ± half a unit of the last non-zero digit,         [450, 550]
                        measured or not (500 → ±50, 8 → ±0.5, 0.05 → ±0.005)
    ==================  =====================================================  ===================

    ``upper``: the figure is a range (1—2家): ``value`` is its lower end and ``upper`` its upper end,
    each read as above, and the interval spans from the lower end's low to the upper end's high.
    """
    v = float(value)
    radius = half_unit(value) if measured else 0.0
    if qualifier == "about":
        radius = about_radius(value)
    low, high = v - radius, v + radius
    if upper is not None:
        high = max(high, interval(upper, qualifier, measured=measured).high)
    if qualifier in OPENS_UP:
        high = math.inf
    elif qualifier in OPENS_DOWN:
        low = -math.inf
    return Interval(low, high)

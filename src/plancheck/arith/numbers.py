"""Computed numbers, as people and JSON read them."""

from __future__ import annotations

import math
from decimal import Decimal

SIGNIFICANT = 15
"""A float holds about 15 significant digits: more would show binary noise (66666666666666664)."""


def format_number(x: float, digits: int = 3) -> str:
    """A short decimal form of a computed value, never in exponent form.

    ``digits`` decimals, trailing zeros dropped (``0.0940`` → ``0.094``); a value too small to show
    in them keeps three significant digits (``0.00000667``); at most 15 significant digits in all
    (``6.6666666666666664e16`` → ``66666666666666700``); inf → ``∞``.
    """
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if math.isnan(x):
        return "n/a"
    if x != 0 and abs(x) < 0.5 * 10.0**-digits:
        digits = max(digits, 2 - math.floor(math.log10(abs(x))))  # three significant digits
    value: float | Decimal = Decimal(f"{x:.{SIGNIFICANT}g}") if abs(x) >= 10.0**SIGNIFICANT else x
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def finite_or_none(x: float | None) -> float | None:
    """JSON has no infinity: an open end of a range (or a value not computed) is null."""
    if x is None or not math.isfinite(x):
        return None
    return float(x)


def _outward(x: float, places: int, up: bool) -> float:
    """``x`` rounded to ``places`` decimals away from the range's inside (up for a high end), once it
    is snapped to a multiple of the unit it lies within binary noise of."""
    k = x * 10.0**places
    nearest = round(k)
    if abs(k - nearest) <= 1e-9 * max(1.0, abs(k)):
        k = nearest
    return (math.ceil(k) if up else math.floor(k)) / 10.0**places


def format_range(low: float, high: float, digits: int = 3) -> tuple[str, str]:
    """The two ends of a computed range, rounded outwards (the low end down, the high end up) so that
    the shown range holds the true one, with as many more decimals as a range narrower than one unit
    of ``digits`` needs (8.9993 to 9.0002 is ``8.9993`` to ``9.0002``, not 9 to 9; 0.1083 to 0.125 at
    two decimals is ``0.1`` to ``0.13``). An infinite end is ``∞``."""
    if math.isinf(low) or math.isinf(high) or math.isnan(low) or math.isnan(high):
        return format_number(low, digits), format_number(high, digits)
    width = high - low
    if width <= 1e-9 * max(1.0, abs(low), abs(high)):  # a point: its nearest
        return format_number(low, digits), format_number(high, digits)
    places = digits
    while width > 0 and 10.0**-places > width and places < digits + 4:
        places += 1
    return format_number(_outward(low, places, False), places), format_number(_outward(high, places, True), places)

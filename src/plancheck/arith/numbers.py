"""Computed numbers, as people and JSON read them."""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal

SIGNIFICANT = 15
"""A float holds about 15 significant digits: more would show binary noise (66666666666666664)."""

RANGE_SIGNIFICANT = 13
"""The most significant digits a computed range's end is shown with."""

_WIDE = Context(prec=1200, Emin=-2000, Emax=2000)  # room for any float at any number of places shown


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
    return _trimmed(f"{value:.{digits}f}")


def _trimmed(text: str) -> str:
    """A decimal written out, its trailing zeros (and a bare point) dropped; never ``-0``."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


JSON_SIGNIFICANT = 10
"""The significant digits of a computed value in JSON: more than any printed figure carries, and
none of binary noise (0.09400000000000004 is written 0.094)."""


def json_number(x: float | None) -> float | None:
    """A computed value as JSON holds it: rounded to ``JSON_SIGNIFICANT`` significant digits; null
    for an open end of a range or a value not computed (JSON has no infinity)."""
    if x is None or not math.isfinite(x):
        return None
    rounded = float(f"{float(x):.{JSON_SIGNIFICANT}g}")
    return rounded if math.isfinite(rounded) else float(x)  # at the edge of floating point: as it is


def _outward(x: float, places: int, up: bool) -> Decimal:
    """``x`` rounded to ``places`` decimals away from the range's inside (up for a high end), once it
    is snapped to a multiple of the unit it lies within binary noise of. In decimals, so that no
    magnitude or number of places overflows. A large value keeps 15 significant digits, as in
    format_number, rounded outwards too."""
    exact_x = Decimal(x)
    unit = Decimal(1).scaleb(-places)
    if exact_x != 0 and exact_x.adjusted() >= SIGNIFICANT:
        unit = max(unit, Decimal(1).scaleb(exact_x.adjusted() - SIGNIFICANT + 1))
    nearest = exact_x.quantize(unit, rounding=ROUND_HALF_EVEN, context=_WIDE)
    units = abs(exact_x) / unit
    if abs(exact_x - nearest) <= unit * min(Decimal("1e-9") * max(Decimal(1), units), Decimal("1e-3")):
        return nearest
    return exact_x.quantize(unit, rounding=ROUND_CEILING if up else ROUND_FLOOR, context=_WIDE)


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
    # at most 13 significant digits: a computed float's binary noise stays below a thousandth of the last
    largest = max(abs(low), abs(high))
    if largest > 0:
        places = min(places, max(0, RANGE_SIGNIFICANT - 1 - math.floor(math.log10(largest))))
    return _shown(_outward(low, places, False), places), _shown(_outward(high, places, True), places)


def _shown(x: Decimal, places: int) -> str:
    """A rounded end as format_number writes it: no exponent, trailing zeros dropped."""
    return _trimmed(f"{x:.{places}f}")

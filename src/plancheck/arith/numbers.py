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

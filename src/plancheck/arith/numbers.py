"""Computed numbers, as people and JSON read them."""

from __future__ import annotations

import math


def format_number(x: float, digits: int = 3) -> str:
    """A short human form of a computed value: ``0.0940`` → ``0.094``, inf → ``∞``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if math.isnan(x):
        return "n/a"
    text = f"{x:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def finite_or_none(x: float | None) -> float | None:
    """JSON has no infinity: an open end of a range (or a value not computed) is null."""
    if x is None or not math.isfinite(x):
        return None
    return float(x)

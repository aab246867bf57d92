"""Numbers as printed: their value and their precision.

A plan prints ``7.4``; the measurement behind it is anywhere in [7.35, 7.45]. plancheck keeps every
figure as the text it was printed as, so that ``3.20`` (two decimals) never becomes ``3.2`` (one).
"""

from __future__ import annotations

import re
from decimal import Decimal

NUMBER_RE = re.compile(r"^[+-]?[0-9]+(?:\.([0-9]+))?$")
_FULLWIDTH = re.compile(r"[\uff10-\uff19\uff0e\uff05]")

LARGEST = Decimal("1e100")
SMALLEST = Decimal("1e-100")
"""Figures plancheck computes with: zero, or between 1e-100 and 1e100 in size. Products, quotients and
sums of such figures stay far from the limits of floating point (about 1e±308), so no check can
overflow on a printed figure; no plan prints a figure near either end."""


def check_printed(text: str) -> str:
    """Return ``text`` if it is a plain decimal number as printed, else raise ValueError with advice."""
    s = text.strip()
    if NUMBER_RE.match(s):
        size = abs(Decimal(s))
        if size > LARGEST:
            raise ValueError(
                f"{_short(s)} is too large to compute with (plancheck takes figures up to 1e100): "
                "check the figure and its unit"
            )
        if 0 < size < SMALLEST:
            raise ValueError(
                f"{_short(s)} is too small to compute with (plancheck takes figures down to "
                "1e-100): check the figure and its unit"
            )
        return s
    if _FULLWIDTH.search(s):
        raise ValueError(
            f"{text!r} has full-width characters: write the digits in ASCII "
            "(２２％ → 22, and put % in the indicator's unit)"
        )
    if s.endswith(("%", "％")):
        raise ValueError(
            f"{text!r} carries a percent sign: write the number alone ({s.rstrip('%％')}); the unit belongs in `unit`"
        )
    if re.match(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", s):
        raise ValueError(f"{text!r} has thousands separators: write {s.replace(',', '')}")
    if re.match(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$", s):
        raise ValueError(f"{text!r} is in exponent form: write the number as printed in the plan")
    if s.lower() in {".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf"}:
        raise ValueError(f"{text!r} is not a number a plan can print: write the figure as printed")
    raise ValueError(f"{text!r} is not a number as printed (expected digits such as 22, 3.20 or -1.5)")


def ascii_figure(text: str) -> str | None:
    """The plain figure meant by a figure written in one of the ways :func:`check_printed` refuses
    with advice, or None: full-width digits (``２２`` → ``22``), a percent sign (``22%`` → ``22``),
    thousands separators (``1,000`` → ``1000``)."""
    s = text.strip().translate(_TO_ASCII).removesuffix("%")
    if re.match(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", s):
        s = s.replace(",", "")
    return s if s != text and NUMBER_RE.match(s) else None


_TO_ASCII = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff0e": ".", "\uff05": "%", "\uff0c": ","})


def _short(s: str) -> str:
    """A very long figure, shortened for a message: its first and last digits and its length."""
    return s if len(s) <= 24 else f"{s[:10]}…{s[-6:]} ({len(s)} characters)"


def is_printed(text: str) -> bool:
    """Whether ``text`` is a plain decimal number as a plan prints it."""
    return NUMBER_RE.match(text.strip()) is not None


def decimals(text: str) -> int:
    """How many decimals a printed figure has: ``3.20`` → 2, ``1000`` → 0."""
    m = NUMBER_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a printed number: {text!r}")
    return len(m.group(1) or "")


def unit_of_last_digit(text: str) -> float:
    """``3.20`` → 0.01, ``22`` → 1."""
    return float(10.0 ** -decimals(text))


def half_unit(text: str) -> float:
    """Half a unit of the last printed digit: the rounding radius of the figure."""
    return unit_of_last_digit(text) / 2

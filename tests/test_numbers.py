"""Computed numbers as shown: ranges rounded outwards for any magnitude and any number of places."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancheck.arith.numbers import format_number, format_range


@pytest.mark.parametrize(
    "low, high, digits, shown",
    [
        # the low end down, the high end up, at the digits asked for
        (536.47, 538.38, 1, ("536.4", "538.4")),
        (0.0775, 0.0792, 3, ("0.077", "0.08")),
        (-5.5, -2.25, 1, ("-5.5", "-2.2")),  # up is towards zero for a negative high end
        # narrower than one unit of the digits: as many more decimals as it needs (at most four more)
        (8.9993, 9.0002, 2, ("8.9993", "9.0002")),
        (0.1083, 0.125, 2, ("0.1", "0.13")),
        # binary noise is not rounded outwards: 0.1 + 0.2 is 0.30000000000000004, shown 0.3
        (0.1 + 0.2, 0.5, 3, ("0.3", "0.5")),
        # hundreds of places asked for (a figure printed with 307 decimals): 13 significant digits
        (1.0, 1.0000001, 310, ("1", "1.0000001")),
        # no exponent form however large
        (1e20, 2e20, 3, ("100000000000000000000", "200000000000000000000")),
    ],
)
def test_ranges_shown_outwards(low, high, digits, shown):
    assert format_range(low, high, digits) == shown


def test_an_open_end_and_a_point():
    assert format_range(2.5, float("inf"), 2) == ("2.5", "∞")
    assert format_range(7.4, 7.4 + 1e-12, 2) == ("7.4", "7.4")


finite = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False, allow_infinity=False)


@given(a=finite, b=finite, digits=st.integers(0, 400))
def test_every_range_holds_the_true_one(a, b, digits):
    low, high = min(a, b), max(a, b)
    lo, hi = format_range(low, high, digits)
    assert "e" not in lo + hi and "E" not in lo + hi
    assert Decimal(lo) <= Decimal(hi)
    if high - low > 1e-9 * max(1.0, abs(low), abs(high)):  # not a point: the shown range holds it
        # within the snapping of binary noise, a billionth of the value
        assert Decimal(lo) <= Decimal(low) + Decimal("1e-9") * max(Decimal(1), abs(Decimal(low)))
        assert Decimal(hi) >= Decimal(high) - Decimal("1e-9") * max(Decimal(1), abs(Decimal(high)))


@given(
    a=st.floats(min_value=1e-3, max_value=1e6),
    b=st.floats(min_value=1e-3, max_value=1e6),
    digits=st.integers(0, 6),
)
def test_a_range_is_widened_by_less_than_one_unit_of_its_last_place(a, b, digits):
    low, high = min(a, b), max(a, b)
    lo, hi = format_range(low, high, digits)
    unit = Decimal(10) ** -digits
    assert Decimal(low) - Decimal(lo) < unit and Decimal(hi) - Decimal(high) < unit


@given(x=finite, digits=st.integers(0, 400))
def test_every_number_is_written_in_decimals(x, digits):
    text = format_number(x, digits)
    assert "e" not in text and "E" not in text
    assert abs(Decimal(text) - Decimal(x)) <= max(Decimal(10) ** -digits, abs(Decimal(x)) * Decimal("1e-14"))

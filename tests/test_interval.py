"""The one qualifier → interval function, case by case, and its users agreeing with it."""

from __future__ import annotations

import math

import pytest

import plancheck
from plancheck.arith.interval import Interval, about_radius, interval
from tests.conftest import PLAN_HEAD

INF = math.inf

# (printed, qualifier, measured, upper) → (low, high), each worked out by hand.
CASES = [
    # plain: a set value is itself; a measurement is ± half a unit of its last digit
    ("500", None, False, None, (500, 500)),
    ("500", None, True, None, (499.5, 500.5)),
    ("7.4", None, True, None, (7.35, 7.45)),
    # trailing zeros are precision: 3.20 is two decimals, 3.2 one
    ("3.20", None, True, None, (3.195, 3.205)),
    ("3.2", None, True, None, (3.15, 3.25)),
    # each qualifier
    ("1000", "at_least", False, None, (1000, INF)),  # 以上, 不低于, 突破
    ("1000", "more_than", False, None, (1000, INF)),  # 超过
    ("15", "at_least", True, None, (14.5, INF)),  # a stated 15%以上 keeps its rounding below
    ("5.5", "at_most", False, None, (-INF, 5.5)),  # 以内, 不超过
    ("5.5", "less_than", True, None, (-INF, 5.55)),  # 低于, measured
    # 左右: ± half a unit of the last non-zero digit, measured or not
    ("500", "about", False, None, (450, 550)),
    ("500", "about", True, None, (450, 550)),
    ("8", "about", False, None, (7.5, 8.5)),
    ("0.05", "about", False, None, (0.045, 0.055)),
    # ranges 1—2家: from the lower end's low to the upper end's high
    ("1", None, False, "2", (1, 2)),
    ("5", "about", False, "10", (4.5, 15)),  # 5—10项左右: 10 has its last non-zero digit in the tens: ±5
    ("1", None, True, "2", (0.5, 2.5)),
    ("1", "at_least", False, "2", (1, INF)),
]


@pytest.mark.parametrize("value, qualifier, measured, upper, expected", CASES)
def test_interval_of_a_printed_figure(value, qualifier, measured, upper, expected):
    got = interval(value, qualifier, measured=measured, upper=upper)
    assert (got.low, got.high) == pytest.approx(expected)


def test_about_radius_follows_the_last_nonzero_digit():
    assert [about_radius(t) for t in ("500", "550", "8", "0.05", "0")] == pytest.approx([50, 5, 0.5, 0.005, 0.5])


def test_meets_and_scaled():
    assert Interval(1, 2).meets(Interval(2, 3))
    assert not Interval(1, 2).meets(Interval(2.1, 3))
    assert Interval(1, 2).meets(Interval(2 + 1e-12, 3), guard=1e-9)
    assert Interval(1, INF).scaled(1e4) == Interval(1e4, INF)


def test_a_claims_about_end_is_widened_like_everywhere_else(tmp_path):
    # 德清: 500家左右 in 2025 after 增长25% (exact: within the plan's period): 500/1.25 = 400, and with
    # 左右 the end is 450 to 550, so the 2020 value is 450/1.25 = 360 to 550/1.25 = 440. (Before the
    # interval logic was one function, a claim read 500左右 as exactly 500 and gave 400 to 400.)
    path = tmp_path / "plan.yaml"
    path.write_text(
        PLAN_HEAD + "      - {id: x, name: x, unit: 家, category: other, target: {year: 2025, value: 1, line: 1}}\n"
        "    claims:\n"
        "      - id: firms\n        subject: 企业\n        unit: 家\n        line: 5\n"
        "        start: {year: 2020}\n"
        "        end: {year: 2025, value: 500, qualifier: about, line: 5}\n"
        "        changes:\n          - {value: 25, unit: percent, line: 5}\n",
        encoding="utf-8",
    )
    (claim,) = plancheck.verify(plancheck.load(path)).claims
    assert claim.status == "implied"
    assert (claim.point, claim.low, claim.high) == pytest.approx((400, 360, 440))

"""The one qualifier → interval function, case by case; the rounding policies, exact at the
boundaries; and its users agreeing with it."""

from __future__ import annotations

import math
from decimal import Decimal, getcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plancheck
from plancheck.arith.growth import Case, evaluate
from plancheck.arith.interval import Interval, Policy, interval
from plancheck.model.status import verdict
from tests.conftest import PLAN_HEAD

INF = math.inf
HALF_UP, HALF_EVEN, ANY = Policy("half-up"), Policy("half-even"), Policy("any")

# (printed, qualifier, measured, upper, policy) → (low, high, low open, high open), worked out by hand.
CASES = [
    # a set value is itself; a measurement is ± half a unit of its last digit, half-open under half-up
    ("500", None, False, None, HALF_UP, (500, 500, False, False)),
    ("500", None, True, None, HALF_UP, (499.5, 500.5, False, True)),
    ("7.4", None, True, None, HALF_UP, (7.35, 7.45, False, True)),
    ("-1.32", None, True, None, HALF_UP, (-1.325, -1.315, True, False)),  # a half away from zero
    ("0", None, True, None, HALF_UP, (-0.5, 0.5, True, True)),
    # half-even: both ends count where the last digit is even, neither where it is odd
    ("1.32", None, True, None, HALF_EVEN, (1.315, 1.325, False, False)),
    ("1.33", None, True, None, HALF_EVEN, (1.325, 1.335, True, True)),
    ("1.32", None, True, None, ANY, (1.315, 1.325, False, False)),
    # trailing zeros are precision: 3.20 is two decimals, 3.2 one
    ("3.20", None, True, None, HALF_UP, (3.195, 3.205, False, True)),
    ("3.2", None, True, None, HALF_UP, (3.15, 3.25, False, True)),
    # each qualifier; 超过 and 低于 leave the figure itself out
    ("1000", "at_least", False, None, HALF_UP, (1000, INF, False, True)),  # 以上, 不低于, 突破
    ("1000", "more_than", False, None, HALF_UP, (1000, INF, True, True)),  # 超过
    ("15", "at_least", True, None, HALF_UP, (14.5, INF, False, True)),  # a stated 15%以上 keeps its rounding below
    ("5.5", "at_most", False, None, HALF_UP, (-INF, 5.5, True, False)),  # 以内, 不超过
    ("5.5", "less_than", False, None, HALF_UP, (-INF, 5.5, True, True)),  # 低于
    ("5.5", "less_than", True, None, HALF_UP, (-INF, 5.55, True, True)),  # measured: below its rounding's top
    ("7", "more_than", True, None, HALF_UP, (6.5, INF, True, True)),  # above some threshold in [6.5, 7.5)
    # 左右: the figure × (1 ± 0.1), whatever its digits, measured or not
    ("500", "about", False, None, HALF_UP, (450, 550, False, False)),
    ("500", "about", True, None, HALF_UP, (450, 550, False, False)),
    ("1.0", "about", False, None, HALF_UP, (0.9, 1.1, False, False)),
    ("1.1", "about", False, None, HALF_UP, (0.99, 1.21, False, False)),
    ("8", "about", True, None, Policy(about=Fraction(1, 20)), (7.6, 8.4, False, False)),  # a band of 5%
    # ranges 1—2家: from the lower end's low to the upper end's high
    ("1", None, False, "2", HALF_UP, (1, 2, False, False)),
    ("5", "about", False, "10", HALF_UP, (4.5, 11, False, False)),  # 5—10项左右
    ("1", None, True, "2", HALF_UP, (0.5, 2.5, False, True)),
    ("1", "at_least", False, "2", HALF_UP, (1, INF, False, True)),
]


@pytest.mark.parametrize("value, qualifier, measured, upper, policy, expected", CASES)
def test_interval_of_a_printed_figure(value, qualifier, measured, upper, policy, expected):
    got = interval(value, qualifier, measured=measured, upper=upper, policy=policy)
    assert (got.low, got.high) == pytest.approx(expected[:2])
    assert (got.low_open, got.high_open) == expected[2:]


def test_about_is_the_same_up_to_scale():
    # 1.0左右 and 1.1左右, 10左右 and 11左右, 500左右 and 550左右: the band is 10% of each
    for a, b in (("1.0", "1.1"), ("10", "11"), ("500", "550")):
        ia, ib = interval(a, "about", measured=False), interval(b, "about", measured=False)
        assert (ia.high - ia.low) / float(a) == pytest.approx((ib.high - ib.low) / float(b)) == pytest.approx(0.2)


def test_meets_decides_touching_ends_by_whether_both_are_included():
    assert Interval(1, 2).meets(Interval(2, 3))
    assert not Interval(1, 2, high_open=True).meets(Interval(2, 3))
    assert not Interval(1, 2).meets(Interval(2, 3, low_open=True))
    assert not Interval(1, 2).meets(Interval(2.1, 3))
    # 0.1 + 0.2 is 0.30000000000000004 in binary: the exact values decide, not the floats
    tied = Interval(0, 0.1 + 0.2, high_exact=Fraction(3, 10))
    assert tied.meets(Interval(0.3, 1, low_exact=Fraction(3, 10)))
    assert not tied.meets(Interval(0.3, 1, low_open=True, low_exact=Fraction(3, 10)))
    assert Interval(1, INF, True, True).scaled(Fraction(10**4)) == Interval(1e4, INF, True, True)


def statuses(case: Case, policy: Policy) -> str:
    out = evaluate([case], policy)
    return verdict(bool(out.exact_ok[0]), bool(out.full_ok[0])).value


def test_the_boundary_example():
    # Baseline 1.32 → target 1.6 over 5 years, a stated 0.05 pp/yr. (1.6 − 1.32)/5 = 0.056, outside
    # 0.05's rounding; with the baseline's rounding the lowest is (1.6 − 1.325)/5 = 0.055 exactly, the
    # top of 0.05's interval. Half-up: 1.32 is [1.315, 1.325) and 0.05 is [0.045, 0.055): 0.055 is in
    # neither, so no printed figures can give it. Half-even: 1.32 is [1.315, 1.325] (2 is even) but
    # 0.05 is (0.045, 0.055) (5 is odd): still no. Either rule (any): the ends touch, within rounding.
    case = Case("1.32", "1.6", 5, "0.05", "pp")
    assert statuses(case, HALF_UP) == "inconsistent"
    assert statuses(case, HALF_EVEN) == "inconsistent"
    assert statuses(case, ANY) == "rounding"


def test_the_boundary_example_through_the_command_line(run, write):
    path = write(
        PLAN_HEAD
        + (
            '      - {id: x, name: 企业研发占比, unit: "%", category: rd, baseline: {year: 2020, value: 1.32, line: 1},\n'
            "         target: {year: 2025, value: 1.6, line: 2}, growth: {value: 0.05, unit: pp, line: 3}}\n"
        )
    )
    assert run("verify", "--data", str(path), "-f", "plain").exit_code == 1
    assert run("verify", "--data", str(path), "-f", "plain", "--rounding", "half-even").exit_code == 1
    loose = run("verify", "--data", str(path), "-f", "plain", "--rounding", "any")
    assert loose.exit_code == 0 and "[growth-rounding]" in loose.stdout


def _printed(x: Decimal) -> str:
    return format(x, "f")


getcontext().prec = 400


@settings(max_examples=150, deadline=None)
@given(
    base=st.integers(1, 99_999),
    base_places=st.integers(0, 3),
    rate=st.integers(1, 999),
    rate_places=st.integers(0, 2),
    years=st.integers(1, 12),
    compound=st.booleans(),
)
def test_a_range_that_touches_the_stated_interval_at_one_end_only(
    base, base_places, rate, rate_places, years, compound
):
    # The target is made, exactly, so that the lowest rate the figures allow (from the top of the
    # baseline's rounding) equals the top of the stated rate's rounding: the two touch at one point.
    b = Decimal(base).scaleb(-base_places)
    s = Decimal(rate).scaleb(-rate_places)
    b_top = b + Decimal(5).scaleb(-base_places - 1)
    s_top = s + Decimal(5).scaleb(-rate_places - 1)
    target = b_top * (1 + s_top / 100) ** years if compound else b_top + s_top * years
    case = Case(_printed(b), _printed(target), years, _printed(s), "percent" if compound else "pp")
    # half-up: both ends are the open tops of their intervals: they do not meet
    assert statuses(case, HALF_UP) == "inconsistent"
    # either rule: they meet at that one point; the baseline as printed gives a higher rate
    assert statuses(case, ANY) == "rounding"
    # half-even: they meet only if both tops are included, i.e. both last digits are even
    both_even = base % 2 == 0 and rate % 2 == 0
    assert statuses(case, HALF_EVEN) == ("rounding" if both_even else "inconsistent")


def test_a_claims_about_end_is_widened_like_everywhere_else(tmp_path):
    # 500家左右 in 2025 after 增长25% (exact: within the plan's period): 500/1.25 = 400, and with 左右
    # the end is 450 to 550, so the 2020 value is 450/1.25 = 360 to 550/1.25 = 440.
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

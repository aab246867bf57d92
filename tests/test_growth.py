"""The growth arithmetic against values computed by hand, and the rounding property."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.arith.growth import Case, Outcome, evaluate
from plancheck.model.status import verdict


def statuses(out: Outcome) -> list[str]:
    return [verdict(bool(e), bool(f)).value for e, f in zip(out.exact_ok, out.full_ok, strict=False)]


def one(case: Case):
    out = evaluate([case])
    return {**{k: getattr(out, k)[0] for k in out.__dataclass_fields__}, "status": statuses(out)[0]}


def test_percentage_points_that_do_not_add_up():
    # Jiaxing R&D intensity: (3.20 − 2.73)/5 = 0.094 pp a year. The baseline 2.73 is [2.725, 2.735]:
    # (3.20 − 2.735)/5 = 0.093 and (3.20 − 2.725)/5 = 0.095. Stated 0.05 is [0.045, 0.055]: no overlap.
    r = one(Case("2.73", "3.20", 5, "0.05", "pp"))
    assert r["status"] == "inconsistent"
    assert r["point"] == pytest.approx(0.094)
    assert (r["low"], r["high"]) == pytest.approx((0.093, 0.095))
    assert r["implied_target"] == pytest.approx(2.98)  # 2.73 + 5 × 0.05
    assert r["implied_baseline"] == pytest.approx(2.95)  # 3.20 − 5 × 0.05
    assert r["units_off"] == pytest.approx(-4.3)  # (0.05 − 0.093) / 0.01
    # Read as compound %: (3.20/2.735)^(1/5) − 1 = 3.19%, (3.20/2.725)^(1/5) − 1 = 3.27%: no fit either.
    assert (r["other_low"], r["other_high"]) == pytest.approx((3.1900, 3.2658), abs=1e-3)
    assert not r["other_fits"]


def test_compound_growth_that_adds_up():
    # (20/7.4)^(1/5) − 1: ln(2.70270) = 0.99425, /5 = 0.198851, e^ = 1.220000 → 22.0000%
    r = one(Case("7.4", "20", 5, "22", "percent"))
    assert r["status"] == "consistent"
    assert r["point"] == pytest.approx(22.0000, abs=1e-3)
    # 7.45 → (20/7.45)^(0.2) − 1 = 21.836%; 7.35 → 22.166%
    assert (r["low"], r["high"]) == pytest.approx((21.836, 22.166), abs=1e-3)


def test_consistent_only_thanks_to_the_baselines_rounding():
    # Stated 22.1% is [22.05, 22.15]; the printed figures give 22.000%, outside; the baseline's
    # interval gives up to 22.166%, inside: "rounding".
    assert one(Case("7.4", "20", 5, "22.1", "percent"))["status"] == "rounding"


def test_an_open_target_admits_any_rate_above_the_one_reaching_it():
    # (1000/567)^(1/5) − 1: ln(1.763668) = 0.567395, /5 = 0.113479, e^ − 1 = 12.0169%
    r = one(Case("567", "1000", 5, "12.02", "percent", target_qualifier="at_least"))
    assert r["status"] == "consistent" and r["point"] == pytest.approx(12.0169, abs=1e-3)
    assert math.isinf(r["high"])
    # A stated 15% reaches more than 1000, which "1000以上" allows.
    assert one(Case("567", "1000", 5, "15", "percent", target_qualifier="at_least"))["status"] == "consistent"
    # A stated 10% does not reach 1000.
    assert one(Case("567", "1000", 5, "10", "percent", target_qualifier="at_least"))["status"] == "inconsistent"


def test_an_open_stated_rate():
    # (521.3/259.19)^(1/5) − 1 = 14.999%; "15%以上" is [14.5, ∞): consistent; "16%以上" is [15.5, ∞): not.
    assert one(Case("259.19", "521.3", 5, "15", "percent", stated_qualifier="at_least"))["status"] == "consistent"
    assert one(Case("259.19", "521.3", 5, "16", "percent", stated_qualifier="at_least"))["status"] == "inconsistent"


def test_a_target_at_most():
    # "100以内" from 50 over 5 years allows −100% up to (100/50)^(1/5) − 1 = 14.87% a year.
    assert one(Case("50", "100", 5, "10", "percent", target_qualifier="at_most"))["status"] == "consistent"
    assert one(Case("50", "100", 5, "20", "percent", target_qualifier="at_most"))["status"] == "inconsistent"


def test_a_target_about_is_widened_by_half_its_last_nonzero_digit():
    # 500左右 is [450, 550]; from 400 over 5 years: (450/400)^(0.2) − 1 = 2.38%, (550/400)^(0.2) − 1 = 6.58%
    assert one(Case("400", "500", 5, "6", "percent", target_qualifier="about"))["status"] == "consistent"
    assert one(Case("400", "500", 5, "6", "percent"))["status"] == "inconsistent"  # exact 500: 4.56%


def test_a_range_target():
    # 1—2 from 1 over 5 years: 0% to (2/1)^(0.2) − 1 = 14.87%
    assert one(Case("1", "1", 5, "10", "percent", target_upper="2"))["status"] == "consistent"


def test_a_stated_total_over_the_span():
    # 81.8/44.1 − 1 = 85.488%; with 44.1 as [44.05, 44.15]: 85.28% to 85.70%. Stated 85.3 is [85.25, 85.35]:
    # outside the printed point, inside the rounding range.
    r = one(Case("44.1", "81.8", 1, "85.3", "percent"))
    assert r["status"] == "rounding"
    assert r["point"] == pytest.approx(85.488, abs=1e-3)
    # 翻一番: 3 → 6 is a multiple of exactly 2
    assert one(Case("3", "6", 1, "2", "times"))["status"] == "consistent"


def test_the_other_reading_is_reported_when_it_fits():
    # 42.3 → 50 over 5 years is 1.54 pp a year; stated as "1.54%" compound it is 3.40%, inconsistent,
    # but the percentage-point reading [1.53, 1.55] fits.
    r = one(Case("42.3", "50", 5, "1.54", "percent"))
    assert r["status"] == "inconsistent" and r["other_fits"]


def test_all_cases_in_one_pass_match_one_by_one():
    cases = [
        Case("2.73", "3.20", 5, "0.05", "pp"),
        Case("7.4", "20", 5, "22", "percent"),
        Case("567", "1000", 5, "12.02", "percent", target_qualifier="at_least"),
    ]
    together = evaluate(cases)
    for i, c in enumerate(cases):
        assert statuses(together)[i] == one(c)["status"]
        assert together.point[i] == pytest.approx(one(c)["point"])


# --------------------------------------------------------------------------- property

printed = st.builds(lambda v, d: f"{v:.{d}f}", st.floats(0.5, 50_000), st.integers(0, 3))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    baseline=printed,
    target=printed,
    years=st.integers(1, 20),
    places=st.integers(0, 3),
    unit=st.sampled_from(["percent", "pp"]),
)
def test_rounded_true_rate_is_never_flagged_and_two_units_off_always_is(baseline, target, years, places, unit):
    if float(baseline) <= 0 or float(target) <= 0:
        return
    # The true rate from the figures as printed, by the formula written out here independently, and
    # printed as Chinese statistics print it: rounded half up (四舍五入). Percentage points are exact
    # fractions, so a true rate of 0.125 is printed 0.13, never 0.12.
    b, t = float(baseline), float(target)
    if unit == "percent":
        true = Decimal(((t / b) ** (1 / years) - 1) * 100)
    else:
        true = (Decimal(target) - Decimal(baseline)) / years
    stated = str(true.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    out = evaluate([Case(baseline, target, years, stated, unit)])
    assert statuses(out)[0] == "consistent"

    unit_digit = 10.0**-places
    above = f"{out.high[0] + 2 * unit_digit:.{places}f}"
    below = f"{out.low[0] - 2 * unit_digit:.{places}f}"
    flagged = evaluate([Case(baseline, target, years, above, unit), Case(baseline, target, years, below, unit)])
    assert statuses(flagged) == ["inconsistent", "inconsistent"]

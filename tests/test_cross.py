"""Identities between indicators, plans against plans, and the plausibility of stated rates."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import plancheck
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled():
    data = plancheck.load([BUNDLED])
    return plancheck.check(data.plans, data.catalogue, data.findings)


def implied(run_, plan, year):
    return next(v for v in run_.identities if v.plan.id == plan and v.year == year)


def test_implied_gdp_from_the_seeds(bundled):
    # Jiaxing 2015: 96.02 ÷ 2.73% = 3517.22亿元; 96.015 ÷ 2.735% = 3510.6, 96.025 ÷ 2.725% = 3523.9
    v = implied(bundled, "jiaxing-2016-2020", 2015)
    assert (v.point, v.low, v.high) == pytest.approx((3517.22, 3510.60, 3523.85), abs=0.01)
    assert (v.numerator.source, v.denominator.source) == ("claim rd-spending-2010-2015", "baseline of rd-intensity")
    # Deqing 2020: 17.95 ÷ 3.34% = 537.43 (17.945 ÷ 3.345% = 536.47 to 17.955 ÷ 3.335% = 538.38)
    v = implied(bundled, "deqing-2021-2025", 2020)
    assert (v.point, v.low, v.high) == pytest.approx((537.43, 536.47, 538.38), abs=0.01)
    # Deqing 2025 (targets, exact): 40 ÷ 4.5% = 888.89
    assert implied(bundled, "deqing-2021-2025", 2025).point == pytest.approx(888.89, abs=0.01)
    # Haining 2025: 60 ÷ 3.86% = 1554.40
    assert implied(bundled, "haining-2023-2025", 2025).point == pytest.approx(1554.40, abs=0.01)


def test_the_gdp_growth_deqings_targets_assume(bundled):
    # (888.89/537.43)^(1/5) − 1: ratio 1.653966, ln 0.503178, /5 = 0.100636, e^ − 1 = 10.588% a year
    (f,) = [f for f in bundled.findings if f.rule == "identity-pace"]
    assert f.plan == "deqing-2021-2025"
    # 888.89 against 536.47 to 538.38 (17.95 and 3.34 rounded): 10.548% to 10.627% a year, shown outwards
    assert "537.4亿元 (2020) → 888.9亿元 (2025), 10.59% a year (10.54 to 10.63)" in f.message
    assert not [f for f in bundled.findings if f.rule in ("identity-implausible", "identity-mismatch")]


def test_county_shares_of_the_city(bundled):
    shares = sorted(f.message for f in bundled.findings if f.rule == "hierarchy-share")
    assert shares == [
        # 70 ÷ 521.3 = 13.4%
        "桐乡市 plans 13.4% of 嘉兴市's target for high-tech-investment: 70 of 521.3 (jiaxing-2016-2020) (2019 against 2020)",
        # 15 ÷ ≥100: at most 15%; 孵化机构 counted in 个 by Jiaxing and in 家 by Tongxiang
        "桐乡市 plans at most 15% of 嘉兴市's target for incubation-institutions: 15 of 100 (jiaxing-2016-2020) "
        "(2019 against 2020)",
        # 1000 ÷ ≥6000: at most 16.7%
        "海宁市 plans at most 16.7% of 嘉兴市's target for high-tech-enterprises: 1000 of 6000 (jiaxing-315) "
        "(2025 against 2027)",
    ]


def test_pace_between_the_jiaxing_plans(bundled):
    paces = {f.indicator: f.message for f in bundled.findings if f.rule == "successive-pace"}
    assert set(paces) == {"rd-intensity", "high-tech-industry-share", "st-smes", "high-tech-enterprises"}
    assert paces["high-tech-enterprises"].endswith(
        "from jiaxing-2016-2020's target 1000 (2020) to this plan's 6000 (2027) is 29.17% a year"
    )


# --------------------------------------------------------------------------- made-up plans


def plan(
    pid: str, region: str, level: str, first: int, last: int, rows: str, parent: str = "", subregions: str = ""
) -> str:
    extra = f", parent: {parent}" if parent else ""
    extra += f", subregions: [{subregions}]" if subregions else ""
    return textwrap.dedent(f"""\
      - id: {pid}
        title: {{zh: 规划{pid}}}
        region: {{zh: {region}, en: {pid}, level: {level}{extra}}}
        issuer: 测试
        period: {{first: {first}, last: {last}}}
        source: test.txt
        indicators:
    """).replace("\n", "\n  ").rstrip(" ") + textwrap.indent(textwrap.dedent(rows), "      ")


def row(rid: str, key: str, unit: str, target: str, baseline: str = "", growth: str = "") -> str:
    text = f'- id: {rid}\n  name: 指标{rid}\n  unit: "{unit}"\n  category: other\n  key: {key}\n'
    text += f"  baseline: {{{baseline}, line: 1}}\n" if baseline else ""
    text += f"  target: {{{target}, line: 2}}\n" if target else ""
    text += f"  growth: {{{growth}, line: 3}}\n" if growth else ""
    return text


def findings(write, *plans: str, rules: tuple[str, ...]) -> list[tuple[int, str, str]]:
    path = write("plans:\n" + "".join("  " + p for p in plans))
    data = plancheck.load([path])
    assert data.findings == [], data.findings
    found = plancheck.check(data.plans, data.catalogue, data.findings).findings
    return [(f.line, f.rule, f.message) for f in found if f.rule in rules]


def test_implausible_implied_growth(write):
    # GDP 10 ÷ 2% = 500 (2020) → 40 ÷ 2.5% = 1600 (2025): (3.2)^(1/5) − 1 = 26.19% a year, above 12%
    p = plan(
        "a",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("rd", "rd-spending", "亿元", "year: 2025, value: 40", "year: 2020, value: 10")
        + row("ri", "rd-intensity", "%", "year: 2025, value: 2.5", "year: 2020, value: 2.0"),
    )
    (found,) = findings(write, p, rules=("identity-implausible",))
    assert found[0] == 15 and "500亿元 (2020) → 1600亿元 (2025), 26.19% a year" in found[2]
    assert "outside the plausible 0 to 12% a year: the nominal GDP of Zhejiang's" in found[2]


def test_identity_contradicts_a_stated_figure(write):
    # 40 ÷ 4.5% = 888.9, but the plan states GDP 1000 for 2025
    p = plan(
        "a",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("rd", "rd-spending", "亿元", "year: 2025, value: 40")
        + row("ri", "rd-intensity", "%", "year: 2025, value: 4.5")
        + row("g", "gdp", "亿元", "year: 2025, value: 1000"),
    )
    (found,) = findings(write, p, rules=("identity-mismatch",))
    assert found == (
        26,
        "identity-mismatch",
        "地区生产总值 in 2025 is stated as 1000亿元 (target of g), but "
        "rd-spending ÷ rd-intensity gives 888.9 to 888.9: one of the three figures is off",
    )


def test_a_county_above_its_city_and_counties_above_their_sum(write):
    city = plan(
        "city",
        "测试市",
        "prefecture",
        2021,
        2025,
        row("h", "high-tech-enterprises", "家", "year: 2025, value: 6000"),
        subregions="甲县, 乙县",
    )
    a = plan(
        "a",
        "甲县",
        "county",
        2021,
        2025,
        row("h", "high-tech-enterprises", "家", "year: 2025, value: 7000"),
        parent="测试市",
    )
    b = plan(
        "b",
        "乙县",
        "county",
        2021,
        2025,
        row("h", "high-tech-enterprises", "家", "year: 2025, value: 2000"),
        parent="测试市",
    )
    found = findings(write, city, a, b, rules=("hierarchy-exceeds", "hierarchy-sum", "hierarchy-share"))
    assert found == [
        (
            14,
            "hierarchy-sum",
            "the 2 subregions of 测试市 plan 9000 for high-tech-enterprises in 2025 together, "
            "more than its 6000: the parts exceed the whole",
        ),
        (
            27,
            "hierarchy-exceeds",
            "甲县's 2025 target for high-tech-enterprises, 7000, exceeds 测试市's 6000 (city): "
            "a part cannot be more than the whole",
        ),
        (40, "hierarchy-share", "乙县 plans 33.3% of 测试市's target for high-tech-enterprises: 2000 of 6000 (city)"),
    ]


@pytest.mark.parametrize("value, rule, word", [("900", "target-missed", "misses"), ("1000", "target-met", "reaches")])
def test_a_later_plan_shows_an_earlier_target_met_or_missed(write, value, rule, word):
    early = plan(
        "early",
        "甲市",
        "prefecture",
        2016,
        2020,
        row("h", "high-tech-enterprises", "家", "year: 2020, value: 1000", "year: 2015, value: 567"),
    )
    late = plan(
        "late",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("h", "high-tech-enterprises", "家", "year: 2025, value: 2000", f"year: 2020, value: {value}"),
    )
    found = findings(write, early, late, rules=("target-met", "target-missed", "successive-pace"))
    assert found == [
        (28, rule, f"high-tech-enterprises in 2020: {value} (baseline of h) {word} early's target of 1000"),
        # (2000/1000)^(1/5) − 1 = 14.87% a year
        (
            29,
            "successive-pace",
            "high-tech-enterprises: from early's target 1000 (2020) to this plan's 2000 (2025) is 14.87% a year",
        ),
    ]


def test_a_stated_annual_fall_that_reads_as_a_total(write):
    p = plan(
        "a",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("x", "high-tech-investment", "亿元", "", "year: 2020, value: 100", "value: -20, unit: percent"),
    )
    (found,) = findings(write, p, rules=("implausible-rate",))
    # 0.8^5 = 0.32768: −67% in all
    assert found == (
        15,
        "implausible-rate",
        "a stated -20% a year over 5 years is -67% in all (×0.33): if the plan "
        "means the change over the whole period, write it as total:",
    )


def test_a_stated_annual_change_that_equals_the_total(write):
    # 2.73 → 3.20 is 0.47 pp in all; stated 0.47 pp a year does not fit 5 years but fits the whole span
    p = plan(
        "a",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("ri", "rd-intensity", "%", 'year: 2025, value: "3.20"', "year: 2020, value: 2.73", "value: 0.47, unit: pp"),
    )
    (found,) = findings(write, p, rules=("annual-equals-total", "implausible-rate"))
    assert found == (
        16,
        "annual-equals-total",
        "the stated 0.47 pp a year equals the whole change from 2.73 (2020) "
        "to 3.20 (2025), 0.47 pp over 5 years: it reads as the period's total, not a yearly rate",
    )


def test_a_value_implied_by_a_claim_feeds_an_identity(write):
    """2020 R&D spending 30, 比2015年增长一倍 → 2015 spending 15 (implied; 30 is [29.5, 30.5], so 14.75 to
    15.25); with a 2015 intensity of 2.5% ([2.45, 2.55]), GDP 2015 = 15 ÷ 2.5% = 600亿元, from
    14.75 ÷ 2.55% = 578.43 to 15.25 ÷ 2.45% = 622.45, shown outwards: 578.4 to 622.5."""
    p = plan(
        "a",
        "甲市",
        "prefecture",
        2021,
        2025,
        row("ri", "rd-intensity", "%", "year: 2025, value: 3", "year: 2015, value: 2.5"),
    )
    p += textwrap.indent(
        textwrap.dedent("""\
        claims:
          - id: doubled
            subject: 研发经费
            unit: 亿元
            key: rd-spending
            line: 9
            start: {year: 2015}
            end: {year: 2020, value: 30, line: 9}
            changes:
              - {value: 2, unit: times, printed: 增长一倍, line: 9}
        """),
        "    ",
    )
    (found,) = findings(write, p, rules=("identity-value",))
    assert found[2] == (
        "implied 地区生产总值 (GDP) in 2015: 600亿元 (578.4 to 622.5) = rd-spending 15 "
        "(implied by claim doubled) ÷ rd-intensity 2.5% (baseline of ri)"
    )


def test_plans_of_one_region_and_period_pair_alike_in_any_file_order(write):
    # Two 2016–2020 plans of 甲市 (ids alpha and beta), then one for 2021–2025. Plans of the same
    # period follow each other by id, so beta's 1200 (not alpha's 1000) is the one the later plan
    # continues, whichever file is read first: (2000/1200)^(1/5) − 1 = 1.6667^0.2 − 1 = 10.76% a year.
    def one(pid: str, first: int, last: int, target: str) -> Path:
        text = plan(pid, "甲市", "prefecture", first, last, row("h", "high-tech-enterprises", "家", target))
        return write("plans:\n  " + text, f"{pid}.yaml")

    alpha = one("alpha", 2016, 2020, "year: 2020, value: 1000")
    beta = one("beta", 2016, 2020, "year: 2020, value: 1200")
    late = one("late", 2021, 2025, "year: 2025, value: 2000")

    def found(*paths: Path) -> list[tuple[str, int, str, str]]:
        data = plancheck.load(list(paths))
        assert data.findings == [], data.findings
        run = plancheck.check(data.plans, data.catalogue, data.findings)
        return [(Path(f.file).name, f.line, f.rule, f.message) for f in run.findings]

    forward = found(alpha, beta, late)
    assert forward == found(late, beta, alpha) == found(beta, alpha, late)
    assert [f for f in forward if f[2] == "successive-pace"] == [
        (
            "late.yaml",
            14,
            "successive-pace",
            "high-tech-enterprises: from beta's target 1200 (2020) to this plan's 2000 (2025) is 10.76% a year",
        )
    ]

"""Claims in the prose: values computed by hand, each finding at its line."""

from __future__ import annotations

import json

import pytest

import plancheck
from plancheck.analysis.claims import evaluate
from tests.conftest import BUNDLED, PLAN_HEAD


@pytest.fixture(scope="module")
def results():
    data = plancheck.load([BUNDLED])
    return {(r.claim.id, r.change): r for r in evaluate(data.plans)}


def yaml_line(text: str, after: str) -> int:
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i + 1 for i in range(start, len(lines)) if text in lines[i])


def test_jiaxing_2010_to_2015(results):
    # 96.02亿元 in 2015, 比2010年增长一倍 (×2, exact): 2010 = 96.02/2 = 48.01; 96.015/2 = 48.0075, 96.025/2 = 48.0125
    r = results[("rd-spending-2010-2015", 0)]
    assert (r.status, r.implied_year) == ("implied", 2010)
    assert (r.point, r.low, r.high) == pytest.approx((48.01, 48.0075, 48.0125))
    # 6.4% (2010) → 7.02% (2015): (7.02 − 6.4)/5 = 0.124 pp a year; (7.015 − 6.45)/5 = 0.113, (7.025 − 6.35)/5 = 0.135
    r = results[("fiscal-st-share-2010-2015", None)]
    assert r.status == "pace" and r.unit == "pp"
    assert (r.point, r.low, r.high) == pytest.approx((0.124, 0.113, 0.135))
    # 206.66 → 628.87: ratio 3.043017, ln 1.112850, /5 = 0.222570, e^ − 1 = 24.928% a year
    r = results[("high-tech-value-added-2010-2015", None)]
    assert r.status == "pace" and r.point == pytest.approx(24.928, abs=1e-3)


def test_deqing_2015_to_2020(results):
    # 3.34% in 2020, 提升0.62个百分点: 3.34 − 0.62 = 2.72; 3.335 − 0.625 = 2.71, 3.345 − 0.615 = 2.73
    r = results[("rd-intensity-2015-2020", 0)]
    assert (r.point, r.low, r.high) == pytest.approx((2.72, 2.71, 2.73))
    # 81.8亿元, 增长85.3%: 81.8/1.853 = 44.1446; 81.75/1.8535 = 44.1057, 81.85/1.8525 = 44.1835
    r = results[("emerging-value-added-2015-2020", 0)]
    assert (r.point, r.low, r.high) == pytest.approx((44.1446, 44.1057, 44.1835), abs=1e-4)
    # 126.8亿元, 增长43.9%: 126.8/1.439 = 88.1167
    assert results[("high-tech-value-added-2015-2020", 0)].point == pytest.approx(88.1167, abs=1e-4)
    # 45.86 and 218.03, 翻倍增长 (at least ×2): 2015 at most 45.865/2 = 22.9325 and 218.035/2 = 109.0175
    assert results[("invention-patents-2015-2020", 0)].high == pytest.approx(22.9325)
    assert results[("rd-personnel-2015-2020", 0)].high == pytest.approx(109.0175)
    # 31家, 增长26家: 2015 = 5 (4 to 6); then 翻倍增长: 31/5 = 6.2 ≥ 2, consistent
    assert (results[("enterprise-research-institutes-2015-2020", 0)].point,) == pytest.approx((5.0,))
    r = results[("enterprise-research-institutes-2015-2020", 1)]
    assert r.status == "consistent" and r.point == pytest.approx(6.2)
    # 103家, 增长65家: 2015 = 38; 103/38 = 2.7105 ≥ 2
    assert results[("hte-rd-centres-2015-2020", 0)].point == pytest.approx(38.0)
    r = results[("hte-rd-centres-2015-2020", 1)]
    assert r.status == "consistent" and r.point == pytest.approx(2.7105, abs=1e-4)


@pytest.mark.parametrize(
    "claim, ratio",
    [
        ("doubling-rd-spending", 40 / 17.95),  # 2.2284
        ("doubling-high-tech-enterprises", 550 / 273),  # 2.0147
        ("doubling-st-smes", 1800 / 883),  # 2.0385
        ("doubling-rd-institutions", 200 / 98),  # 2.0408
        ("doubling-tech-transactions", 25 / 12),  # 2.0833
        ("doubling-pct-applications", 140 / 66),  # 2.1212
    ],
)
def test_deqing_six_doublings(results, claim, ratio):
    r = results[(claim, 0)]
    assert r.status == "consistent" and r.unit == "times"
    assert r.point == pytest.approx(ratio)
    assert r.point >= 2


def test_tongxiang_increments(results):
    # 突破1000家 after 新增70家 and 新增150家 (targets for 2019, exact): 2018 at least 1000 − 220 = 780
    r = results[("enterprises-total-2019", 0)]
    assert r.status == "implied" and r.low == pytest.approx(780.0) and r.high == float("inf")
    # 600家以上 after 新增100家: 2018 at least 500
    assert results[("rd-institutions-2019", 0)].low == pytest.approx(500.0)


def test_the_incubator_increment_adds_up(results):
    r = results[("new-incubators-2020-2025", 0)]  # 3 (2020) + 3 = 6 (2025)
    assert r.status == "consistent" and r.point == pytest.approx(3.0)


def test_claim_findings_on_the_bundled_data():
    data = plancheck.load([BUNDLED])
    found = plancheck.check(data.plans, data.catalogue, data.findings).findings
    claims = [(f.line, f.rule, f.indicator) for f in found if f.rule.startswith("claim-")]
    # 10 implied values, 2 paces, and the yearly equivalent of Deqing's four 2015–2020 additions and of
    # Jiaxing's 22.92亿元 on its online market in 2011–2015 (22.92/5 = 4.584 a year); no mismatch
    assert len(claims) == 17
    line = yaml_line("新增技术成交额22.92亿元, line: 8", "id: online-market-transactions-2010-2015")
    assert (line, "claim-equivalent", "online-market-transactions-2010-2015") in claims
    assert {rule for _, rule, _ in claims} == {"claim-implied", "claim-pace", "claim-equivalent"}
    line = yaml_line("{value: 0.62, unit: pp", "id: rd-intensity-2015-2020")
    assert (line, "claim-implied", "rd-intensity-2015-2020") in claims
    f = next(f for f in found if f.indicator == "rd-intensity-2015-2020")
    assert f.message == (
        "R&D经费支出占GDP比重: 3.34% in 2020 and 提升0.62个百分点 imply 2.72% (2.71 to 2.73 within rounding) in 2015"
    )


CLAIM_HEAD = (
    PLAN_HEAD
    + """\
      - id: x
        name: 甲
        unit: 亿元
        category: other
        target: {year: 2025, value: 100, line: 1}
    claims:
"""
)


@pytest.mark.parametrize(
    "body, rule, line, message",
    [
        (
            """\
      - id: wrong
        subject: 增加值
        unit: 亿元
        line: 31
        start: {year: 2015, value: 50, line: 31}
        end: {year: 2020, value: 80, line: 31}
        changes:
          - {value: 85.3, unit: percent, line: 31}
""",
            "claim-mismatch",
            22,
            # 80/50 − 1 = 60%; with 50 as [49.5, 50.5) and 80 as [79.5, 80.5): 79.5/50.5 − 1 = 57.4257% to
            # 80.5/49.5 − 1 = 62.6263%, shown outwards at three decimals
            "增加值: 85.3% does not fit 50 (2015) → 80 (2020): the figures give 60% (57.425 to 62.627 within their "
            "rounding); check the figures and their years against the source",
        ),
        (
            """\
      - id: close
        subject: 增加值
        unit: 亿元
        line: 31
        start: {year: 2015, value: 44.1, line: 31}
        end: {year: 2020, value: 81.8, line: 31}
        changes:
          - {value: 85.3, unit: percent, line: 31}
""",
            "claim-rounding",
            22,
            # 81.8/44.1 − 1 = 85.488%, outside [85.25, 85.35]; with the ends' rounding
            # 81.75/44.15 − 1 = 85.164% to 81.85/44.05 − 1 = 85.812%
            "增加值: 85.3% fits 44.1 (2015) → 81.8 (2020) only within the rounding of the figures (85.488%; "
            "85.164 to 85.812)",
        ),
        (
            """\
      - id: energy
        subject: 单位GDP能源消耗
        unit: "%"
        line: 12
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: -17.7, unit: percent, printed: 累计降低17.7%, line: 12}
""",
            "claim-equivalent",
            22,
            # 0.823^(1/5) − 1 = exp(ln 0.823 / 5) − 1 = exp(−0.194799 / 5) − 1 = exp(−0.038960) − 1 = −3.8211%; −17.7 is measured
            # (2020 is before the period): [−17.75, −17.65] gives 0.8225^0.2 − 1 = −3.8329% to
            # 0.8235^0.2 − 1 = −3.8095%, shown outwards at three decimals
            "单位GDP能源消耗: 累计降低17.7% over 2015–2020 is -3.82% a year (-3.833 to -3.809)",
        ),
        (
            """\
      - id: co2
        subject: 单位GDP二氧化碳排放
        unit: "%"
        line: 13
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: -4.5, unit: percent, per_year: true, printed: 年均降低4.5%, line: 13}
          - {value: -18, unit: percent, printed: 累计降低18%, line: 13}
""",
            "claim-mismatch",
            23,
            # 0.955^5 = 0.955² · 0.955² · 0.955 = 0.912025² · 0.955 = 0.794359: −20.564% in total;
            # [−4.55, −4.45] a year gives 0.9545^5 − 1 = −20.772% to 0.9555^5 − 1 = −20.356%, shown
            # outwards; 18's [17.5, 18.5) lies outside
            "单位GDP二氧化碳排放: 累计降低18% does not fit 年均降低4.5% (2015–2020): the figures give -20.564% "
            "(-20.772 to -20.355 within their rounding); check the figures and their years against the source",
        ),
        (
            """\
      - id: life
        subject: 人均预期寿命
        unit: 岁
        line: 14
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: 1, unit: absolute, printed: 提高1岁, line: 14}
""",
            "claim-equivalent",
            22,
            # 1 year over 5 is 0.2 a year; 1 printed as [0.5, 1.5) gives 0.1 to 0.3
            "人均预期寿命: 提高1岁 over 2015–2020 is 0.2岁 a year (0.1 to 0.3)",
        ),
    ],
)
def test_claim_rules_at_their_line(write, body, rule, line, message):
    data = plancheck.load([write(CLAIM_HEAD + body)])
    (f,) = [f for f in plancheck.check(data.plans, data.catalogue, data.findings).findings if f.rule == rule]
    assert (f.rule, f.line, f.message) == (rule, line, message)


def test_a_claim_of_changes_only_is_checked_between_them(write):
    # 累计降低17.7% and 年均降低3.8%: 0.823^(1/5) − 1 = −3.8211% a year from the total, in −3.8's [−3.85, −3.75): consistent
    data = plancheck.load(
        [
            write(
                CLAIM_HEAD
                + """\
      - id: energy
        subject: 单位GDP能源消耗
        unit: "%"
        key: rd-intensity
        line: 12
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: -17.7, unit: percent, printed: 累计降低17.7%, line: 12}
          - {value: -3.8, unit: percent, per_year: true, printed: 年均降低3.8%, line: 12}
"""
            )
        ]
    )
    run = plancheck.verify(data)
    first, second = run.claims
    assert (first.status, first.equivalent, first.implied_year) == ("implied", True, None)
    assert first.point == pytest.approx(-3.8211, abs=1e-4)
    assert (second.status, second.point) == ("consistent", pytest.approx(-3.8211, abs=1e-4))
    # the index of 100 behind the check is no figure of the plan: nothing for the identities
    assert not [f for f in run.findings if f.rule.startswith("identity-")]
    assert first.as_dict()["equivalent"] is True and first.as_dict()["computed"]["unit"] == "percent"


def test_a_claim_needs_two_values_or_a_change(write, run):
    path = write(
        CLAIM_HEAD
        + """\
      - id: bare
        subject: 增加值
        unit: 亿元
        line: 3
        start: {year: 2015}
        end: {year: 2020, value: 80, line: 3}
"""
    )
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1
    assert "a claim without both of its values needs a change, to imply or check them" in result.stdout


def test_claims_in_every_format(run):
    doc = json.loads(run("verify", "deqing", "--format", "json").stdout)
    # consistent: 9, and line 262's 翻番 of Deqing's high-tech enterprises (273 → 550) and S&T SMEs
    # (883 → 1800), each at least ×2; implied: 7, and the four 2015–2020 additions of lines 33 and 35
    assert doc["summary"]["claims"] == {"consistent": 11, "rounding": 0, "inconsistent": 0, "implied": 11, "pace": 0}
    c = next(c for c in doc["claims"] if c["claim"] == "doubling-rd-spending")
    assert c["status"] == "consistent" and c["computed"]["value"] == pytest.approx(40 / 17.95)
    out = run("verify", "deqing", "--format", "plain").stdout
    assert "info [claim-implied] 战略性新兴产业: 81.8亿元 in 2020 and 85.3% imply 44.14亿元" in out
    assert (
        "省级企业研究院: 翻倍增长 fits 5 (implied) (2015) → 31 (2020) (6.2×)"
        in run("verify", "deqing", "--format", "table", env={"COLUMNS": "200"}).stdout
    )

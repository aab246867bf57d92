"""Every row of a national main-indicator table: rate rows, text and relative targets, yearly bounds,
cumulative changes, another year's data, figures in other units, bounds and exact figures as
baselines, real rates against nominal levels. The figures are made up, in the shapes of real tables;
every expectation is worked out by hand in a comment."""

from __future__ import annotations

import json

import pytest

import plancheck

TABLE = """\
plans:
  - id: nation-2021-2025
    title: {zh: 国民经济和社会发展第十四个五年规划纲要（示例）}
    region: {zh: 全国, en: China, level: national}
    issuer: 全国人民代表大会
    period: {first: 2021, last: 2025}
    source: national.txt
    indicators:
      - id: gdp-growth
        name: 国内生产总值增长
        unit: "%"
        group: 经济发展
        kind: rate
        binding: indicative
        baseline: {year: 2020, value: 5.0, line: 3}
        goal: {text: 保持在合理区间、各年度视情提出, line: 3}
      - id: productivity
        name: 全员劳动生产率增长
        unit: "%"
        group: 经济发展
        kind: rate
        binding: indicative
        baseline: {year: 2020, value: 5.4, line: 4}
        relative: {relation: above, to: gdp-growth, printed: 高于国内生产总值增长, line: 4}
      - id: urbanisation
        name: 常住人口城镇化率
        unit: "%"
        group: 经济发展
        binding: indicative
        baseline: {year: 2019, value: 64.7, other_year: true, line: 5}
        target: {year: 2025, value: 68, line: 5}
        growth: {value: 0.55, unit: pp, line: 5}
      - id: rd-growth
        name: 全社会研发经费投入增长
        unit: "%"
        group: 创新驱动
        kind: rate
        baseline: {year: 2020, value: 8.3, line: 6}
        growth: {value: 7, unit: percent, qualifier: more_than, line: 6}
      - id: rd-spending
        name: 全社会研发经费
        unit: 亿元
        group: 创新驱动
        baseline: {year: 2020, value: 24393, line: 7}
        target: {year: 2025, value: 3.5, unit: 万亿元, line: 7}
        growth: {value: 7.5, unit: percent, line: 7}
      - id: urban-income-growth
        name: 城镇居民人均可支配收入增长
        unit: "%"
        group: 民生福祉
        kind: rate
        growth: {value: 6.5, unit: percent, line: 8}
      - id: rural-income-growth
        name: 农村居民人均可支配收入增长
        unit: "%"
        group: 民生福祉
        kind: rate
        growth: {value: 6, unit: percent, line: 9}
        relative: {relation: above, to: urban-income-growth, printed: 高于城镇居民收入增长, line: 9}
      - id: unemployment
        name: 城镇调查失业率
        unit: "%"
        group: 民生福祉
        binding: indicative
        baseline: {year: 2020, value: 5.1, line: 10}
        target: {year: 2025, value: 5.5, qualifier: less_than, per_year: true, line: 10}
      - id: life-expectancy
        name: 人均预期寿命
        unit: 岁
        group: 民生福祉
        pace: absolute
        baseline: {year: 2020, value: 78.6, line: 11}
        total: {value: 1, unit: absolute, line: 11}
      - id: energy-intensity
        name: 单位GDP能源消耗降低
        unit: "%"
        group: 绿色生态
        binding: binding
        total: {value: 13.5, unit: percent, direction: down, line: 12}
      - id: grain
        name: 粮食综合生产能力
        unit: 亿吨
        group: 安全保障
        binding: binding
        target: {year: 2025, value: 7, qualifier: more_than, line: 13}
      - id: economy
        name: 经济总量
        unit: 亿元
        group: 经济发展
        baseline: {year: 2020, value: 4, unit: 万亿元, qualifier: more_than, printed: 突破4万亿, line: 14}
        target: {year: 2025, value: 5.5, unit: 万亿元, line: 14}
        growth: {value: 8, unit: percent, line: 14}
      - id: output-index
        name: 工业增加值指数
        unit: "2020年=100"
        group: 经济发展
        baseline: {year: 2020, value: 100, exact: true, line: 15}
        target: {year: 2025, value: 130, line: 15}
        growth: {value: 5.5, unit: percent, line: 15}
      - id: gdp-real
        name: 国内生产总值
        unit: 万亿元
        group: 经济发展
        baseline: {year: 2020, value: 101.6, price_basis: current, line: 16}
        target: {year: 2025, value: 130, price_basis: current, line: 16}
        growth: {value: 5, unit: percent, price_basis: constant, line: 16}
      - id: gdp-deflated
        name: 国内生产总值（名义）
        unit: 万亿元
        group: 经济发展
        baseline: {year: 2020, value: 101.6, price_basis: current, line: 17}
        target: {year: 2025, value: 143.2, price_basis: current, line: 17}
        growth: {value: 5, unit: percent, price_basis: constant, line: 17}
        deflator: {value: 2, note: an assumed GDP deflator}
  - id: county-prose
    title: {zh: 示例县政府工作报告}
    region: {zh: 示例县, en: Example, level: county}
    issuer: 示例县人民政府
    period: {first: 2021, last: 2025}
    source: prose.txt
    claims:
      - id: firms
        subject: 高新技术企业
        unit: 家
        line: 3
        start: {year: 2015, value: 50, line: 3}
        end: {year: 2020, value: 100, line: 3}
        changes:
          - {value: 2, unit: times, printed: 翻一番, line: 3}
"""


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "national.yaml"
    path.write_text(TABLE, encoding="utf-8")
    return path


def line_of(text: str) -> int:
    return next(i + 1 for i, line in enumerate(TABLE.splitlines()) if text in line)


def test_the_table_validates_as_written(table, run):
    result = run("validate", str(table), "--format", "plain")
    assert (result.exit_code, result.stdout) == (0, "")


def test_each_row_gets_its_verdict_or_reason(table, run):
    doc = json.loads(run("verify", "--data", str(table), "--format", "json").stdout)
    rows = {r["indicator"]: r for r in doc["results"]}
    got = {k: (r["shape"], r["status"], r["reason"]) for k, r in rows.items()}
    assert got == {
        # a rate with a target in words: nothing to compute
        "gdp-growth": ("rate", "unchecked", "the row is itself a rate: no pace is computed from it"),
        "productivity": ("rate", "unchecked", "the row is itself a rate: no pace is computed from it"),
        # 64.7 is 2019's (the * of the table): n = 2025 − 2019 = 6, (68 − 64.7)/6 = 0.55 exactly
        "urbanisation": ("share", "consistent", None),
        # a rate row with a yearly floor and no target rate: nothing to compare
        "rd-growth": ("rate", "unchecked", "the row is itself a rate: no pace is computed from it"),
        # 3.5万亿元 = 35000亿元: (35000/24393)^(1/5) − 1 = 7.488%, in 7.5's [7.45, 7.55)
        "rd-spending": ("level", "consistent", None),
        "urban-income-growth": ("rate", "unchecked", "the row is itself a rate: no pace is computed from it"),
        "rural-income-growth": ("rate", "unchecked", "the row is itself a rate: no pace is computed from it"),
        # below 5.5 every year: no level to reach
        "unemployment": ("yearly bound", "unchecked", "a bound that holds every year, not a level to reach"),
        # 〔1〕 year over 2021–2025: 1/5 = 0.2 years a year, the yearly equivalent shown
        "life-expectancy": ("cumulative change", "implied", None),
        # 〔13.5〕 down over five years: 1 − (1 − 0.135)^(1/5) = 2.859% a year
        "energy-intensity": ("cumulative change", "implied", None),
        "grain": ("level", "unchecked", "no baseline"),
        # 突破4万亿: the baseline is above 40000亿元, so at most (55000/40000)^(1/5) − 1 = 6.58% a year, below
        # 8's [7.5, 8.5). Were 4 read as a rounded 3.5 to 4.5万亿, up to 9.46% would pass it within rounding.
        "economy": ("level", "inconsistent", None),
        # 2020=100 is exact: (130/100)^(1/5) − 1 = 5.387%, not in 5.5's [5.45, 5.55). Were 100 read as
        # [99.5, 100.5), 5.283% to 5.493% would pass it within rounding.
        "output-index": ("level", "inconsistent", None),
        # a real 5% against nominal levels, no deflator
        "gdp-real": (
            "level",
            "unchecked",
            "not comparable: a real rate (at comparable prices) against nominal levels; give a deflator",
        ),
        # 5% real and 2% prices: (1.0495 × 1.0195 − 1) to (1.0505 × 1.0205 − 1) = 6.997% to 7.204% nominal;
        # the levels give (143.2/101.6)^(1/5) − 1 = 7.105%
        "gdp-deflated": ("level", "consistent", None),
    }
    assert rows["life-expectancy"]["computed"]["value"] == pytest.approx(0.2)
    assert rows["energy-intensity"]["computed"]["value"] == pytest.approx(-2.85885, abs=1e-4)
    assert rows["unemployment"]["binding"] == "indicative" and rows["grain"]["binding"] == "binding"
    assert rows["energy-intensity"]["group"] == "绿色生态"


def test_the_findings_at_their_lines(table, run):
    result = run("verify", "--data", str(table), "--format", "plain")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    errors = [(int(x.split(":")[1]), x.split("[")[1].split("]")[0]) for x in lines if ": error [" in x]
    assert errors == [
        (line_of("growth: {value: 6, unit: percent, line: 9}") + 1, "relative-mismatch"),
        (line_of("growth: {value: 8, unit: percent, line: 14}"), "growth-mismatch"),
        (line_of("growth: {value: 5.5, unit: percent, line: 15}"), "growth-mismatch"),
    ]
    (rural,) = [x for x in lines if "[relative-mismatch]" in x]
    assert rural.endswith(
        "农村居民人均可支配收入增长 is set above 城镇居民人均可支配收入增长 (高于城镇居民收入增长), but its figure (6 to 6) "
        "cannot be above that row's (6.5 to 6.5) (source: national.txt:9)"
    )
    (energy,) = [x for x in lines if "[yearly-equivalent]" in x and "单位GDP" in x]
    assert energy.endswith(
        "单位GDP能源消耗降低: a cumulative fall of 〔13.5〕% over 5 years is -2.86% a year (-2.88 to -2.84) (source: national.txt:12)"
    )
    (life,) = [x for x in lines if "[yearly-equivalent]" in x and "寿命" in x]
    assert life.endswith(
        "人均预期寿命: a cumulative of 〔1〕岁 over 5 years is 0.2岁 a year (0.1 to 0.3) (source: national.txt:11)"
    )
    (real,) = [x for x in lines if "[unchecked]" in x and "gdp" not in x and "comparable prices" in x]
    assert "stated growth 5%/yr cannot be checked: not comparable: a real rate" in real
    assert not [x for x in lines if "[base-year]" in x]  # 2019's figure is marked as such


def test_show_and_the_verify_table_list_every_row(table, run):
    shown = run("show", "nation-2021-2025", "--data", str(table), env={"COLUMNS": "200"}).stdout
    for text in (
        "经济发展",
        "保持在合理区间、各年度视情提出",
        "高于国内生产总值增长",
        "rate · 预期性",
        "yearly bound",
        "〔13.5〕% fall",
        "2019: 64.7*",
        "2020: >4 万亿元",
        "2025: <5.5/yr",
        "cumulative change · 约束性",
    ):
        assert text in shown, text
    table_view = run("verify", "--data", str(table), "--format", "table", env={"COLUMNS": "200"}).stdout
    for text in ("– a rate", "– yearly bound", "– real vs nominal", "→ implied", "✗ inconsistent"):
        assert text in table_view, text


def test_a_plan_of_claims_only(table):
    data = plancheck.load(table)
    (prose,) = [p for p in data.plans if p.id == "county-prose"]
    assert prose.indicators == []
    (claim,) = list(plancheck.verify(data, ["county-prose"]).claims)
    assert claim.status == "consistent"  # 100/50 = 2 exactly, 翻一番


def test_a_plan_needs_indicators_or_claims(tmp_path, run):
    path = tmp_path / "empty.yaml"
    path.write_text(TABLE.split("    indicators:")[0].replace("nation-2021-2025", "empty"), encoding="utf-8")
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1 and "a plan needs indicators or claims (or both)" in result.stdout

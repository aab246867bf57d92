"""plancheck verify: the bundled data's verdicts, each rule at its line, JSON contract, exit codes."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plancheck
from tests.conftest import BUNDLED, indicator_yaml


def yaml_line(text: str) -> int:
    """The line of data/targets.yaml holding ``text`` (found independently of plancheck)."""
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if text in line]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.fixture(scope="module")
def bundled_run():
    data = plancheck.load([BUNDLED])
    return plancheck.check(data.plans, data.catalogue, data.findings)


# Jiaxing 2016–2020, each stated rate recomputed by hand from the table (lines 34–77 of the source):
JIAXING = {
    # (3.20 − 2.73)/5 = 0.094 pp, range 0.093–0.095; stated 0.05 → inconsistent
    "rd-intensity": ("inconsistent", 0.094),
    # (1.6 − 1.32)/5 = 0.056 pp; stated 0.06 is [0.055, 0.065]
    "enterprise-rd-ratio": ("consistent", 0.056),
    # (129/122.31)^(1/5) − 1 = 1.0708%; stated 1.07 is [1.065, 1.075]
    "rd-personnel-per-10k": ("consistent", 1.0708),
    # (20/7.4)^(1/5) − 1 = 22.000%
    "invention-patents-per-10k": ("consistent", 22.0),
    # (14.5/10.6)^(1/5) − 1 = 6.4664%; stated 6.5 is [6.45, 6.55]
    "labour-productivity": ("consistent", 6.4664),
    # (30/13.66)^(1/5) − 1 = 17.0399%; stated 17 is [16.5, 17.5]
    "tech-transactions": ("consistent", 17.0399),
    # (50 − 42.3)/5 = 1.54 pp
    "high-tech-industry-share": ("consistent", 1.54),
    # (40 − 37.8)/5 = 0.44 pp
    "new-product-rate": ("consistent", 0.44),
    # (1000/567)^(1/5) − 1 = 12.0169%, target ≥1000; stated 12.02 is [12.015, 12.025]
    "high-tech-enterprises": ("consistent", 12.0169),
    # (3000/1623)^(1/5) − 1 = 13.0734%; stated 13.07 is [13.065, 13.075]
    "st-smes": ("consistent", 13.0734),
    # (521.3/259.19)^(1/5) − 1 = 14.9990%; stated 15 is [14.5, 15.5]
    "high-tech-investment": ("consistent", 14.9990),
}


def test_every_stated_rate_of_the_jiaxing_table(bundled_run):
    got = {
        r.indicator.id: r for r in bundled_run.results if r.plan.id == "jiaxing-2016-2020" and r.status != "unchecked"
    }
    assert set(got) == set(JIAXING)
    for ind_id, (status, value) in JIAXING.items():
        assert got[ind_id].status == status, ind_id
        assert got[ind_id].point == pytest.approx(value, abs=1e-4), ind_id


def test_the_bundled_data_has_exactly_two_errors(bundled_run):
    errors = [f for f in bundled_run.findings if f.level == "error"]
    line = yaml_line("growth: {value: 0.05, unit: pp, line: 37}")
    whole = yaml_line("baseline: {year: 2020, value: 98, line: 125}")
    assert [(f.file, f.line, f.column, f.rule, f.plan, f.indicator) for f in errors] == [
        ("data/targets.yaml", line, 25, "growth-mismatch", "jiaxing-2016-2020", "rd-intensity"),
        (
            "data/targets.yaml",
            whole,
            39,
            "identity-parts-exceed",
            "deqing-2021-2025",
            "provincial-rd-institutions-parts",
        ),
    ]
    assert errors[0].message == (
        "stated growth 0.05 pp/yr does not fit 2.73 (2015) → 3.20 (2020) over 5 years: the figures give "
        "0.094 pp/yr (0.093 to 0.095 pp/yr within the baseline's rounding); 0.05 is 4.3 units of 0.01 below "
        "that range. At 0.05 pp/yr the target would be 2.98 (2020), or the baseline would have to be 2.95 (2015)"
    )
    # Deqing, 2020: 31 省级企业研究院 + 103 省级高企研发中心 (line 37) are parts of 98 省级以上研发机构
    # (line 125, and line 233 says they are among them): at least 30.5 + 102.5 = 133 against below 98.5
    assert errors[1].message == (
        "省级以上研发机构 (rd-institutions-provincial) in 2020 is 98家 (baseline of rd-institutions), but its "
        "parts add up to more: enterprise-institutes-provincial 31 (claim enterprise-research-institutes-2015-2020) "
        "+ hte-rd-centres-provincial 103 (claim hte-rd-centres-2015-2020) = 134家, at least 133 within rounding, "
        "above the whole's upper end 98.5: one of the figures is off, or the whole counts something else"
    )


def test_stated_rates_without_a_baseline_are_listed_as_unchecked(bundled_run):
    infos = [(f.plan, f.indicator, f.line) for f in bundled_run.findings if f.rule == "unchecked"]
    assert infos == [
        ("haining-2023-2025", "fiscal-st-spending", yaml_line("年均增长15%以上, line: 108")),
        ("deqing-2021-2025", "fiscal-spending", yaml_line("年均增长15%以上, line: 308")),
        ("jiaxing-315", "fiscal-st-spending", yaml_line("年均增长18%以上, line: 82")),
    ]
    summary = bundled_run.summary
    assert summary["checks"] == 11
    assert summary["statuses"] == {"consistent": 10, "rounding": 0, "inconsistent": 1, "unchecked": 160}
    # infos: the 3 above, 10 restated targets qualified differently, 10 implied claim values, 2 claim paces,
    # 4 yearly paces of Deqing's 2015–2020 claims of what was added and 1 of Jiaxing's online market
    # in 2011–2015 (claim-equivalent),
    # 4 implied GDP figures and 1 implied GDP growth, 3 county shares of Jiaxing's targets, 4 paces from
    # Jiaxing's 2020 targets to its 2027 targets; the errors: Jiaxing's growth mismatch and Deqing's parts
    assert summary["findings"] == {"error": 2, "warning": 0, "info": 42, "accepted": 0}


def test_a_pace_is_computed_where_no_rate_is_stated(bundled_run):
    r = next(r for r in bundled_run.results if r.plan.id == "deqing-2021-2025" and r.indicator.id == "rd-spending")
    # (40/17.95)^(1/5) − 1: ln(2.228412) = 0.801287, /5 = 0.160257, e^ − 1 = 17.382%
    assert r.status == "unchecked" and r.reason == "no stated growth"
    assert r.point == pytest.approx(17.382, abs=1e-3)


# --------------------------------------------------------------------------- rules on made-up plans

RULE_CASES = {
    "growth-unit": (
        """\
        id: x
        name: 甲
        unit: 亿元
        category: rd
        baseline: {year: 2020, value: 10, line: 1}
        target: {year: 2025, value: 11, line: 2}
        growth: {value: 0.2, unit: pp, line: 3}
        """,
        [(15, 36, "growth-unit")],
    ),
    "direction": (
        """\
        id: x
        name: 甲
        unit: 家
        category: enterprises
        baseline: {year: 2020, value: 550, line: 1}
        target: {year: 2025, value: 273, line: 2}
        growth: {value: 15, unit: percent, line: 3}
        """,
        [(15, 25, "direction")],  # one root cause, one finding: no growth-mismatch besides
    ),
    "base-year": (
        """\
        id: x
        name: 甲
        unit: "%"
        category: rd
        baseline: {year: 2019, value: 3.34, line: 1}
        target: {year: 2025, value: 4.5, line: 2}
        """,
        [(13, 26, "base-year")],
    ),
    "nonpositive-baseline": (
        """\
        id: x
        name: 甲
        unit: 家
        category: enterprises
        baseline: {year: 2020, value: 0, line: 1}
        target: {year: 2025, value: 5, line: 2}
        growth: {value: 10, unit: percent, line: 3}
        """,
        [(13, 39, "nonpositive-baseline")],
    ),
    "increment target": (
        """\
        id: x
        name: 甲
        unit: 家
        category: enterprises
        baseline: {year: 2020, value: 10, line: 1}
        target: {year: 2025, value: 5, kind: increment, line: 2}
        growth: {value: 10, unit: percent, line: 3}
        """,
        [(15, 25, "unchecked")],
    ),
    "rounding": (
        """\
        id: x
        name: 甲
        unit: 件
        category: ip
        baseline: {year: 2020, value: 7.4, line: 1}
        target: {year: 2025, value: 20, line: 2}
        growth: {value: 22.1, unit: percent, line: 3}
        """,
        [(15, 25, "growth-rounding")],
    ),
    "total": (
        """\
        id: x
        name: 甲
        unit: 亿元
        category: industry
        baseline: {year: 2020, value: 44.1, line: 1}
        target: {year: 2025, value: 81.8, line: 2}
        total: {value: 80, unit: percent, line: 3}
        """,
        [(15, 24, "total-mismatch")],
    ),
}


@pytest.mark.parametrize("body, expected", RULE_CASES.values(), ids=RULE_CASES.keys())
def test_each_rule_at_its_line(write, body, expected):
    data = plancheck.load([write(indicator_yaml(body))])
    found = plancheck.check(data.plans, data.catalogue, data.findings).findings
    assert [(f.line, f.column, f.rule) for f in found] == expected


def _growth_findings(write, baseline: str, target: str, rate: str) -> list[plancheck.Finding]:
    body = f"""\
        id: x
        name: 甲
        unit: 家
        category: enterprises
        baseline: {{year: 2020, value: {baseline}, line: 1}}
        target: {{year: 2025, value: {target}, line: 2}}
        growth: {{value: {rate}, unit: percent, line: 3}}
        """
    data = plancheck.load([write(indicator_yaml(body))])
    return [f for f in plancheck.verify(data).findings if f.rule != "base-year"]


def test_a_dropped_minus_is_one_finding_that_names_the_typo(write):
    # 100 → 270 over 5 years: 2.7^(1/5) − 1 = 21.98% a year; −22 is the right figure with a wrong sign
    (f,) = _growth_findings(write, "100", "270", "-22")
    assert (f.rule, f.line) == ("direction", 15)
    assert f.message == (
        "the stated growth -22 is negative, but the target 270 (2025) is above the baseline 100 (2020): 22 would "
        "fit them: most likely the sign is a typo"
    )
    # −10 turned round is 10, and 10% a year is no 21.98%: no typo to name
    (f,) = _growth_findings(write, "100", "270", "-10")
    assert f.message.endswith(": check the sign, the figures and their years")


@given(
    baseline=st.integers(1, 10**6),
    ratio=st.floats(0.05, 20).filter(lambda r: abs(r - 1) > 0.01),
    rate=st.integers(1, 300),
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_a_sign_against_the_figures_is_reported_once(write, baseline, ratio, rate):
    target = round(baseline * ratio, 2)
    stated = -rate if target > baseline else rate  # always against the figures' direction
    rules = [f.rule for f in _growth_findings(write, str(baseline), str(target), str(stated))]
    assert rules == ["direction"]


def test_a_mismatch_that_fits_the_other_reading_says_so(write):
    data = plancheck.load(
        [
            write(
                indicator_yaml("""\
        id: x
        name: 甲
        unit: "%"
        category: industry
        baseline: {year: 2020, value: 42.3, line: 1}
        target: {year: 2025, value: 50, line: 2}
        growth: {value: 1.54, unit: percent, line: 3}
        """)
            )
        ]
    )
    (f,) = plancheck.check(data.plans).findings
    assert f.rule == "growth-mismatch"
    assert f.message.endswith("Read as percentage points a year instead, it fits (1.53 to 1.55 pp/yr)")


# --------------------------------------------------------------------------- CLI, JSON, exit codes


def test_verify_exit_codes(run, write):
    assert run("verify").exit_code == 1  # the Jiaxing mismatch
    assert run("verify", "deqing", "haining").exit_code == 1  # Deqing's parts exceed their whole
    assert run("verify", "tongxiang", "haining").exit_code == 0  # infos only
    warn = write(indicator_yaml(RULE_CASES["base-year"][0]))
    assert run("verify", "--data", str(warn)).exit_code == 0
    assert run("verify", "--data", str(warn), "--strict").exit_code == 1
    assert run("verify", "nowhere").exit_code == 2
    broken = write("plans: [\n", "broken.yaml")
    result = run("verify", "--data", str(broken), "--format", "plain")
    assert result.exit_code == 1 and f"{broken}:2:1: error [yaml-syntax]" in result.stdout


def test_verify_table_shows_the_verdicts(run):
    # 123 columns hold every column with no name wrapped (the longest name is 42 cells wide)
    out = run("verify", "jiaxing-2016-2020", "--format", "table", env={"COLUMNS": "123"}).stdout
    row = next(line for line in out.splitlines() if line.startswith(" R&D经费占GDP比重"))
    assert row.split() == [
        "R&D经费占GDP比重",
        "2.73",
        "→",
        "3.20",
        "2015–2020",
        "0.05",
        "pp",
        "0.094",
        "pp",
        "0.093–0.095",
        "✗",
        "inconsistent",
    ]
    # 29 not checkable: 新增500人左右 (line 153) is now the restatement of line 27's 500, not a row of its own;
    # 农村宽带网络化全覆盖 (line 123) is one
    assert "11 checked (10 consistent, 0 within rounding, 1 inconsistent); 29 not checkable" in out
    # 3 restated qualifiers, 1 implied, 2 paces, 1 GDP, 1 yearly equivalent (the online market's 22.92亿元)
    assert "1 error, 0 warnings, 8 infos in 1 file" in out


def test_verify_json_follows_the_contract_and_matches_the_library(run, bundled_run):
    result = run("verify", "--format", "json")
    doc = json.loads(result.stdout)
    assert set(doc) == {"summary", "results", "claims", "identities", "findings"}
    assert doc["summary"] == bundled_run.summary
    assert doc["results"] == [r.as_dict() for r in bundled_run.results]
    assert doc["findings"] == [f.as_dict() for f in bundled_run.findings]
    rd = next(r for r in doc["results"] if r["plan"] == "jiaxing-2016-2020" and r["indicator"] == "rd-intensity")
    assert rd["name"] == "R&D经费占GDP比重" and rd["status"] == "inconsistent"
    assert rd["baseline"] == {"year": 2015, "value": "2.73"}
    assert rd["target"] == {"year": 2020, "value": "3.20", "qualifier": None}
    assert rd["stated"] == {"value": "0.05", "unit": "pp", "qualifier": None}
    assert rd["computed"]["value"] == pytest.approx(0.094)
    assert (rd["computed"]["low"], rd["computed"]["high"]) == pytest.approx((0.093, 0.095))
    assert rd["implied_target"] == pytest.approx(2.98)
    assert (rd["file"], rd["line"]) == ("data/targets.yaml", yaml_line("growth: {value: 0.05, unit: pp, line: 37}"))
    hte = next(
        r for r in doc["results"] if r["plan"] == "jiaxing-2016-2020" and r["indicator"] == "high-tech-enterprises"
    )
    assert hte["target"]["qualifier"] == "at_least" and hte["computed"]["high"] is None  # open end: null
    assert {f["rule"] for f in doc["findings"]} == {
        "growth-mismatch",
        "identity-parts-exceed",
        "unchecked",
        "restated-qualifier",
        "claim-implied",
        "claim-pace",
        "claim-equivalent",
        "identity-value",
        "identity-pace",
        "hierarchy-share",
        "successive-pace",
    }
    assert doc["identities"] == [v.as_dict() for v in bundled_run.identities]
    assert doc["claims"] == [c.as_dict() for c in bundled_run.claims]


def test_verify_help_explains_the_verdicts(run):
    out = run("verify", "--help").stdout
    for word in ("consistent", "rounding", "inconsistent", "unchecked"):
        assert f"  {word}" in out

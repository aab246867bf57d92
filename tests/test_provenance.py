"""Provenance fields are warnings: a plan without issuer or source, a figure without its line, is
still listed and checked, and the missing field is named at its place."""

from __future__ import annotations

PLAN = """\
plans:
  - id: bare
    title: {zh: 测试规划}
    region: {zh: 测试市, en: Testcity, level: prefecture}
    period: {first: 2021, last: 2025}
    indicators:
      - id: firms
        name: 高新技术企业数
        unit: 家
        baseline: {year: 2020, value: 100}
        target: {year: 2025, value: 200, line: 5}
        growth: {value: 30, unit: percent, line: 5}
    claims:
      - id: c
        subject: 企业
        unit: 家
        start: {year: 2015, value: 50}
        end: {year: 2020, value: 100}
"""


def test_a_plan_without_issuer_source_or_lines_is_checked(write, run):
    path = write(PLAN)
    assert "bare" in run("list", "--data", str(path), env={"COLUMNS": "200"}).stdout
    result = run("verify", "--data", str(path), "--format", "plain")
    assert result.exit_code == 1
    lines = [x.removeprefix(f"{path}:") for x in result.stdout.splitlines()]
    # 100 → 200 over 5 years: 2^(1/5) − 1 = 14.87% a year, not the stated 30%: checked although the
    # baseline has no line
    assert any(x.startswith("12:25: error [growth-mismatch]") and "the figures give 14.87%/yr" in x for x in lines)
    cite = "add line: (its line in the source), so that it can be cited"
    assert [x for x in lines if "[provenance]" in x] == [
        "2:9: warning [provenance] plan bare has no issuer: add issuer: (who issued the plan), so that its "
        "figures can be cited",
        "2:9: warning [provenance] plan bare has no source: add source: (the file name of its source document), "
        "so that its figures can be cited",
        f"10:19: warning [provenance] 高新技术企业数: the baseline has no line: {cite}; it is checked all the same",
        f"14:13: warning [provenance] claim c has no line: {cite}",
        f"17:16: warning [provenance] claim c's start has no line: {cite}",
        f"18:14: warning [provenance] claim c's end has no line: {cite}",
    ]
    # the claim is still checked: (100/50)^(1/5) − 1 = 2^0.2 − 1 = 14.87% a year between its two ends
    assert any("[claim-pace]" in x and "14.87% a year" in x for x in lines)


def test_validate_warns_and_passes_unless_strict(write, run):
    path = write(PLAN.replace("growth: {value: 30", "growth: {value: 14.9"))
    assert run("validate", str(path), "--format", "plain").exit_code == 0
    assert run("validate", str(path), "--format", "plain", "--strict").exit_code == 1

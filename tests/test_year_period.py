"""year-outside-period: a target year outside the plan's period, or a baseline year not before it,
at the year's own place; base-year and this rule never report the same baseline twice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import plancheck

from .conftest import indicator_yaml

# The period of conftest.PLAN_HEAD; the indicator starts at line 9.
PERIOD = "(2021–2025)"


def _indicator(baseline: str, target: str, extra: str = "") -> str:
    return indicator_yaml(f"id: a\nname: 甲\nunit: 家\nbaseline: {baseline}\ntarget: {target}\n{extra}")


def test_a_target_after_the_period_is_a_warning_at_its_year(run, write):
    path = write(_indicator("{year: 2020, value: 100, line: 1}", "{year: 2030, value: 200, line: 2}"))
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 0  # a warning
    assert result.stdout.splitlines()[0] == (
        f"{path}:13:24: warning [year-outside-period] target year 2030 is after the end of the plan's period "
        f"{PERIOD}: check the year against the source; keep it if the plan sets this target for that year "
        "(source: test.txt:2)"
    )
    assert run("validate", str(path), "--format", "plain", "--strict").exit_code == 1


def test_a_target_before_the_period_and_a_restated_year_outside_it(run, write):
    path = write(
        _indicator(
            "{year: 2015, value: 100, line: 1}",
            "{year: 2020, value: 200, line: 2}",
            "restated:\n  - {value: 200, year: 2026, line: 9}",
        )
    )
    result = run("validate", str(path), "--format", "plain")
    lines = [x for x in result.stdout.splitlines() if "[year-outside-period]" in x]
    # line 15 is `          - {value: 200, year: 2026, line: 9}`: 2026 stands at column 32
    assert lines == [
        f"{path}:13:24: warning [year-outside-period] target year 2020 is before the start of the plan's period "
        f"{PERIOD}: check the year against the source; keep it if the plan sets this target for that year "
        "(source: test.txt:2)",
        f"{path}:15:32: warning [year-outside-period] restated target year 2026 is after the end of the plan's "
        f"period {PERIOD}: check the year against the source; keep it if the plan sets this target for that year "
        "(source: test.txt:9)",
    ]


def test_a_baseline_in_the_period_is_reported_once_by_this_rule_not_by_base_year(run, write):
    path = write(_indicator("{year: 2022, value: 100, line: 1}", "{year: 2025, value: 200, line: 2}"))
    result = run("verify", str(path), "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{path}:12:26: warning [year-outside-period] baseline year 2022 is not before the plan's period "
        f"{PERIOD}: a baseline is measured before the period starts (so 2020); check the column, or mark a "
        "cell of another year's data `other_year: true` (source: test.txt:1)"
    ]


def test_an_earlier_baseline_stays_base_years_and_a_marked_cell_neither(run, write):
    path = write(_indicator("{year: 2018, value: 100, line: 1}", "{year: 2025, value: 200, line: 2}"))
    rules = [x.split("[")[1].split("]")[0] for x in run("verify", str(path), "--format", "plain").stdout.splitlines()]
    assert rules == ["base-year"]
    path = write(_indicator("{year: 2022, value: 100, line: 1, other_year: true}", "{year: 2025, value: 200, line: 2}"))
    assert run("verify", str(path), "--format", "plain").stdout.splitlines() == []


def test_the_bundled_data_has_no_year_outside_its_period(run):
    result = run("verify", "--format", "plain")
    assert "year-outside-period" not in result.stdout


YEARS = st.integers(min_value=2010, max_value=2035)


@settings(max_examples=60, deadline=None)
@given(base=YEARS, target=YEARS)
def test_each_year_gets_at_most_one_finding_and_one_exactly_when_out_of_place(base, target):
    text = _indicator(f"{{year: {base}, value: 100, line: 1}}", f"{{year: {target}, value: 200, line: 2}}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        findings = plancheck.verify(plancheck.load(path)).findings
    at_baseline = [f.rule for f in findings if f.line == 12 and f.rule in ("base-year", "year-outside-period")]
    expected = "year-outside-period" if base >= 2021 else "base-year" if base != 2020 else None
    assert at_baseline == ([expected] if expected else [])
    at_target = [f for f in findings if f.line == 13 and f.rule == "year-outside-period"]
    outside = not 2021 <= target <= 2025
    assert len(at_target) == (1 if outside and target > base else 0)  # else year-order's, said once there
    assert len([f for f in findings if f.line == 13]) == (1 if outside or target <= base else 0)

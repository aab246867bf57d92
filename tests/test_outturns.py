"""Observed values: an indicator's own `observed:` and outturn files kept apart from the plan."""

from __future__ import annotations

import json

import pytest
import yaml

import plancheck
from plancheck.model.plan import OutturnFile, json_schema
from tests.conftest import BUNDLED, PLAN_HEAD, ROOT

PLAN = (
    PLAN_HEAD
    + """\
      - id: rd-intensity
        name: R&D经费占GDP比重
        unit: "%"
        key: rd-intensity
        baseline: {year: 2020, value: 2.5, line: 3}
        target: {year: 2025, value: "3.0", line: 4}
        observed:
          - {year: 2021, value: 2.61, line: 5}
"""
)

BULLETIN = """\
title: 测试市2022年统计公报
source: bulletin-2022.txt
url: https://example.org/bulletin-2022
outturns:
  - plan: test-plan
    indicator: rd-intensity
    observed:
      - {year: 2022, value: 2.70, line: 12}
"""


def test_observations_in_the_plan_and_in_an_outturn_file_are_both_read(write):
    plan = write(PLAN)
    bulletin = write(BULLETIN, "bulletin.yaml")
    data = plancheck.load([plan, bulletin])
    assert data.findings == []
    ind = data.plans[0].indicators[0]
    assert [(o.year, o.value, o.line, o.source) for o in ind.observed] == [
        (2021, "2.61", 5, None),  # the plan's own source
        (2022, "2.70", 12, "bulletin-2022.txt"),  # keeps its printed precision; the file's source
    ]
    assert ind.observed[1].url == "https://example.org/bulletin-2022"
    # each observation knows where it was written: the plan file's line 16, the bulletin's line 8
    assert (ind.observed[0].place("value").file, ind.observed[0].place("value").line) == (str(plan), 16)
    assert (ind.observed[1].place("value").file, ind.observed[1].place("value").line) == (str(bulletin), 8)


def test_an_outturn_file_may_come_before_the_plan(write):
    bulletin = write(BULLETIN, "a-bulletin.yaml")
    plan = write(PLAN, "z-plan.yaml")
    data = plancheck.load([bulletin, plan])
    assert data.findings == []
    assert [o.year for o in data.plans[0].indicators[0].observed] == [2021, 2022]


def test_an_unknown_plan_is_an_error_at_its_place_with_the_closest_id(write, run):
    plan = write(PLAN)
    bulletin = write(BULLETIN.replace("plan: test-plan", "plan: test-plam"), "bulletin.yaml")
    result = run("validate", str(plan), str(bulletin), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bulletin}:5:11: error [unknown-outturn] outturns for plan 'test-plam', which is not in the data "
        "read: did you mean 'test-plan'?\n"
    )


def test_an_unknown_indicator_is_an_error_at_its_place_with_the_closest_id(write, run):
    plan = write(PLAN)
    bulletin = write(BULLETIN.replace("indicator: rd-intensity", "indicator: rd-intensty"), "bulletin.yaml")
    result = run("validate", str(plan), str(bulletin), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bulletin}:6:16: error [unknown-outturn] plan test-plan has no indicator 'rd-intensty': "
        "did you mean 'rd-intensity'?\n"
    )


def test_a_field_that_does_not_fit_is_reported_at_its_line(write, run):
    plan = write(PLAN)
    bulletin = write(BULLETIN.replace("{year: 2022, value: 2.70", "{yeer: 2022, value: 2.70"), "bulletin.yaml")
    result = run("validate", str(plan), str(bulletin), "--format", "plain")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bulletin}:8:") and "[unknown-field]" in lines[0] and "'year'" in lines[0]


def test_an_observation_in_the_plan_is_validated_like_every_figure(write, run):
    plan = write(PLAN.replace("{year: 2021, value: 2.61", "{year: 2021, value: 2.6.1"))
    result = run("validate", str(plan), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{plan}:16:") and "[invalid-value]" in result.stdout


def test_the_bundled_data_records_the_outturns_its_sources_print():
    """Jiaxing's 2015 column (11 rows and the high-tech value added of line 6) and Deqing's 2020
    column (15 rows), each at the line of its baseline."""
    data = plancheck.load([BUNDLED])
    observed = {
        p.id: {i.id: [(o.year, o.value, o.line) for o in i.observed] for i in p.indicators if i.observed}
        for p in data.plans
    }
    assert len(observed["jiaxing-2016-2020"]) == 12
    assert observed["jiaxing-2016-2020"]["rd-intensity"] == [(2015, "2.73", 35)]
    assert observed["jiaxing-2016-2020"]["high-tech-value-added"] == [(2015, "628.87", 6)]
    assert len(observed["deqing-2021-2025"]) == 15
    assert observed["deqing-2021-2025"]["high-tech-enterprises"] == [(2020, "273", 113)]
    assert observed["jiaxing-315"] == {}  # the programme prints no base values
    total = sum(len(obs) for rows in observed.values() for obs in rows.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    assert f"The data also records {total} outturns the plans print" in readme


def test_outturns_in_a_plan_file_are_checked_too(write, run):
    plan = write(
        PLAN + "outturns:\n  - {plan: test-plan, indicator: rd-intensiti, observed: [{year: 2022, value: 2.7}]}\n"
    )
    result = run("validate", str(plan), "--format", "plain", "--min-level", "error")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{plan}:18:34: error [unknown-outturn] plan test-plan has no indicator 'rd-intensiti': "
        "did you mean 'rd-intensity'?\n"
    )


def test_committed_outturn_schema_equals_the_model(run):
    committed = json.loads((ROOT / "schema" / "outturns.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(OutturnFile), "run: plancheck schema --outturns > schema/outturns.schema.json"
    assert json.loads(run("schema", "--outturns").stdout) == committed


def test_the_readme_example_fits_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("# an outturn file (bulletin-2020.yaml)", 1)[1].split("\n", 1)[1].split("```", 1)[0]
    instance = json.loads(json.dumps(yaml.safe_load(block), default=str))
    jsonschema.Draft202012Validator(json_schema(OutturnFile)).validate(instance)


def test_schema_refuses_two_kinds_at_once(run):
    result = run("schema", "--outturns", "--catalogue")
    assert result.exit_code == 2
    assert "give one of them" in result.stderr


SPENDING = (
    PLAN_HEAD
    + """\
      - id: rd-spending
        name: 全社会R&D经费支出
        unit: 亿元
        local: true
        baseline: {year: 2020, value: 2.5, line: 3}
        target: {year: 2025, value: 4, line: 4}
"""
)


def test_an_outturn_in_another_unit_of_the_same_kind_is_converted_by_scale(write, run):
    """29500 in 万元 is 29500 × 10^4 / 10^8 = 2.95亿元, exactly (the conversion compare uses for 万家 → 家).
    Observed (2.95/2.5)^(1/2) − 1 = 1.18^0.5 − 1 = 8.628% a year; needed (4/2.5)^(1/5) − 1 =
    1.6^0.2 − 1 = 9.856%; R = 8.628/9.856 = 0.875: acceleration needed; now (4/2.95)^(1/3) − 1 =
    1.35593^(1/3) − 1 = 10.683%. At the corners of the base's rounding, [2.45, 2.55): 9.73/10.30 =
    0.945 and 7.56/9.42 = 0.803, acceleration needed either way."""
    plan = write(SPENDING)
    bulletin = write(
        "outturns:\n  - {plan: test-plan, indicator: rd-spending, observed: [{year: 2022, value: 29500, unit: 万元, line: 7}]}\n",
        "bulletin.yaml",
    )
    assert run("validate", str(plan), str(bulletin), "-f", "plain").exit_code == 0
    result = run("progress", "--data", str(plan), "--data", str(bulletin), "-f", "plain")
    assert result.exit_code == 0
    assert result.stdout == (
        f"{bulletin}:2:78: acceleration_needed [test-plan/rd-spending] 全社会R&D经费支出: 2.5 (2020) → 29500万元 (2022) "
        "is 8.628%/yr; 4 (2025) needs 9.856%/yr; R = 0.88: acceleration needed (滞后); now needs 10.683%/yr to 2025\n"
    )
    # the same outturn written in the row's unit gives the same paces
    same = write(bulletin.read_text(encoding="utf-8").replace("value: 29500, unit: 万元", "value: 2.9500"), "same.yaml")
    again = plancheck.progress(plancheck.load([plan, same])).results[0]
    converted = plancheck.progress(plancheck.load([plan, bulletin])).results[0]
    assert again.observed == pytest.approx(converted.observed)
    assert converted.as_dict()["latest"]["unit"] == "万元"


def test_an_outturn_in_a_unit_of_another_kind_is_refused_at_its_unit(write, run):
    plan = write(SPENDING + "        observed:\n          - {year: 2022, value: 3.1, unit: 人, line: 9}\n")
    result = run("validate", str(plan), "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{plan}:16:44: error [outturn-unit] the 2022 outturn 3.1 of 'rd-spending' is in 人, which does not convert "
        "to the row's unit 亿元 by scale (万, 亿, 万亿, 千): write the value in 亿元, or correct its unit; it is left out "
        "of progress (source: test.txt:9)\n"
    )
    progress = run("progress", "--data", str(plan), "-f", "plain")
    assert progress.exit_code == 1  # the data has an error
    assert progress.stdout == (
        f"{plan}:16:33: unassessed [test-plan/rd-spending] 全社会R&D经费支出 (2022: 3.1人): the figures' units differ "
        "in kind from the row's\n"
    )


def test_the_same_year_twice_with_the_same_value_is_a_warning_at_the_second(write, run):
    # PLAN's own 2021 outturn 2.61 (line 16); the bulletin gives 2021 again as 2.610, the same number
    plan = write(PLAN)
    bulletin = write(BULLETIN.replace("{year: 2022, value: 2.70", "{year: 2021, value: '2.610'"), "bulletin.yaml")
    result = run("validate", str(plan), str(bulletin), "-f", "plain")
    assert result.exit_code == 0  # a warning
    assert result.stdout == (
        f"{bulletin}:8:16: warning [duplicate-outturn] the 2021 outturn of 'rd-intensity' is given twice, as 2.610 "
        f"here and the same at {plan}:16: remove one of them, or correct the year (source: bulletin-2022.txt:12)\n"
    )


def test_the_same_year_twice_with_different_values_is_an_error_naming_the_first(write, run):
    plan = write(PLAN)
    bulletin = write(BULLETIN.replace("{year: 2022, value: 2.70", "{year: 2021, value: 2.64"), "bulletin.yaml")
    result = run("validate", str(plan), str(bulletin), "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bulletin}:8:16: error [conflicting-outturn] the 2021 outturn of 'rd-intensity' is given twice, as 2.64 "
        f"here and as 2.61 at {plan}:16: keep the one the source prints (progress uses the first read, at "
        f"{plan}:16) (source: bulletin-2022.txt:12)\n"
    )
    # and progress does use the first: (2.61 − 2.5)/1 = 0.11 pp a year, not (2.64 − 2.5)/1 = 0.14
    latest = plancheck.progress(plancheck.load([plan, bulletin])).results[0].latest
    assert latest is not None and latest.value == "2.61"


def test_within_one_list_and_across_units(write, run):
    """2.95亿元 and 29500万元 are the same value (29500 × 10^4 = 2.95 × 10^8): a duplicate; 3.0 in the
    same list for the same year is a conflict with the first, at line 17 (the second line of the list)."""
    plan = write(
        SPENDING
        + "        observed:\n"
        + "          - {year: 2022, value: 2.95, line: 5}\n"
        + "          - {year: 2022, value: 29500, unit: 万元, line: 6}\n"
        + "          - {year: 2022, value: '3.0', line: 7}\n"
    )
    result = run("validate", str(plan), "-f", "plain")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{plan}:17:20: warning [duplicate-outturn] the 2022 outturn of 'rd-spending' is given twice, as 29500万元 "
        "here and the same at line 16: remove one of them, or correct the year (source: test.txt:6)",
        f"{plan}:18:20: error [conflicting-outturn] the 2022 outturn of 'rd-spending' is given twice, as 3.0 here "
        "and as 2.95 at line 16: keep the one the source prints (progress uses the first read, at line 16) "
        "(source: test.txt:7)",
    ]


def test_the_bundled_outturns_are_each_given_once(run):
    result = run("validate", "--select", "duplicate-outturn,conflicting-outturn,outturn-unit", "-f", "plain")
    assert result.exit_code == 0 and result.stdout == ""


def test_a_yearly_bound_is_checked_in_the_rows_unit(write, run):
    """A ceiling of 5亿元 a year: 48000万元 is 4.8亿元 ([4.79995, 4.80005)), within; 56000万元 is 5.6亿元, above."""
    plan = write(
        PLAN_HEAD
        + """\
      - id: debt
        name: 新增债务
        unit: 亿元
        local: true
        target: {year: 2025, value: 5, qualifier: at_most, per_year: true, line: 3}
        observed:
          - {year: 2021, value: 48000, unit: 万元, line: 5}
          - {year: 2022, value: 56000, unit: 万元, line: 6}
"""
    )
    result = run("progress", "--data", str(plan), "-f", "plain")
    assert result.exit_code == 0
    assert result.stdout == (
        f"{plan}:16:33: broken [test-plan/debt] 新增债务: ≤5 every year; met in 2021; broken in 2022 (56000万元): "
        "broken (未达标)\n"
    )

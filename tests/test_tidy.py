"""Long tables for pandas and Excel (CSV, JSON Lines, tab-separated), JSON's computed numbers, and the
report's JSON Schema."""

from __future__ import annotations

import csv
import io
import json
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from plancheck.arith.numbers import JSON_SIGNIFICANT, json_number
from plancheck.render.tidy import (
    COMPARISON_COLUMNS,
    FINDING_COLUMNS,
    INDICATOR_COLUMNS,
    PLAN_COLUMNS,
    RESULT_COLUMNS,
)

from .conftest import PLAN_HEAD, ROOT

HOSTILE = ROOT / "tests" / "hostile"


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # the byte order mark Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_verify_csv_one_row_per_checked_figure(run):
    result = run("verify", "jiaxing-2016-2020", "-f", "csv")
    assert result.exit_code == 1  # the R&D intensity error still fails the run
    rows = _rows(result.stdout)
    assert list(rows[0]) == [c.name for c in RESULT_COLUMNS]
    rd = next(r for r in rows if r["indicator"] == "rd-intensity")
    # (3.20 - 2.73) / 5 = 0.094 pp a year; within the baseline's rounding (2.725 to 2.735, the target
    # a set figure): (3.20 - 2.735) / 5 = 0.093 to (3.20 - 2.725) / 5 = 0.095. At the stated 0.05:
    # 2.73 + 5 × 0.05 = 2.98 in 2020, or 3.20 - 5 × 0.05 = 2.95 in 2015.
    assert {k: rd[k] for k in ("status", "baseline", "baseline_printed", "target", "target_printed")} == {
        "status": "inconsistent",
        "baseline": "2.73",
        "baseline_printed": "2.73",
        "target": "3.2",
        "target_printed": "3.20",
    }
    assert [rd[k] for k in ("stated_printed", "stated_unit", "years", "computed", "computed_low", "computed_high")] == [
        "0.05",
        "pp",
        "5",
        "0.094",
        "0.093",
        "0.095",
    ]
    assert (rd["implied_target"], rd["implied_baseline"]) == ("2.98", "2.95")
    assert (rd["file"], rd["line"], rd["source_document"], rd["source_line"]) == (
        "data/targets.yaml",
        "32",
        "000_c388b18c2f34bdc3.txt",
        "37",
    )


def test_verify_csv_reads_into_pandas_with_numbers_as_numbers(run, tmp_path):
    out = tmp_path / "verify.csv"
    assert run("verify", "-o", str(out)).exit_code == 1  # -o FILE.csv: the suffix picks csv
    assert out.read_bytes().count(b"\r\n") == len(out.read_bytes().splitlines())  # RFC 4180 line ends
    df = pd.read_csv(out, dtype_backend="numpy_nullable")
    assert list(df.columns) == [c.name for c in RESULT_COLUMNS]  # the mark is not in the first name
    numeric = [c.name for c in RESULT_COLUMNS if c.kind in ("number", "integer") and df[c.name].notna().any()]
    assert {"baseline", "target", "computed", "baseline_year", "line", "source_line"} <= set(numeric)
    assert all(pd.api.types.is_numeric_dtype(df[c]) for c in numeric)
    assert pd.api.types.is_integer_dtype(df["baseline_year"])  # nullable Int64: some rows have no baseline
    # printed figures stay as printed when read as text, as the README shows
    texts = {c.name: "string" for c in RESULT_COLUMNS if c.kind == "text"}
    df = pd.read_csv(out, dtype_backend="numpy_nullable", dtype=texts)
    rd = df[(df["plan"] == "jiaxing-2016-2020") & (df["indicator"] == "rd-intensity")].iloc[0]
    assert (rd["target_printed"], rd["target"], rd["computed"]) == ("3.20", 3.2, 0.094)
    assert len(df) == len(json.loads(run("verify", "-f", "json").stdout)["results"])


def test_the_readme_pandas_example_prints_what_it_says(run, tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = [b.split("```", 1)[0] for b in readme.split("```python\n")[1:] if "import pandas" in b]
    monkeypatch.chdir(tmp_path)
    assert run("verify", "-o", "verify.csv").exit_code == 1  # the command in the example's comment
    exec(compile(code, "README.md", "exec"), {})
    said = [line.removeprefix("# ") for line in code.splitlines() if line.startswith(("#  ", "# 0"))]
    assert capsys.readouterr().out.splitlines() == said


def test_validate_csv_one_row_per_finding(run, write):
    path = write(
        PLAN_HEAD
        + """\
      - id: rd
        name: 研发强度
        unit: "%"
        target: {year: 2025, value: 3.2, qualifier: 以上, line: 4}
"""
    )
    result = run("validate", str(path), "-f", "csv")
    assert result.exit_code == 1
    (row,) = _rows(result.stdout)
    assert list(row) == [c.name for c in FINDING_COLUMNS]
    assert (row["file"], row["line"], row["column"], row["level"], row["rule"]) == (
        str(path),
        "12",  # the 以上 of the target's line: PLAN_HEAD is 8 lines, the indicator's 4th
        "53",
        "error",
        "invalid-value",
    )
    assert row["message"].endswith("did you mean at_least? (以上 is written qualifier: at_least)")


def test_jsonl_holds_the_csv_rows_one_object_a_line(run):
    csv_rows = _rows(run("verify", "-f", "csv").stdout)
    lines = run("verify", "-f", "jsonl").stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == len(csv_rows)
    assert all(list(o) == [c.name for c in RESULT_COLUMNS] for o in objects)
    rd = next(o for o in objects if o["indicator"] == "rd-intensity")
    assert (rd["target"], rd["target_printed"], rd["computed"], rd["reason"]) == (3.2, "3.20", 0.094, None)


def test_list_and_show_write_tables_to_files_by_suffix(run, tmp_path):
    listed = tmp_path / "plans.csv"
    assert run("list", "-o", str(listed)).exit_code == 0
    plans = _rows(listed.read_text(encoding="utf-8"))
    assert list(plans[0]) == [c.name for c in PLAN_COLUMNS]
    deqing = next(p for p in plans if p["plan"] == "deqing-2021-2025")
    # 30 indicators, 29 of them with a target (the list's own count)
    assert (deqing["first_year"], deqing["last_year"], deqing["indicators"], deqing["targets"]) == (
        "2021",
        "2025",
        "30",
        "29",
    )
    shown = tmp_path / "deqing.jsonl"
    assert run("show", "deqing", "-o", str(shown)).exit_code == 0
    rows = [json.loads(line) for line in shown.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30 and all(list(r) == [c.name for c in INDICATOR_COLUMNS] for r in rows)
    rd = next(r for r in rows if r["indicator"] == "rd-intensity")
    assert (rd["baseline"], rd["baseline_printed"], rd["baseline_year"], rd["target"], rd["target_line"]) == (
        3.34,
        "3.34",
        2020,
        4.5,
        101,
    )
    assert run("show", "deqing", "-o", str(shown)).exit_code == 2  # never over an existing file without --force


def test_plain_views_are_tab_separated(run):
    lines = run("list", "-f", "plain").stdout.splitlines()
    assert lines[0].split("\t") == [c.name for c in PLAN_COLUMNS]
    assert len(lines) == 6  # the header and five plans
    cmp = run("compare", "haining", "deqing", "-f", "plain").stdout.splitlines()
    assert cmp[0].split("\t") == [c.name for c in COMPARISON_COLUMNS]
    assert all(line.count("\t") == len(COMPARISON_COLUMNS) - 1 for line in cmp)


def test_an_explicit_format_wins_over_the_suffix(run, tmp_path):
    out = tmp_path / "table.csv"
    assert run("list", "-f", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "jiaxing-2016-2020"


# --------------------------------------------------------------------------- JSON's computed numbers


def _floats(value: object):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _floats(v)
    elif isinstance(value, list):
        for v in value:
            yield from _floats(v)


JSON_OUTPUTS = [
    ["verify", "-f", "json"],
    ["compare", "jiaxing-2016-2020", "jiaxing-315", "haining", "deqing", "tongxiang", "-f", "json"],
    ["progress", "-f", "json"],
    ["path", "-f", "json"],
    ["calc", "2.73", "3.20", "--years", "2015-2020", "--stated", "0.05pp", "-f", "json"],
]


@pytest.mark.parametrize("args", JSON_OUTPUTS, ids=lambda a: a[0])
def test_every_computed_number_in_json_is_rounded_to_the_documented_digits(run, args):
    doc = json.loads(run(*args).stdout)
    found = list(_floats(doc))
    assert found
    assert all(x == float(f"{x:.{JSON_SIGNIFICANT}g}") for x in found), args


def test_no_binary_noise_in_compare_json(run):
    doc = json.loads(run("compare", "jiaxing-2016-2020", "deqing", "-f", "json").stdout)
    row = next(r for r in doc["rows"] if r["key"] == "rd-intensity" and r["scope"] is None)
    # (3.20 - 2.73) / 5 = 0.094 exactly in decimals; in binary floats 0.09400000000000004
    assert row["plans"]["jiaxing-2016-2020"]["pace"]["value"] == 0.094
    assert row["plans"]["deqing-2021-2025"]["pace"]["value"] == 0.232  # (4.5 - 3.34) / 5


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_json_number_keeps_ten_significant_digits(x):
    y = json_number(x)
    assert y is not None and math.isfinite(y)
    assert abs(y - x) <= abs(x) * 5e-10 + 1e-300
    assert y == json_number(y)  # rounding twice changes nothing
    assert len(f"{y:e}".split("e")[0].replace("-", "").replace(".", "").rstrip("0")) <= JSON_SIGNIFICANT or y == x


def test_json_number_writes_nothing_for_what_json_cannot_hold():
    assert [json_number(v) for v in (None, math.inf, -math.inf, math.nan)] == [None] * 4
    assert json_number(0.1 + 0.2) == 0.3


# --------------------------------------------------------------------------- the report's schema


def _validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_committed_report_schema_is_the_one_plancheck_prints(run):
    printed = run("schema", "--report")
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == json.loads((ROOT / "schema" / "report.schema.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        ["verify", "-f", "json"],
        ["validate", "-f", "json"],
        ["verify", "-f", "json", "--data", str(HOSTILE)],
        ["validate", "-f", "json", "--data", str(HOSTILE)],
    ],
    ids=["verify", "validate", "verify-hostile", "validate-hostile"],
)
def test_every_report_fits_the_schema(run, args):
    doc = json.loads(run(*args).stdout)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(doc)]
    assert errors == []


def test_the_schema_refuses_a_report_that_drifts(run):
    doc = json.loads(run("verify", "-f", "json").stdout)
    validator = _validator()
    doc["results"][0]["computed"]["value"] = "0.094"  # a computed value as a string
    assert not validator.is_valid(doc)
    doc = json.loads(run("verify", "-f", "json").stdout)
    doc["results"][0]["baseline"]["value"] = 2.73  # a printed figure as a number
    assert not validator.is_valid(doc)
    doc = json.loads(run("verify", "-f", "json").stdout)
    doc["findings"][0]["new_field"] = 1  # a field the schema does not know
    assert not validator.is_valid(doc)


def test_every_table_names_each_column_once():
    for columns in (RESULT_COLUMNS, FINDING_COLUMNS, PLAN_COLUMNS, INDICATOR_COLUMNS, COMPARISON_COLUMNS):
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), names

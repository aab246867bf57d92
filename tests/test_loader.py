"""The loader: every problem in a file at its exact line and column, all of them in one pass."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import plancheck
from plancheck.loader.reader import load_file
from tests.conftest import PLAN_HEAD, indicator_yaml

GOOD_INDICATOR = """\
id: rd
name: 研发强度
unit: "%"
category: rd
baseline: {year: 2020, value: 3.34, line: 99}
target: {year: 2025, value: 4.5, line: 101}
"""


def findings_of(text: str | bytes) -> list[tuple[int, int, str]]:
    """Every finding of loading the file, the checks of the data as read included."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_bytes(raw)
        findings = plancheck.load(path).findings
    return [(f.line, f.column, f.rule) for f in sorted(findings)]


def messages_of(text: str) -> list[str]:
    return [f.message for f in sorted(load_file(text.encode(), "plan.yaml")[1])]


def test_a_valid_plan_has_no_findings():
    assert findings_of(indicator_yaml(GOOD_INDICATOR)) == []


# Line numbers: PLAN_HEAD is 8 lines, so the indicator's first field is line 9, column 9.
CASES = {
    "unknown field with suggestion": (GOOD_INDICATOR.replace("baseline:", "basline:"), [(13, 9, "unknown-field")]),
    "string where a number belongs": (GOOD_INDICATOR.replace("year: 2020", "year: abc"), [(13, 26, "wrong-type")]),
    "missing target year": (GOOD_INDICATOR.replace("{year: 2025, ", "{"), [(14, 9, "missing-field")]),
    "duplicate key in an indicator": (GOOD_INDICATOR + "unit: 家\n", [(15, 9, "duplicate-key")]),
    "duplicate key in a figure": (
        GOOD_INDICATOR.replace("line: 101}", "line: 101, line: 102}"),
        [(14, 53, "duplicate-key")],
    ),
    "target year before base year": (GOOD_INDICATOR.replace("year: 2025", "year: 2019"), [(14, 24, "year-order")]),
    "implausible year": (GOOD_INDICATOR.replace("year: 2025", "year: 20250"), [(14, 24, "invalid-value")]),
    "qualifier not in the list": (
        GOOD_INDICATOR.replace("line: 101}", "line: 101, qualifier: 以上}"),
        [(14, 64, "invalid-value")],
    ),
    "no figure at all": ("id: rd\nname: 研发强度\nunit: '%'\ncategory: rd\n", [(9, 9, "invalid-value")]),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_each_problem_is_found_at_its_line(body, expected):
    assert findings_of(indicator_yaml(body)) == expected


def test_the_issue_example_lists_every_problem_at_once():
    """A duplicate key, an unknown field, a string for a number, a missing target year, bad indentation."""
    text = PLAN_HEAD + (
        "      - id: a\n"  # 9
        "        name: 甲\n"  # 10
        "        unit: '%'\n"  # 11
        "        category: rd\n"  # 12
        "        basline: {year: 2020, value: 3.20, line: 3}\n"  # 13 unknown field
        "        target: {value: 4.5, line: 4}\n"  # 14 missing year
        "        target: {year: 2025, value: 4.5, line: 4}\n"  # 15 duplicate key
        "      - id: b\n"  # 16
        "        name: 乙\n"  # 17
        "        unit: 家\n"  # 18
        "        category: enterprises\n"  # 19
        "        baseline: {year: twenty, value: 3, line: 3}\n"  # 20 string for a number
        "        target:\n"  # 21
        "          year: 2025\n"  # 22
        "          value: 10\n"  # 23
        "           line: 5\n"  # 24 broken indentation
    )
    assert findings_of(text) == [
        (13, 9, "unknown-field"),
        (14, 9, "missing-field"),
        (15, 9, "duplicate-key"),
        (20, 26, "wrong-type"),
        (24, 16, "yaml-syntax"),
    ]
    assert messages_of(text)[0] == "unknown field 'basline': did you mean 'baseline'?"
    assert messages_of(text)[3] == "year: expected a whole number, got 'twenty'"


def test_duplicate_keys_at_the_top_and_plan_levels():
    text = (
        PLAN_HEAD.replace("    issuer:", "    title: {zh: 又一个}\n    issuer:")
        + indicator_yaml(GOOD_INDICATOR).split("indicators:\n", 1)[1]
        + "plans: []\n"
    )
    assert findings_of(text) == [(5, 5, "duplicate-key"), (16, 1, "duplicate-key")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", [(1, 1, "empty-file")]),
        ("# only a comment\n# and another\n", [(1, 1, "empty-file")]),
        ("- a\n- b\n", [(1, 1, "wrong-type")]),
        ("plans:\n\t- id: x\n", [(2, 1, "yaml-syntax")]),
        ("plans: [\n", [(2, 1, "yaml-syntax")]),
        ("plans:\n  - id: 'x\n", [(2, 9, "yaml-syntax")]),
        ("plans:\n  - id: a: b\n", [(2, 10, "yaml-syntax")]),
        ("plans: !!python/object:os.system {}\n", [(1, 8, "yaml-tag")]),
        ("plans: !custom [1]\n", [(1, 8, "yaml-tag")]),
        ("base: &b {year: 2020}\nplans: [*b]\n", [(2, 9, "yaml-alias")]),
        ("plans:\n  - &x {id: a}\n  - {<<: *x}\n", [(3, 6, "yaml-merge")]),
    ],
)
def test_malformed_yaml(text, expected):
    found = findings_of(text)
    assert [f for f in found if f in expected] == expected


def test_syntax_messages_say_what_to_do():
    assert "indent with spaces, not tabs" in messages_of("plans:\n\t- id: x\n")[0]
    assert "close the quote" in messages_of("plans:\n  - id: 'x\n")[0]
    assert "close the [ or {" in messages_of("plans: [\n")[0]
    assert "this [ is never closed: add ]" in messages_of("plans: [a, b\nx: 1\n")[0]


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    found = findings_of("\n".join(lines) + "\n")
    assert "yaml-alias" in {rule for _, _, rule in found}


def test_bom_is_accepted_and_crlf_keeps_line_numbers():
    text = indicator_yaml(GOOD_INDICATOR.replace("year: 2025", "year: 2019"))
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert findings_of(raw) == [(14, 24, "year-order")]


def test_invalid_utf8_and_gb18030_are_refused_at_the_byte():
    raw = indicator_yaml(GOOD_INDICATOR).encode("gb18030")
    found = load_file(raw, "plan.yaml")[1]
    assert [(f.line, f.rule) for f in found] == [(3, "encoding")]
    assert "iconv -f GB18030 -t UTF-8" in found[0].message
    assert findings_of(b"plans:\n  - id: \xff\n") == [(2, 9, "encoding")]


def test_missing_fields_hidden_by_a_syntax_error_are_not_reported_twice():
    text = indicator_yaml(GOOD_INDICATOR).replace('        unit: "%"\n', '         unit: "%"\n')
    assert findings_of(text) == [(11, 14, "yaml-syntax")]

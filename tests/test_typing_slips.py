"""Typing slips in a plan file: an unclosed bracket and full-width punctuation.

Each is reported once, at its own line and column, with the fix; the rest of the file is read as
it was meant, so the slip adds exactly one finding to what the intact file gives. The tests go over
every place of a valid file where the slip can happen, not only one example.
"""

from __future__ import annotations

import re

import pytest

from tests.test_loader import findings_of, messages_of

# A valid plan whose lines hold every structure a slip can hit: block keys, list items, flow
# mappings and a flow list.
GOOD = """\
plans:
  - id: test-plan
    aliases: [test, 测试]
    title: {zh: 测试规划}
    region: {zh: 测试市, en: Testcity, level: prefecture}
    issuer: 测试市人民政府
    period: {first: 2021, last: 2025}
    source: test.txt
    indicators:
      - id: rd
        name: 研发经费占比
        unit: "%"
        line: 3
        baseline: {year: 2020, value: 2.5, line: 4}
        target: {year: 2025, value: 3.0, line: 5}
        growth: {value: 0.1, unit: pp, line: 6}
"""
LINES = GOOD.splitlines(keepends=True)


def test_the_base_file_is_clean():
    assert findings_of(GOOD) == []


def _with(number: int, line: str) -> str:
    return "".join(LINES[: number - 1]) + line + "".join(LINES[number:])


FLOW_LINES = [(n, line) for n, line in enumerate(LINES, 1) if line.rstrip().endswith(("}", "]"))]


@pytest.mark.parametrize(("number", "line"), FLOW_LINES, ids=[str(n) for n, _ in FLOW_LINES])
def test_an_unclosed_bracket_is_one_error_at_its_opening(number, line):
    opened = line.rstrip()[:-1] + "\n"  # the closing } or ] forgotten
    column = re.search(r"[{\[]", line).start() + 1
    # e.g. line 3 `    title: {zh: 测试规划` : the { is column 12
    found = findings_of(_with(number, opened))
    assert found == [(number, column, "yaml-syntax")]
    closer = line.rstrip()[-1]
    assert messages_of(_with(number, opened)) == [
        f"YAML syntax: this {line[column - 1]} is never closed: add {closer} at the end of the line"
        " (the lines below are read as if it were there)"
    ]


def test_nested_brackets_left_open_are_closed_together():
    text = _with(3, "    aliases: [test, {x: 1\n")
    # `    aliases: [`: four spaces, eight characters and a space, so the [ is column 14
    assert findings_of(text)[0] == (3, 14, "yaml-syntax")
    assert "add }] at the end of the line" in messages_of(text)[0]


KEY_LINES = [
    (n, line, m.start("colon"))
    for n, line in enumerate(LINES, 1)
    if (m := re.match(r"^[ ]*(?:- )?[a-z_]+(?P<colon>:)", line))
]


@pytest.mark.parametrize(("number", "line", "at"), KEY_LINES, ids=[str(n) for n, _, _ in KEY_LINES])
def test_a_full_width_colon_after_a_key_is_reported_at_its_column(number, line, at):
    slipped = line[:at] + "：" + line[at + 1 :]
    assert findings_of(_with(number, slipped)) == [(number, at + 1, "full-width")]
    assert messages_of(_with(number, slipped)) == [
        "a full-width colon '：' where YAML needs ':': retype it with the input method in English mode"
        " (read here as ':')"
    ]


def test_a_full_width_colon_without_a_space_is_read_as_colon_and_space():
    # `issuer：测试市人民政府`: the colon is column 11 (4 spaces, 6 letters, then the colon)
    text = GOOD.replace("    issuer: 测试市人民政府", "    issuer：测试市人民政府")
    assert findings_of(text) == [(6, 11, "full-width")]


COMMAS = [(n, line, m.start()) for n, line in enumerate(LINES, 1) for m in re.finditer(r",(?= [a-z_]+:)", line)]


@pytest.mark.parametrize(("number", "line", "at"), COMMAS, ids=[f"{n}:{a}" for n, _, a in COMMAS])
def test_a_full_width_comma_between_fields_is_reported_at_its_column(number, line, at):
    slipped = line[:at] + "，" + line[at + 1 :]
    assert findings_of(_with(number, slipped)) == [(number, at + 1, "full-width")]
    assert "a full-width comma '，' where YAML needs ','" in messages_of(_with(number, slipped))[0]


INDENTED = [(n, line) for n, line in enumerate(LINES, 1) if line.startswith(" ")]


@pytest.mark.parametrize(("number", "line"), INDENTED, ids=[str(n) for n, _ in INDENTED])
def test_an_ideographic_space_in_the_indentation_is_reported_at_its_column(number, line):
    slipped = "\u3000" + line[1:]
    assert findings_of(_with(number, slipped)) == [(number, 1, "full-width")]
    assert "an ideographic space (U+3000) where YAML needs a space" in messages_of(_with(number, slipped))[0]


def test_an_ideographic_space_after_a_dash_is_reported():
    number = next(n for n, line in enumerate(LINES, 1) if line.startswith("      - id:"))
    # `      -　id: rd`: six spaces, the dash at 7, the ideographic space at column 8
    assert findings_of(_with(number, "      -\u3000id: rd\n")) == [(number, 8, "full-width")]


def test_full_width_punctuation_in_text_stays_text():
    # A Chinese name may hold ：，and the ideographic space; a block scalar's text too.
    text = GOOD.replace("name: 研发经费占比", "name: 研发：经费，占比\u3000合计")
    assert findings_of(text) == []
    note = GOOD.replace("    source: test.txt\n", "    source: test.txt\n    note: |\n      key： 说明，a: b\n")
    assert [rule for _, _, rule in findings_of(note)] == ["unknown-field"]  # `note` is not a plan field

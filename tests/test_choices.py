"""A fixed-choice value written wrong (以上 for at_least, atleast, "%" for percent) is refused at its
own line and column with the value meant: by spelling, or by the word plans print for it."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import BaseModel

from plancheck.model.notation import CHOICE_WORDS
from plancheck.model.plan import PlanFile

# Every fixed-choice field of the plan format, each on a line of its own, written `field: "value"`.
TEMPLATE = """\
plans:
  - id: test-plan
    title: {zh: 测试规划}
    region:
      zh: 测试市
      en: Testcity
      level: "prefecture"
    issuer: 测试市人民政府
    period: {first: 2021, last: 2025}
    source: test.txt
    indicators:
      - id: a
        name: 甲
        unit: '%'
        category: "rd"
        kind: "level"
        pace: "points"
        binding: "binding"
        baseline:
          year: 2020
          value: 10
          line: 1
          qualifier: "at_least"
          price_basis: "current"
        target:
          year: 2025
          value: 15
          line: 2
          qualifier: "at_least"
          kind: "level"
          price_basis: "current"
        growth:
          value: 1
          line: 3
          unit: "pp"
          qualifier: "at_least"
          price_basis: "current"
        total:
          value: 5
          line: 4
          unit: "pp"
          qualifier: "at_least"
          direction: "up"
          price_basis: "current"
        restated:
          - value: 15
            line: 5
            qualifier: "at_least"
            price_basis: "current"
        observed:
          - year: 2022
            value: 11
            line: 5
            qualifier: "at_least"
      - id: b
        name: 乙
        unit: 家
        relative:
          to: a
          line: 6
          relation: "above"
    claims:
      - id: c
        subject: 丙
        unit: 家
        line: 7
        start:
          year: 2015
          value: 1
          line: 7
          qualifier: "at_least"
        end: {year: 2020, value: 2, line: 7}
        changes:
          - line: 7
            unit: "times"
            qualifier: "at_least"
            parts:
              - value: 1
                line: 7
                price_basis: "current"
"""


def _literal_fields(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[tuple[str, str]]:
    """(model, field) of every Literal field reachable from ``model``."""
    out: set[tuple[str, str]] = set()
    if model in seen:
        return out
    seen.add(model)

    def walk(annotation: typing.Any, name: str) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            out.add((model.__name__, name))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.update(_literal_fields(annotation, seen))
        for arg in typing.get_args(annotation):
            walk(arg, name)

    for name, info in model.model_fields.items():
        walk(info.annotation, name)
    return out


def _template_fields() -> list[tuple[str, str, int, int, tuple[str, ...]]]:
    """(model, field, line, column of the value, valid values) of every choice line of TEMPLATE."""
    out = []
    stack: list[tuple[int, str]] = []  # (indent, key) of the open mappings
    for number, line in enumerate(TEMPLATE.splitlines(), start=1):
        stripped = line.lstrip(" -")
        indent = len(line) - len(stripped)
        stack = [(i, k) for i, k in stack if i < indent]
        key, _, rest = stripped.partition(":")
        if not rest.strip():
            stack.append((indent, key))
            continue
        if not rest.strip().startswith('"'):
            continue
        parent = stack[-1][1] if stack else ""
        model = {
            "region": "Region",
            "indicators": "Indicator",
            "baseline": "Baseline",
            "target": "Target",
            "growth": "Growth",
            "total": "Total",
            "restated": "Restatement",
            "observed": "Observation",
            "relative": "Relation",
            "start": "ClaimValue",
            "changes": "Change",
            "parts": "Figure",
        }[parent]
        models = {m.__name__: m for m in _models(PlanFile)}
        choices = tuple(str(a) for a in _literal_args(models[model].model_fields[key].annotation))
        out.append((model, key, number, indent + len(key) + 3, choices))
    return out


def _models(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> list[type[BaseModel]]:
    seen = set() if seen is None else seen
    if model in seen:
        return []
    seen.add(model)
    found = [model]

    def walk(annotation: typing.Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.extend(_models(annotation, seen))
        for arg in typing.get_args(annotation):
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return found


def _literal_args(annotation: typing.Any) -> tuple[typing.Any, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    return tuple(a for arg in typing.get_args(annotation) for a in _literal_args(arg))


FIELDS = _template_fields()


def _cases() -> list[tuple[str, str, int, int, str, str, str | None]]:
    """(model, field, line, column, written, expected value, word shown) for every value of every field."""
    cases = []
    for model, field, line, column, choices in FIELDS:
        for choice in choices:
            cases.append((model, field, line, column, choice + choice[-1], choice, None))  # a doubled letter
            cases.append((model, field, line, column, choice.upper().replace("_", " "), choice, None))
            for word in CHOICE_WORDS.get(choice, ()):
                cases.append((model, field, line, column, word, choice, word))
    return cases


CASES = _cases()


def test_the_template_holds_every_fixed_choice_field_and_is_valid(run, tmp_path):
    assert {(m, f) for m, f, *_ in FIELDS} == _literal_fields(PlanFile, set())
    path = tmp_path / "plan.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    result = run("validate", str(path), "--format", "plain")
    assert "invalid-value" not in result.stdout and result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("model", "field", "line", "column", "written", "meant", "word"),
    CASES,
    ids=[f"{c[0]}.{c[1]}={c[4]}" for c in CASES],
)
def test_a_value_written_wrong_is_refused_with_the_value_meant(
    run, tmp_path, model, field, line, column, written, meant, word
):
    lines = TEMPLATE.splitlines()
    key_part = lines[line - 1][: column - 1]
    lines[line - 1] = key_part + json.dumps(written, ensure_ascii=False)
    path = tmp_path / "plan.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1
    (finding,) = [x for x in result.stdout.splitlines() if "invalid-value" in x]
    assert finding.startswith(f"{path}:{line}:{column}: error [invalid-value] {field}: {written!r} is not one of ")
    hint = f"did you mean {meant}?" + (f" ({word} is written {field}: {meant})" if word is not None else "")
    assert finding.endswith(hint)


def test_a_value_like_none_of_them_gets_the_list_only(run, write):
    path = write(TEMPLATE.replace('qualifier: "at_least"', 'qualifier: "xyz"', 1))
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}:23:22: error [invalid-value] qualifier: 'xyz' is not one of "
        "'at_least', 'more_than', 'at_most', 'less_than' or 'about'"
    )


def test_no_word_stands_for_two_values_of_one_field():
    for model, field, _, _, choices in FIELDS:
        for word in {w for c in choices for w in CHOICE_WORDS.get(c, ())}:
            meant = [c for c in choices if word in CHOICE_WORDS.get(c, ())]
            assert len(meant) == 1, f"{model}.{field}: {word} stands for {meant}"

"""--lang en: names, units, places and claims in English, in the tables and in the messages."""

from __future__ import annotations

import re

import pytest

from plancheck.loader.reader import bundled_catalogue
from plancheck.model.words import UNIT_EN, Words, unit_en

from .conftest import BUNDLED, PLAN_HEAD

PLAN = (
    PLAN_HEAD
    + """\
      - id: rd
        name: 研发经费
        unit: 亿元
        key: rd-spending
        scope: 莫干山高新区
        baseline: {year: 2020, value: 10, line: 3}
        target: {year: 2025, value: 20, line: 3}
        growth: {value: 10, unit: percent, line: 3}
        restated:
          - {value: 20, qualifier: at_least, printed: 研发经费20亿元以上, line: 9}
    claims:
      - id: rd-2015-2020
        subject: 研究与试验发展经费支出
        unit: 亿元
        key: rd-spending
        line: 5
        start: {year: 2015}
        end: {year: 2020, value: 96.02, line: 5}
        changes:
          - {value: 2, unit: times, printed: 增长一倍, line: 5}
"""
)


@pytest.mark.parametrize(
    "unit, english",
    [
        ("亿元", "100 million yuan"),
        ("家", "firms"),
        ("人年", "FTE person-years"),
        ("万元/人", "10,000 yuan per person"),
        ("件/万人", "items per 10,000 people"),
        ("%", "%"),
        ("头", "头"),  # not known: as printed, never dropped
    ],
)
def test_units_in_english(unit, english):
    assert unit_en(unit) == english


def test_every_unit_of_the_bundled_data_has_english():
    text = BUNDLED.read_text(encoding="utf-8")
    units = set(re.findall(r"\bunit: \"?([^\s\",}]+)", text)) - {"percent", "pp", "absolute", "times"}
    assert units and all(u in UNIT_EN or "/" in u for u in units), sorted(u for u in units if u not in UNIT_EN)


def test_a_figure_keeps_its_printed_value_with_the_english_unit():
    en = Words("en")
    # 3517.2 亿元 is 351.72 billion yuan; the tool never converts a printed figure, it names its unit
    assert en.amount("3517.2", "亿元") == "3517.2 × 100 million yuan"
    assert (en.amount("550", "家"), en.amount("3.2", "%")) == ("550 firms", "3.2%")
    assert Words("zh").amount("3517.2", "亿元") == "3517.2亿元"


def test_messages_in_english(run, write):
    path = write(PLAN)
    zh = run("verify", "--file", str(path), "-f", "plain", "--min-level", "info").stdout.splitlines()
    en = run("verify", "--file", str(path), "-f", "plain", "--min-level", "info", "--lang", "en").stdout.splitlines()
    # 96.02 is measured (96.015 to 96.025) and 增长一倍 doubles it exactly: 48.0075 to 48.0125 in
    # 2010... in 2015 here, shown outwards at three decimals as 48.007 to 48.013, the point 48.01
    assert zh[-1] == (
        f"{path}:28:21: info [claim-implied] 研究与试验发展经费支出: 96.02亿元 in 2020 and 增长一倍 imply "
        "48.01亿元 (48.007 to 48.013 within rounding) in 2015 (source: test.txt:5)"
    )
    assert en[-1] == (
        f"{path}:28:21: info [claim-implied] Gross R&D expenditure: 96.02 × 100 million yuan in 2020 and ×2 "
        "imply 48.01 × 100 million yuan (48.007 to 48.013 within rounding) in 2015 (source: test.txt:5)"
    )
    # the indicator's English name is its catalogue entry's; the source's own words are left out
    assert en[1] == (
        f"{path}:18:21: info [restated-qualifier] Gross R&D expenditure: the target is 20 (source line 3), "
        "source line 9 says ≥20 (source: test.txt:9)"
    )
    assert zh[1].endswith("source line 9 says ≥20 (研发经费20亿元以上) (source: test.txt:9)")
    assert zh[0] == en[0]  # a message without names is the same in both


def test_show_in_english(run, write):
    path = write(PLAN)
    out = run("show", "test-plan", "--data", str(path), "--lang", "en", env={"COLUMNS": "120"}).stdout
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[:2] == ["测试规划", "test-plan · Testcity (prefecture) · 2021–2025 · 测试市人民政府 · source test.txt"]
    row = next(line for line in lines if line.startswith(" Gross R&D expenditure"))
    assert row.split() == [
        *["Gross", "R&D", "expenditure", "[Moganshan", "High-tech", "Zone]"],
        *["100", "million", "yuan"],
        "2020:",
        "10",
        "2025:",
        "20",
        "10%/yr",
        "3",
    ]
    claim = next(line for line in lines if line.startswith(" Gross R&D expenditure (100"))
    assert claim.split()[-3:] == ["96.02", "×2", "5"]
    assert "1 indicator, 1 with a target value." in out and "1 claim; " in out


def _english_residue(text: str) -> set[str]:
    return set(re.findall(r"[\u4e00-\u9fff]+", text))


def test_no_chinese_left_in_english_output_but_what_has_no_english():
    """Every Chinese word --lang en still shows stands in an English name the data gives (星创天地 in
    its translation), in a plan's Chinese title (shown under the English one) or in a name the data
    gives no English for."""
    from typer.testing import CliRunner

    import plancheck
    from plancheck.cli import app

    data = plancheck.load(BUNDLED)
    words = Words("en", data.catalogue, data.plans)
    allowed: set[str] = set()
    for plan in data.plans:
        allowed |= _english_residue(plan.title.zh)
        for ind in plan.indicators:
            allowed |= _english_residue(words.name(ind))
            if ind.goal is not None:  # a target in words, shown as printed: the data gives no English for it
                allowed |= _english_residue(ind.goal.text)
        for claim in plan.claims:
            allowed |= _english_residue(words.subject(claim))
    allowed.add("累计")  # the term glossed where compare says what a row's target is: a sum over the period (累计)
    allowed.add("新增")  # likewise: an increment (新增), where two plans' increments differ in kind
    for entry in bundled_catalogue().catalogue:
        allowed |= _english_residue(" ".join(x for x in (entry.en, entry.note or "") if x))
    runner = CliRunner()
    ids = [p.id for p in data.plans]
    commands = [
        ["verify", "-f", "plain", "--min-level", "info"],
        ["verify", "-f", "table"],
        *(["show", pid] for pid in ids),
        ["compare", *ids],
        ["progress", "-f", "plain"],
        ["path", "-f", "plain"],
    ]
    for args in commands:
        out = runner.invoke(app, [*args, "--lang", "en"], env={"COLUMNS": "160"}).stdout
        left = {w for w in _english_residue(out) if not any(w in a for a in allowed)}
        assert not left, (args, left)

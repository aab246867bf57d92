"""Layouts that fit: tables and prose at 60, 80, 100 and 160 columns, never splitting a word or a number.

Widths are terminal cells: a Chinese character takes two (rich.cells.cell_len). The exact outputs are
for a small plan with Chinese names; the property tests run every bundled plan through every table
command at each width.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from plancheck import api

from .conftest import BUNDLED, ROOT

SMALL = """\
plans:
  - id: ceshi-2021-2025
    title: {zh: 测试市科技创新规划}
    region: {zh: 测试市, en: Ceshi, level: prefecture}
    issuer: 测试市人民政府
    period: {first: 2021, last: 2025}
    source: ceshi.txt
    indicators:
      - id: rd-intensity
        name: 研究与试验发展经费支出占地区生产总值比重
        unit: "%"
        key: rd-intensity
        line: 10
        baseline: {year: 2020, value: 2.5, line: 11}
        target: {year: 2025, value: 3.0, line: 12}
        growth: {value: 0.1, unit: pp, line: 13}
      - id: high-tech
        name: 高新技术企业数
        unit: 家
        key: high-tech-enterprises
        line: 14
        baseline: {year: 2020, value: 500, line: 15}
        target: {year: 2025, value: 1000, line: 16}
        growth: {value: 20, unit: percent, line: 17}
  - id: yangli-2021-2025
    title: {zh: 样例县科技创新规划}
    region: {zh: 样例县, en: Yangli, level: county}
    issuer: 样例县人民政府
    period: {first: 2021, last: 2025}
    source: yangli.txt
    indicators:
      - id: rd-intensity
        name: 研究与试验发展经费支出占地区生产总值比重
        unit: "%"
        key: rd-intensity
        line: 10
        baseline: {year: 2020, value: 2.0, line: 11}
        target: {year: 2025, value: 3.5, line: 12}
        growth: {value: 0.3, unit: pp, line: 13}
"""
# The figures, by hand: 研究与试验发展经费支出占地区生产总值比重 (2.5 → 3.0)/5 = 0.1 pp a year, as stated;
# 高新技术企业数 (1000/500)^(1/5) - 1 = 2^0.2 - 1 = 14.87% a year, not the stated 20%; 样例县 (3.5 - 2.0)/5
# = 0.3 pp a year, as stated. The widest name is 20 characters, 40 cells.

FINDING = re.compile(r"^\S+:\d+:\d+: (error|warning|info|accepted) \[")
"""A finding's line stays one line at any width (pasted from a terminal it is one line, and an
editor opens its file:line:col), as in the plain format."""


@pytest.fixture
def small(write):
    return str(write(SMALL, "small.yaml"))


def output(run, width: int, *args: str) -> list[str]:
    """What a command prints at ``width`` columns (in a pipe, as CliRunner runs it), each line without
    the spaces that pad a table's lines to its width."""
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1), result.output
    return [line.rstrip() for line in result.stdout.splitlines()]


# What a user sees, line for line (a finding's line is asserted apart: see FINDING).
EXPECTED = {
    ("verify", 160): [
        "ceshi-2021-2025 · 测试市科技创新规划 · 2021–2025",
        "",
        " indicator                                 baseline → target  years      stated  computed       range  verdict",
        " ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
        " 研究与试验发展经费支出占地区生产总值比重          2.5 → 3.0  2020–2025  0.1 pp    0.1 pp   0.09–0.11  ✓ consistent",
        " 高新技术企业数                                   500 → 1000  2020–2025     20%    14.87%  14.84–14.9  ✗ inconsistent",
        "",
        "2 checked (1 consistent, 0 within rounding, 1 inconsistent); 0 not checkable",
        "",
        "stated and computed rates are a year (compound % for levels, percentage points for shares) unless marked total; range: what the figures allow within their",
        "rounding",
        "1 error, 0 warnings, 0 infos in 1 file",
    ],
    ("verify", 100): [
        "ceshi-2021-2025 · 测试市科技创新规划 · 2021–2025",
        "",
        "                                           baseline →",
        " indicator                                     target  stated  computed       range  verdict",
        " ──────────────────────────────────────────────────────────────────────────────────────────────────",
        " 研究与试验发展经费支出占地区生产总值比重   2.5 → 3.0  0.1 pp    0.1 pp   0.09–0.11  ✓ consistent",
        " 高新技术企业数                            500 → 1000     20%    14.87%  14.84–14.9  ✗ inconsistent",
        "",
        "Not shown at 100 columns: years (all columns need 111).",
        "2 checked (1 consistent, 0 within rounding, 1 inconsistent); 0 not checkable",
        "",
        "stated and computed rates are a year (compound % for levels, percentage points for shares) unless",
        "marked total; range: what the figures allow within their rounding",
        "1 error, 0 warnings, 0 infos in 1 file",
    ],
    ("verify", 80): [
        "ceshi-2021-2025 · 测试市科技创新规划 · 2021–2025",
        "",
        " indicator                                 stated  computed  verdict",
        " ──────────────────────────────────────────────────────────────────────────",
        " 研究与试验发展经费支出占地区生产总值比重  0.1 pp    0.1 pp  ✓ consistent",
        " 高新技术企业数                               20%    14.87%  ✗ inconsistent",
        "",
        "Not shown at 80 columns: baseline → target, years, range (all columns need 111).",
        "2 checked (1 consistent, 0 within rounding, 1 inconsistent); 0 not checkable",
        "",
        "stated and computed rates are a year (compound % for levels, percentage points",
        "for shares) unless marked total; range: what the figures allow within their",
        "rounding",
        "1 error, 0 warnings, 0 infos in 1 file",
    ],
    ("verify", 60): [
        "ceshi-2021-2025 · 测试市科技创新规划 · 2021–2025",
        "研究与试验发展经费支出占地区生产总值比重  ✓ consistent",
        "  baseline → target: 2.5 → 3.0 · years: 2020–2025",
        "  stated: 0.1 pp · computed: 0.1 pp · range: 0.09–0.11",
        "高新技术企业数  ✗ inconsistent",
        "  baseline → target: 500 → 1000 · years: 2020–2025",
        "  stated: 20% · computed: 14.87% · range: 14.84–14.9",
        "",
        "2 checked (1 consistent, 0 within rounding, 1 inconsistent);",
        "0 not checkable",
        "",
        "stated and computed rates are a year (compound % for levels,",
        "percentage points for shares) unless marked total; range:",
        "what the figures allow within their rounding",
        "1 error, 0 warnings, 0 infos in 1 file",
    ],
    ("compare", 160): [
        "",
        " indicator                                       unit        测试       样例  more ambitious",
        " ───────────────────────────────────────────────────────────────────────────────────────────",
        " 全社会研究与试验发展经费支出占地区生产总值比重  %      2020: 2.5  2020: 2.0  样例 (pace)",
        "                                                        2025: 3.0  2025: 3.5",
        "                                                        0.1 pp/yr  0.3 pp/yr",
        "",
        " 高新技术企业数                                  家     2020: 500             only 测试",
        "                                                       2025: 1000",
        "                                                        14.87%/yr",
        "",
        "1 indicator set by two or more plans (1 comparable, 0 not comparable, 0 tied); 测试 more ambitious on 0; 样例 more ambitious on 1.",
        "Set by one plan only: 测试 1, 样例 0.",
        "Note: the plans are of different levels of government (county, prefecture): their targets differ in scope as much as in ambition.",
        "≠ marks look-alike indicators that are not comparable. More ambitious: the higher annual pace (compound % for levels, percentage points for shares; from",
        "baseline and target, else the plan's stated rate); without two paces, the higher target in a shared target year, for figures that do not grow with a region's",
        "size (shares, per-capita and per-10,000 figures) only. ≥ at least · > more than · ≈ about · + increment · Σ cumulative.",
    ],
    ("compare", 80): [
        "全社会研究与试验发展经费支出占地区生产总值比重  %",
        "  测试: 2020: 2.5 · 2025: 3.0 · 0.1 pp/yr",
        "  样例: 2020: 2.0 · 2025: 3.5 · 0.3 pp/yr",
        "  more ambitious: 样例 (pace)",
        "",
        "高新技术企业数  家",
        "  测试: 2020: 500 · 2025: 1000 · 14.87%/yr",
        "  more ambitious: only 测试",
        "",
        "1 indicator set by two or more plans (1 comparable, 0 not comparable, 0 tied);",
        "测试 more ambitious on 0; 样例 more ambitious on 1.",
        "Set by one plan only: 测试 1, 样例 0.",
        "Note: the plans are of different levels of government (county, prefecture):",
        "their targets differ in scope as much as in ambition.",
        "≠ marks look-alike indicators that are not comparable. More ambitious: the",
        "higher annual pace (compound % for levels, percentage points for shares; from",
        "baseline and target, else the plan's stated rate); without two paces, the higher",
        "target in a shared target year, for figures that do not grow with a region's",
        "size (shares, per-capita and per-10,000 figures) only. ≥ at least · > more than",
        "· ≈ about · + increment · Σ cumulative.",
    ],
    ("list", 100): [
        "",
        " id                region         level       period     issuer          indicators  targets",
        " ───────────────────────────────────────────────────────────────────────────────────────────",
        " ceshi-2021-2025   测试市 Ceshi   prefecture  2021–2025  测试市人民政府           2        2",
        " yangli-2021-2025  样例县 Yangli  county      2021–2025  样例县人民政府           1        1",
        "",
    ],
    ("list", 80): [
        "",
        " id                region         level       period     indicators  targets",
        " ───────────────────────────────────────────────────────────────────────────",
        " ceshi-2021-2025   测试市 Ceshi   prefecture  2021–2025           2        2",
        " yangli-2021-2025  样例县 Yangli  county      2021–2025           1        1",
        "",
        "Not shown at 80 columns: issuer (all columns need 86).",
    ],
    ("list", 60): [
        "",
        " id                region    period     indicators  targets",
        " ──────────────────────────────────────────────────────────",
        " ceshi-2021-2025   测试市    2021–2025           2        2",
        "                   Ceshi",
        " yangli-2021-2025  样例县    2021–2025           1        1",
        "                   Yangli",
        "",
        "Not shown at 60 columns: level, issuer (all columns need",
        "86).",
    ],
    ("show", 100): [
        "测试市科技创新规划",
        "ceshi-2021-2025 · 测试市 Ceshi (prefecture) · 2021–2025 · 测试市人民政府 · source ceshi.txt",
        "",
        " indicator                                 unit   baseline      target  stated growth      line",
        " ──────────────────────────────────────────────────────────────────────────────────────────────",
        " 研究与试验发展经费支出占地区生产总值比重  %     2020: 2.5   2025: 3.0      0.1 pp/yr  11,12,13",
        " 高新技术企业数                            家    2020: 500  2025: 1000         20%/yr  15,16,17",
        "",
        "2 indicators, 2 with a target value. ≥ at least · > more than · ≤ at most · ≈ about · + increment ·",
        "Σ cumulative",
    ],
    ("show", 60): [
        "测试市科技创新规划",
        "ceshi-2021-2025 · 测试市 Ceshi (prefecture) · 2021–2025 ·",
        "测试市人民政府 · source ceshi.txt",
        "研究与试验发展经费支出占地区生产总值比重",
        "  unit: % · baseline: 2020: 2.5 · target: 2025: 3.0",
        "  stated growth: 0.1 pp/yr · line: 11,12,13",
        "高新技术企业数",
        "  unit: 家 · baseline: 2020: 500 · target: 2025: 1000",
        "  stated growth: 20%/yr · line: 15,16,17",
        "",
        "2 indicators, 2 with a target value. ≥ at least · > more",
        "than · ≤ at most · ≈ about · + increment · Σ cumulative",
    ],
}


ARGS = {
    "verify": ["verify", "ceshi", "--format", "table"],
    "compare": ["compare", "ceshi", "yangli"],
    "list": ["list"],
    "show": ["show", "ceshi"],
}


@pytest.mark.parametrize("command, width", list(EXPECTED))
def test_the_exact_output_at_each_width(run, small, command, width):
    lines = output(run, width, *ARGS[command], "--data", small)
    assert [line for line in lines if not FINDING.match(line)] == EXPECTED[command, width]
    if command == "verify":  # (1000/500)^(1/5) - 1 = 14.87% a year, not 20%: one finding, on one line
        assert [line for line in lines if FINDING.match(line)] == [
            f"{small}:24:25: error [growth-mismatch] stated growth 20%/yr does not fit 500 (2020) → 1000 (2025) "
            "over 5 years: the figures give 14.87%/yr (14.84 to 14.9%/yr within the baseline's rounding); 20 is "
            "5.1 units of 1 above that range. At 20%/yr the target would be 1244.16 (2025), or the baseline would "
            "have to be 401.88 (2020) (source: ceshi.txt:17)"  # the growth's line in the source
        ]


def test_the_table_is_kept_whole_at_the_width_it_needs_and_not_one_cell_less(run, small):
    """The note's 111: the widest name (40 cells), the widest value of each other column (baseline →
    target 10 as "500 → 1000" under a header broken at its spaces; years 9, stated 6 as "0.1 pp",
    computed 8, range 10, verdict 14) and two cells between each two of the 7 columns and at the edges
    (14): 40 + 10 + 9 + 6 + 8 + 10 + 14 + 14 = 111."""
    at_111 = output(run, 111, *ARGS["verify"], "--data", small)
    assert at_111[2:4] == [
        "                                           baseline →",
        " indicator                                     target  years      stated  computed       range  verdict",
    ]
    assert (
        " 高新技术企业数                            500 → 1000  2020–2025     20%    14.87%  14.84–14.9  ✗ inconsistent"
        in at_111
    )
    assert not any(line.startswith("Not shown") for line in at_111)
    at_110 = output(run, 110, *ARGS["verify"], "--data", small)
    assert "Not shown at 110 columns: years (all columns need 111)." in at_110


PLANS = [p.id for p in api.load(BUNDLED).plans]
WIDTHS = [60, 80, 100, 160]
WIDE = 1000  # nothing wraps: the reference every narrower layout is held to


def _commands() -> list[list[str]]:
    commands = [["list"]]
    for plan in PLANS:
        commands += [["verify", plan, "--format", "table"], ["show", plan], ["show", plan, "--lang", "en"]]
    commands += [["compare", *PLANS], ["compare", PLANS[0], PLANS[-1]], ["compare", "haining", "deqing"]]
    commands.append(["compare", "haining", "deqing", "--lang", "en"])
    return commands


def _words(lines: list[str]) -> set[str]:
    """Every word of the output, without the punctuation a stacked layout adds (``key:``, `` · ``)."""
    words = set()
    note = False  # "Not shown at 80 columns: years, range (all columns need 123).", maybe on two lines
    for line in lines:
        note = note or line.startswith("Not shown at")
        if note:
            note = not line.endswith(").")
            continue
        if FINDING.match(line):
            continue
        for word in line.split():
            word = word.strip("(),;:.")
            if word and word != "·" and set(word) != {"─"}:  # a table's rule is as wide as the table
                words.add(word)
    return words


@pytest.mark.slow
@pytest.mark.parametrize("args", _commands(), ids=" ".join)
def test_every_layout_fits_the_width_and_splits_no_word_or_number(run, args):
    wide = output(run, WIDE, *args)
    known = _words(wide)
    # A name breaks only at its spaces (an English name may wrap between words): a name without one is whole.
    names = [n for n in _names(args) if " " not in n and any(n in line for line in wide)]
    verdicts = [v for v in ("✓ consistent", "≈ rounding", "✗ inconsistent") if any(v in line for line in wide)]
    for width in WIDTHS:
        lines = output(run, width, *args)
        too_wide = [line for line in lines if cell_len(line) > width and not FINDING.match(line)]
        assert not too_wide, (width, too_wide)
        broken = _words(lines) - known  # a piece of a split word or number is no word of the wide layout
        assert not broken, (width, sorted(broken))
        for name in names:
            assert any(name in line for line in lines), (width, name)
        for verdict in verdicts:  # each verdict as often as in the wide layout, and whole
            assert sum(verdict in line for line in lines) == sum(verdict in line for line in wide), (width, verdict)


def _names(args: list[str]) -> list[str]:
    """The indicator names a command can show (Chinese, and English where asked)."""
    plans = api.load(BUNDLED).plans
    english = "--lang" in args
    return [
        (i.name_en if english and i.name_en else i.name)
        for p in plans
        if p.id in args or args[0] in ("list", "compare")
        for i in p.indicators
    ]


def test_in_a_pipe_without_columns_the_comparison_fits_100_columns():
    """No terminal and no COLUMNS: 100 columns, the width the CLI assumes (prose lines ran to 330)."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run(
        [sys.executable, "-m", "plancheck", "compare", *PLANS], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0
    widths = [cell_len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= 100 and len(widths) > 100


def test_a_word_longer_than_the_line_stays_whole():
    from plancheck.render.console import wrap_text

    lines = wrap_text("see 全社会研究与试验发展经费支出占地区生产总值比重 in 2025", 20, 0, 2)
    assert [line.plain for line in lines] == ["see", "  全社会研究与试验发展经费支出占地区生产总值比重", "  in 2025"]


def test_the_readme_shows_the_80_column_table_as_verify_prints_it(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index("    $ plancheck verify jiaxing-2016-2020 --format table") + 1
    block = []
    for line in readme[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    while block and not block[-1]:
        block.pop()
    assert len(block) > 15
    assert output(run, 80, "verify", "jiaxing-2016-2020", "--format", "table")[: len(block)] == block

"""Indicator tables in every layout web copies print them in, read row by row with their lines.

The tables are made up (made-up figures in the shapes of real plans' tables).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.extract.cells import Amount
from plancheck.extract.tables import Column, Row, Table, find_tables, header_column, split_line

HERE = Path(__file__).resolve().parent / "extract"


def rows_of(table: Table) -> list[tuple[object, ...]]:
    """Each row as (line, name, unit, unit line, group, [(role, text, line, kind), ...])."""
    return [
        (r.line, r.name, r.unit, r.unit_line, r.group, [(c.column.role, c.text, c.line, c.value.kind) for c in r.cells])
        for r in table.rows
    ]


def one_table(text: str) -> Table:
    tables = find_tables(text.split("\n"))
    assert len(tables) == 1, tables
    return tables[0]


# ----------------------------------------------------------------------------- one cell a line, ending in |

BAR = """\
一、发展目标
“十四五”某市发展主要指标
类别 |
指标 |
2020年 |
2025年 |
年均/累计 |
属性 |
经济发展 |
国内生产总值增长(%) |
5.0 |
— |
保持在合理区间、各年度视情提出 |
预期性 |
常住人口城镇化率(%) |
64.7* |
68 |
— |
预期性 |
绿色生态 |
单位GDP能源消耗降低(%) |
— |
— |
〔13.5〕 |
约束性 |
二、重点任务"""


def test_one_cell_a_line_ending_in_a_bar():
    table = one_table(BAR)
    assert (table.layout, table.title, table.title_line, table.header_line, table.last_line) == (
        "cell-per-line-bar",
        "“十四五”某市发展主要指标",
        2,
        3,
        25,
    )
    assert [(c.role, c.header, c.line, c.year, c.span) for c in table.columns] == [
        ("group", "类别", 3, None, None),
        ("name", "指标", 4, None, None),
        ("baseline", "2020年", 5, 2020, None),
        ("target", "2025年", 6, 2025, None),
        ("growth", "年均/累计", 7, None, "either"),
        ("binding", "属性", 8, None, None),
    ]
    assert rows_of(table) == [
        (
            10,
            "国内生产总值增长",
            "%",
            10,
            "经济发展",
            [
                ("baseline", "5.0", 11, "number"),
                ("target", "—", 12, "absent"),
                ("growth", "保持在合理区间、各年度视情提出", 13, "text"),
                ("binding", "预期性", 14, "attribute"),
            ],
        ),
        (
            15,
            "常住人口城镇化率",
            "%",
            15,
            "经济发展",
            [
                ("baseline", "64.7*", 16, "number"),
                ("target", "68", 17, "number"),
                ("growth", "—", 18, "absent"),
                ("binding", "预期性", 19, "attribute"),
            ],
        ),
        (
            21,
            "单位GDP能源消耗降低",
            "%",
            21,
            "绿色生态",
            [
                ("baseline", "—", 22, "absent"),
                ("target", "—", 23, "absent"),
                ("growth", "〔13.5〕", 24, "number"),
                ("binding", "约束性", 25, "attribute"),
            ],
        ),
    ]
    urban = table.rows[1]
    assert urban.baseline is not None and urban.baseline.value.other_year
    assert urban.baseline.value.amount == Amount("64.7", "64.7")
    energy = table.rows[2]
    assert energy.growth is not None and energy.growth.value.cumulative
    assert energy.growth.value.amount == Amount("13.5", "13.5")
    assert energy.binding is not None and energy.binding.value.binding == "binding"
    assert all(not r.problems for r in table.rows) and not table.problems


# ----------------------------------------------------------------------------- one cell a line, nothing after it

BARE = """\
专栏1:某县科技创新主要指标

指标名称

单位

2020年

2025年

研发经费投入

亿元

17.5

35

研发经费支出占地区生产总值比重

%

3.1

4.2

高新技术企业数

260

520

科技企业孵化器(累计)

2

5

顶尖人才

150

到2035年,全面建成创新型县。"""


def test_one_cell_a_line_with_blank_lines_and_rows_that_leave_out_cells():
    table = one_table(BARE)
    assert (table.layout, table.title, table.title_line, table.header_line, table.last_line) == (
        "cell-per-line",
        "专栏1:某县科技创新主要指标",
        1,
        3,
        41,
    )
    assert [(c.role, c.year) for c in table.columns] == [
        ("name", None),
        ("unit", None),
        ("baseline", 2020),
        ("target", 2025),
    ]
    assert rows_of(table) == [
        (11, "研发经费投入", "亿元", 13, None, [("baseline", "17.5", 15, "number"), ("target", "35", 17, "number")]),
        (
            19,
            "研发经费支出占地区生产总值比重",
            "%",
            21,
            None,
            [("baseline", "3.1", 23, "number"), ("target", "4.2", 25, "number")],
        ),
        (27, "高新技术企业数", None, None, None, [("baseline", "260", 29, "number"), ("target", "520", 31, "number")]),
        (
            33,
            "科技企业孵化器(累计)",
            None,
            None,
            None,
            [("baseline", "2", 35, "number"), ("target", "5", 37, "number")],
        ),
        (39, "顶尖人才", None, None, None, [("target", "150", 41, "number")]),
    ]
    assert table.rows[-1].problems == ("1 value cell for 2 columns: taken as without 2020年",)
    assert table.rows[-1].baseline is None and table.rows[-1].target is not None


def test_one_cell_a_line_the_table_ends_at_the_prose():
    table = one_table(BARE)
    assert 43 not in table.lines and 41 in table.lines and 1 in table.lines


# ----------------------------------------------------------------------------- one row a line


def test_cells_separated_by_bars_with_a_group_column_merged_down():
    text = """\
主要指标
类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性
经济发展 | 1.国内生产总值增长(%) | 5.0 | — | 保持在合理区间、各年度视情提出 | 预期性
 | 2.常住人口城镇化率(%) | 64.7* | 68 | — | 预期性
绿色生态 | 3.单位GDP能源消耗降低(%) | — | — | 〔13.5〕 | 约束性
"""
    table = one_table(text)
    assert (table.layout, table.header_line, table.last_line, table.title_line) == ("delimited", 2, 5, 1)
    assert rows_of(table) == [
        (
            3,
            "国内生产总值增长",
            "%",
            3,
            "经济发展",
            [
                ("baseline", "5.0", 3, "number"),
                ("target", "—", 3, "absent"),
                ("growth", "保持在合理区间、各年度视情提出", 3, "text"),
                ("binding", "预期性", 3, "attribute"),
            ],
        ),
        (
            4,
            "常住人口城镇化率",
            "%",
            4,
            "经济发展",
            [
                ("baseline", "64.7*", 4, "number"),
                ("target", "68", 4, "number"),
                ("growth", "—", 4, "absent"),
                ("binding", "预期性", 4, "attribute"),
            ],
        ),
        (
            5,
            "单位GDP能源消耗降低",
            "%",
            5,
            "绿色生态",
            [
                ("baseline", "—", 5, "absent"),
                ("target", "—", 5, "absent"),
                ("growth", "〔13.5〕", 5, "number"),
                ("binding", "约束性", 5, "attribute"),
            ],
        ),
    ]
    assert table.rows[0].printed_name == "1.国内生产总值增长(%)"


def test_cells_separated_by_tabs_with_full_width_digits_and_separators():
    text = "指标\t2015年\t2020年\t年均增长(%)\n高新技术企业数（家）\t１，２００\t2,000以上\t10.8\n技术交易额(亿元)\t5.2\t1.5万\t—\n"
    table = one_table(text)
    assert table.layout == "delimited"
    assert [(c.role, c.year, c.unit, c.span) for c in table.columns] == [
        ("name", None, None, None),
        ("baseline", 2015, None, None),
        ("target", 2020, None, None),
        ("growth", None, "%", "annual"),
    ]
    first, second = table.rows
    assert (first.name, first.unit, first.line) == ("高新技术企业数", "家", 2)
    assert first.baseline is not None and first.baseline.value.amount == Amount("1200", "１，２００", converted=True)
    assert first.target is not None and first.target.value.amount == Amount(
        "2000", "2,000以上", qualifier="at_least", converted=True
    )
    assert first.growth is not None and first.growth.value.amount == Amount("10.8", "10.8")
    assert second.target is not None and second.target.value.amount == Amount("1.5", "1.5万", scale="万")
    assert second.growth is not None and second.growth.value.kind == "absent"


def test_cells_separated_by_runs_of_spaces_with_units_in_their_own_column_and_ranges():
    text = (
        "指标名称    单位    2020年    2025年\n市级技术创新中心    家    1    1—2家\n标志性成果    项    3    5-10项\n"
    )
    table = one_table(text)
    assert rows_of(table) == [
        (2, "市级技术创新中心", "家", 2, None, [("baseline", "1", 2, "number"), ("target", "1—2家", 2, "range")]),
        (3, "标志性成果", "项", 3, None, [("baseline", "3", 3, "number"), ("target", "5-10项", 3, "range")]),
    ]
    target = table.rows[0].target
    assert target is not None and target.value.amount == Amount("1", "1—2家", upper="2", unit="家")


def test_a_markdown_table_with_columns_in_another_order_and_a_group_row():
    text = """\
| 属性 | 指标 | 目标值 | 单位 | 基期 |
|:---|---|---:|---|---|
| 创新驱动 |
| 预期性 | 研发经费投入增长 | 高于国内生产总值增长 | % | 12 |
| 预期性 | 居民人均可支配收入增长 | 与经济增长基本同步 | % | 6.0 |
"""
    table = one_table(text)
    assert table.layout == "markdown"
    assert [c.role for c in table.columns] == ["binding", "name", "target", "unit", "baseline"]
    assert rows_of(table) == [
        (
            4,
            "研发经费投入增长",
            "%",
            4,
            "创新驱动",
            [
                ("binding", "预期性", 4, "attribute"),
                ("target", "高于国内生产总值增长", 4, "relative"),
                ("baseline", "12", 4, "number"),
            ],
        ),
        (
            5,
            "居民人均可支配收入增长",
            "%",
            5,
            "创新驱动",
            [
                ("binding", "预期性", 5, "attribute"),
                ("target", "与经济增长基本同步", 5, "relative"),
                ("baseline", "6.0", 5, "number"),
            ],
        ),
    ]
    target = table.rows[0].target
    assert target is not None
    assert (target.value.relation, target.value.relative_to) == ("高于", "国内生产总值增长")
    assert table.rows[1].target is not None and table.rows[1].target.value.relation == "基本同步"


def test_a_table_from_a_file_next_to_the_prose_around_it():
    lines = (HERE / "bar_table.txt").read_text(encoding="utf-8").split("\n")
    (table,) = find_tables(lines)
    assert (table.title, table.first_line, table.last_line) == ("某市科技创新主要指标", 2, 18)
    names = [(r.name, r.unit, r.line) for r in table.rows]
    assert names == [
        ("研发经费支出占生产总值比重", "%", 7),
        ("每万人发明专利拥有量", "件", 11),
        ("高新技术企业数", "家", 15),
    ]
    rd, patents, firms = table.rows
    assert rd.growth is not None and rd.growth.value.amount == Amount("0.08", "0.08个百分点", unit="个百分点")
    assert patents.target is not None and patents.target.value.amount == Amount("12.50", "12.50")
    assert firms.target is not None and firms.target.value.amount == Amount("800", "800以上", qualifier="at_least")
    assert firms.growth is not None and firms.growth.value.amount == Amount("9.86", "9.86%", unit="%")


# ----------------------------------------------------------------------------- headers and lines


@pytest.mark.parametrize(
    "header, role, year",
    [
        ("指标", "name", None),
        ("指标名称", "name", None),
        ("主要指标", "name", None),
        ("单位", "unit", None),
        ("2020年", "target", 2020),  # a bare year: the earliest of several becomes the base
        ("2020年(基期)", "baseline", 2020),
        ("基期", "baseline", None),
        ("基期值", "baseline", None),
        ("2025年目标", "target", 2025),
        ("目标值", "target", None),
        ("目标", "target", None),
        ("年均增长", "growth", None),
        ("年均/累计", "growth", None),
        ("累计", "growth", None),
        ("属性", "binding", None),
        ("指标属性", "binding", None),
        ("类别", "group", None),
        ("序号", "index", None),
    ],
)
def test_header_words(header, role, year):
    column = header_column(header, 1)
    assert column is not None and (column.role, column.year) == (role, year)


def test_words_that_are_not_headers():
    for words in ("高新技术企业数", "3.20", "亿元", "到2025年,全面建成创新型县。"):
        assert header_column(words, 1) is None, words


def test_splitting_a_line():
    assert split_line("R&D经费占GDP比重(%) |") == (("R&D经费占GDP比重(%)",), "bar")
    assert split_line("| 指标 | 2020年 |") == (("指标", "2020年"), "markdown")
    assert split_line("|---|:---:|") == (("---", ":---:"), "rule")
    assert split_line("指标\t2020年") == (("指标", "2020年"), "tab")
    assert split_line("指标  2020年") == (("指标", "2020年"), "spaces")
    assert split_line("指标 2020年") == (("指标 2020年",), "single")
    assert split_line("") == ((), "blank")
    assert split_line("指标｜２０２０年") == (("指标", "２０２０年"), "bar")  # full-width bar, digits kept as printed


def test_prose_is_not_a_table():
    text = "到2025年,高新技术企业达到1000家以上。\n指标体系不断完善。\n2020年  2025年\n"
    assert find_tables(text.split("\n")) == []


def test_two_tables_in_one_text():
    text = BAR + "\n" + BARE
    tables = find_tables(text.split("\n"))
    assert [t.layout for t in tables] == ["cell-per-line-bar", "cell-per-line"]
    assert tables[0].last_line == 25
    assert tables[1].header_line == 26 + 3  # BARE starts on line 27
    assert tables[1].rows[0].line == 26 + 11


def test_a_row_with_more_cells_than_columns_says_so():
    text = "指标 | 2020年 | 2025年\n专利授权量(件) | 10 | 20 | 30\n"
    table = one_table(text)
    (row,) = table.rows
    assert row.problems == ("3 cells for 2 columns: '30' left out",)
    assert [c.text for c in row.cells] == ["10", "20"]


def test_column_and_row_types():
    table = one_table(BAR)
    assert isinstance(table.columns[0], Column) and isinstance(table.rows[0], Row)
    assert table.rows[0].cell("growth") is table.rows[0].growth
    assert table.rows[0].cells_for("target") == (table.rows[0].cells[1],)


def test_one_cell_a_line_with_group_rows_and_a_unit_column():
    text = """\
主要指标

指标

单位

2020年

2025年

民生福祉

人均预期寿命

岁

78.3

79

劳动年龄人口平均受教育年限

年

10.8

11.3

(三)重点任务"""
    table = one_table(text)
    assert rows_of(table) == [
        (
            13,
            "人均预期寿命",
            "岁",
            15,
            "民生福祉",
            [("baseline", "78.3", 17, "number"), ("target", "79", 19, "number")],
        ),
        (
            21,
            "劳动年龄人口平均受教育年限",
            "年",
            23,
            "民生福祉",
            [("baseline", "10.8", 25, "number"), ("target", "11.3", 27, "number")],
        ),
    ]
    assert table.last_line == 27


def test_a_header_may_have_a_column_plancheck_does_not_know():
    text = "指标 | 2020年 | 2025年 | 备注\n技术合同成交额(亿元) | 12 | 30 | 含技术服务\n"
    table = one_table(text)
    assert [(c.role, c.header) for c in table.columns][-1] == ("other", "备注")
    (row,) = table.rows
    assert [(c.column.role, c.text, c.value.kind) for c in row.cells] == [
        ("baseline", "12", "number"),
        ("target", "30", "number"),
        ("other", "含技术服务", "text"),
    ]

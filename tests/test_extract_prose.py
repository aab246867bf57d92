"""Targets and achievements in sentences: each pattern on a made-up sentence, with the exact reading.

A reading is shown as (column, kind, subject, value, upper, qualifier, unit, printed, year, start,
start year, per year, aspirational, firm, falling); columns are 1-based positions on the line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.extract.cells import normalize
from plancheck.extract.document import read_text
from plancheck.extract.prose import NotAFigure, Statement, Unread, read_prose, read_sentence

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def brief(s: Statement) -> tuple[object, ...]:
    a = s.amount
    return (
        s.column,
        s.kind,
        s.subject,
        a.value,
        a.upper,
        a.qualifier,
        a.full_unit,
        a.printed,
        s.year,
        s.start.value if s.start else None,
        s.start_year,
        s.per_year,
        s.aspirational,
        s.firm,
        s.falling,
    )


def read(text: str) -> list[tuple[object, ...]]:
    return [brief(s) for s in read_sentence(text).statements]


# fmt: off
SENTENCES = [
    # several targets sharing one year; 达到, 突破, 超过
    ("到2025年,全市高新技术企业达到1200家,科技型中小企业突破3000家,研发经费支出占比超过3.5%。", [
        (18, "level", "全市高新技术企业", "1200", None, None, "家", "1200家", 2025, None, None, False, False, False, False),
        (31, "level", "科技型中小企业", "3000", None, "at_least", "家", "突破3000家", 2025, None, None, False, False, False, False),
        (47, "level", "研发经费支出占比", "3.5", None, "more_than", "%", "超过3.5%", 2025, None, None, False, False, False, False),
    ]),
    # X以上
    ("每万人发明专利拥有量达到25件以上。", [
        (13, "level", "每万人发明专利拥有量", "25", None, "at_least", "件", "25件以上", None, None, None, False, False, False, False),
    ]),
    # 力争 and 确保: the nearer one before the figure decides; 年均增长 X%
    ("力争规上工业企业研发机构覆盖率达到90%,确保财政科技投入年均增长15%以上。", [
        (18, "level", "规上工业企业研发机构覆盖率", "90", None, None, "%", "90%", None, None, None, False, True, False, False),
        (34, "growth_rate", "财政科技投入", "15", None, "at_least", "%", "15%以上", None, None, None, False, False, True, False),
    ]),
    # a growth rate in percentage points a year
    ("研发投入强度年均提高0.2个百分点。", [
        (11, "growth_rate", "研发投入强度", "0.2", None, None, "个百分点", "0.2个百分点", None, None, None, False, False, False, False),
    ]),
    # 提高 X 个百分点 and 增长 X% since a year
    ("研发投入强度较2020年提高0.8个百分点,技术交易额比2020年增长50%。", [
        (15, "change", "研发投入强度", "0.8", None, None, "个百分点", "0.8个百分点", None, None, 2020, False, False, False, False),
        (36, "change", "技术交易额", "50", None, None, "%", "50%", None, None, 2020, False, False, False, False),
    ]),
    # multiples in words: ×2, exact
    ("高新技术产业增加值实现翻一番,科技型企业数量翻番,研发投入倍增。", [
        (12, "change", "高新技术产业增加值", "2", None, None, "倍", "翻一番", None, None, None, False, False, False, False),
        (23, "change", "科技型企业数量", "2", None, None, "倍", "翻番", None, None, None, False, False, False, False),
        (30, "change", "研发投入", "2", None, None, "倍", "倍增", None, None, None, False, False, False, False),
    ]),
    ("研发经费支出比2020年增长一倍。", [
        (13, "change", "研发经费支出", "2", None, None, "倍", "增长一倍", None, None, 2020, False, False, False, False),
    ]),
    # 新增 N, 每年新增 N
    ("新增省级重点实验室5家,每年新增国家高新技术企业100家。", [
        (10, "increment", "新增省级重点实验室", "5", None, None, "家", "5家", None, None, None, False, False, False, False),
        (25, "increment", "每年新增国家高新技术企业", "100", None, None, "家", "100家", None, None, None, True, False, False, False),
    ]),
    # an increment carries to the next clause that has no verb of its own
    ("新增新型研发机构4家,科技企业孵化器2家。", [
        (9, "increment", "新增新型研发机构", "4", None, None, "家", "4家", None, None, None, False, False, False, False),
        (19, "increment", "科技企业孵化器", "2", None, None, "家", "2家", None, None, None, False, False, False, False),
    ]),
    # 累计 N
    ("累计引进高层次人才500名,技术交易总额累计超80亿元。", [
        (10, "cumulative", "累计引进高层次人才", "500", None, None, "名", "500名", None, None, None, False, False, False, False),
        (23, "cumulative", "技术交易总额", "80", None, "more_than", "亿元", "超80亿元", None, None, None, False, False, False, False),
    ]),
    # 由 A 增长到 B, 从 A 提高到 B
    ("高新技术产业增加值由2020年的300亿元增长到2025年的600亿元。", [
        (31, "between", "高新技术产业增加值", "600", None, None, "亿元", "600亿元", 2025, "300", 2020, False, False, False, False),
    ]),
    ("研发投入强度从2020年的2.5%提高到3.2%。", [
        (21, "between", "研发投入强度", "3.2", None, None, "%", "3.2%", None, "2.5", 2020, False, False, False, False),
    ]),
    # 全覆盖 is 100%
    ("实现规上工业企业研发机构全覆盖。", [
        (13, "coverage", "规上工业企业研发机构", "100", None, None, "%", "全覆盖", None, None, None, False, False, False, False),
    ]),
    ("研发活动、研发机构和发明专利实现全覆盖。", [
        (17, "coverage", "研发活动", "100", None, None, "%", "全覆盖", None, None, None, False, False, False, False),
        (17, "coverage", "研发机构", "100", None, None, "%", "全覆盖", None, None, None, False, False, False, False),
        (17, "coverage", "发明专利", "100", None, None, "%", "全覆盖", None, None, None, False, False, False, False),
    ]),
    # a rank to reach is at most that place
    ("高新区全国综合排名全力冲50。", [
        (13, "level", "高新区全国综合排名", "50", None, "at_most", None, "50", None, None, None, False, True, False, False),
    ]),
    # 力争 reaches the clauses after it, until one opens with a verb of its own
    ("力争新引进外资10亿美元,年出口额达到5亿美元,实现工业总产值100亿元。", [
        (8, "increment", "新引进外资", "10", None, None, "亿美元", "10亿美元", None, None, None, False, True, False, False),
        (20, "level", "年出口额", "5", None, None, "亿美元", "5亿美元", None, None, None, False, True, False, False),
        (32, "level", "工业总产值", "100", None, None, "亿元", "100亿元", None, None, None, False, False, False, False),
    ]),
    # ranges, with — and with -
    ("建成市级以上技术创新中心1—2家、标志性成果5-10项左右。", [
        (13, "level", "市级以上技术创新中心", "1", "2", None, "家", "1—2家", None, None, None, False, False, False, False),
        (23, "level", "标志性成果", "5", "10", "about", "项", "5-10项左右", None, None, None, False, False, False, False),
    ]),
    # 分别: a list of subjects and a list of figures; a qualifier after the last figure holds for all
    ("国家高新技术企业、省科技型中小企业分别达到800家、1500家。", [
        (22, "level", "国家高新技术企业", "800", None, None, "家", "800家", None, None, None, False, False, False, False),
        (27, "level", "省科技型中小企业", "1500", None, None, "家", "1500家", None, None, None, False, False, False, False),
    ]),
    ("研发活动覆盖率、研发机构设置率分别保持在90%、80%以上。", [
        (21, "level", "研发活动覆盖率", "90", None, "at_least", "%", "90%", None, None, None, False, False, False, False),
        (25, "level", "研发机构设置率", "80", None, "at_least", "%", "80%以上", None, None, None, False, False, False, False),
    ]),
    # 各: one figure for each subject
    ("引进领军人才、青年人才各100名左右。", [
        (13, "level", "领军人才", "100", None, "about", "名", "100名左右", None, None, None, False, False, False, False),
        (13, "level", "青年人才", "100", None, "about", "名", "100名左右", None, None, None, False, False, False, False),
    ]),
    # full-width digits and punctuation; a scale in the figure
    ("到２０２５年，研发投入强度达到３．２％以上，科技型中小企业突破１．５万家。", [
        (16, "level", "研发投入强度", "3.2", None, "at_least", "%", "３．２％以上", 2025, None, None, False, False, False, False),
        (30, "level", "科技型中小企业", "1.5", None, "at_least", "万家", "突破１．５万家", 2025, None, None, False, False, False, False),
    ]),
    ("技术交易额达到１，２００亿元。", [
        (8, "level", "技术交易额", "1200", None, None, "亿元", "１，２００亿元", None, None, None, False, False, False, False),
    ]),
    # a rank: 前40位 is at most 40
    ("高新区排名进入全国前40位。", [
        (10, "level", "高新区排名进入全国", "40", None, "at_most", "位", "前40位", None, None, None, False, False, False, False),
    ]),
    # a fall
    ("单位GDP能耗下降13.5%。", [
        (10, "change", "单位GDP能耗", "13.5", None, None, "%", "13.5%", None, None, None, False, False, False, True),
    ]),
    # the figure before its noun: verb + figure + noun
    ("引进培育500名具有国内领先水平的创新创业领军人才。", [
        (5, "level", "创新创业领军人才", "500", None, None, "名", "500名", None, None, None, False, False, False, False),
    ]),
]
# fmt: on


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_a_sentence_reads_as_expected(text, expected):
    assert read(text) == expected


def test_what_is_not_understood_is_returned_with_its_line_and_clause():
    reading = read_sentence("集聚全市1/3以上高端人才,打造2030创新中心。", line=7)
    assert reading.statements == ()
    assert reading.unread == (
        Unread(7, 1, "集聚全市1/3以上高端人才", ("1", "3"), "a fraction"),
        Unread(7, 15, "打造2030创新中心", ("2030",), "a number without a unit inside words"),
    )


def test_numbers_that_are_not_figures_say_what_they_are():
    text = (
        "1.推进G60科创走廊建设(嘉政发〔2021〕12号),2021年3月5日起实施,居全省第3位,打造“315”体系,"
        "人才新政4.0版,规划期(2021—2025年),5年总投资50亿元,对5亿元以上企业给予支持。"
    )
    reading = read_sentence(text, line=3)
    assert reading.not_figures == (
        NotAFigure(3, 1, "1.", "list number"),
        NotAFigure(3, 5, "G60", "code"),
        NotAFigure(3, 18, "〔2021〕12号", "document number"),
        NotAFigure(3, 29, "2021年3月5日", "date"),
        NotAFigure(3, 45, "第3", "ordinal"),
        NotAFigure(3, 51, "“315”", "name in quotes"),
        NotAFigure(3, 63, "4.0", "version"),
        NotAFigure(3, 72, "2021—2025年", "period"),
        NotAFigure(3, 84, "5", "span of years"),
        NotAFigure(3, 95, "5亿元以上", "threshold in a name"),
    )
    assert [brief(s)[:8] for s in reading.statements] == [
        (89, "cumulative", "5年总投资", "50", None, None, "亿元", "50亿元")
    ]
    assert reading.unread == ()


def test_a_year_holds_for_the_lines_after_it_until_a_heading():
    lines = [
        "(二)发展目标",
        "到2027年,全市创新能力显著提升。",
        "——高新技术企业达到800家。",
        "三、重点任务",
        "建成孵化器10家。",
    ]
    statements = read_prose(lines).statements
    assert [(s.line, s.amount.value, s.year, s.year_source) for s in statements] == [
        (3, "800", 2027, "context"),
        (5, "10", None, None),
    ]


def test_lines_to_skip_are_not_read():
    lines = ["高新技术企业数(家) |", "500 |", "800以上 |", "新增孵化器3家。"]
    reading = read_prose(lines, skip={1, 2, 3})
    assert [(s.line, s.amount.value) for s in reading.statements] == [(4, "3")]


def test_the_slogan_of_counted_doublings_applies_to_as_many_figures_as_it_counts():
    text = "确保实现“三倍增”:研发经费投入40亿元,高新技术企业数550家,技术交易额25亿元。"
    doubled = [
        (s.subject, s.amount.value, s.amount.printed) for s in read_sentence(text).statements if s.kind == "change"
    ]
    assert doubled == [("研发经费投入", "2", "倍增"), ("高新技术企业数", "2", "倍增"), ("技术交易额", "2", "倍增")]
    miscounted = "确保实现“六倍增”:研发经费投入40亿元,高新技术企业数550家。"
    assert [s.kind for s in read_sentence(miscounted).statements] == ["level", "level"]


def test_a_doubling_inside_a_name_is_not_a_figure():
    assert read_sentence("实施新一轮“双倍增”行动计划,推进科技型企业倍增提质。").statements == ()


# ----------------------------------------------------------------------------- every number is accounted for

_TOKEN = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _spans(reading_statements, not_figures, line_number):
    spans = []
    for s in reading_statements:
        if s.line != line_number:
            continue
        spans.append((s.column - 1, s.column - 1 + len(s.amount.printed)))
        if s.start is not None and s.start_column is not None:
            spans.append((s.start_column - 1, s.start_column - 1 + len(s.start.printed)))
    spans += [(n.column - 1, n.column - 1 + len(n.text)) for n in not_figures if n.line == line_number]
    return spans


@pytest.mark.parametrize("source", sorted(p.name for p in SOURCES.glob("*.txt")))
def test_every_number_of_a_real_plan_is_placed_set_aside_or_reported(source):
    """Each number on each line outside the tables is inside a statement's figure or a non-figure's
    text at the column given, or is one of the unread numbers of its line: none is dropped."""
    reading = read_text((SOURCES / source).read_text(encoding="utf-8"))
    in_tables = {n for t in reading.tables for n in t.lines}
    for number, text in enumerate(reading.lines, start=1):
        if number in in_tables:
            continue
        norm = normalize(text)
        spans = _spans(reading.statements, reading.not_figures, number)
        left = [t.group() for t in _TOKEN.finditer(norm) if not any(a <= t.start() < b for a, b in spans)]
        unread = [n for u in reading.unread if u.line == number for n in u.numbers]
        assert sorted(left) == sorted(unread), (number, text[:80])
    for s in reading.statements:
        line = reading.lines[s.line - 1]
        assert line[s.column - 1 :].startswith(s.amount.printed), (s.line, s.amount.printed)
        if s.start is not None and s.start_column is not None:
            assert line[s.start_column - 1 :].startswith(s.start.printed)
    for n in reading.not_figures:
        assert reading.lines[n.line - 1][n.column - 1 :].startswith(n.text)


# ----------------------------------------------------------------------------- any text at all

_PIECES = [
    "到2025年",
    "较2015年",
    "由",
    "从",
    "增长到",
    "提高",
    "个百分点",
    "%",
    "％",
    "以上",
    "左右",
    "突破",
    "超",
    "新增",
    "累计",
    "年均增长",
    "分别达到",
    "各",
    "、",
    ",",
    "，",
    "。",
    ";",
    ":",
    "“",
    "”",
    "(",
    ")",
    "〔",
    "〕",
    "—",
    "-",
    "/",
    "家",
    "亿元",
    "万",
    "全覆盖",
    "翻一番",
    "“六倍增”:",
    "第",
    "号",
    "G",
    "企业",
    "比重",
    "１",
    "２",
    "．",
    " ",
    "\t",
    "|",
    "指标",
    "2020年",
    "单位",
]


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "100")), deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.sampled_from(_PIECES), st.from_regex(r"\d{1,5}(\.\d{1,3})?", fullmatch=True)), max_size=30
        ).map("".join),
        max_size=8,
    )
)
def test_any_text_reads_without_error_and_every_figure_is_where_it_says(lines):
    reading = read_text("\n".join(lines))
    for s in reading.statements:
        assert reading.lines[s.line - 1][s.column - 1 :].startswith(s.amount.printed)
    for n in reading.not_figures:
        assert reading.lines[n.line - 1][n.column - 1 :].startswith(n.text)
    for t in reading.tables:
        for r in t.rows:
            for c in r.cells:
                assert c.text in reading.lines[c.line - 1]

"""Reading one table cell or number phrase: every kind of cell, with the exact figure expected."""

from __future__ import annotations

import pytest

from plancheck.extract.cells import (
    Amount,
    CellValue,
    is_unit,
    normalize,
    parse_amount,
    parse_binding,
    parse_cell,
    split_name_unit,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # plain numbers keep their precision
        ("5.0", CellValue("5.0", "number", Amount("5.0", "5.0"))),
        ("3.20", CellValue("3.20", "number", Amount("3.20", "3.20"))),
        ("68", CellValue("68", "number", Amount("68", "68"))),
        ("-1.5", CellValue("-1.5", "number", Amount("-1.5", "-1.5"))),
        # full-width digits and punctuation, thousands separators
        ("２２", CellValue("２２", "number", Amount("22", "２２", converted=True))),
        ("２２％", CellValue("２２％", "number", Amount("22", "２２％", unit="%", converted=True))),
        ("１２．５", CellValue("１２．５", "number", Amount("12.5", "１２．５", converted=True))),
        ("1,000", CellValue("1,000", "number", Amount("1000", "1,000", converted=True))),
        (
            "１，０００家",
            CellValue("１，０００家", "number", Amount("1000", "１，０００家", unit="家", converted=True)),
        ),
        ("12,345.60", CellValue("12,345.60", "number", Amount("12345.60", "12,345.60", converted=True))),
        # scales printed in the cell
        ("1.5万", CellValue("1.5万", "number", Amount("1.5", "1.5万", scale="万"))),
        ("3.2亿元", CellValue("3.2亿元", "number", Amount("3.2", "3.2亿元", unit="元", scale="亿"))),
        # qualifiers
        ("1000以上", CellValue("1000以上", "number", Amount("1000", "1000以上", qualifier="at_least"))),
        ("不低于95", CellValue("不低于95", "number", Amount("95", "不低于95", qualifier="at_least"))),
        (
            "突破6000家",
            CellValue("突破6000家", "number", Amount("6000", "突破6000家", qualifier="at_least", unit="家")),
        ),
        ("不少于3家", CellValue("不少于3家", "number", Amount("3", "不少于3家", qualifier="at_least", unit="家"))),
        ("≥80", CellValue("≥80", "number", Amount("80", "≥80", qualifier="at_least"))),
        ("超70%", CellValue("超70%", "number", Amount("70", "超70%", qualifier="more_than", unit="%"))),
        ("超过3.65", CellValue("超过3.65", "number", Amount("3.65", "超过3.65", qualifier="more_than"))),
        ("高于5", CellValue("高于5", "number", Amount("5", "高于5", qualifier="more_than"))),
        (">50", CellValue(">50", "number", Amount("50", ">50", qualifier="more_than"))),
        ("5.5以内", CellValue("5.5以内", "number", Amount("5.5", "5.5以内", qualifier="at_most"))),
        ("10以下", CellValue("10以下", "number", Amount("10", "10以下", qualifier="at_most"))),
        ("不超过3", CellValue("不超过3", "number", Amount("3", "不超过3", qualifier="at_most"))),
        ("≤18", CellValue("≤18", "number", Amount("18", "≤18", qualifier="at_most"))),
        ("低于2.5", CellValue("低于2.5", "number", Amount("2.5", "低于2.5", qualifier="less_than"))),
        ("<1", CellValue("<1", "number", Amount("1", "<1", qualifier="less_than"))),
        ("5.5左右", CellValue("5.5左右", "number", Amount("5.5", "5.5左右", qualifier="about"))),
        ("20％左右", CellValue("20％左右", "number", Amount("20", "20％左右", qualifier="about", unit="%"))),
        # percentage points against per cent
        ("0.05个百分点", CellValue("0.05个百分点", "number", Amount("0.05", "0.05个百分点", unit="个百分点"))),
        ("22%", CellValue("22%", "number", Amount("22", "22%", unit="%"))),
        # cumulative figures in brackets
        ("〔13.5〕", CellValue("〔13.5〕", "number", Amount("13.5", "13.5"), cumulative=True)),
        ("[18]", CellValue("[18]", "number", Amount("18", "18"), cumulative=True)),
        ("【5】", CellValue("【5】", "number", Amount("5", "5"), cumulative=True)),
        ("累计35项", CellValue("累计35项", "number", Amount("35", "35项", unit="项"), cumulative=True)),
        (
            "〔>1000〕",
            CellValue("〔>1000〕", "number", Amount("1000", ">1000", qualifier="more_than"), cumulative=True),
        ),
        # a trailing * : the cell's figure is for another year; a year printed in the cell
        ("64.7*", CellValue("64.7*", "number", Amount("64.7", "64.7"), other_year=True)),
        ("64.7＊", CellValue("64.7＊", "number", Amount("64.7", "64.7"), other_year=True)),
        ("〔13.5〕*", CellValue("〔13.5〕*", "number", Amount("13.5", "13.5"), cumulative=True, other_year=True)),
        ("64.7(2019年)", CellValue("64.7(2019年)", "number", Amount("64.7", "64.7"), year=2019)),
        ("64.7（2019年）", CellValue("64.7（2019年）", "number", Amount("64.7", "64.7"), year=2019)),
        # ranges
        ("1—2家", CellValue("1—2家", "range", Amount("1", "1—2家", upper="2", unit="家"))),
        ("5-10项", CellValue("5-10项", "range", Amount("5", "5-10项", upper="10", unit="项"))),
        ("5－10", CellValue("5－10", "range", Amount("5", "5－10", upper="10"))),
        ("3~5", CellValue("3~5", "range", Amount("3", "3~5", upper="5"))),
        (
            "5—10项左右",
            CellValue("5—10项左右", "range", Amount("5", "5—10项左右", upper="10", qualifier="about", unit="项")),
        ),
        # absent cells
        ("—", CellValue("—", "absent")),
        ("——", CellValue("——", "absent")),
        ("-", CellValue("-", "absent")),
        ("－", CellValue("－", "absent")),
        ("", CellValue("", "absent")),
        ("  ", CellValue("", "absent")),
        ("/", CellValue("/", "absent")),
        # text targets
        ("保持在合理区间、各年度视情提出", CellValue("保持在合理区间、各年度视情提出", "text")),
        ("稳步提高", CellValue("稳步提高", "text")),
        # relative targets
        (
            "高于国内生产总值增长",
            CellValue("高于国内生产总值增长", "relative", relation="高于", relative_to="国内生产总值增长"),
        ),
        (
            "与经济增长基本同步",
            CellValue("与经济增长基本同步", "relative", relation="基本同步", relative_to="经济增长"),
        ),
        ("快于经济增长", CellValue("快于经济增长", "relative", relation="快于", relative_to="经济增长")),
        ("与GDP增长同步", CellValue("与GDP增长同步", "relative", relation="同步", relative_to="GDP增长")),
        # binding or indicative
        ("约束性", CellValue("约束性", "attribute", binding="binding")),
        ("预期性", CellValue("预期性", "attribute", binding="indicative")),
        ("[约束性]", CellValue("[约束性]", "attribute", binding="binding")),
        # digits that are not one figure
        ("5.0(2019)以上", CellValue("5.0(2019)以上", "unclear")),
        ("PM2.5浓度", CellValue("PM2.5浓度", "unclear")),
    ],
)
def test_a_cell_reads_as_printed(text, expected):
    assert parse_cell(text) == expected


def test_a_cell_keeps_its_text_as_printed_with_surrounding_spaces_removed():
    assert parse_cell("  3.20  ").text == "3.20"
    assert parse_cell(" 3.20 ").amount == Amount("3.20", "3.20")


def test_units_of_an_amount():
    assert parse_amount("突破1.5万家") == Amount("1.5", "突破1.5万家", qualifier="at_least", unit="家", scale="万")
    a = parse_amount("突破1.5万家")
    assert a is not None and a.full_unit == "万家" and a.rate_unit is None and a.change_unit == "absolute"
    pp = parse_amount("0.62个百分点")
    assert pp is not None and pp.rate_unit == "pp" and pp.change_unit == "pp"
    pct = parse_amount("85.3%")
    assert pct is not None and pct.rate_unit == "percent" and pct.full_unit == "%"
    times = parse_amount("2倍")
    assert times is not None and times.change_unit == "times"
    assert parse_amount("40") == Amount("40", "40")
    assert parse_amount("40").full_unit is None  # type: ignore[union-attr]
    assert parse_amount("高新技术企业") is None
    assert parse_amount("约500亿元") == Amount("500", "约500亿元", qualifier="about", unit="元", scale="亿")


def test_binding_words():
    assert parse_binding("约束性") == "binding"
    assert parse_binding("【预期性】") == "indicative"
    assert parse_binding("属性") is None


@pytest.mark.parametrize(
    "name, expected",
    [
        ("R&D经费占GDP比重(%)", ("R&D经费占GDP比重", "%")),
        ("技术交易总额（亿元）", ("技术交易总额", "亿元")),
        ("全员劳动生产率(万元/人)", ("全员劳动生产率", "万元/人")),
        ("每万人发明专利拥有量(件/万人)", ("每万人发明专利拥有量", "件/万人")),
        ("单位GDP能源消耗降低（％）", ("单位GDP能源消耗降低", "%")),
        ("科技企业孵化器(累计)", ("科技企业孵化器(累计)", None)),
        ("全社会研究与试验发展(R&D)经费支出", ("全社会研究与试验发展(R&D)经费支出", None)),
        ("高新技术企业数", ("高新技术企业数", None)),
    ],
)
def test_the_unit_in_a_row_name(name, expected):
    assert split_name_unit(name) == expected


def test_what_is_a_unit():
    for unit in ("%", "％", "亿元", "万元", "人年", "家", "件", "万元/人", "件/万人", "个百分点", "年", "岁", "万人"):
        assert is_unit(unit), unit
    for words in ("高新技术企业数", "累计", "2020年", "约束性", ""):
        assert not is_unit(words), words


def test_normalising_maps_one_character_to_one():
    printed = "到２０２５年，占比达到２２．５％（预期性）"
    assert normalize(printed) == "到2025年,占比达到22.5%(预期性)"
    assert len(normalize(printed)) == len(printed)
    assert normalize("〔13.5〕【5】") == "〔13.5〕【5】"  # not full-width forms: kept

"""The data model: figures keep their printed precision; bad values are refused with advice."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from plancheck.arith.interval import interval
from plancheck.arith.printed import decimals, half_unit
from plancheck.loader.events import load_text
from plancheck.model.plan import Baseline, Growth, Indicator, Target


@pytest.mark.parametrize("text, places", [("3.20", 2), ("3.2", 1), ("1000", 0), ("0.05", 2), ("-1.5", 1)])
def test_decimals_of_printed_figures(text, places):
    assert decimals(text) == places


def test_rounding_intervals():
    # 7.4 stands for [7.35, 7.45]; 12.02 for [12.015, 12.025]; 22 for [21.5, 22.5]
    assert interval("7.4", measured=True).low == pytest.approx(7.35)
    assert interval("7.4", measured=True).high == pytest.approx(7.45)
    assert interval("12.02", measured=True).low == pytest.approx(12.015)
    assert interval("12.02", measured=True).high == pytest.approx(12.025)
    assert half_unit("22") == 0.5


def test_plain_and_quoted_yaml_numbers_keep_their_printed_text():
    doc = load_text("a: 3.20\nb: '3.20'\nc: 1000\nd: no\ne: 2021-07-21\nf: 1e-3\ng: true\nh: ~\n").documents[0]
    assert doc.data == {
        "a": "3.20",
        "b": "3.20",
        "c": "1000",
        "d": "no",
        "e": "2021-07-21",
        "f": "1e-3",
        "g": True,
        "h": None,
    }


def test_figure_precision_survives_validation():
    b = Baseline.model_validate({"year": 2015, "value": "3.20", "line": 36})
    assert (b.value, b.decimals, b.number) == ("3.20", 2, 3.2)
    t = Target.model_validate({"year": 2020, "value": "1000", "line": 68, "qualifier": "at_least"})
    assert (t.value, t.decimals) == ("1000", 0)


@pytest.mark.parametrize(
    "value, advice",
    [
        ("２２", "full-width"),
        ("22%", "percent sign"),
        ("1,000", "thousands separators"),
        ("1e-3", "exponent form"),
        (".nan", "not a number a plan can print"),
        (".inf", "not a number a plan can print"),
        ("abc", "not a number as printed"),
        (True, "not a number"),
    ],
)
def test_malformed_figures_are_refused_with_advice(value, advice):
    with pytest.raises(ValidationError) as err:
        Growth.model_validate({"value": value, "unit": "percent", "line": 1})
    assert advice in str(err.value)


@pytest.mark.parametrize(
    "year, advice", [(20250, "not a plausible year"), (1800, "not a plausible year"), ("二〇二五", "ASCII digits")]
)
def test_implausible_years_are_refused(year, advice):
    with pytest.raises(ValidationError) as err:
        Baseline.model_validate({"year": year, "value": "1", "line": 1})
    assert advice in str(err.value)


def test_an_indicator_needs_a_figure():
    with pytest.raises(ValidationError) as err:
        Indicator.model_validate({"id": "x", "name": "甲", "unit": "家", "category": "other"})
    assert "at least one of target, growth, total, goal or relative" in str(err.value)


def test_unknown_fields_are_forbidden():
    with pytest.raises(ValidationError) as err:
        Target.model_validate({"year": 2020, "value": "1", "line": 1, "qualifer": "about"})
    assert err.value.errors()[0]["type"] == "extra_forbidden"


def test_share_is_read_from_the_unit():
    common = {"id": "x", "name": "甲", "category": "rd", "target": {"year": 2020, "value": "1", "line": 1}}
    assert Indicator.model_validate({**common, "unit": "%"}).is_share
    assert not Indicator.model_validate({**common, "unit": "亿元"}).is_share


@pytest.mark.parametrize(
    "x, digits, text",
    [
        (15000.0, 0, "15000"),
        (0.0940, 4, "0.094"),
        (22.0, 2, "22"),
        (100.0, 2, "100"),
        (-0.0001, 2, "-0.0001"),  # a value too small for the decimals keeps three significant digits
        (0.00000667, 2, "0.00000667"),
        (6.6666666666666664e16, 0, "66666666666666700"),  # never more than 15 significant digits
        (float("inf"), 2, "∞"),
    ],
)
def test_format_number_trims_only_decimals(x, digits, text):
    from plancheck.arith.numbers import format_number

    assert format_number(x, digits) == text

"""plancheck chart: baseline, planned path, target and the stated rate's path, drawn with matplotlib."""

from __future__ import annotations

import re
import sys
import warnings

import pytest

pytest.importorskip("matplotlib", reason="the chart tests need matplotlib (the test extra installs it)")

import matplotlib

import plancheck
from plancheck import api
from plancheck.render import chart
from tests.conftest import BUNDLED

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def rd():
    (t,) = [t for t in api.paths(plancheck.load([BUNDLED]), ["jiaxing-2016-2020"]) if t.indicator.id == "rd-intensity"]
    return t


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A machine with no font that draws Chinese: only matplotlib's own DejaVu."""
    dejavu = matplotlib.get_data_path() + "/fonts/ttf/DejaVuSans.ttf"
    chart.cjk_font.cache_clear()
    # named like a CJK font, but without the glyphs: it must not be chosen
    monkeypatch.setattr(chart, "_installed_fonts", lambda: [("DejaVu Sans", dejavu), ("Fake CJK SC", dejavu)])
    yield
    chart.cjk_font.cache_clear()


def texts(fig):
    fig.canvas.draw()
    return [t for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def test_without_a_cjk_font_every_label_is_english_and_no_glyph_is_missing(no_cjk_font, rd):
    assert chart.cjk_font() is None
    fig = chart.figure([rd], font=chart.cjk_font())
    shown = [t.get_text() for t in texts(fig)]
    assert "R&D expenditure as share of GDP" in shown
    assert "Jiaxing 2016–2020 · the stated rate does not reach the target" in shown
    assert not any(CJK.search(s) for s in shown), shown
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)" for an empty box
        png = chart.render([rd], "png")
    assert png.startswith(b"\x89PNG")


def test_with_a_cjk_font_the_chinese_names_are_drawn_in_it(rd):
    chart.cjk_font.cache_clear()
    font = chart.cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk); .ci/run installs one")
    assert font in chart.PREFERRED_FONTS or "CJK" in font
    fig = chart.figure([rd], font=font)
    title = next(t for t in texts(fig) if t.get_text() == "R&D经费占GDP比重")
    assert title.get_fontfamily()[0] == font
    assert "嘉兴市 2016–2020 · the stated rate does not reach the target" in [t.get_text() for t in texts(fig)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chart.render([rd], "png")


def test_the_installed_noto_font_is_preferred():
    chart.cjk_font.cache_clear()
    names = {name for name, _ in chart._installed_fonts()}
    if "Noto Sans CJK SC" not in names:
        pytest.skip("Noto Sans CJK SC is not installed")
    assert chart.cjk_font() == "Noto Sans CJK SC"


def test_the_stated_rates_path_is_drawn_beside_the_planned_one(rd):
    fig = chart.figure([rd], font=None)
    (ax,) = fig.axes
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines["planned 0.094 pp/yr"] == pytest.approx([2.73, 2.824, 2.918, 3.012, 3.106, 3.20])
    # 2.73 + 0.05 k
    assert lines["stated 0.05 pp/yr: reaches 2.98 in 2020"] == pytest.approx([2.73, 2.78, 2.83, 2.88, 2.93, 2.98])
    assert lines["baseline 2015: 2.73"] == pytest.approx([2.73])
    assert lines["target 2020: 3.20"] == pytest.approx([3.20])
    # 3.20 − 2.98 = 0.22
    assert "short by 0.22" in [t.get_text() for t in ax.texts]


def test_observations_are_drawn_where_given(rd):
    seen = {("jiaxing-2016-2020", "rd-intensity"): chart.Observed([(2017, 2.9), (2019, 3.0)])}
    (ax,) = chart.figure([rd], font=None, observed=seen).axes
    observed = next(line for line in ax.get_lines() if line.get_label() == "observed")
    assert list(observed.get_xdata()) == [2017, 2019] and list(observed.get_ydata()) == [2.9, 3.0]


def test_chart_command_writes_png_and_svg(run, tmp_path):
    png, svg = tmp_path / "rd.png", tmp_path / "all.svg"
    result = run("chart", "jiaxing-2016-2020", "rd-intensity", "-o", str(png))
    assert result.exit_code == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    assert re.match(r"plancheck: .*rd\.png: 1 chart\(s\), names in (Chinese \(.+\)|English)\n", result.stderr)
    result = run("chart", "jiaxing", "-o", str(svg), "--data", str(BUNDLED))
    assert result.exit_code == 2  # two plans are named jiaxing
    result = run("chart", "jiaxing-2016-2020", "-o", str(svg))
    assert result.exit_code == 0
    assert "<svg" in svg.read_text(encoding="utf-8") and "12 chart(s)" in result.stderr
    again = run("chart", "jiaxing-2016-2020", "rd-intensity", "-o", str(png))
    assert again.exit_code == 2 and "exists: use --force" in again.stderr


def test_chart_command_refuses_what_it_cannot_do(run, tmp_path):
    result = run("chart", "jiaxing-2016-2020", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2 and "give the chart file with -o FILE.png or -o FILE.svg" in result.stderr
    result = run("chart", "jiaxing-2016-2020", "rd-intensty", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 2
    assert "no path for indicator 'rd-intensty' in this plan: did you mean 'rd-intensity'?" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_without_matplotlib_chart_says_how_to_get_it(run, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    out = tmp_path / "rd.png"
    result = run("chart", "jiaxing-2016-2020", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == "plancheck: charts need matplotlib: pip install 'plancheck[report]'\n"
    assert not out.exists()


def test_the_indicators_own_observations_are_drawn(write):
    from tests.conftest import indicator_yaml

    path = write(
        indicator_yaml(
            """
            id: share
            name: 比重
            name_en: A share
            unit: "%"
            local: true
            baseline: {year: 2020, value: 2.0, line: 1}
            target: {year: 2025, value: 3.0, line: 2}
            observed:
              - {year: 2022, value: 2.3, line: 3}
              - {year: 2023, value: 2.5, line: 4}
            """
        )
    )
    (t,) = api.paths(plancheck.load([path]))
    (ax,) = chart.figure([t], font=None).axes
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines["observed"].get_xdata()) == [2022, 2023] and list(lines["observed"].get_ydata()) == [2.3, 2.5]
    # (3.0 − 2.0)/5 = 0.2 pp a year: 2.2, 2.4 planned for 2021 and 2022
    assert list(lines["planned 0.2 pp/yr"].get_ydata()) == pytest.approx([2.0, 2.2, 2.4, 2.6, 2.8, 3.0])


def test_an_observation_in_its_own_unit_is_drawn_in_the_rows(write):
    """29500 in 万元 is 2.95亿元 (29500 × 10^4 / 10^8), drawn at 2.95 on a row in 亿元; one in 人 is left out."""
    from tests.conftest import indicator_yaml

    path = write(
        indicator_yaml(
            """
            id: spending
            name: 经费
            name_en: Spending
            unit: 亿元
            local: true
            baseline: {year: 2020, value: 2.5, line: 1}
            target: {year: 2025, value: 4, line: 2}
            observed:
              - {year: 2022, value: 29500, unit: 万元, line: 3}
              - {year: 2023, value: 3.1, unit: 人, line: 4}
            """
        )
    )
    (t,) = api.paths(plancheck.load([path]))
    (ax,) = chart.figure([t], font=None).axes
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines["observed"].get_xdata()) == [2022] and list(lines["observed"].get_ydata()) == [2.95]

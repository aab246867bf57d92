"""plancheck report: one self-contained HTML file; the page itself is opened in Chromium in
test_report_browser.py."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

import pytest

from tests.conftest import indicator_yaml

HOSTILE = indicator_yaml(
    """
    id: evil
    name: "<script>alert(1)</script>名称 & \\"引号\\""
    name_en: "<img src=x onerror=alert(2)>"
    unit: "%"
    local: true
    baseline: {year: 2020, value: 1.5, line: 1}
    target: {year: 2025, value: 3, line: 2}
    growth: {value: 0.1, unit: pp, line: 3}
    """
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(text: str) -> Elements:
    p = Elements()
    p.feed(text)
    return p


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    from typer.testing import CliRunner

    from plancheck.cli import app

    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "jiaxing-2016-2020", "deqing", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_each_plan_with_its_tables_verdicts_paths_and_charts(two_plans):
    html = two_plans
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">')
    for plan in ("jiaxing-2016-2020", "deqing-2021-2025"):
        assert f'<section class="plan" id="plan-{plan}">' in html
    # the headline and the numbers behind the verdict: 0.094 pp needed, 0.05 reaches 2.98, needs 2.95 in 2015
    assert "1 stated rate(s) do not add up:" in html
    assert (
        "R&amp;D经费占GDP比重 2.73 → 3.20 (2015–2020) states 0.05 pp a year; the figures need 0.094 pp (0.093–0.095)"
        in html
    )
    assert "stated rate reaches 2.98; baseline it needs 2.95" in html
    assert "growth-mismatch" in html and "data/targets.yaml:32:" in html
    # the paths: 2.824 … 3.106 planned, 2.98 at 0.05 pp
    assert '<td class="num">2.824</td>' in html and '<td class="num">2.98</td>' in html
    tags = parse(html).tags
    tables = [t for t, _ in tags if t == "table"]
    assert len(tables) == 2 * 4 + 1  # indicators, verify, progress (both have outturns), paths per plan; the comparison
    figures = [a for t, a in tags if t == "figure"]
    # a chart a path: Jiaxing has 12, Deqing 15 (plancheck path jiaxing-2016-2020 deqing)
    assert len(figures) == 27 and sum(1 for t, _ in tags if t == "svg") == 27
    assert '<section id="compare"><h2>Plans side by side</h2>' in html


def test_nothing_is_fetched_and_nothing_runs(two_plans):
    tags = parse(two_plans).tags
    assert not any(t in ("script", "link", "iframe", "object", "embed", "img") for t, _ in tags)
    for tag, attrs in tags:
        for name in ("src", "href", "xlink:href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert not re.search(r"url\((?!#)", two_plans) and "@import" not in two_plans  # url(#clip) is inside the page
    assert (
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        in two_plans
    )


def test_responsive_and_print_css(two_plans):
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in two_plans
    assert "@media (max-width: 40rem)" in two_plans and "@media print" in two_plans


def test_one_plan_has_no_comparison(run, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "jiaxing-2016-2020", "-o", str(out))
    assert result.exit_code == 0
    assert 'id="compare"' not in out.read_text(encoding="utf-8")


def test_every_string_from_the_data_is_escaped(run, write, tmp_path):
    path = write(HOSTILE)
    out = tmp_path / "r.html"
    result = run("report", "--data", str(path), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;名称 &amp; &quot;引号&quot;" in html
    tags = parse(html).tags
    assert not any(t in ("script", "img") for t, _ in tags)
    assert "<script>" not in html and "<img" not in html
    en = tmp_path / "en.html"
    assert run("report", "--data", str(path), "--lang", "en", "-o", str(en)).exit_code == 0
    assert "&lt;img src=x onerror=alert(2)&gt;" in en.read_text(encoding="utf-8")


def test_without_matplotlib_the_report_has_no_charts_and_says_so(run, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    out = tmp_path / "r.html"
    result = run("report", "jiaxing-2016-2020", "-o", str(out))
    assert result.exit_code == 0
    assert "the report has no charts: charts need matplotlib: pip install 'plancheck[report]'" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert "No charts: charts need matplotlib: pip install &#x27;plancheck[report]&#x27;." in html
    assert "<svg" not in html and "<table" in html


def test_report_needs_an_output_and_never_overwrites(run, tmp_path):
    result = run("report", "jiaxing-2016-2020")
    assert result.exit_code == 2 and "give the report file with -o FILE.html" in result.stderr
    out = tmp_path / "r.html"
    out.write_text("keep", encoding="utf-8")
    result = run("report", "jiaxing-2016-2020", "-o", str(out))
    assert result.exit_code == 2 and "exists: use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    assert not [p for p in tmp_path.iterdir() if re.match(r"\.r\.html\..*\.tmp", p.name)]


def test_observations_are_a_row_of_the_paths_table(run, write, tmp_path):
    path = write(
        indicator_yaml(
            """
            id: share
            name: 比重
            unit: "%"
            local: true
            baseline: {year: 2020, value: 2.0, line: 1}
            target: {year: 2025, value: 3.0, line: 2}
            observed:
              - {year: 2022, value: "2.30", line: 3}
            """
        )
    )
    out = tmp_path / "r.html"
    assert run("report", "--data", str(path), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    # as printed, under 2022; the other years empty
    assert (
        '<tr class="observed"><td>observed</td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num">2.30</td>'
        in html
    )


def test_an_observation_in_its_own_unit_is_shown_with_it(run, write, tmp_path):
    path = write(
        indicator_yaml(
            """
            id: spending
            name: 经费
            unit: 亿元
            local: true
            baseline: {year: 2020, value: 2.5, line: 1}
            target: {year: 2025, value: 4, line: 2}
            observed:
              - {year: 2022, value: 29500, unit: 万元, line: 3}
            """
        )
    )
    out = tmp_path / "r.html"
    assert run("report", "--data", str(path), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    # as printed with its unit under 2022, on a row whose other figures are in 亿元
    assert (
        '<tr class="observed"><td>observed</td><td class="num"></td><td class="num"></td><td class="num"></td>'
        '<td class="num">29500万元</td>' in html
    )


def test_progress_against_outturns_is_a_section_of_each_plan(run, write, tmp_path):
    """A 2018 outturn for Jiaxing's R&D intensity: (3.00 − 2.73)/3 = 0.09 pp a year against the
    (3.20 − 2.73)/5 = 0.094 the target needs, R = 0.09/0.094 = 0.957 (shown 0.96): on track, within
    rounding also acceleration needed (the star); Deqing's outturns are all of its base year."""
    from tests.conftest import BUNDLED

    bulletin = write(
        "outturns:\n  - {plan: jiaxing-2016-2020, indicator: rd-intensity, observed: [{year: 2018, value: '3.00', line: 9}]}\n",
        "bulletin.yaml",
    )
    out = tmp_path / "report.html"
    args = ["report", "jiaxing-2016-2020", "--data", str(BUNDLED), "--data", str(bulletin), "-o", str(out)]
    assert run(*args).exit_code == 0
    page = out.read_text(encoding="utf-8")
    section = page.split('id="plan-jiaxing-2016-2020"', 1)[1].split("</section>", 1)[0]
    progress = section.split("<h3>Progress against outturns</h3>", 1)[1].split("</table>", 1)[0]
    row = next(r for r in progress.split("<tr") if "R&amp;D经费占GDP比重" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[1:9] == [
        "2.73 (2015)",
        "3.00 (2018)",
        "3.20 (2020)",
        "0.09 pp/yr",
        "0.094 pp/yr",
        "0.96",
        "on track *",
        "基本符合预期",
    ]
    # a plan without outturns after its base year lists them as unassessed, with the reason
    assert "no outturn after the base year" in section

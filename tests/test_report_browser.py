"""The report in a real headless Chromium (Debian's ``chromium`` package), driven over the DevTools
protocol (tests/browser.py): it loads with no console error and no request beyond the file itself,
its tables and charts are there, it fits a phone's width, and it prints.

Without Chromium the test is skipped, unless ``PLANCHECK_REQUIRE_BROWSER=1`` (as ``.ci/run`` sets
after installing it), where a missing browser fails.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from plancheck.cli import app
from tests.browser import Browser, find_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium():
    found = find_chromium()
    if found is None:
        if os.environ.get("PLANCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail("PLANCHECK_REQUIRE_BROWSER=1 but no chromium on PATH: apt-get install -y chromium")
        pytest.skip("no chromium on PATH (apt-get install -y chromium); .ci/run installs it and requires this test")
    return found


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    pytest.importorskip("matplotlib", reason="the report's charts need matplotlib (the test extra installs it)")
    out = tmp_path_factory.mktemp("browser") / "report.html"
    result = CliRunner().invoke(app, ["report", "jiaxing-2016-2020", "haining", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


class Count(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1


def test_the_report_in_chromium(chromium, report, tmp_path):
    counted = Count()
    counted.feed(report.read_text(encoding="utf-8"))
    with Browser(chromium) as b:
        b.open(report.as_uri(), width=1280, height=900)
        assert b.problems() == []
        assert b.requests() == [report.as_uri()]  # nothing fetched but the page itself
        assert b.evaluate("document.title") == "plancheck report"
        tables = b.evaluate("document.querySelectorAll('table').length")
        # indicators and verify for each plan, Jiaxing's progress (Haining has no outturns) and paths
        # (Haining has no baseline to start one), the comparison
        assert tables == counted.counts["table"] == 2 * 2 + 1 + 1 + 1
        # a chart a path, each drawn: Jiaxing's 12 (plancheck path jiaxing-2016-2020)
        sizes = b.evaluate(
            "[...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().width)"
        )
        assert len(sizes) == 12 and all(w > 200 for w in sizes)
        assert b.evaluate("document.querySelector('tr.inconsistent td').textContent") == "R&D经费占GDP比重"
        assert b.evaluate("document.querySelectorAll('script').length") == 0
        b.screenshot(tmp_path / "desktop.png", full_page=False)

        b.open(report.as_uri(), width=390, height=844, mobile=True)  # a phone
        assert b.problems() == []
        width, inner = b.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, "the page is wider than a phone: something does not wrap or scroll"
        chart_width = b.evaluate("document.querySelector('figure.chart svg').getBoundingClientRect().width")
        assert 300 < chart_width <= inner
        b.screenshot(tmp_path / "phone.png", full_page=False)

        b.send("Emulation.setEmulatedMedia", {"media": "print"})
        assert b.evaluate("getComputedStyle(document.querySelector('.scroll')).overflowX") == "visible"
        pdf = b.pdf()
        assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
    assert (tmp_path / "desktop.png").read_bytes().startswith(b"\x89PNG")

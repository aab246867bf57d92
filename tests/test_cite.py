"""``validate --sources DIR``: every cited figure's digits on its line of the plan's own document."""

from __future__ import annotations

import json

from tests.conftest import ROOT, indicator_yaml

# Lines 1–3 of the source document test.txt (PLAN_HEAD's source:).
SOURCE = "2020年全市规上企业100家。\n到2025年达到160家。\n规上企业数量年均增长8%。\n"


def _plan(target: str = "{year: 2025, value: 160, line: 2}", growth_line: int = 3) -> str:
    # line 9 `- id: a`, 10 name, 11 unit, 12 line, 13 baseline, 14 target, 15 growth
    return indicator_yaml(f"""\
    id: a
    name: 规上企业
    unit: 家
    line: 1
    baseline: {{year: 2020, value: 100, line: 1}}
    target: {target}
    growth: {{value: 8, unit: percent, line: {growth_line}}}
    """)


def _sources(tmp_path, text: str = SOURCE):
    d = tmp_path / "sources"
    d.mkdir()
    (d / "test.txt").write_text(text, encoding="utf-8")
    return d


def test_the_bundled_data_stands_on_its_cited_lines(run):
    result = run("validate", str(ROOT / "data"), "--sources", str(ROOT / "sources"), "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 2 files\n"


def test_correct_citations_pass(run, write, tmp_path):
    result = run("validate", str(write(_plan())), "--sources", str(_sources(tmp_path)), "--format", "plain")
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_figure_not_on_its_line_is_an_error_at_the_figure(run, write, tmp_path):
    # The target says 150; line 2 prints 160. `        target: {year: 2025, value: ` is 36 wide: column 37.
    path = write(_plan(target="{year: 2025, value: 150, line: 2}"))
    result = run("validate", str(path), "--sources", str(_sources(tmp_path)), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:14:37: error [source-line] a target: 150 is not on source line 2 of test.txt, which holds "
        "'到2025年达到160家。': correct the figure or its line (source: test.txt:2)"
    ]


def test_a_figure_cited_one_line_off_names_the_line_it_stands_on(run, write, tmp_path):
    # The growth of 8 cites line 2 (到2025年达到160家: no 8 there); it stands on line 3.
    # `        growth: {value: ` is 24 wide: column 25.
    path = write(_plan(growth_line=2))
    result = run("validate", str(path), "--sources", str(_sources(tmp_path)), "--format", "json")
    assert result.exit_code == 1
    (found,) = json.loads(result.stdout)["findings"]
    assert found == {
        "file": str(path),
        "line": 15,
        "column": 25,
        "level": "error",
        "rule": "source-line",
        "plan": "test-plan",
        "indicator": "a",
        "message": "a growth: 8 is not on source line 2 of test.txt, which holds '到2025年达到160家。'; 8 stands on "
        "source line 3: correct the figure or its line",
        "source": {"document": "test.txt", "line": 2, "url": None},
    }


def test_a_number_inside_a_longer_one_does_not_count(run, write, tmp_path):
    # 16 is not printed on line 2: only inside 160.
    path = write(_plan(target="{year: 2025, value: 16, line: 2}"))
    result = run("validate", str(path), "--sources", str(_sources(tmp_path)), "--format", "plain")
    assert result.exit_code == 1
    assert "error [source-line] a target: 16 is not on source line 2 of test.txt" in result.stdout


def test_a_name_not_on_its_line_and_a_line_past_the_end(run, write, tmp_path):
    text = _plan(target="{year: 2025, value: 160, line: 9}").replace("name: 规上企业", "name: 高新企业")
    path = write(text)
    result = run("validate", str(path), "--sources", str(_sources(tmp_path)), "--format", "plain")
    assert result.exit_code == 1
    # `        name: ` is 14 wide: column 15; the target's value at column 37
    assert result.stdout.splitlines() == [
        f"{path}:10:15: error [source-line] a: the name '高新企业' is not on source line 1 of test.txt, which holds "
        "'2020年全市规上企业100家。': correct the name or its line (source: test.txt:1)",
        f"{path}:14:37: error [source-line] a target: source line 9 is past the end of test.txt (3 lines) "
        "(source: test.txt:9)",
    ]


def test_a_missing_document_is_an_error_at_the_plans_source(run, write, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    path = write(_plan())
    result = run("validate", str(path), "--sources", str(empty), "--format", "plain")
    assert result.exit_code == 1
    # PLAN_HEAD line 7 is `    source: test.txt`: the name at column 13
    assert result.stdout.splitlines() == [
        f"{path}:7:13: error [source-document] plan test-plan: its source document test.txt is not in {empty} "
        f"(no file {empty / 'test.txt'}): put the document there, or correct source:, so that its figures can "
        "be checked"
    ]


def test_a_document_that_is_not_utf8_says_how_to_convert_it(run, write, tmp_path):
    d = tmp_path / "gbk"
    d.mkdir()
    (d / "test.txt").write_bytes(SOURCE.encode("gb18030"))
    result = run("validate", str(write(_plan())), "--sources", str(d), "--format", "plain")
    assert result.exit_code == 1
    assert "error [source-document] plan test-plan: its source document test.txt is not UTF-8 (byte 5 of" in (
        result.stdout
    )
    assert "convert it, e.g. iconv -f GB18030 -t UTF-8" in result.stdout


def test_a_sources_directory_that_does_not_exist_is_exit_2(run, write, tmp_path):
    result = run("validate", str(write(_plan())), "--sources", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancheck: the sources directory {tmp_path / 'nowhere'} does not exist or is not a directory: give the "
        "directory that holds the plans' source documents (--sources DIR)\n"
    )


def test_results_claims_and_findings_cite_the_source_in_json(run):
    doc = json.loads(run("verify", "jiaxing-2016-2020", "--format", "json").stdout)
    (rd,) = [r for r in doc["results"] if r["indicator"] == "rd-intensity"]
    # growth: {value: 0.05, unit: pp, line: 37}: the stated figure's line in 000_c388b18c2f34bdc3.txt
    assert rd["source"] == {"document": "000_c388b18c2f34bdc3.txt", "line": 37, "url": None}
    (mismatch,) = [f for f in doc["findings"] if f["rule"] == "growth-mismatch"]
    assert (mismatch["line"], mismatch["source"]["line"]) == (32, 37)  # YAML line 32, source line 37
    assert all(c["source"]["document"] == "000_c388b18c2f34bdc3.txt" for c in doc["claims"])


def test_a_plans_url_goes_with_every_citation(run, write):
    text = _plan().replace("    source: test.txt", "    source: test.txt\n    url: https://example.org/p.html")
    result = run("verify", str(write(text)), "--format", "json")
    doc = json.loads(result.stdout)
    (r,) = doc["results"]
    assert r["source"] == {"document": "test.txt", "line": 3, "url": "https://example.org/p.html"}
    plain = run("verify", str(write(text)), "--format", "plain").stdout
    # (160/100)^(1/5) − 1 = 9.86% a year against the stated 8%: a mismatch, cited with the address
    assert plain.rstrip("\n").endswith("(source: test.txt:3, https://example.org/p.html)")


def test_a_url_that_is_not_http_is_refused_at_its_line(run, write):
    text = _plan().replace("    source: test.txt", "    source: test.txt\n    url: ftp://example.org/p")
    result = run("validate", str(write(text)), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.endswith(
        ":8:10: error [invalid-value] url: 'ftp://example.org/p' is not a web address: write it as https://… "
        "(or http://), without spaces\n"
    )

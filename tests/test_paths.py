"""plancheck path: the year-by-year values each target implies, with a sparkline a row."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import pytest

import plancheck
from plancheck import api
from plancheck.analysis.paths import trajectories
from plancheck.analysis.rates import results
from plancheck.render.paths import sparkline
from tests.conftest import BUNDLED, ROOT, indicator_yaml


@pytest.fixture(scope="module")
def bundled():
    return {(t.plan.id, t.indicator.id): t for t in api.paths(plancheck.load([BUNDLED]))}


def test_a_share_moves_linearly_in_points_and_the_stated_rate_beside_it(bundled):
    t = bundled[("jiaxing-2016-2020", "rd-intensity")]
    assert t.years == [2015, 2016, 2017, 2018, 2019, 2020]
    # (3.20 − 2.73) / 5 = 0.094 pp a year: 2.73 + 0.094 k
    assert t.planned == pytest.approx([2.73, 2.824, 2.918, 3.012, 3.106, 3.20])
    # the stated 0.05 pp a year does not fit (verify: inconsistent): 2.73 + 0.05 k, 2.98 in 2020
    assert t.stated == pytest.approx([2.73, 2.78, 2.83, 2.88, 2.93, 2.98])
    assert t.linear


def test_a_level_compounds(bundled):
    t = bundled[("jiaxing-2016-2020", "invention-patents-per-10k")]
    # 7.4 → 20 over 5 years: q = (20/7.4)^(1/5) = 2.702703^0.2 = e^(0.994257/5) = e^0.198851
    #   = 1 + 0.198851 + 0.019771 + 0.001311 + 0.000065 + 0.000003 = 1.219999 (22% a year, as stated)
    q = 1.2199995
    assert t.planned == pytest.approx([7.4, 7.4 * q, 7.4 * q**2, 7.4 * q**3, 7.4 * q**4, 20], rel=1e-6)
    assert t.planned[1] == pytest.approx(9.028, abs=1e-4)  # 7.4 × 1.2199995
    assert t.planned[2] == pytest.approx(11.0141, abs=1e-4)  # 7.4 × 1.488399
    assert not t.linear
    assert t.stated is None  # the stated 22% fits: no second path


def test_only_rows_with_a_baseline_and_a_target_level_have_paths(bundled):
    assert ("jiaxing-2016-2020", "patents-granted") not in bundled  # a target without baseline
    assert not any(p == "tongxiang-2019" for p, _ in bundled)  # increments and targets only
    assert len(bundled) == 27  # every one of the 27 indicators with a baseline (README) has a target level


def test_a_path_in_the_rows_unit_and_a_compound_stated_rate_that_disagrees(write, tmp_path):
    path = write(
        indicator_yaml(
            """
            id: output
            name: 产值
            unit: 亿元
            local: true
            baseline: {year: 2020, value: 100, line: 1}
            target: {year: 2023, value: 1.5, unit: 万亿元, line: 2}
            growth: {value: 10, unit: percent, line: 3}
            """
        )
    )
    data = plancheck.load([path])
    (t,) = trajectories(results(data.plans))
    # 1.5万亿元 = 15000亿元; 100 → 15000 over 3 years: q = 150^(1/3) = 5.313293
    assert t.planned == pytest.approx([100, 531.3293, 2823.108, 15000], rel=1e-6)
    # the stated 10%: 100 × 1.1^k
    assert t.stated == pytest.approx([100, 110, 121, 133.1])


def test_plain_lines_exactly(run):
    result = run("path", "jiaxing-2016-2020", "-f", "plain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "jiaxing-2016-2020 rd-intensity planned 0.094 pp/yr ▁▂▄▅▇█ 2015:2.73 2016:2.824 2017:2.918 2018:3.012 2019:3.106 2020:3.20",
        "jiaxing-2016-2020 rd-intensity stated 0.05 pp/yr ▁▂▂▃▄▅ 2015:2.73 2016:2.78 2017:2.83 2018:2.88 2019:2.93 2020:2.98",
        "jiaxing-2016-2020 enterprise-rd-ratio planned 0.056 pp/yr ▁▂▄▅▇█ 2015:1.32 2016:1.376 2017:1.432 2018:1.488 2019:1.544 2020:1.6",
    ]
    # 7.4 × 1.220007^k at two decimals: 9.03, 11.01, 13.44, 16.39
    assert (
        "jiaxing-2016-2020 invention-patents-per-10k planned 22%/yr ▁▂▃▄▆█ 2015:7.4 2016:9.03 2017:11.01 "
        "2018:13.44 2019:16.39 2020:20" in lines
    )


def test_table_has_a_column_a_year_and_the_stated_row(run):
    result = run("path", "jiaxing-2016-2020")
    assert result.exit_code == 0
    out = result.stdout
    assert "jiaxing-2016-2020 · 嘉兴市“十三五”科技创新发展规划 · 2016–2020" in out
    assert all(str(y) in out for y in range(2015, 2021))
    lines = out.splitlines()
    assert lines[4].split() == [
        "R&D经费占GDP比重",
        "%",
        "0.094",
        "pp/yr",
        "▁▂▄▅▇█",
        "2.73",
        "2.824",
        "2.918",
        "3.012",
        "3.106",
        "3.20",
    ]
    assert lines[5].split() == [
        "✗",
        "stated",
        "0.05",
        "pp/yr",
        "▁▂▂▃▄▅",
        "2.73",
        "2.78",
        "2.83",
        "2.88",
        "2.93",
        "2.98",
    ]


def test_json(run):
    result = run("path", "jiaxing-2016-2020", "-f", "json")
    doc = json.loads(result.stdout)
    first = doc["paths"][0]
    assert first["indicator"] == "rd-intensity" and first["path"] == "linear" and first["pace_unit"] == "pp"
    assert first["years"] == [2015, 2016, 2017, 2018, 2019, 2020]
    assert first["planned"] == pytest.approx([2.73, 2.824, 2.918, 3.012, 3.106, 3.2])
    assert first["stated_path"] == pytest.approx([2.73, 2.78, 2.83, 2.88, 2.93, 2.98])
    assert first["status"] == "inconsistent" and first["pace"] == pytest.approx(0.094)
    assert doc["paths"][1]["stated_path"] is None


def test_ascii_where_the_output_cannot_hold_block_characters():
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PLANCHECK_DATA": str(BUNDLED), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "plancheck", "path", "jiaxing-2016-2020", "-f", "plain"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("ascii").splitlines()
    # steps of ▁▂▄▅▇█ (0 1 3 4 6 7) and ▁▂▂▃▄▅ (0 1 1 2 3 4) in _.-~=+*#
    assert lines[0].startswith("jiaxing-2016-2020 rd-intensity planned 0.094 pp/yr _.~=*# 2015:2.73")
    assert lines[1].startswith("jiaxing-2016-2020 rd-intensity stated 0.05 pp/yr _..-~= 2015:2.73")


def test_a_file_gets_block_characters_whatever_the_terminal(run, tmp_path):
    out = tmp_path / "paths.txt"
    result = run("path", "jiaxing-2016-2020", "-f", "plain", "-o", str(out))
    assert result.exit_code == 0
    assert "▁▂▄▅▇█" in out.read_text(encoding="utf-8").splitlines()[0]
    again = run("path", "jiaxing-2016-2020", "-o", str(out))
    assert again.exit_code == 2 and "exists: use --force" in again.stderr


def test_sparkline_steps():
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7], 0, 7) == "▁▂▃▄▅▆▇█"
    assert sparkline([5, 5, 5], 5, 5) == "▄▄▄"  # a flat path: the middle step
    assert sparkline([1, math.inf], 1, math.inf, ascii=True) == "??"
    assert sparkline([0, 7], 0, 7, ascii=True) == "_#"


def test_no_path_and_unknown_plan_exit_2(run):
    result = run("path", "tongxiang-2019")
    assert result.exit_code == 2
    assert "no target with both a baseline and a target level" in result.stderr
    result = run("path", "nowhere")
    assert result.exit_code == 2 and "no plan is named 'nowhere'" in result.stderr


def test_every_path_format_has_a_reporter():
    from plancheck.cli import PathFormat
    from plancheck.render.paths import PATH_REPORTERS

    assert {f.value for f in PathFormat} == set(PATH_REPORTERS)

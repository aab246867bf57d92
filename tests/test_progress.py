"""plancheck progress: each target with outturns, its observed pace against the pace it needs.

tests/progress/plan.yaml holds one made-up target for each verdict: base 2020, target 2025 (5
years), latest outturn 2022 (2 years) unless said otherwise; the last three have an outturn of the
target year, which settles the target. Every number below is worked out by
hand in the comment above it.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

import plancheck
from plancheck.model.status import Progress, pace_category, progress_zh
from tests.conftest import BUNDLED, ROOT

DATA = ROOT / "tests" / "progress"
F = "tests/progress/plan.yaml"

EXPECTED = [
    # share, pp a year: (54.0 − 50.0)/2 = 2 observed, (60.0 − 50.0)/5 = 2 needed, R = 2/2 = 1;
    # now (60 − 54)/3 = 2. Within rounding R stays ≥ 0.95: (53.95 − 50.05)/2 = 1.95 over
    # (60 − 49.95)/5 = 2.01 is 0.970 at the lowest corner.
    f"{F}:10:182: on_track [test-plan/on-track] 甲: 50.0 (2020) → 54.0 (2022) is 2 pp/yr; 60.0 (2025) needs "
    "2 pp/yr; R = 1: on track (基本符合预期); now needs 2 pp/yr to 2025",
    # (56 − 50)/2 = 3 against 2: R = 1.5 > 1, faster than expected; now (60 − 56)/3 = 1.333
    f"{F}:11:180: on_track [test-plan/faster] 乙: 50.0 (2020) → 56.0 (2022) is 3 pp/yr; 60.0 (2025) needs "
    "2 pp/yr; R = 1.5: on track (快于预期); now needs 1.333 pp/yr to 2025",
    # (53 − 50)/2 = 1.5 against 2: R = 0.75, in [0.60, 0.95); now (60 − 53)/3 = 2.333
    f"{F}:12:184: acceleration_needed [test-plan/accelerate] 丙: 50.0 (2020) → 53.0 (2022) is 1.5 pp/yr; "
    "60.0 (2025) needs 2 pp/yr; R = 0.75: acceleration needed (滞后); now needs 2.333 pp/yr to 2025",
    # (51 − 50)/2 = 0.5 against 2: R = 0.25, in [0, 0.60); now (60 − 51)/3 = 3
    f"{F}:13:181: limited_progress [test-plan/limited] 丁: 50.0 (2020) → 51.0 (2022) is 0.5 pp/yr; 60.0 "
    "(2025) needs 2 pp/yr; R = 0.25: limited progress (滞后); now needs 3 pp/yr to 2025",
    # (49 − 50)/2 = −0.5 against 2: R = −0.25 < 0; now (60 − 49)/3 = 3.667
    f"{F}:14:178: moving_away [test-plan/away] 戊: 50.0 (2020) → 49.0 (2022) is -0.5 pp/yr; 60.0 (2025) "
    "needs 2 pp/yr; R = -0.25: moving away (滞后); now needs 3.667 pp/yr to 2025",
    # the latest outturn (2023) 61.0 is at least 60.0 whatever its rounding ([60.95, 61.05)), two years early
    f"{F}:15:220: achieved [test-plan/achieved] 己: 61.0 (2023) reaches 60.0 (2025): achieved (提前实现)",
    # (53.8 − 50)/2 = 1.9 against 2: R = 0.95 exactly (in fractions), on track; but at the corner
    # B = 50.05, O = 53.75: (53.75 − 50.05)/2 = 1.85 over (60 − 50.05)/5 = 1.99 is 0.9296, and at
    # B = 49.95, O = 53.85: 1.95/2.01 = 0.9701: either side of 0.95. Now (60 − 53.8)/3 = 2.067
    f"{F}:16:178: on_track [test-plan/edge] 庚: 50.0 (2020) → 53.8 (2022) is 1.9 pp/yr; 60.0 (2025) needs "
    "2 pp/yr; R = 0.95: on track (基本符合预期); now needs 2.067 pp/yr to 2025 (R is 0.929 to 0.971 within "
    "rounding, so it depends on rounding: on track or acceleration needed)",
    # a level, compound: 121.0/100.0 = 1.21 = 1.1², 10% a year; 161.051/100 = 1.1⁵, 10% needed: R = 1;
    # now (161.051/121)^(1/3) = 1.331^(1/3) = 1.1, 10%
    f"{F}:17:180: on_track [test-plan/level] 辛: 100.0 (2020) → 121.0 (2022) is 10%/yr; 161.051 (2025) needs "
    "10%/yr; R = 1: on track (基本符合预期); now needs 10%/yr to 2025",
    # the catalogue says lower is better: √(0.52/0.50) − 1 = +1.980% a year against
    # (0.45/0.50)^(1/5) − 1 = 0.9^0.2 − 1 = −2.085%: R = 1.980/−2.085 = −0.95, moving away;
    # now (0.45/0.52)^(1/3) − 1 = 0.86538^(1/3) − 1 = −4.705%
    f"{F}:18:200: moving_away [test-plan/energy] 单位GDP能耗: 0.50 (2020) → 0.52 (2022) is 1.98%/yr; 0.45 "
    "(2025) needs -2.085%/yr; R = -0.95: moving away (滞后); now needs -4.705%/yr to 2025 [lower is better, "
    "by the catalogue]",
    # a yearly ceiling ≤5.5: 5.2 (2021) is [5.15, 5.25), within; 5.6 (2022) is [5.55, 5.65), above
    f"{F}:19:207: broken [test-plan/jobless] 城镇调查失业率: ≤5.5 every year; met in 2021; broken in 2022 (5.6): "
    "broken (未达标)",
    # 5.5 is [5.45, 5.55): as printed at the ceiling (met), above it within rounding
    f"{F}:20:175: met [test-plan/jobless-edge] 登记失业率: ≤5.5 every year; met or broken within rounding in "
    "2021 (5.5): met (达标) (it depends on rounding: met or broken)",
    # 〔13.5〕 down over the period: the base is the 2020 outturn 100 (exact, an index), the level to
    # reach 100 × (1 − 0.135) = 86.5; needed 0.865^(1/5) − 1 = −2.859% a year; observed
    # √(95.0/100) − 1 = −2.532%: R = 2.532/2.859 = 0.886 (shown 0.89); at the corners √0.9495 − 1 =
    # −2.558% and √0.9505 − 1 = −2.506%, R 0.877 to 0.895: acceleration needed either way;
    # now (86.5/95)^(1/3) − 1 = 0.91053^(1/3) − 1 = −3.076%
    f"{F}:21:209: acceleration_needed [test-plan/energy-cut] 单位GDP能耗降低: 100 (2020) → 95.0 (2022) is "
    "-2.532%/yr; 86.5 (−〔13.5%〕) (2025) needs -2.859%/yr; R = 0.89: acceleration needed (滞后); now needs "
    "-3.076%/yr to 2025 [lower is better, by the target]",
    f"{F}:22:14: unassessed [test-plan/words] 壬: a target in words",
    # an outturn of the base year only: no pace yet
    f"{F}:23:183: unassessed [test-plan/too-early] 癸 (2020: 50.0): no outturn after the base year: no pace yet",
    # an outturn of the target year settles the target. 60.4 is [60.35, 60.45): at least 60.0 whatever
    # its rounding, in the target year itself (已实现, not 提前实现); the 2023 outturn is not the latest
    f"{F}:24:219: achieved [test-plan/settled] 子: 60.4 (2025) reaches 60.0 (2025): achieved (已实现)",
    # 58.0 is [57.95, 58.05), short of 60.0 whatever its rounding: missed. R says by how much:
    # (58 − 50)/5 = 1.6 against (60 − 50)/5 = 2, R = 0.8; nothing is needed any more (no "now needs")
    f"{F}:25:180: missed [test-plan/missed] 丑: 50.0 (2020) → 58.0 (2025) is 1.6 pp/yr; 60.0 (2025) needs "
    "2 pp/yr; R = 0.8: missed (未实现)",
    # 60 printed without decimals is [59.5, 60.5): as printed short of 60.3 (missed), but 60.3 is
    # within its rounding (achieved): it depends on rounding. (60 − 50)/5 = 2 against
    # (60.3 − 50)/5 = 2.06: R = 2/2.06 = 0.971 (shown 0.97); no R range, since R does not decide
    f"{F}:26:185: missed [test-plan/missed-edge] 寅: 50.0 (2020) → 60 (2025) is 2 pp/yr; 60.3 (2025) needs "
    "2.06 pp/yr; R = 0.97: missed (未实现) (it depends on rounding: achieved or missed)",
]


def test_every_verdict_on_made_up_outturns(run):
    result = run("progress", "--data", str(DATA), "--format", "plain")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == EXPECTED


def test_the_api_gives_the_same_verdicts_and_numbers():
    data = plancheck.load(DATA)
    run = plancheck.progress(data)
    verdicts = {r.indicator.id: r.verdict for r in run.results}
    assert verdicts["edge"] is Progress.ON_TRACK
    assert set(verdicts.values()) == set(Progress)  # every verdict is exercised
    edge = next(r for r in run.results if r.indicator.id == "edge")
    assert edge.possible == (Progress.ON_TRACK, Progress.ACCELERATION_NEEDED)
    assert edge.ratio is not None
    # corners: 1.85/1.99 = 0.92965, 1.95/2.01 = 0.97015
    assert edge.ratio[1] == pytest.approx(1.85 / 1.99) and edge.ratio[2] == pytest.approx(1.95 / 2.01)
    assert run.summary == {
        "plans": 1,
        "targets": 17,
        "verdicts": {
            "achieved": 2,
            "missed": 2,
            "on_track": 4,
            "acceleration_needed": 2,
            "limited_progress": 1,
            "moving_away": 2,
            "met": 1,
            "broken": 1,
            "unassessed": 2,
        },
        "depends_on_rounding": 3,
    }
    edge = next(r for r in run.results if r.indicator.id == "missed-edge")
    assert edge.settled and edge.possible == (Progress.ACHIEVED, Progress.MISSED) and edge.needed is None


def test_json_is_the_api_as_a_dict(run):
    result = run("progress", "--data", str(DATA), "--format", "json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out == json.loads(json.dumps(plancheck.progress(plancheck.load(DATA)).as_dict()))
    level = next(r for r in out["results"] if r["indicator"] == "level")
    assert level["verdict"] == "on_track" and level["zh"] == "基本符合预期" and level["unit"] == "percent"
    assert level["observed_pace"]["value"] == pytest.approx(10.0)  # √1.21 − 1
    assert level["base"] == {"year": 2020, "value": "100.0", "unit": None, "from": "baseline"}
    assert level["latest"] == {"year": 2022, "value": "121.0", "unit": None, "source": None, "url": None}
    jobless = next(r for r in out["results"] if r["indicator"] == "jobless")
    assert [(y["year"], y["met"]) for y in jobless["years"]] == [(2021, True), (2022, False)]


def test_csv_has_one_row_per_target(run):
    result = run("progress", "--data", str(DATA), "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert len(rows) == 17
    faster = next(r for r in rows if r["indicator"] == "faster")
    assert (faster["ratio"], faster["verdict"], faster["zh"], faster["needed_pace"]) == (
        "1.5",
        "on_track",
        "快于预期",
        "1.333333",
    )


def test_table_and_markdown_show_each_verdict(run):
    table = run("progress", "--data", str(DATA), "--format", "table")
    assert table.exit_code == 0
    for words in (
        "on track",
        "limited",
        "moving",
        "achieved",
        "missed",
        "broken",
        "提前实现",
        "已实现",
        "未实现",
        "快于预期",
        "滞后",
        "未达标",
    ):
        assert words in table.stdout
    assert "17 targets with outturns in 1 plan: 2 achieved, 2 missed, 4 on track" in table.stdout
    md = run("progress", "--data", str(DATA), "--format", "markdown")
    assert (
        "| test-plan | 丙 | 50.0 (2020) | 53.0 (2022) | 60.0 (2025) | 1.5 pp/yr | 2 pp/yr | 0.75 | acceleration needed | 滞后 | 2.333 pp/yr |"
        in md.stdout
    )


def test_output_file_and_refusal_to_overwrite(run, tmp_path):
    out = tmp_path / "progress.json"
    assert run("progress", "--data", str(DATA), "-f", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["targets"] == 17
    again = run("progress", "--data", str(DATA), "-f", "json", "-o", str(out))
    assert again.exit_code == 2


def test_exit_codes(run, write):
    unknown = run("progress", "nowhere", "--data", str(DATA))
    assert unknown.exit_code == 2 and "no plan is named 'nowhere'" in unknown.stderr
    broken = write("plans: [{id: x}]\n", "broken.yaml")
    assert run("progress", "--data", str(broken), "-f", "plain").exit_code == 1


# Every outturn the bundled plans print, as `plancheck progress` reports it: (line of data/targets.yaml,
# column of the value, plan/indicator, name, year, value). Each is of its indicator's base year (the
# year before the period: Jiaxing 2015, Deqing 2020), so o − b = 0 years: there is no pace, and none
# reaches its target (Jiaxing's 2.73 < 3.20, 1.32 < 1.6, 122.31 < 129, 7.4 < 20, 10.6 < 14.5, 13.66 <
# 30, 42.3 < 50, 37.8 < 40, 567 < 1000, 1623 < 3000, 259.19 < 400, 628.87 < 1200; Deqing's 2025 targets
# are all above their 2020 values likewise). No bundled plan prints an outturn of an earlier bundled
# plan's target year: Jiaxing's 2015 column reports its 12th plan (2011–2015) and Deqing's 2020 column
# and 一(一) its 13th (2016–2020), neither of them bundled; Jiaxing's "315" programme (2023–2027) prints
# no base values, and Tongxiang's and Haining's texts none of earlier years. So no target is settled.
BUNDLED_OUTTURNS = [
    (1891, 87, "jiaxing-2016-2020/rd-intensity", "R&D经费占GDP比重", 2015, "2.73"),
    (1892, 94, "jiaxing-2016-2020/enterprise-rd-ratio", "企业R&D经费支出占主营业务收入比重", 2015, "1.32"),
    (1893, 95, "jiaxing-2016-2020/rd-personnel-per-10k", "每万名从业人员中R&D人员数", 2015, "122.31"),
    (1894, 100, "jiaxing-2016-2020/invention-patents-per-10k", "每万人发明专利拥有量", 2015, "7.4"),
    (1895, 94, "jiaxing-2016-2020/labour-productivity", "全员劳动生产率", 2015, "10.6"),
    (1896, 92, "jiaxing-2016-2020/tech-transactions", "技术交易总额", 2015, "13.66"),
    (
        1897,
        99,
        "jiaxing-2016-2020/high-tech-industry-share",
        "高新技术产业增加值占规模以上工业增加值比重",
        2015,
        "42.3",
    ),
    (1898, 91, "jiaxing-2016-2020/new-product-rate", "规模以上工业企业新产品产值率", 2015, "37.8"),
    (1899, 96, "jiaxing-2016-2020/high-tech-enterprises", "高新技术企业数", 2015, "567"),
    (1900, 82, "jiaxing-2016-2020/st-smes", "科技型中小企业数", 2015, "1623"),
    (1901, 95, "jiaxing-2016-2020/high-tech-investment", "高新技术产业投资", 2015, "259.19"),
    (1902, 96, "jiaxing-2016-2020/high-tech-value-added", "高新技术产业增加值", 2015, "628.87"),
    (1903, 85, "deqing-2021-2025/rd-spending", "全社会R&D经费投入", 2020, "17.95"),
    (1904, 86, "deqing-2021-2025/rd-intensity", "全社会R&D经费支出占地区生产总值比重", 2020, "3.34"),
    (1905, 94, "deqing-2021-2025/rd-personnel-per-10k", "每万名就业人员中研发人员数", 2020, "218.03"),
    (1906, 95, "deqing-2021-2025/high-tech-enterprises", "高新技术企业数", 2020, "273"),
    (1907, 81, "deqing-2021-2025/st-smes", "科技型中小企业数", 2020, "883"),
    (1908, 89, "deqing-2021-2025/rd-institutions", "省级以上研发机构", 2020, "98"),
    (1909, 100, "deqing-2021-2025/rd-active-enterprise-share", "规上工业企业中开展R&D活动企业比重", 2020, "43.03"),
    (1910, 93, "deqing-2021-2025/enterprise-rd-ratio", "规上工业企业R&D经费支出占营业收入比重", 2020, "1.97"),
    (1911, 100, "deqing-2021-2025/high-value-patents-per-10k", "每万人高价值发明专利拥有量", 2020, "10.9"),
    (1912, 90, "deqing-2021-2025/pct-applications", "PCT国际发明专利申请数", 2020, "66"),
    (1913, 91, "deqing-2021-2025/tech-transactions", "技术交易额", 2020, "12"),
    (1914, 84, "deqing-2021-2025/incubators", "科技企业孵化器(累计)", 2020, "3"),
    (1915, 98, "deqing-2021-2025/high-tech-industry-share", "高新技术产业增加值占规上工业增加值比重", 2020, "64.2"),
    (1916, 97, "deqing-2021-2025/emerging-industry-share", "战略性新兴产业增加值占规上工业增加值比重", 2020, "41.4"),
    (1917, 95, "deqing-2021-2025/digital-economy-share", "数字经济核心增加值占生产总值比重", 2020, "5.1"),
]


def test_the_bundled_outturns_settle_no_target(run):
    """The whole output of `plancheck progress` on the bundled data: 27 outturns, none settling a target."""
    result = run("progress", "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"data/targets.yaml:{line}:{col}: unassessed [{subject}] {name} ({year}: {value}): "
        "no outturn after the base year: no pace yet"
        for line, col, subject, name, year, value in BUNDLED_OUTTURNS
    ]
    deqing = run("progress", "deqing", "--format", "json")
    assert json.loads(deqing.stdout)["summary"]["verdicts"]["unassessed"] == 15
    # every one is its indicator's baseline, as printed, at the same source line
    data = plancheck.load(BUNDLED)
    for plan in data.plans:
        for ind in plan.indicators:
            for o in ind.observed:
                assert ind.baseline is not None
                assert (o.year, o.value, o.line) == (ind.baseline.year, ind.baseline.value, ind.baseline.line)


def test_an_outturn_of_the_target_year_settles_a_bundled_target(run, write):
    """A made-up 2020 bulletin for Jiaxing's 2016–2020 plan. R&D intensity 3.21 is [3.205, 3.215): at
    least 3.20 whatever its rounding, in the target year: achieved (已实现). Invention patents 19.6 is
    [19.55, 19.65), short of 20 whatever its rounding: missed (未实现); (19.6/7.4)^(1/5) − 1 =
    2.64865^0.2 − 1 = 21.508% a year against (20/7.4)^(1/5) − 1 = 2.70270^0.2 − 1 = 21.99995% (shown
    22%): R = 21.508/22.000 = 0.978, the pace of on track had it been measured earlier, but the year
    is over."""
    bulletin = write(
        "outturns:\n"
        "  - {plan: jiaxing-2016-2020, indicator: rd-intensity, observed: [{year: 2020, value: 3.21, line: 48}]}\n"
        "  - {plan: jiaxing-2016-2020, indicator: invention-patents-per-10k, observed: [{year: 2020, value: 19.6, line: 52}]}\n",
        "bulletin-2020.yaml",
    )
    result = run("progress", "jiaxing-2016-2020", "--data", str(BUNDLED), "--data", str(bulletin), "-f", "plain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{bulletin}:2:87: achieved [jiaxing-2016-2020/rd-intensity] R&D经费占GDP比重: 3.21 (2020) reaches 3.20 "
        "(2020): achieved (已实现)"
    )
    assert lines[3] == (
        f"{bulletin}:3:100: missed [jiaxing-2016-2020/invention-patents-per-10k] 每万人发明专利拥有量: 7.4 (2015) → "
        "19.6 (2020) is 21.508%/yr; 20 (2020) needs 22%/yr; R = 0.98: missed (未实现)"
    )


def test_a_bulletin_for_a_bundled_plan(run, write):
    """A made-up 2018 outturn for Jiaxing's R&D intensity: 2.73 (2015) → 3.00 (2018) is 0.09 pp a
    year against the (3.20 − 2.73)/5 = 0.094 the target needs: R = 0.09/0.094 = 0.957, on track;
    at the corners (2.995 − 2.735)/3 = 0.08667 over (3.20 − 2.735)/5 = 0.093 is 0.9319 (shown outwards, 0.931), and
    (3.005 − 2.725)/3 = 0.09333 over 0.095 is 0.982: it depends on rounding."""
    bulletin = write(
        "outturns:\n  - {plan: jiaxing-2016-2020, indicator: rd-intensity, observed: [{year: 2018, value: '3.00', line: 9}]}\n",
        "bulletin.yaml",
    )
    result = run("progress", "jiaxing-2016-2020", "--data", str(BUNDLED), "--data", str(bulletin), "-f", "plain")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f"{bulletin}:2:87: on_track [jiaxing-2016-2020/rd-intensity] R&D经费占GDP比重: 2.73 (2015) → 3.00 (2018) is "
        "0.09 pp/yr; 3.20 (2020) needs 0.094 pp/yr; R = 0.96: on track (基本符合预期); now needs 0.1 pp/yr to 2020 "
        "(R is 0.931 to 0.983 within rounding, so it depends on rounding: on track or acceleration needed)"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "    " + bulletin.read_text(encoding="utf-8").replace("\n", "\n    ").rstrip() in readme
    assert "    " + result.stdout.splitlines()[0].replace(str(bulletin), "bulletin.yaml") + "\n" in readme


def test_categories_and_wording():
    # the thresholds are exact: 19/20 is on track, a float a hair below is not
    from fractions import Fraction

    assert pace_category(Fraction(19, 20)) is Progress.ON_TRACK
    assert pace_category(0.9499999999) is Progress.ACCELERATION_NEEDED
    assert pace_category(Fraction(3, 5)) is Progress.ACCELERATION_NEEDED
    assert pace_category(0) is Progress.LIMITED_PROGRESS
    assert pace_category(-0.01) is Progress.MOVING_AWAY
    assert progress_zh(Progress.ACHIEVED, None, before_target_year=False) == "已实现"
    assert progress_zh(Progress.MISSED) == "未实现"
    assert progress_zh(Progress.ON_TRACK, 1.0) == "基本符合预期"

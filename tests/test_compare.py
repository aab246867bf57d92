"""plancheck compare and the indicator catalogue."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len

import plancheck
from plancheck.analysis.comparison import compare
from plancheck.loader.events import load_bytes
from plancheck.loader.lookup import find_plan
from plancheck.model.catalogue import Catalogue, conversion, split_unit
from tests.conftest import ROOT, indicator_yaml

SOURCES = ROOT / "sources"


@pytest.fixture(scope="module")
def data():
    return plancheck.load([ROOT / "data"])


def cmp_of(data, *names):
    return compare([find_plan(data.plans, n) for n in names], data.catalogue)


def row_of(cmp, key, scope=None):
    return next(r for r in cmp.rows if r.key == key and r.scope == scope)


def on_source_line(fig, plan) -> bool:
    lines = (SOURCES / plan.source).read_text(encoding="utf-8").splitlines()
    return fig.value in lines[fig.line - 1]


# --------------------------------------------------------------------------- the catalogue


def test_every_bundled_indicator_maps_to_an_entry_or_is_local(data):
    index = data.catalogue
    for plan in data.plans:
        for ind in plan.indicators:
            assert ind.local or (ind.key is not None and index.entry_for(ind) is not None), (plan.id, ind.id)
            assert not (ind.local and ind.key), (plan.id, ind.id)
    assert data.findings == []


def test_the_catalogue_is_consistent():
    raw = (ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8")
    doc = load_bytes(raw.encode()).documents[0].data
    catalogue = Catalogue.model_validate(doc)
    keys = [e.key for e in catalogue.catalogue]
    for e in catalogue.catalogue:
        for other in e.not_comparable:
            assert other in keys, (e.key, other)
            partner = next(x for x in catalogue.catalogue if x.key == other)
            assert e.key in partner.not_comparable, f"{e.key} and {other} should name each other"
            assert abs(keys.index(e.key) - keys.index(other)) <= 2, "look-alikes are listed next to each other"
    # the look-alikes the comparison must keep apart
    pairs = {(e.key, o) for e in catalogue.catalogue for o in e.not_comparable}
    assert ("invention-patents-per-10k", "high-value-patents-per-10k") in pairs
    assert ("rd-personnel-fte-per-10k", "rd-personnel-heads-per-10k") in pairs
    assert ("st-smes-provincial", "st-smes-national") in pairs


@pytest.mark.parametrize(
    "unit, scale, base",
    [
        ("亿元", 1e8, "元"),
        ("万元", 1e4, "元"),
        ("万亿元", 1e12, "元"),
        ("万家", 1e4, "家"),
        ("家", 1, "家"),
        ("%", 1, "%"),
        ("万元/人", 1e4, "元/人"),
    ],
)
def test_units_split_into_scale_and_base(unit, scale, base):
    assert split_unit(unit) == (scale, base)


def test_conversion_only_between_scales_of_one_unit():
    assert conversion("万家", "家") == 1e4
    assert conversion("亿元", "万元") == 1e4
    assert conversion("万亿元", "亿元") == 1e4
    assert conversion("人", "人年") is None


def test_an_unknown_catalogue_key_is_reported_with_a_suggestion(run, write):
    path = write(
        indicator_yaml("""\
        id: rd
        name: 研发强度
        unit: "%"
        category: rd
        key: rd-intensty
        target: {year: 2025, value: 4.5, line: 101}
        """)
    )
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:13:14: error [unknown-key] catalogue key 'rd-intensty' is not in the "
        "indicator catalogue: did you mean 'rd-intensity'?\n"
    )


def test_a_data_directory_can_bring_its_own_catalogue(run, tmp_path):
    (tmp_path / "my-catalogue.yaml").write_text(
        "catalogue:\n  - {key: parks, en: Parks, zh: 园区, unit: 个, kind: level, intensive: true, names: [园区数]}\n",
        encoding="utf-8",
    )
    one = indicator_yaml("id: p\nname: 园区数\nunit: 个\ncategory: other\ntarget: {year: 2025, value: 10, line: 1}\n")
    (tmp_path / "a.yaml").write_text(one, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        one.replace("test-plan", "other-plan").replace("value: 10", "value: 12"), encoding="utf-8"
    )
    doc = json.loads(run("compare", "test-plan", "other-plan", "--data", str(tmp_path), "-f", "json").stdout)
    (row,) = doc["rows"]
    assert row["key"] == "parks" and row["leader"] == "other-plan" and row["basis"] == "level"


# --------------------------------------------------------------------------- Haining and Deqing


def test_haining_and_deqing_rd_intensity(data):
    cmp = cmp_of(data, "haining", "deqing")
    row = row_of(cmp, "rd-intensity")
    h, d = row.cells["haining-2023-2025"], row.cells["deqing-2021-2025"]
    assert (h.indicator.target.value, h.indicator.target.year) == ("3.86", 2025)
    assert (d.indicator.baseline.value, d.indicator.target.value, d.indicator.target.year) == ("3.34", "4.5", 2025)
    assert on_source_line(h.indicator.target, h.plan) and on_source_line(d.indicator.target, d.plan)
    # (4.5 − 3.34)/5 = 0.232 percentage points a year; Haining prints no baseline, so no pace
    assert d.pace == pytest.approx(0.232) and d.pace_unit == "pp" and h.pace is None
    # one pace only, a shared target year: judged by target level, 4.5 > 3.86
    assert (row.leader, row.basis) == ("deqing-2021-2025", "level")


def test_haining_and_deqing_enterprises(data):
    cmp = cmp_of(data, "haining", "deqing")
    hte = row_of(cmp, "high-tech-enterprises")
    d = hte.cells["deqing-2021-2025"]
    # (550/273)^(1/5) − 1: ln 2.014652 = 0.700447, /5 = 0.140089, e^ − 1 = 15.038%
    assert d.pace == pytest.approx(15.038, abs=1e-3)
    assert hte.cells["haining-2023-2025"].indicator.target.value == "1000"
    # 1000 firms against 550: totals of two counties of different sizes, and one pace only: no verdict
    assert (hte.leader, hte.basis) == (None, None)
    assert hte.note == "no verdict: the targets are totals of regions of different sizes, and too few paces"
    provincial, national = row_of(cmp, "st-smes-provincial"), row_of(cmp, "st-smes-national")
    assert provincial.cells["haining-2023-2025"].indicator.target.value == "2000"
    # (1800/883)^(1/5) − 1: ln 2.038505 = 0.712136, /5 = 0.142427, e^ − 1 = 15.308%
    assert provincial.cells["deqing-2021-2025"].pace == pytest.approx(15.308, abs=1e-3)
    assert list(national.cells) == ["haining-2023-2025"]
    assert national.cells["haining-2023-2025"].indicator.target.value == "750"
    assert provincial.apart == ["st-smes-national"] and national.apart == ["st-smes-provincial"]
    rows = [r.key for r in cmp.rows]
    assert rows.index("st-smes-national") == rows.index("st-smes-provincial") + 1  # next to each other
    for row in (provincial, national, hte):
        for cell in row.cells.values():
            assert on_source_line(cell.indicator.target, cell.plan)


def test_invention_patent_rows_are_kept_apart(data, run):
    cmp = cmp_of(data, "haining", "deqing")
    plain, high = row_of(cmp, "invention-patents-per-10k"), row_of(cmp, "high-value-patents-per-10k")
    assert list(plain.cells) == ["haining-2023-2025"] and list(high.cells) == ["deqing-2021-2025"]
    assert plain.apart == ["high-value-patents-per-10k"] and high.apart == ["invention-patents-per-10k"]
    assert plain.cells["haining-2023-2025"].indicator.target.value == "52"
    out = run("compare", "haining", "deqing", "--shared", "--lang", "en", "--wide").stdout
    assert "≠ High-value invention patents held per 10,000 people" in out
    assert "≠ Invention patents held per 10,000 people" in out


def test_stated_rates_compare_where_no_baseline_exists(data):
    row = row_of(cmp_of(data, "haining", "deqing", "jiaxing-315"), "fiscal-st-spending")
    assert {pid: (c.pace, c.pace_basis) for pid, c in row.cells.items()} == {
        "haining-2023-2025": (15.0, "stated"),
        "deqing-2021-2025": (15.0, "stated"),
        "jiaxing-315": (18.0, "stated"),
    }
    assert (row.leader, row.basis) == ("jiaxing-315", "pace")


# --------------------------------------------------------------------------- successive plans of Jiaxing


def test_pace_from_one_jiaxing_plan_to_the_next(data):
    cmp = cmp_of(data, "jiaxing-2016-2020", "jiaxing-315")
    expected = {
        "rd-intensity": (0.0643, "pp"),  # (3.65 − 3.20)/7
        "high-tech-enterprises": (29.171, "percent"),  # (6000/1000)^(1/7) − 1: ln 6/7 = 0.255966
        "st-smes": (25.850, "percent"),  # 1.5万家 = 15000; (15000/3000)^(1/7) − 1: ln 5/7 = 0.229920
        "high-tech-industry-share": (3.2857, "pp"),  # (73 − 50)/7
    }
    got = {r.key: r.between for r in cmp.rows if r.between}
    assert set(got) == set(expected)
    for key, (pace, unit) in expected.items():
        (b,) = got[key]
        assert (b.earlier, b.later, b.from_year, b.to_year, b.unit) == (
            "jiaxing-2016-2020",
            "jiaxing-315",
            2020,
            2027,
            unit,
        )
        assert b.pace == pytest.approx(pace, abs=1e-3)
    smes = row_of(cmp, "st-smes").cells["jiaxing-315"]
    assert smes.factor == 1e4 and smes.show(smes.indicator.target.value) == "15000"
    # Jiaxing 2023–2027's 累计超1000亿元 is a sum over five years: a row of its own, next to the annual levels
    tech, total = row_of(cmp, "tech-transactions"), row_of(cmp, "tech-transactions-total")
    assert set(tech.cells) == {"jiaxing-2016-2020"} and set(total.cells) == {"jiaxing-315"}
    assert tech.apart == ["tech-transactions-total"] and total.apart == ["tech-transactions"]
    assert cmp.rows.index(total) == cmp.rows.index(tech) + 1


def test_annual_technology_transactions_compare(data):
    cmp = cmp_of(data, "jiaxing-2016-2020", "deqing", "jiaxing-315")
    row = row_of(cmp, "tech-transactions")
    assert row.comparable and row.note is None
    # Jiaxing (30/13.66)^(1/5) − 1: ln 2.196193 = 0.786720, /5 = 0.157344, e^ − 1 = 17.04% a year;
    # Deqing (25/12)^(1/5) − 1: ln 2.083333 = 0.733969, /5 = 0.146794, e^ − 1 = 15.81% a year
    assert {pid: round(c.pace, 2) for pid, c in row.cells.items() if c.pace is not None} == {
        "jiaxing-2016-2020": 17.04,
        "deqing-2021-2025": 15.81,
    }
    assert (row.leader, row.basis) == ("jiaxing-2016-2020", "pace")


def test_enterprise_rd_expenses_and_rd_expenditure_are_apart(data):
    # Jiaxing 2023–2027's 研发费用 (the financial accounts) and Deqing's R&D经费支出 (the R&D survey)
    cmp = cmp_of(data, "deqing", "jiaxing-315")
    survey, booked = row_of(cmp, "enterprise-rd-ratio"), row_of(cmp, "enterprise-rd-expense-ratio")
    assert set(survey.cells) == {"deqing-2021-2025"} and set(booked.cells) == {"jiaxing-315"}
    assert "enterprise-rd-expense-ratio" in survey.apart and booked.apart == ["enterprise-rd-ratio"]
    assert cmp.rows.index(booked) == cmp.rows.index(survey) + 1


# --------------------------------------------------------------------------- output


def test_table_fits_100_columns(run):
    for args in (["haining", "deqing"], ["jiaxing-2016-2020", "jiaxing-315"], ["deqing", "haining", "tongxiang"]):
        out = run("compare", *args).stdout
        assert (
            out
            and max(
                cell_len(line)
                for line in out.splitlines()
                if not line.startswith(("≠ marks", "Set by", "7 ind", "5 ind", "More", "Note:"))
            )
            <= 100
        )


def test_table_shows_the_figures(run):
    out = run("compare", "haining", "deqing", "--shared").stdout
    assert "2025: 3.86" in out and "2020: 3.34" in out and "0.23 pp/yr" in out
    assert "德清 (target level)" in out and "tie (pace)" in out
    assert (
        "7 indicators set by two or more plans (7 comparable, 0 not comparable, 1 tied); 海宁 more "
        "ambitious on 0; 德清 more ambitious on 3." in out.replace("\n", " ")
    )
    # totals of two counties (R&D spending, high-tech enterprises, provincial tech SMEs) get no
    # verdict by level: 60 亿元 against 40 亿元 says nothing about which county tries harder
    assert out.count("— (totals, no pace)") == 3
    assert "Note: the plans cover different periods (2021–2025, 2023–2025)" in out


def test_wide_keeps_names_whole(run):
    out = run("compare", "haining", "deqing", "--wide").stdout
    assert "全社会研究与试验发展经费支出占地区生产总值比重" in out


def test_json_matches_the_library(run, data):
    doc = json.loads(run("compare", "haining", "deqing", "--format", "json", "--data", str(ROOT / "data")).stdout)
    assert doc == cmp_of(data, "haining", "deqing").as_dict()
    row = next(r for r in doc["rows"] if r["key"] == "rd-intensity")
    assert row["plans"]["haining-2023-2025"]["target"]["value"] == "3.86"
    assert row["plans"]["deqing-2021-2025"]["pace"]["value"] == pytest.approx(0.232)
    assert (row["leader"], row["basis"]) == ("deqing-2021-2025", "level")


def test_csv_opens_in_excel_with_chinese_intact(run, tmp_path):
    out = tmp_path / "cmp.csv"
    assert run("compare", "haining", "deqing", "-f", "csv-wide", "-o", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    rd = next(r for r in rows if r["key"] == "rd-intensity")
    assert rd["indicator"] == "全社会研究与试验发展经费支出占地区生产总值比重"
    assert rd["haining-2023-2025 target"] == "3.86" and rd["deqing-2021-2025 baseline"] == "3.34"
    assert rd["deqing-2021-2025 pace"] == "0.232" and rd["more_ambitious"] == "deqing-2021-2025"


def test_csv_is_a_long_table_one_line_per_plan_on_a_row(run, tmp_path):
    out = tmp_path / "cmp.csv"  # the suffix picks the format
    assert run("compare", "haining", "deqing", "-o", str(out)).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    rd = [r for r in rows if r["row"] == "1"]
    assert [(r["plan"], r["key"], r["target_printed"], r["baseline_printed"]) for r in rd] == [
        ("haining-2023-2025", "rd-intensity", "3.86", ""),
        ("deqing-2021-2025", "rd-intensity", "4.5", "3.34"),
    ]
    # Deqing: (4.5 - 3.34) / 5 = 0.232 pp a year; Haining prints no baseline, so no pace
    assert [(r["pace"], r["pace_unit"], r["more_ambitious"], r["basis"]) for r in rd] == [
        ("", "", "false", "level"),
        ("0.232", "pp", "true", "level"),
    ]
    assert (rd[1]["source_document"], rd[1]["target_line"]) == ("003_43dd6aeb16659ef2.txt", "101")


def test_markdown_for_a_report(run):
    out = run("compare", "jiaxing-2016-2020", "jiaxing-315", "-f", "markdown", "--shared").stdout
    lines = out.splitlines()
    assert (
        lines[0]
        == "| indicator | unit | 嘉兴 2016–2020 | 嘉兴 2023–2027 | 嘉兴 2016–2020 → 嘉兴 2023–2027 | more ambitious |"
    )
    assert any(
        line.startswith(
            "| 高新技术企业数 | 家 | 2015: 567<br>2020: ≥1000<br>12.02%/yr | 2027: ≥6000 | 2020→2027: 29.17%/yr |"
        )
        for line in lines
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["nowhere", "deqing"], "no plan is named 'nowhere'"),
        (["jiaxing", "deqing"], "'jiaxing' names 2 plans"),
        (["deqing"], "compare needs two or more different plans"),
        (["deqing", "德清"], "compare needs two or more different plans"),
    ],
)
def test_compare_names_errors(run, args, message):
    result = run("compare", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_readme_counts_the_catalogue():
    entries = (ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8").count("\n  - key: ")
    assert f"a catalogue of {entries} canonical indicators" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_summary_counts_one_indicator_in_the_singular(run):
    # Tongxiang and Haining share one catalogue indicator; Haining and Deqing seven (above)
    out = run("compare", "tongxiang", "haining", "--format", "markdown").stdout
    assert out.splitlines()[-1].startswith("1 indicator set by two or more plans (1 comparable, ")


def test_long_plan_names_give_way_to_plan_ids_as_headers(run, write):
    def plan(pid: str, zh: str, en: str) -> str:
        return f"""\
  - id: {pid}
    title: {{zh: 规划}}
    region: {{zh: {zh}, en: {en}, level: zone}}
    issuer: 管委会
    period: {{first: 2021, last: 2025}}
    source: x.txt
    indicators:
      - {{id: rd, name: R&D经费占GDP比重, unit: "%", key: rd-intensity, target: {{year: 2025, value: 3, line: 1}}}}
"""

    path = write(
        "plans:\n"
        + plan("zone-a", "嘉兴秀洲国家高新技术产业开发区", "Xiuzhou National High-tech Industrial Development Zone")
        + plan("zone-b", "海宁", "Haining")
    )
    for lang in ("zh", "en"):
        out = run("compare", "zone-a", "zone-b", "--data", str(path), "--lang", lang, "-f", "markdown").stdout
        # 嘉兴秀洲国家高新技术产业开发 (the label drops 区) is 14 characters, 28 cells; the English
        # name 54 cells: more than a header's 24
        assert out.splitlines()[0] == "| indicator | unit | zone-a | zone-b | more ambitious |", lang
    short = run("compare", "haining", "deqing", "-f", "markdown").stdout.splitlines()[0]
    assert short == "| indicator | unit | 海宁 | 德清 | more ambitious |"

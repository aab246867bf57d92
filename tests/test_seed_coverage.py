"""Every figure in data/targets.yaml is printed on the line of the source document it cites."""

from __future__ import annotations

from pathlib import Path

import pytest

import plancheck
import plancheck.api
from plancheck.loader.lookup import find_plan
from plancheck.model.citations import check_line, figures

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


def _cases():
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    assert data.findings == []
    for plan in data.plans:
        for cited in figures(plan):
            document = cited.document or plan.source  # an outturn may cite another document
            lines = (SOURCES / document).read_text(encoding="utf-8").splitlines()
            yield pytest.param(lines, cited, id=f"{plan.id}:{cited.where}")


CASES = list(_cases())


def test_every_plan_cites_a_source_that_exists():
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    assert sorted(p.source for p in data.plans) == sorted(p.name for p in SOURCES.glob("*.txt"))


@pytest.mark.parametrize("lines, cited", CASES)
def test_figure_is_printed_on_its_line(lines, cited):
    # the same test as `plancheck validate --sources DIR` runs on a user's documents
    assert cited.line is not None and 1 <= cited.line <= len(lines)
    assert check_line(lines[cited.line - 1], cited) is None


def test_the_source_check_finds_nothing_in_the_bundled_data():
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    assert plancheck.api.check_sources(data, SOURCES) == []


@pytest.mark.parametrize(
    "plan_id", ["jiaxing-2016-2020", "tongxiang-2019", "haining-2023-2025", "deqing-2021-2025", "jiaxing-315"]
)
def test_indicator_names_are_printed_on_their_line(plan_id):
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    plan = find_plan(data.plans, plan_id)
    lines = (SOURCES / plan.source).read_text(encoding="utf-8").splitlines()
    named = [ind for ind in plan.indicators if ind.line is not None]
    assert named, "each plan names its indicators' lines"
    for ind in named:
        assert ind.name in lines[ind.line - 1], f"{ind.id}: {ind.name!r} not on line {ind.line}"


@pytest.mark.parametrize("plan_id", ["jiaxing-2016-2020", "tongxiang-2019", "deqing-2021-2025"])
def test_claims_are_printed_on_their_line(plan_id):
    """Each claim's subject, as printed, stands on the claim's line."""
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    plan = find_plan(data.plans, plan_id)
    lines = (SOURCES / plan.source).read_text(encoding="utf-8").splitlines()
    assert plan.claims
    for claim in plan.claims:
        assert claim.subject in lines[claim.line - 1], claim.id


def test_both_indicator_tables_are_complete():
    """Jiaxing 2016–2020 prints 11 rows with a stated growth; Deqing's 专栏1 prints 16 rows."""
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    jiaxing = find_plan(data.plans, "jiaxing-2016-2020")
    table = [i for i in jiaxing.indicators if i.line is not None and 34 <= i.line <= 77]
    assert len(table) == 11 and all(i.baseline and i.target and i.growth for i in table)
    deqing = find_plan(data.plans, "deqing-2021-2025")
    rows = [i for i in deqing.indicators if i.line is not None and 87 <= i.line <= 197]
    assert len(rows) == 16
    assert sum(1 for i in rows if i.baseline) == 15  # the last row prints no 2020 value


def test_readme_counts_match_the_data():
    data = plancheck.load([ROOT / "data" / "targets.yaml"])
    inds = [i for p in data.plans for i in p.indicators]
    counts = (
        len(inds),
        sum(i.target is not None for i in inds),
        sum(i.baseline is not None for i in inds),
        sum(i.growth is not None for i in inds),
        sum(len(i.restated) for i in inds),
        sum(len(p.claims) for p in data.plans),
    )
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    assert (
        f"{counts[0]} indicators, {counts[1]} of them with a target value, {counts[2]} with a baseline, "
        f"{counts[3]} with a stated annual growth, {counts[4]} places where a plan states the same target "
        f"again, and {counts[5]} numeric claims"
    ) in text

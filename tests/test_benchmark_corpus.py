"""The benchmark corpus (benchmarks/corpus.py): exactly the seeded errors, and the same bytes for the same seed.

benchmarks/run.py checks the same thing at every size it measures; this keeps the generator honest at
a size the test run can afford. No timings are asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.corpus import LAYOUTS, MANIFEST, Corpus, Seeded, generate, main, read_manifest

import plancheck

SIZE = 300


def _errors(corpus: Corpus) -> set[Seeded]:
    run = plancheck.verify(plancheck.load(corpus.data))
    root = corpus.root.resolve()
    return {
        Seeded(Path(f.file).resolve().relative_to(root).as_posix(), f.line, f.rule)
        for f in run.findings
        if f.level is plancheck.Level.ERROR
    }


def _contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_verify_finds_exactly_the_seeded_errors(tmp_path: Path, layout: str) -> None:
    corpus = generate(SIZE, layout, tmp_path / "corpus")
    rules = {s.rule for s in corpus.seeded}
    assert rules == {
        "growth-mismatch",
        "direction",
        "total-mismatch",
        "growth-unit",
        "unknown-key",
        "claim-mismatch",
    }
    assert _errors(corpus) == set(corpus.seeded)
    assert read_manifest(corpus.root) == corpus.seeded
    data = plancheck.load(corpus.data)
    assert sum(len(p.indicators) for p in data.plans) == SIZE
    assert len(data.plans) == corpus.plans
    if layout == "many":
        assert len(corpus.files) == corpus.plans > 1
        depths = {len(f.relative_to(corpus.root).parts) for f in corpus.files}
        assert depths == {2, 3, 4}  # a province's plans, a prefecture's, a county's
    else:
        assert [f.name for f in corpus.files] == ["plans.yaml"]


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    for layout in LAYOUTS:
        one = generate(SIZE, layout, tmp_path / f"{layout}-1", seed=7)
        two = generate(SIZE, layout, tmp_path / f"{layout}-2", seed=7)
        other = generate(SIZE, layout, tmp_path / f"{layout}-3", seed=8)
        assert _contents(one.root) == _contents(two.root)
        assert _contents(one.root) != _contents(other.root)


def test_both_layouts_hold_the_same_plans(tmp_path: Path) -> None:
    big = plancheck.load(generate(SIZE, "big", tmp_path / "big").data)
    many = plancheck.load(generate(SIZE, "many", tmp_path / "many").data)
    assert sorted(p.model_dump_json() for p in big.plans) == sorted(p.model_dump_json() for p in many.plans)


def test_the_command_line_writes_the_corpus_and_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus"
    assert main(["--indicators", "120", "--layout", "many", "--out", str(out)]) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["indicators"] == 120
    assert manifest["seeded"] and manifest["files"] == len(list(out.rglob("*.yaml")))
    assert "120 indicators" in capsys.readouterr().out
    assert main(["--indicators", "120", "--layout", "many", "--out", str(out)]) == 2  # not into a full directory

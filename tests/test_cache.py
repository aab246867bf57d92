"""The cache of files read before (loader/cache.py): a re-check reads again only what changed, and
gives byte for byte what a run without the cache gives, whatever state the cache is in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from plancheck.incremental import PREFIX
from plancheck.loader import reader
from plancheck.loader.cache import code_digest

from .conftest import BUNDLED, PLAN_HEAD, indicator_yaml

# Jiaxing-style row: 100 → 161.05 over 5 years is 10 % a year (1.1^5 = 1.61051); 8 % is stated.
WRONG = """\
id: local-x
name: 本地指标
unit: 亿元
local: true
baseline: {year: 2020, value: 100, line: 1}
target: {year: 2025, value: 161.05, line: 2}
growth: {value: 8, unit: percent, line: 3}
"""
RIGHT = WRONG.replace("value: 8,", "value: 10,")


@pytest.fixture
def cache(monkeypatch, tmp_path):
    """The cache on, in a directory of its own."""
    root = tmp_path / "cache"
    monkeypatch.delenv("PLANCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(root))
    return root


@pytest.fixture
def repo(tmp_path):
    """A data directory: the bundled plans, and three small plan files of one indicator each."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(BUNDLED, data / "targets.yaml")
    for n in range(3):
        text = indicator_yaml(RIGHT).replace("id: test-plan", f"id: plan-{n}")
        (data / f"p{n}.yaml").write_text(text, encoding="utf-8")
    return data


@pytest.fixture
def reads(monkeypatch):
    """The names of the files parsed (not taken from the cache) in this test."""
    names: list[str] = []
    real = reader.load_file

    def counted(raw, name, into=None):
        names.append(Path(name).name)
        return real(raw, name, into)

    monkeypatch.setattr(reader, "load_file", counted)
    return names


def entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / code_digest()).iterdir() if not p.name.startswith((".", PREFIX)))


def test_a_recheck_after_an_edit_reads_only_that_file_and_equals_a_cold_run(run, cache, repo, reads, monkeypatch):
    monkeypatch.chdir(repo.parent)
    first = run("verify", "--data", "data", "--format", "json")
    assert first.exit_code == 1  # the bundled plans hold an error on purpose
    assert sorted(reads) == ["p0.yaml", "p1.yaml", "p2.yaml", "targets.yaml"]
    assert len(entries(cache)) == 4
    reads.clear()
    (repo / "p1.yaml").write_text(indicator_yaml(WRONG).replace("id: test-plan", "id: plan-1"), encoding="utf-8")
    warm = run("verify", "--data", "data", "--format", "json")
    assert reads == ["p1.yaml"]  # the other three came from the cache
    reads.clear()
    cold = run("verify", "--data", "data", "--format", "json", "--no-cache")
    assert reads == ["p0.yaml", "p1.yaml", "p2.yaml", "targets.yaml"]
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stdout == cold.stdout
    # the edited file's finding, at its growth's value (line 15: the plan's 8 lines, then the row's
    # seventh; column 25, after 8 spaces and "growth: {value: "): 100 → 161.05 is 10 % a year, not 8
    mine = [f for f in json.loads(warm.stdout)["findings"] if f["file"] == "data/p1.yaml"]
    assert [(f["line"], f["column"], f["rule"]) for f in mine] == [(15, 25, "growth-mismatch")]
    assert not [f for f in json.loads(first.stdout)["findings"] if f["file"] == "data/p1.yaml"]
    for fmt in ("plain", "github", "sarif"):
        reads.clear()
        again = run("verify", "--data", "data", "--format", fmt)
        assert reads == []
        assert again.stdout == run("verify", "--data", "data", "--format", fmt, "--no-cache").stdout


def test_validate_list_show_and_compare_use_it_and_agree(run, cache, repo, reads, monkeypatch):
    monkeypatch.chdir(repo.parent)
    for args in (
        ("validate", "data", "--format", "plain"),
        ("list", "--data", "data", "--format", "json"),
        ("show", "jiaxing-2016-2020", "--data", "data", "--format", "json"),
        ("compare", "haining", "deqing", "--data", "data", "--format", "csv"),
    ):
        cold = run(*args, "--no-cache")
        run(*args)
        reads.clear()
        warm = run(*args)
        assert reads == [], args
        assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout), args


def test_a_corrupt_entry_is_ignored_and_written_again(run, cache, repo, reads, monkeypatch):
    monkeypatch.chdir(repo.parent)
    cold = run("verify", "--data", "data", "--format", "plain", "--no-cache")
    run("verify", "--data", "data", "--format", "plain")
    damaged = entries(cache)
    damaged[0].write_bytes(b"not a pickle")
    damaged[1].write_bytes(damaged[1].read_bytes()[:100])  # cut short, as by a full disk
    damaged[2].write_bytes(damaged[3].read_bytes())  # a whole entry, but another file's
    reads.clear()
    warm = run("verify", "--data", "data", "--format", "plain")
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)
    assert len(reads) == 3  # the three damaged entries; the fourth was used
    reads.clear()
    run("verify", "--data", "data", "--format", "plain")
    assert reads == []  # written again


def test_the_bundled_data_is_checked_when_the_cache_cannot_be_written(run, monkeypatch, tmp_path, reads):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.delenv("PLANCHECK_NO_CACHE", raising=False)
    monkeypatch.delenv("PLANCHECK_DATA")  # the bundled data as installed
    monkeypatch.setenv("PLANCHECK_CACHE_DIR", str(blocker / "cache"))  # cannot be made
    warm = run("verify", "--format", "plain")
    cold = run("verify", "--format", "plain", "--no-cache")
    assert warm.exit_code == cold.exit_code
    assert warm.stdout == cold.stdout and warm.stdout.count("\n") > 10
    assert "Traceback" not in warm.output


def test_a_cache_others_can_write_to_is_not_read(run, cache, repo, reads, monkeypatch):
    monkeypatch.chdir(repo.parent)
    run("validate", "data")
    os.chmod(cache / code_digest(), 0o777)
    reads.clear()
    run("validate", "data")
    assert len(reads) == 4


def test_no_cache_and_the_environment_turn_it_off(run, cache, repo, monkeypatch):
    monkeypatch.chdir(repo.parent)
    run("validate", "data", "--no-cache")
    assert not cache.exists()
    monkeypatch.setenv("PLANCHECK_NO_CACHE", "1")
    run("validate", "data")
    assert not cache.exists()


def test_files_with_the_same_bytes_under_other_names_keep_their_own_names(run, cache, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "d"
    data.mkdir()
    text = indicator_yaml(WRONG)
    (data / "a.yaml").write_text(text, encoding="utf-8")
    (data / "b.yaml").write_text(text.replace("test-plan", "other-plan"), encoding="utf-8")
    run("verify", "--data", "d", "--format", "plain")
    (data / "b.yaml").write_text(text, encoding="utf-8")  # now the same bytes as a.yaml
    warm = run("verify", "--data", "d", "--format", "plain")
    cold = run("verify", "--data", "d", "--format", "plain", "--no-cache")
    assert warm.stdout == cold.stdout
    assert "d/a.yaml:" in warm.stdout and "d/b.yaml:" in warm.stdout


def test_a_catalogue_files_part_whole_identities_come_from_the_cache_too(run, cache, tmp_path, reads, monkeypatch):
    data = tmp_path / "parts"
    data.mkdir()
    (data / "catalogue.yaml").write_text(
        "catalogue:\n"
        "  - {key: whole, en: Whole, zh: 总数, unit: 家, kind: level, additive: true}\n"
        "  - {key: part, en: Part, zh: 部分, unit: 家, kind: level, additive: true}\n"
        "part_whole:\n  - {id: whole-parts, whole: whole, parts: [part]}\n",
        encoding="utf-8",
    )
    rows = (
        "      - {id: w, name: 总数, unit: 家, key: whole, target: {year: 2025, value: 10, line: 1}}\n"
        "      - {id: p, name: 部分, unit: 家, key: part, target: {year: 2025, value: 11, line: 2}}\n"
    )
    (data / "plan.yaml").write_text(PLAN_HEAD + rows, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cold = run("verify", "--data", "parts", "-f", "plain")
    assert sorted(reads) == ["catalogue.yaml", "plan.yaml"]
    reads.clear()
    warm = run("verify", "--data", "parts", "-f", "plain")
    assert reads == []  # both from the cache
    # 11 of 10: the part is more than its whole
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stdout == cold.stdout and "[identity-parts-exceed]" in warm.stdout


def test_old_entries_and_old_versions_are_removed_when_a_run_writes(run, cache, repo):
    from plancheck.loader.cache import KEEP_DAYS, KEEP_VERSIONS, Cache

    assert run("verify", "--data", str(repo)).exit_code == 1  # the bundled Jiaxing error
    kept = entries(cache)
    assert len(kept) == 4  # a file each
    month = (KEEP_DAYS + 1) * 86400
    stale = cache / code_digest() / ("0" * 64)  # the entry of a file that is no longer read
    stale.write_bytes(b"old")
    used = kept[1]
    for path in (stale, used):
        old = path.stat().st_mtime - month
        os.utime(path, (old, old))
    Cache(cache).get(used.name)  # read: that marks it used (the run below reads it too)
    # other versions' directories: six used in turn over the last hours, one not for a month
    for n in range(7):
        d = cache / f"version-{n}"
        d.mkdir(mode=0o700)
        (d / "entry").write_bytes(b"x")
        when = os.stat(d).st_mtime - (month if n == 0 else 3600 * (7 - n))
        os.utime(d, (when, when))
    (repo / "p0.yaml").write_text((repo / "p0.yaml").read_text() + "# edited\n", encoding="utf-8")
    assert run("verify", "--data", str(repo)).exit_code == 1  # writes the edited file's entry, and prunes
    assert not stale.exists() and used.exists()
    left = sorted(d.name for d in cache.iterdir() if d.name.startswith("version-"))
    assert left == [f"version-{n}" for n in range(7 - KEEP_VERSIONS, 7)]  # the four used last
    assert (cache / code_digest()).is_dir()


def test_a_run_that_writes_nothing_removes_nothing(run, cache, repo):
    from plancheck.loader.cache import KEEP_DAYS

    assert run("verify", "--data", str(repo)).exit_code == 1
    old = entries(cache)[0]
    when = old.stat().st_mtime - (KEEP_DAYS + 1) * 86400
    os.utime(old, (when, when))
    other = cache / "version-x"
    other.mkdir(mode=0o700)
    os.utime(other, (when, when))
    assert run("verify", "--data", str(repo)).exit_code == 1  # every file from the cache
    assert other.is_dir()  # nothing written, nothing pruned (the old entry was read: marked used)
    assert old.exists() and old.stat().st_mtime > when

"""Reading many files in several processes gives what one process gives, cache or not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.corpus import generate

import plancheck
from plancheck.loader.cache import Cache
from plancheck.loader.reader import jobs_for


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(600, "many", tmp_path_factory.mktemp("many") / "corpus").data


def _seen(data: plancheck.Dataset) -> tuple[object, ...]:
    return (
        data.files,
        [p.model_dump() for p in data.plans],
        [f.as_dict() for f in data.findings],
        [(e.key, e.en) for e in data.catalogue.entries.values()],
    )


def test_two_processes_read_what_one_reads(corpus: Path) -> None:
    one = plancheck.load(corpus, jobs=1)
    assert len(one.files) > 10 and one.plans
    two = plancheck.load(corpus, jobs=2)
    assert _seen(two) == _seen(one)
    # the positions came back with the plans: findings point at the same lines
    run = plancheck.verify(two)
    assert [(f.file, f.line, f.rule) for f in run.findings] == [
        (f.file, f.line, f.rule) for f in plancheck.verify(one).findings
    ]


def test_files_read_in_processes_fill_the_cache(corpus: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    cold = plancheck.load(corpus, cache=cache, jobs=2)
    assert len(list((tmp_path / "cache").rglob("*"))) >= len(cold.files)  # an entry a file
    warm = plancheck.load(corpus, cache=Cache(tmp_path / "cache"), jobs=2)
    assert _seen(warm) == _seen(cold)


def test_the_command_line_prints_the_same_with_any_number_of_processes(corpus: Path) -> None:
    def verify(jobs: str) -> str:
        env = {**os.environ, "PLANCHECK_JOBS": jobs, "PLANCHECK_NO_CACHE": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "plancheck", "verify", "--data", str(corpus), "-f", "plain"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 1, done.stderr  # the seeded errors
        return done.stdout

    assert verify("2") == verify("1")


def test_how_many_processes():
    assert jobs_for(env={}) == 1  # one unless told: on 2 cores two processes did not pay
    assert jobs_for(env={"PLANCHECK_JOBS": "4"}) == 4
    assert jobs_for(env={"PLANCHECK_JOBS": "many"}) == jobs_for(env={"PLANCHECK_JOBS": "0"}) == 1  # not a count

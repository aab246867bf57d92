from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plancheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "targets.yaml"

# A minimal valid plan; tests append indicators or break fields.
PLAN_HEAD = """\
plans:
  - id: test-plan
    title: {zh: 测试规划}
    region: {zh: 测试市, en: Testcity, level: prefecture}
    issuer: 测试市人民政府
    period: {first: 2021, last: 2025}
    source: test.txt
    indicators:
"""


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch):
    """Pinned width, no colour, the repository's data file as the default data, and no cache.

    After a non-editable install the packaged copy of the data lives in site-packages; pointing
    PLANCHECK_DATA at the repository's copy keeps file names in output stable (data/targets.yaml).
    test_the_installed_console_script_runs checks the packaged copy itself.
    """
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PLANCHECK_DATA", str(BUNDLED))
    monkeypatch.setenv("PLANCHECK_NO_CACHE", "1")  # tests/test_cache.py turns it on, in a directory of its own
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(ROOT)


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None):
        return runner.invoke(app, list(args), env=env, input=input)

    return invoke


@pytest.fixture
def write(tmp_path):
    """Write a YAML file from a dedented string and return its path."""

    def _write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


def indicator_yaml(body: str) -> str:
    """PLAN_HEAD plus one indicator given as its fields (dedented, indented into place)."""
    lines = textwrap.dedent(body).strip("\n").splitlines()
    out = ["      - " + lines[0]] + ["        " + line for line in lines[1:]]
    return PLAN_HEAD + "\n".join(out) + "\n"

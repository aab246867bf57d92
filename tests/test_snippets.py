"""Every command and configuration snippet of the README, run as written: the shell lines, the
configuration, the plan fragments, the GitHub workflow and the pre-commit hooks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from plancheck.loader.config import read_config
from plancheck.render.scaffold import PRE_COMMIT, WORKFLOW
from tests.conftest import BUNDLED, PLAN_HEAD, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [(m.group(1), m.group(2)) for m in re.finditer(r"```(\w*)\n(.*?)```", README, re.S)]
BIN = Path(sys.executable).parent


def blocks(language: str, having: str = "") -> list[str]:
    return [text for lang, text in BLOCKS if lang == language and having in text]


def shell(command: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    environment.pop("PLANCHECK_DATA", None)
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=environment, check=False
    )


def test_every_block_is_one_this_test_knows():
    known = {"sh", "toml", "yaml", "python"}
    assert {lang for lang, _ in BLOCKS} <= known
    assert len(BLOCKS) == 12  # a new block needs a test here (the pandas one: tests/test_tidy.py)


def test_the_shell_lines_run_as_written(tmp_path):
    (script,) = blocks("sh")
    done = shell(script, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "plans-repo" / "plancheck.toml").is_file()


def test_the_configuration_snippet_is_a_valid_configuration(tmp_path, run, monkeypatch):
    (text,) = blocks("toml")
    path = tmp_path / "plancheck.toml"
    path.write_text(text, encoding="utf-8")
    config = read_config(path)
    assert config.ignore == ["base-year"] and config.per_file_ignores == {"plans/archive/*.yaml": ["restated"]}
    monkeypatch.delenv("PLANCHECK_DATA")
    monkeypatch.chdir(tmp_path)
    assert run("config").exit_code == 0


def _plan_with(fragment: str) -> str:
    """A fragment of a plan (indented as in a plan file) in a whole plan file."""
    body = textwrap.dedent(fragment)
    if body.startswith("claims:"):
        filler = (
            "      - {id: filler, name: 其他, unit: 家, category: other, target: {year: 2025, value: 1, line: 1}}\n"
        )
        return PLAN_HEAD + filler + textwrap.indent(body, "    ")
    return PLAN_HEAD + textwrap.indent(body, "      ")


@pytest.mark.parametrize("having", ["claims:", "accepted:"])
def test_the_plan_fragments_are_valid_and_do_what_the_text_says(tmp_path, run, having):
    (fragment,) = blocks("yaml", having)
    path = tmp_path / "plan.yaml"
    path.write_text(_plan_with(fragment), encoding="utf-8")
    result = run("verify", "--data", str(path), "--format", "plain")
    assert result.exit_code == 0, result.stdout
    if having == "accepted:":
        (line,) = [x for x in result.stdout.splitlines() if "[growth-mismatch]" in x]
        assert ": accepted [growth-mismatch]" in line
    else:  # 3.34 − 0.62: 2.72% in 2015, as the text says
        assert "imply 2.72% (2.71 to 2.73 within rounding) in 2015" in result.stdout


def test_the_data_format_example_validates(tmp_path, run):
    (text,) = blocks("yaml", "plans:\n  - id: deqing")
    path = tmp_path / "deqing.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path), "--format", "plain")
    assert (result.exit_code, result.stdout) == (0, "")


def test_the_outturn_file_example_validates_with_the_plan_it_names(tmp_path, run):
    (text,) = blocks("yaml", "outturns:\n  - plan:")
    path = tmp_path / "bulletin-2020.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(BUNDLED), str(path), "--format", "plain")
    assert (result.exit_code, result.stdout) == (0, "")


def test_the_modeline_is_the_one_plan_files_carry():
    (text,) = blocks("yaml", "yaml-language-server")
    assert BUNDLED.read_text(encoding="utf-8").startswith(text)


def test_the_workflow_is_the_one_init_writes_and_its_check_step_runs(tmp_path, run, monkeypatch):
    (text,) = blocks("yaml", "jobs:")
    assert text == WORKFLOW
    steps = yaml.safe_load(text)["jobs"]["plancheck"]["steps"]
    commands = [s["run"] for s in steps if "run" in s]
    assert commands == ['pip install "${{ vars.PLANCHECK }}"', "plancheck verify"]
    monkeypatch.delenv("PLANCHECK_DATA")
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    (tmp_path / "plans" / "seeds.yaml").write_bytes(BUNDLED.read_bytes())
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    done = shell(commands[1], tmp_path, env)
    assert done.returncode == 1  # the bundled Jiaxing row: one error, annotated
    assert done.stdout.startswith("::error file=plans/seeds.yaml,line=32,col=25,title=plancheck growth-mismatch::")
    assert summary.read_text(encoding="utf-8").startswith("### plancheck verify")


def test_the_sarif_steps_write_what_code_scanning_uploads(tmp_path, monkeypatch, run):
    (text,) = blocks("yaml", "upload-sarif")
    steps = yaml.safe_load(textwrap.dedent(text))
    assert steps[1]["uses"] == "github/codeql-action/upload-sarif@v3" and steps[1]["if"] == "always()"
    monkeypatch.delenv("PLANCHECK_DATA")
    monkeypatch.chdir(tmp_path)
    run("init")
    done = shell(steps[0]["run"], tmp_path)
    assert done.returncode == 0
    assert (tmp_path / steps[1]["with"]["sarif_file"]).read_text(encoding="utf-8").startswith('{\n  "$schema"')


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.org", "-c", "user.name=ci", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _repository(tmp_path: Path, run) -> Path:
    """A repository made by init, committed, then a plan broken and two configuration files changed."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    os.chdir(repo)
    assert run("init").exit_code == 0
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "init")
    plan = repo / "plans" / "example.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("value: 0.1, unit: pp", "value: 0.2, unit: pp"), encoding="utf-8"
    )
    for name in (".pre-commit-config.yaml", ".github/workflows/plans.yml"):
        with (repo / name).open("a", encoding="utf-8") as fh:
            fh.write("# changed\n")
    _git(repo, "add", "-A")
    return repo


pre_commit = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pre_commit
def test_the_local_hook_runs_on_changed_plan_files_only(tmp_path, run, monkeypatch):
    (text,) = blocks("yaml", "repos:")
    assert text == PRE_COMMIT
    pytest.importorskip("pre_commit", reason="pre-commit comes with the test extra")
    monkeypatch.delenv("PLANCHECK_DATA")
    repo = _repository(tmp_path, run)
    done = shell(
        f"{sys.executable} -m pre_commit run --files plans/example.yaml .pre-commit-config.yaml "
        ".github/workflows/plans.yml",
        repo,
        {"PRE_COMMIT_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "plans/example.yaml:23:25: error [growth-mismatch]" in done.stdout
    assert "1 error, 0 warnings, 0 infos in 1 file" in done.stdout


@pytest.mark.slow
@pre_commit
def test_this_repositorys_hook_with_try_repo(tmp_path, run, monkeypatch):
    # pre-commit installs plancheck from a clone into an environment of its own (from PyPI): slow.
    pytest.importorskip("pre_commit", reason="pre-commit comes with the test extra")
    monkeypatch.delenv("PLANCHECK_DATA")
    clone = tmp_path / "plancheck"
    shutil.copytree(
        ROOT,
        clone,
        ignore=shutil.ignore_patterns(
            ".git", ".ci-venv", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", "build", "dist"
        ),
    )
    # A repository of its own: a copied .git (in a worktree, a file naming the real one) would commit there.
    _git(clone, "init", "-q")
    subprocess.run(["git", "add", "-A"], cwd=clone, check=True, capture_output=True)
    _git(clone, "commit", "-qm", "the working tree", "--allow-empty")
    repo = _repository(tmp_path, run)
    done = shell(
        f"{sys.executable} -m pre_commit try-repo {clone} plancheck --files plans/example.yaml "
        ".pre-commit-config.yaml .github/workflows/plans.yml",
        repo,
        {"PRE_COMMIT_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "plans/example.yaml:23:25: error [growth-mismatch]" in done.stdout
    assert "in 1 file" in done.stdout  # not the two configuration files

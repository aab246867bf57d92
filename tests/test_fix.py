"""`plancheck validate --fix` and `--diff`: the mechanical repairs, made in the file, nothing else.

The generator test types every slip the messages describe into a clean file, in every combination,
and asserts that --fix gives back the clean file byte for byte; the hostile corpus is repaired
where a repair applies and left alone elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plancheck
from plancheck.cli import main
from plancheck.loader.fixes import fix_bytes
from tests.conftest import PLAN_HEAD

CLEAN = (
    PLAN_HEAD
    + """\
      - id: firms
        name: 高新技术企业数   # 家
        unit: 家
        line: 3
        baseline: {year: 2020, value: 1200, line: 4}
        target: {year: 2025, value: 2000, qualifier: at_least, line: 5}
        growth: {value: "11", unit: "percent", line: 6}
      - id: rd
        name: 研发经费占比
        unit: "%"
        line: 7
        baseline:
          year: 2020
          value: 2.5
          line: 8
        target:
          year: 2025
          value: 3.0   # 左右
          qualifier: about
          line: 9
        growth: {value: 0.1, unit: pp, qualifier: at_least, line: 10}
"""
)

SLIPS = {  # what a person types by mistake: (the clean text, the slip)
    "thousands in { }": ("value: 1200, line: 4", "value: 1,200, line: 4"),
    "qualifier in a flow value": ("value: 2000, qualifier: at_least, line: 5", "value: 2000以上, line: 5"),
    "percent sign": ('value: "11", unit', 'value: "11%", unit'),
    "unit as printed": ('unit: "percent", line: 6', 'unit: "%", line: 6'),
    "full-width digits": ("value: 2.5\n", "value: ２.５\n"),
    "qualifier in a block value": (
        "value: 3.0   # 左右\n          qualifier: about\n",
        "value: 3.0左右   # 左右\n",
    ),
    "qualifier as printed": ("qualifier: at_least, line: 10", "qualifier: 以上, line: 10"),
    "full-width colon": ("    issuer: 测试市人民政府", "    issuer：测试市人民政府"),
    "full-width comma": ("{first: 2021, last: 2025}", "{first: 2021， last: 2025}"),
    "ideographic space in the indentation": ("\n        unit: 家", "\n\u3000       unit: 家"),
    "ideographic space after the dash": ("      - id: rd", "      -\u3000id: rd"),
}


def _slipped(names: list[str]) -> str:
    text = CLEAN
    for name in names:
        clean, slip = SLIPS[name]
        assert text.count(clean) == 1, name
        text = text.replace(clean, slip)
    return text


def test_the_clean_file_is_clean(tmp_path):
    (tmp_path / "plan.yaml").write_text(CLEAN, encoding="utf-8")
    assert plancheck.load(tmp_path / "plan.yaml").findings == []
    result = fix_bytes(CLEAN.encode(), "plan.yaml")
    assert not result.changed and result.fixed == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(SLIPS)), unique=True, min_size=1))
def test_fix_gives_back_the_clean_file_whatever_the_slips(names):
    result = fix_bytes(_slipped(names).encode(), "plan.yaml")
    assert result.after.decode() == CLEAN
    assert len(result.fixed) == len(names)  # one finding a slip, each repaired
    assert not fix_bytes(result.after, "plan.yaml").changed  # and nothing left to repair


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_each_slip_is_one_finding_that_names_its_fix(tmp_path, name, capsys):
    path = tmp_path / "plan.yaml"
    path.write_text(_slipped([name]), encoding="utf-8")
    assert main(["validate", str(path), "-f", "plain"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1, lines


def test_diff_shows_the_repairs_and_changes_nothing(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    text = _slipped(["qualifier in a block value", "percent sign"])
    path.write_text(text, encoding="utf-8")
    assert main(["validate", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    name = str(path)
    assert out == (
        f"--- a/{name}\n+++ b/{name}\n"
        "@@ -12,7 +12,7 @@\n"
        "         line: 3\n"
        "         baseline: {year: 2020, value: 1200, line: 4}\n"
        "         target: {year: 2025, value: 2000, qualifier: at_least, line: 5}\n"
        '-        growth: {value: "11%", unit: "percent", line: 6}\n'
        '+        growth: {value: "11", unit: "percent", line: 6}\n'
        "       - id: rd\n"
        "         name: 研发经费占比\n"
        '         unit: "%"\n'
        "@@ -23,6 +23,7 @@\n"  # line 26 is the value: three lines of context before, two after (the end)
        "           line: 8\n"
        "         target:\n"
        "           year: 2025\n"
        "-          value: 3.0左右   # 左右\n"
        "+          value: 3.0   # 左右\n"
        "+          qualifier: about\n"
        "           line: 9\n"
        "         growth: {value: 0.1, unit: pp, qualifier: at_least, line: 10}\n"
    )
    assert path.read_text(encoding="utf-8") == text
    assert not (tmp_path / "plan.yaml.orig").exists()
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["validate", "--diff", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_fix_rewrites_in_place_keeps_the_original_and_reports_what_is_left(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    text = _slipped(["full-width colon", "qualifier as printed"]).replace("id: firms", "id: Firms")
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o640)
    assert main(["validate", "--fix", str(path), "-f", "plain"]) == 1  # the id needs a person
    out, err = capsys.readouterr()
    assert err.splitlines()[0] == f"plancheck: {path}: 2 problem(s) repaired (the original is {path}.orig)"
    assert out.splitlines() == [
        f"{path}:9:13: error [invalid-value] id: 'Firms' is not a valid id (lower-case ASCII letters, digits and '-')"
    ]
    assert path.read_text(encoding="utf-8") == CLEAN.replace("id: firms", "id: Firms")
    assert (tmp_path / "plan.yaml.orig").read_text(encoding="utf-8") == text
    assert os.stat(path).st_mode & 0o777 == 0o640
    # Once more: nothing to repair, so nothing is written, and the backup stays the first original.
    assert main(["validate", "--fix", str(path), "-f", "plain"]) == 1
    assert capsys.readouterr().err.startswith("1 error")
    assert (tmp_path / "plan.yaml.orig").read_text(encoding="utf-8") == text


def test_fix_never_overwrites_a_backup(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    path.write_text(_slipped(["percent sign"]), encoding="utf-8")
    (tmp_path / "plan.yaml.orig").write_text("an older copy\n", encoding="utf-8")
    assert main(["validate", "--fix", str(path)]) == 2
    err = capsys.readouterr().err
    assert "plan.yaml.orig exists" in err and "remove" in err and "--no-backup" in err
    assert (tmp_path / "plan.yaml.orig").read_text(encoding="utf-8") == "an older copy\n"
    assert path.read_text(encoding="utf-8") == _slipped(["percent sign"])
    assert main(["validate", "--fix", "--no-backup", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == CLEAN


def test_fix_through_a_link_repairs_the_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text(_slipped(["full-width comma"]), encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert main(["validate", "--fix", "--no-backup", str(link)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == CLEAN


def test_fix_of_standard_input_writes_the_repaired_file_to_standard_output(capsys, monkeypatch):
    import io
    import sys

    raw = _slipped(["full-width digits"]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["validate", "--fix", "-"]) == 0
    assert capsys.readouterr().out == CLEAN


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--fix", "--diff", "x.yaml"], "--fix and --diff exclude each other"),
        (["--fix"], "--fix needs the files to repair"),
        (["--diff", "missing.yaml"], "missing.yaml"),
    ],
)
def test_fix_usage_errors(args, said, capsys):
    assert main(["validate", *args]) == 2
    assert said in capsys.readouterr().err


def test_a_gb18030_file_is_converted_to_utf8(tmp_path, capsys):
    path = tmp_path / "plan.yaml"
    path.write_bytes(CLEAN.encode("gb18030"))
    assert main(["validate", "--fix", str(path)]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        f"plancheck: {path}: converted from GB18030 to UTF-8 (the original is {path}.orig)"
    )
    assert path.read_bytes() == CLEAN.encode("utf-8")
    assert (tmp_path / "plan.yaml.orig").read_bytes() == CLEAN.encode("gb18030")


HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.yaml"))


@pytest.mark.parametrize("path", HOSTILE, ids=[p.name for p in HOSTILE])
def test_the_hostile_corpus_is_repaired_only_where_a_repair_applies(path):
    raw = path.read_bytes()
    result = fix_bytes(raw, path.name)
    before = plancheck.load(path).findings
    if not result.changed:
        assert not any(f.fix for f in before), "a finding with a fix was not repaired"
        return
    # Every line the repairs did not touch is byte for byte the same (no repair inserts lines here).
    old_lines, new_lines = result.before_text.split("\n"), result.after.decode().split("\n")
    assert len(old_lines) == len(new_lines)
    touched = {f.line for f in result.fixed}
    for number, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), 1):
        if number not in touched and not result.converted:
            assert old == new, number
    # What is left is what was there minus what was repaired, and repairing again changes nothing.
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        fixed = Path(folder) / path.name
        fixed.write_bytes(result.after)
        after = plancheck.load(fixed).findings
    said = {(f.rule, f.message) for f in after}
    if result.converted:  # the file could not be read before: now it is, and it is UTF-8
        assert not any(f.rule == "encoding" for f in after)
    else:
        assert said <= {(f.rule, f.message) for f in before} - {(f.rule, f.message) for f in result.fixed}
    assert not any(f.fix for f in after)
    assert not fix_bytes(result.after, path.name).changed

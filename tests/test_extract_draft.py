"""plancheck extract: a plan's text to a draft plan file that validates and verifies at once, and
extract --check, the completeness audit of a plan file against its text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import plancheck
from plancheck.loader.lookup import find_plan

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "extract" / "small_plan.txt"
DATA = plancheck.load([ROOT / "data" / "targets.yaml"])

SMALL_DRAFT = """\
# A draft written by plancheck extract from small_plan.txt: every figure with
# the line of the source it is printed on. Review it against the source before use: check each
# entry's name, unit and year, give the catalogue key: where one fits, and place or delete what
# is commented out (numbers that could not be placed). Then: plancheck validate; plancheck verify.
# Taken from the text, to check: title from line 1; region from the title (line 1); level from the region's name (某县); period from the title; issuer from line 1.
plans:
  - id: mou-2021-2025
    title: {zh: 某县科技创新“十四五”规划}
    region: {zh: 某县, en: Mou, level: county}
    issuer: 某县人民政府
    period: {first: 2021, last: 2025}
    source: small_plan.txt
    indicators:
      - id: t1-line-8
        name: R&D经费支出占GDP比重
        unit: "%"
        line: 8
        baseline: {year: 2020, value: 2.5, line: 8}
        target: {year: 2025, value: 3.5, line: 8}
        growth: {value: 0.2, unit: pp, line: 8}
        restated:
          - {value: 3.5, year: 2025, line: 5}
      - id: t1-line-9
        name: 高新技术企业数
        unit: 家
        line: 9
        baseline: {year: 2020, value: 300, line: 9}
        target: {year: 2025, value: 500, qualifier: at_least, printed: "500以上", line: 9}
        growth: {value: 10.8, unit: percent, line: 9}
        restated:
          - {value: 500, qualifier: at_least, year: 2025, printed: "500家以上", line: 5}
      # - line 10: 技术交易额 | 10 | — | —
      #   not placed: a row without a target, a stated growth or a text target
      # no year is printed: 2025 (the plan's last year) is assumed
      - id: line-12
        name: 规上工业企业研发机构
        unit: "%"
        line: 12
        target: {year: 2025, value: 100, printed: 全覆盖, line: 12}
      # no year is printed: 2025 (the plan's last year) is assumed
      - id: line-12-2
        name: 新建众创空间
        unit: 个
        line: 12
        target: {year: 2025, value: 3, kind: increment, line: 12}
      # - line 13: 持续推动创新谷(2030科创中心)建设
      #   not placed: 2030: a number without a unit inside words
    claims:
      # no years are printed: the previous period, 2015 to 2020, is assumed
      - id: claim-line-3
        subject: 全县累计新增高新技术企业
        unit: 家
        line: 3
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: 120, unit: absolute, line: 3}
      - id: claim-line-12
        subject: 技术交易额
        unit: 亿元
        line: 12
        start: {year: 2020, value: 10, line: 12}
        end: {year: 2025, value: 20, line: 12}
"""

SMALL_SUMMARY = """\
small_plan.txt: 2 table row(s) from 1 table(s), 2 target(s) and 2 claim(s) from the prose; 2 left commented out
  small_plan.txt:10: not placed: 技术交易额 | 10 | — | — (a row without a target, a stated growth or a text target)
  small_plan.txt:13: not placed: 持续推动创新谷(2030科创中心)建设 (2030: a number without a unit inside words)
  title taken from line 1: check it
  region taken from the title (line 1): check it
  level taken from the region's name (某县): check it
  period taken from the title: check it
  issuer taken from line 1: check it
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    return Path(shutil.copy(SMALL, folder / "small_plan.txt"))


def test_a_small_text_gives_a_draft_that_validates_and_verifies(run, small):
    out = small.with_name("draft.yaml")
    result = run("extract", str(small), "-o", str(out), "--region-en", "Mou")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == SMALL_DRAFT
    assert result.stderr == SMALL_SUMMARY.replace("small_plan.txt", str(small))
    assert run("validate", str(out), "--format", "plain").stdout == ""
    verify = run("verify", str(out), "--format", "plain")
    assert verify.exit_code == 0
    # 300 → 500 over 2020–2025 is (500/300)^(1/5) − 1 = 10.76%, within 10.8's [10.75, 10.85): consistent
    # (3.5 − 2.5)/5 = 0.2 pp a year: consistent; 10 → 20 over five years is 2^(1/5) − 1 = 14.87% a year
    change = SMALL_DRAFT.splitlines().index("          - {value: 120, unit: absolute, line: 3}") + 1
    end = SMALL_DRAFT.splitlines().index("        end: {year: 2025, value: 20, line: 12}") + 1
    assert verify.stdout == (
        f"{out}:{change}:21: info [claim-equivalent] 全县累计新增高新技术企业: 120 over 2015–2020 is 24家 a year "
        "(23.9 to 24.1) (source: small_plan.txt:3)\n"
        f"{out}:{end}:34: info [claim-pace] 技术交易额: from 10亿元 (2020) to 20亿元 (2025) is 14.87% a year "
        "(source: small_plan.txt:12)\n"
    )


def test_metadata_the_text_does_not_give_is_a_placeholder_validate_reports(run, small):
    result = run("extract", str(small))
    assert result.exit_code == 0
    assert "  - id: todo-2021-2025\n" in result.stdout
    assert '    region: {zh: 某县, en: "TODO: English name", level: county}\n' in result.stdout
    assert "  placeholders to fill in: region.en, id (give --id, --region ... to set them)\n" in result.stderr
    out = small.with_name("draft.yaml")
    out.write_text(result.stdout, encoding="utf-8")
    validate = run("validate", str(out), "--format", "plain")
    assert validate.exit_code == 0  # warnings only: verify still runs on it
    assert validate.stdout == (
        f"{out}:8:9: warning [placeholder] the plan's id is still a placeholder (todo-2021-2025): give it "
        "(plancheck extract takes it as an option)\n"
        f"{out}:10:26: warning [placeholder] the region's English name is still a placeholder (TODO: English "
        "name): give it (plancheck extract takes it as an option)\n"
    )


def test_options_give_the_metadata(run, small):
    result = run(
        "extract",
        str(small),
        "--id",
        "x-2022-2024",
        "--title",
        "某县方案",
        "--region",
        "某区",
        "--region-en",
        "Mouqu",
        "--level",
        "zone",
        "--parent",
        "某市",
        "--period",
        "2022-2024",
        "--issuer",
        "某区管委会",
        "--source",
        "mou.txt",
    )
    assert result.exit_code == 0
    assert result.stdout.split("plans:\n")[1].split("    indicators:")[0] == (
        "  - id: x-2022-2024\n"
        "    title: {zh: 某县方案}\n"
        "    region: {zh: 某区, en: Mouqu, level: zone, parent: 某市}\n"
        "    issuer: 某区管委会\n"
        "    period: {first: 2022, last: 2024}\n"
        "    source: mou.txt\n"
    )
    assert "taken from" not in result.stderr


def test_standard_input_and_output(run):
    text = "到2025年,全县高新技术企业达到100家以上。\n"
    result = run("extract", "-", "-o", "-", "--region", "某县", "--region-en", "Mou", input=text)
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "    indicators:\n"
        "      - id: line-1\n"
        "        name: 全县高新技术企业\n"
        "        unit: 家\n"
        "        line: 1\n"
        '        target: {year: 2025, value: 100, qualifier: at_least, printed: "100家以上", line: 1}\n'
    )
    assert "source:" not in result.stdout  # standard input has no file name: provenance warns
    assert result.stderr.startswith("<stdin>: 0 table row(s) from 0 table(s), 1 target(s) and 0 claim(s)")


def test_gb18030_is_read_and_said(run):
    text = "到2025年,全县高新技术企业达到100家以上。\n".encode("gb18030")
    result = run("extract", "-", "--region", "某县", "--region-en", "Mou", input=text)
    assert result.exit_code == 0
    assert "plancheck: <stdin> is GB18030, not UTF-8: read as GB18030 (the lines are the same)\n" in result.stderr
    assert 'printed: "100家以上", line: 1}' in result.stdout


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfeA\x00", "the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8"),
        (
            b"PK\x03\x04\x00\x00",
            "NUL byte at byte 5: this is UTF-16 or UTF-32 text without a byte-order mark, "
            "or binary data: save it as UTF-8",
        ),
        ("こんにちは、世界。テキストです。".encode("shift_jis"), "read as GB18030 it is not Chinese text"),
    ],
)
def test_a_file_that_is_not_a_plans_text_is_refused(run, tmp_path, data, message):
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"plancheck: {path}: not a plan's text that plancheck reads: ")
    assert message in result.stderr


def test_unreadable_inputs_and_bad_options_exit_2(run, small, tmp_path):
    cases = [
        (("extract", str(tmp_path / "none.txt")), f"plancheck: {tmp_path / 'none.txt'}: no such file\n"),
        (("extract", str(tmp_path)), f"plancheck: {tmp_path} is a directory: name the plan's text file\n"),
        (
            ("extract", str(small), "--period", "2025"),
            None,
        ),
        (
            ("extract", str(small), "--period", "2025-2021"),
            "plancheck: --period '2025-2021': the last year is before the first\n",
        ),
        (
            ("extract", str(small), "--id", "Deqing"),
            "plancheck: --id 'Deqing': an id is lower-case ASCII letters, digits and '-' (deqing-2021-2025)\n",
        ),
        (
            ("extract", str(small), "out.yaml"),
            "plancheck: a second file (out.yaml) is read only with --check: write the draft with -o out.yaml\n",
        ),
    ]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    cases.append((("extract", str(empty)), f"plancheck: {empty}: the file holds no text\n"))
    for args, message in cases:
        result = run(*args)
        if message is None:  # a single year is a one-year plan
            assert result.exit_code == 0 and "period: {first: 2025, last: 2025}" in result.stdout
            continue
        assert (result.exit_code, result.stderr) == (2, message), args


def test_an_existing_file_is_replaced_only_with_force(run, small):
    out = small.with_name("draft.yaml")
    out.write_text("keep me\n", encoding="utf-8")
    refused = run("extract", str(small), "-o", str(out))
    assert refused.exit_code == 2
    assert refused.stderr == f"plancheck: {out} exists: use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert run("extract", str(small), "-o", str(small)).stderr.startswith(f"plancheck: {small} is one of")
    assert small.read_text(encoding="utf-8") == SMALL.read_text(encoding="utf-8")
    forced = run("extract", str(small), "-o", str(out), "--force", "--region-en", "Mou")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8") == SMALL_DRAFT


# ----------------------------------------------------------------------------- the five seeds

SEEDS = {
    "jiaxing-2016-2020": (
        "11 table row(s) from 1 table(s), 30 target(s) and 3 claim(s) from the prose; 25 left commented out",
        1,
    ),
    "tongxiang-2019": (
        "0 table row(s) from 0 table(s), 13 target(s) and 8 claim(s) from the prose; 22 left commented out",
        0,
    ),
    "haining-2023-2025": (
        "0 table row(s) from 0 table(s), 20 target(s) and 0 claim(s) from the prose; 0 left commented out",
        0,
    ),
    "deqing-2021-2025": (
        "16 table row(s) from 1 table(s), 30 target(s) and 20 claim(s) from the prose; 8 left commented out",
        0,
    ),
    "jiaxing-315": (
        "0 table row(s) from 0 table(s), 48 target(s) and 0 claim(s) from the prose; 2 left commented out",
        0,
    ),
}


@pytest.mark.parametrize("plan_id", list(SEEDS))
def test_each_seed_drafts_validates_and_verifies(run, tmp_path, plan_id):
    plan = find_plan(DATA.plans, plan_id)
    text = ROOT / "sources" / plan.source
    out = tmp_path / "draft.yaml"
    result = run("extract", str(text), "-o", str(out), "--id", plan.id, "--region-en", plan.region.en)
    assert result.exit_code == 0
    counts, verify_code = SEEDS[plan_id]
    assert result.stderr.splitlines()[0] == f"{text}: {counts}"
    validate = run("validate", str(out), "--format", "plain")
    assert validate.exit_code == 0
    assert " error " not in validate.stdout
    verify = run("verify", str(out), "--format", "plain")
    assert verify.exit_code == verify_code
    if verify_code:  # Jiaxing's R&D intensity, as in the bundled data: (3.20 − 2.73)/5 = 0.094, not 0.05
        (error,) = [line for line in verify.stdout.splitlines() if " error " in line]
        assert "error [growth-mismatch] stated growth 0.05 pp/yr does not fit 2.73 (2015) → 3.20 (2020)" in error
    drafted = plancheck.load([out])
    assert drafted.findings == [] or all(f.level.value != "error" for f in drafted.findings)


def _table_rows(plan, first: int, last: int):
    return [
        (
            i.name,
            i.unit,
            i.line,
            (i.baseline.year, i.baseline.value, i.baseline.line) if i.baseline else None,
            (i.target.year, i.target.value, i.target.qualifier, i.target.line) if i.target else None,
            (i.growth.value, i.growth.unit, i.growth.line) if i.growth else None,
        )
        for i in plan.indicators
        if i.line is not None and first <= i.line <= last
    ]


@pytest.mark.parametrize("plan_id, first, last", [("jiaxing-2016-2020", 30, 77), ("deqing-2021-2025", 79, 197)])
def test_the_seed_tables_draft_as_the_curated_rows(run, tmp_path, plan_id, first, last):
    plan = find_plan(DATA.plans, plan_id)
    out = tmp_path / "draft.yaml"
    run("extract", str(ROOT / "sources" / plan.source), "-o", str(out), "--id", plan.id, "--region-en", "X")
    (drafted,) = plancheck.load([out]).plans
    mine = _table_rows(drafted, first, last)
    curated = _table_rows(plan, first, last)
    # the rows whose unit the table does not print are drafted with a placeholder (the data takes it from the prose)
    assert [r[:1] + r[2:] for r in mine] == [r[:1] + r[2:] for r in curated]
    assert {r[0]: r[1] for r in mine if r[1] != "TODO: 单位"} == {
        r[0]: r[1] for r, m in zip(curated, mine, strict=True) if m[1] != "TODO: 单位"
    }


# ----------------------------------------------------------------------------- extract --check


def test_check_lists_what_a_hand_made_file_lacks(run, small, write):
    plan = write(
        """\
        plans:
          - id: mou-2021-2025
            title: {zh: 某县科技创新“十四五”规划}
            region: {zh: 某县, en: Mou, level: county}
            issuer: 某县人民政府
            period: {first: 2021, last: 2025}
            source: small_plan.txt
            indicators:
              - id: rd-intensity
                name: R&D经费支出占GDP比重
                unit: "%"
                line: 8
                baseline: {year: 2020, value: 2.5, line: 8}
                target: {year: 2025, value: 3.5, line: 8}
                growth: {value: 0.2, unit: pp, line: 8}
        """
    )
    result = run("extract", "--check", str(small), str(plan))
    assert result.exit_code == 1
    # line 3 is “十三五”期间,全县累计新增高新技术企业120家: 120 is its 21st character
    assert result.stdout == (
        f"{small}:3:21: missing [increment] 全县累计新增高新技术企业 120家\n"
        f"{small}:5:18: missing [level] 全县高新技术企业 500家以上\n"
        f"{small}:5:41: missing [level] R&D经费支出占GDP比重 3.5%\n"
        f"{small}:9:15: missing [table] 高新技术企业数 300\n"
        f"{small}:9:21: missing [table] 高新技术企业数 500以上\n"
        f"{small}:9:29: missing [table] 高新技术企业数 10.8%\n"
        f"{small}:10:14: missing [table] 技术交易额 10\n"
        f"{small}:12:13: missing [coverage] 规上工业企业研发机构 全覆盖\n"
        f"{small}:12:23: missing [increment] 新建众创空间 3个\n"
        f"{small}:12:38: missing [between] 技术交易额 10亿元\n"
        f"{small}:12:51: missing [between] 技术交易额 20亿元\n"
        f"{small}:13:1: not read [2030] 持续推动创新谷(2030科创中心)建设\n"
        f"{small}: 3 of the 14 figure(s) read are in mou-2021-2025; 11 missing; 1 clause(s) with numbers not read "
        "as figures\n"
    )


def test_check_of_a_draft_finds_only_what_it_commented_out(run, small):
    out = small.with_name("draft.yaml")
    run("extract", str(small), "-o", str(out), "--region-en", "Mou")
    result = run("extract", "--check", str(small), str(out))
    assert result.exit_code == 1  # the row of line 10 has a base value and no target: commented out
    assert result.stdout.splitlines()[0] == f"{small}:10:14: missing [table] 技术交易额 10"
    assert result.stdout.endswith(
        "13 of the 14 figure(s) read are in mou-2021-2025; 1 missing; 1 clause(s) with numbers not read as figures\n"
    )
    complete = out.read_text(encoding="utf-8").replace(
        "      # - line 10: 技术交易额 | 10 | — | —\n      #   not placed: a row without a target, a stated growth or a text target\n",
        "      - {id: trade, name: 技术交易额, unit: 亿元, line: 10, baseline: {year: 2020, value: 10, line: 10},"
        " goal: {text: —, line: 10}}\n",
    )
    out.write_text(complete, encoding="utf-8")
    assert run("extract", "--check", str(small), str(out)).exit_code == 0


def test_check_needs_a_plan_file(run, small):
    result = run("extract", "--check", str(small))
    assert (result.exit_code, result.stderr) == (
        2,
        "plancheck: --check needs the plan file to audit: plancheck extract --check TEXT YAML\n",
    )


def test_the_readme_shows_what_extract_says_of_seed_003(run, tmp_path):
    text = tmp_path / "003_43dd6aeb16659ef2.txt"
    shutil.copy(ROOT / "sources" / text.name, text)
    out = tmp_path / "deqing.yaml"
    result = run("extract", str(text), "-o", str(out), "--id", "deqing-draft", "--region-en", "Deqing")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = [line.replace(str(tmp_path) + "/", "") for line in result.stderr.splitlines()]
    assert f"    {shown[0]}\n" in readme
    assert all(f"      {line.strip()}\n" in readme for line in shown[-5:])
    validate = run("validate", str(out), "--format", "plain")
    first = validate.stdout.splitlines()[0].replace(str(tmp_path) + "/", "")
    assert f"    {first}\n" in readme
    check = run("extract", "--check", str(ROOT / "sources" / text.name), str(ROOT / "data" / "targets.yaml"))
    last = check.stdout.splitlines()[-1].replace(str(ROOT) + "/", "")
    assert f"    {last}\n" in readme

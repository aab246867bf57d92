"""Reliability, class by class: extreme numbers, resource exhaustion, hangs, data loss, broken output
channels, injection, silently checking nothing, and located messages. Each class is tested over
generated cases, not only on the example that revealed it; the fuzzer at the end feeds extreme
numbers to every figure field through every command."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.cli import main
from plancheck.render.text import UNSAFE, clean
from tests.conftest import BUNDLED, PLAN_HEAD, ROOT

FUZZ_EXAMPLES = int(os.environ.get("PLANCHECK_FUZZ_EXAMPLES", "25"))
HUGE = "1" + "0" * 400  # 10^400, written out: beyond floating point
TINY = "0." + "0" * 399 + "1"  # 10^-400
E70 = "1" + "0" * 70


def run_main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def plan(tmp_path: Path, indicators: str, claims: str = "", name: str = "plan.yaml") -> Path:
    """PLAN_HEAD (period 2021–2025) with the indicators given in flow style, and claims."""
    body = PLAN_HEAD + textwrap.indent(textwrap.dedent(indicators).strip("\n"), "      ") + "\n"
    if claims:
        body += "    claims:\n" + textwrap.indent(textwrap.dedent(claims).strip("\n"), "      ") + "\n"
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def findings(path: Path, *extra: str) -> list[str]:
    code, out, err = run_main("verify", "--data", str(path), "--format", "plain", *extra)
    assert code in (0, 1), err
    assert "internal error" not in err
    return out.splitlines()


IND = "- {{id: a, name: 甲, unit: 家, category: other, {fields}}}"


# --------------------------------------------------------------------------- extreme numbers


def test_a_figure_beyond_floating_point_is_refused_at_its_line(tmp_path):
    f = plan(tmp_path, IND.format(fields=f"target: {{year: 2025, value: {HUGE}, line: 2}}"))
    (line,) = findings(f)
    assert line.startswith(f"{f}:9:")
    assert "error [invalid-value] value: 1000000000…000000 (401 characters) is too large to compute with" in line


def test_a_positive_figure_below_floating_point_is_not_called_zero(tmp_path):
    fields = f"baseline: {{year: 2020, value: {TINY}, line: 1}}, target: {{year: 2025, value: 20, line: 2}}"
    (line,) = findings(plan(tmp_path, IND.format(fields=fields + ", growth: {value: 10, unit: percent, line: 3}")))
    assert "too small to compute with" in line and "zero or negative" not in line


def test_a_fall_of_100_percent_without_a_baseline(tmp_path):
    fields = "target: {year: 2025, value: 10, line: 2}, growth: {value: -100, unit: percent, line: 3}"
    lines = findings(plan(tmp_path, IND.format(fields=fields)))
    assert any("[implausible-rate] a stated -100% a year leaves nothing to grow from" in x for x in lines)
    (unchecked,) = [x for x in lines if "[unchecked]" in x]
    assert unchecked.endswith(
        "stated growth -100%/yr cannot be checked: no baseline (source: test.txt:3)"
    )  # no base is implied


@pytest.mark.parametrize(
    "rate, first, last",
    [("1000000", 1990, 2070), (E70, 2020, 2025), ("99999", 1950, 2100)],
)
def test_a_rate_that_compounds_beyond_floating_point(tmp_path, rate, first, last):
    fields = (
        f"baseline: {{year: {first}, value: 10, line: 1}}, target: {{year: {last}, value: 20, line: 2}}, "
        f"growth: {{value: {rate}, unit: percent, line: 3}}"
    )
    lines = findings(plan(tmp_path, IND.format(fields=fields)))
    (implausible,) = [x for x in lines if "[implausible-rate]" in x]
    assert f"over {last - first} years is a change too large to compute" in implausible
    (mismatch,) = [x for x in lines if "[growth-mismatch]" in x]
    assert f"the target ({last}) would be too large to compute" in mismatch


CLAIM = """\
- id: c
  subject: 企业
  unit: 家
  line: 5
  start: {start}
  end: {end}
  changes:
{changes}"""
FILLER = IND.format(fields="target: {year: 2025, value: 1, line: 2}")


def claim(start: str, end: str, *changes: str) -> str:
    return CLAIM.format(start=start, end=end, changes="\n".join(f"    - {c}" for c in changes))


def test_implied_claim_values_are_decimal_never_exponent(tmp_path):
    # 10^17 after +50%: 10^17/1.5 = 66666666666666666.67, shown to 15 significant digits; the range
    # 10^17/1.505 = 66445182724252491.7 to 10^17/1.495 = 66889632107023411.4, outwards at 15 digits.
    big = claim(
        "{year: 2015}", "{year: 2020, value: 100000000000000000, line: 5}", "{value: 50, unit: percent, line: 5}"
    )
    (line,) = findings(plan(tmp_path, FILLER, big))
    assert "imply 66666666666666700家 (66445182724252400 to 66889632107023500 within rounding) in 2015" in line
    # 0.00001 after +50%: 0.00000667, in [0.000005/1.5055, 0.000015/1.4945]... shown with three digits.
    small = claim("{year: 2015}", "{year: 2020, value: 0.00001, line: 5}", "{value: 50, unit: percent, line: 5}")
    (line,) = findings(plan(tmp_path, FILLER, small))
    # 0.000005 to 0.000015 (rounded) over 1.5055 to 1.4945: 0.00000332 to 0.00001004, shown outwards
    assert "imply 0.00000667家 (0.000003 to 0.000011 within rounding) in 2015" in line


def test_a_claim_never_shows_an_inverted_range(tmp_path):
    back = claim("{year: 2015}", "{year: 2020, value: 100, line: 5}", "{value: -100, unit: percent, line: 5}")
    (line,) = findings(plan(tmp_path, FILLER, back))
    assert line.endswith(
        "企业: 100家 in 2020 and -100% imply no value for 2015: a fall of 100% leaves nothing to grow from "
        "(source: test.txt:5)"
    )
    forward = claim("{year: 2015, value: 100, line: 5}", "{year: 2020}", "{value: -100, unit: percent, line: 5}")
    (line,) = findings(plan(tmp_path, FILLER, forward))
    # −100% is [−100.5, −99.5] measured: 100 × (1 − 0.995) = 0.5 at most, and never below 0
    assert "imply 0家 (0 to 0.503 within rounding) in 2020" in line


def test_claim_parts_beyond_floating_point(tmp_path):
    parts = claim(
        "{year: 2015}", "{year: 2020, value: 100, line: 5}", f"{{parts: [{{value: {HUGE}, line: 5}}], unit: absolute}}"
    )
    lines = findings(plan(tmp_path, FILLER, parts))
    assert len(lines) == 1 and "[invalid-value]" in lines[0] and "too large to compute with" in lines[0]


def _identity_plan(tmp_path: Path, qualifier: str = "") -> Path:
    q = f", qualifier: {qualifier}" if qualifier else ""
    return plan(
        tmp_path,
        f"""\
        - {{id: s, name: s, unit: 亿元, category: rd, key: rd-spending, baseline: {{year: 2020, value: 17.95, line: 1}},
           target: {{year: 2025, value: 40{q}, line: 2}}}}
        - {{id: i, name: i, unit: "%", category: rd, key: rd-intensity, baseline: {{year: 2020, value: 3.34, line: 3}},
           target: {{year: 2025, value: 4.5, line: 4}}}}""",
    )


def test_an_open_lower_end_stays_open_in_an_identity(tmp_path):
    # 40亿元 at most, ÷ 4.5%: GDP at most 888.9亿元 in 2025, and not below 0; from 537.4 in 2020 that is
    # at most (888.9/536.5)^(1/5) − 1 = 10.63% a year, and as low as −100%: nothing implausible.
    lines = findings(_identity_plan(tmp_path, "at_most"))
    assert any("in 2025: 888.9亿元 (0 to 888.9)" in x for x in lines)
    assert any("[identity-pace]" in x and "10.59% a year (-100 to 10.63)" in x for x in lines)
    assert not any("identity-implausible" in x for x in lines)


@pytest.mark.parametrize(
    "field, message",
    [
        ("scale: 0", "scale: 0.0 cannot scale a quantity: write a positive number"),
        ("scale: -100", "scale: -100.0 cannot scale a quantity"),
        (f"scale: {HUGE}", "is not a number plancheck can compute with"),
        ("scale: inf", "is not a number plancheck can compute with"),
        ("growth_band: {low: 12, high: 0, reason: r}", "the band's high 0.0 is below its low 12.0: swap them"),
        ("growth_band: {low: 0, high: nan, reason: r}", "is not a number plancheck can compute with"),
    ],
)
def test_the_catalogue_validates_scale_and_bands_at_their_line(tmp_path, field, message):
    _identity_plan(tmp_path)
    (tmp_path / "catalogue.yaml").write_text(
        "catalogue:\n  - {key: extra, en: x, zh: x, unit: 亿元, kind: level}\nidentities:\n"
        "  - id: z\n    quantity: 量\n    quantity_en: q\n    unit: 亿元\n    numerator: rd-spending\n"
        f"    denominator: rd-intensity\n    {field}\n",
        encoding="utf-8",
    )
    lines = findings(tmp_path)
    (line,) = [x for x in lines if x.startswith(f"{tmp_path / 'catalogue.yaml'}:10:")]
    assert "error [invalid-value]" in line and message in line


EXTREMES = ["0", "-100", "100.5", E70, "1" + "0" * 100, "0." + "0" * 99 + "1", HUGE, TINY, "99999999999999999"]
FIGURE_FIELDS = [
    "baseline: {{year: 2020, value: {v}, line: 1}}",
    "target: {{year: 2025, value: {v}, line: 2}}",
    "target: {{year: 2025, value: 1, upper: {v}, line: 2}}",
    "growth: {{value: {v}, unit: percent, line: 3}}",
    "growth: {{value: {v}, unit: pp, line: 3}}",
    "total: {{value: {v}, unit: times, line: 3}}",
    "restated: [{{value: {v}, line: 4}}]",
    "observed: [{{year: 2022, value: {v}, line: 4}}]",
]


def _extreme_plan(tmp_path: Path, v: str, figure: int) -> Path:
    """A plan with ``v`` in one figure field of an indicator, in a second indicator's target (an identity
    operand), and at each end and in each change of claims of every change unit."""
    fields = ["baseline: {year: 2020, value: 10, line: 1}", "target: {year: 2025, value: 20, line: 2}"]
    chosen = FIGURE_FIELDS[figure].format(v=v)
    fields = [f for f in fields if f.split(":")[0] != chosen.split(":")[0]] + [chosen]
    ind = IND.format(fields=", ".join(fields)).replace("unit: 家", 'unit: "%"' if "pp" in chosen else "unit: 家")
    operand = IND.format(fields=f"key: rd-intensity, target: {{year: 2025, value: {v}, line: 6}}")
    operand = operand.replace("id: a", "id: b").replace("unit: 家", 'unit: "%"')
    ends = [
        (f"{{year: 2015, value: {v}, line: 5}}", "{year: 2020}"),
        ("{year: 2015}", f"{{year: 2025, value: {v}, line: 5}}"),
    ]
    claims = "\n".join(
        claim(start, end, f"{{value: {v}, unit: {unit}, line: 5}}").replace("id: c", f"id: c{i}{unit}")
        for i, (start, end) in enumerate(ends)
        for unit in ("percent", "absolute", "times")
    )
    return plan(tmp_path, ind + "\n" + operand, claims)


COMMANDS = [
    ["validate", "--format", "plain"],
    *[["verify", "--format", f] for f in ("plain", "json", "table", "github", "sarif")],
    ["list"],
    ["show", "test-plan"],
    *[["progress", "--format", f] for f in ("plain", "json", "table", "csv", "markdown")],
]


def _every_command(data: Path) -> None:
    for args in COMMANDS:
        code, _out, err = run_main(*args, "--data", str(data))
        assert "Traceback" not in err and "internal error" not in err
        # show: a plan whose every indicator is refused is not there to show
        assert code in (0, 1) or (args[0] == "show" and err.startswith("plancheck: no plan is named")), (args, err)
    # compare: the plan against a copy of itself under another id
    copy = data.parent / "copy.yaml"
    copy.write_text(data.read_text(encoding="utf-8").replace("id: test-plan", "id: other-plan"), encoding="utf-8")
    for fmt in ("table", "json", "csv", "markdown"):
        code, _out, err = run_main("compare", "test-plan", "other-plan", "--data", str(data.parent), "-f", fmt)
        assert "Traceback" not in err and "internal error" not in err
        assert code in (0, 1) or err.startswith("plancheck: no plan is named"), (fmt, code, err[-800:])
    copy.unlink()


@pytest.mark.slow
@pytest.mark.parametrize("figure", range(len(FIGURE_FIELDS)))
def test_every_figure_field_takes_every_extreme_through_every_command(tmp_path, figure):
    for i, v in enumerate(EXTREMES):
        folder = tmp_path / str(i)
        folder.mkdir()
        _every_command(_extreme_plan(folder, v, figure))


@pytest.mark.slow
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    value=st.one_of(
        st.sampled_from(EXTREMES),
        st.integers(-(10**120), 10**120).map(str),
        st.builds(lambda n, d: f"{n}.{'0' * d}1", st.integers(0, 10**6), st.integers(0, 500)),
    ),
    figure=st.integers(0, len(FIGURE_FIELDS) - 1),
    span=st.sampled_from([(2020, 2025), (1949, 2100), (2024, 2025)]),
)
def test_fuzz_extreme_numbers_through_every_command(tmp_path_factory, value, figure, span):
    folder = tmp_path_factory.mktemp("extreme")
    path = _extreme_plan(folder, value, figure)
    text = (
        path.read_text(encoding="utf-8")
        .replace("year: 2020", f"year: {span[0]}")
        .replace("year: 2025", f"year: {span[1]}")
    )
    path.write_text(text.replace("first: 2021, last: 2025", f"first: {span[0] + 1}, last: {span[1]}"), encoding="utf-8")
    _every_command(path)


# --------------------------------------------------------------------------- resources and hangs


def _capped(args: list[str], gigabytes: float, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command line in a child process with its address space capped."""
    cap = int(gigabytes * 2**30)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return subprocess.run(
        [sys.executable, "-m", "plancheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize("n", [65, 1000, 30_000, 100_000])
def test_deep_nesting_is_a_finding_in_bounded_memory(tmp_path, n):
    path = tmp_path / "deep.yaml"
    path.write_text("plans: " + "[" * n + "]" * n + "\n", encoding="utf-8")
    done = _capped(["validate", str(path), "--format", "plain"], gigabytes=1.5)
    assert done.returncode == 1, done.stderr
    assert "[yaml-depth] lists and mappings are nested more than 64 deep here" in done.stdout or (
        "[yaml-syntax]" in done.stdout and "nesting depth" in done.stdout
    )
    assert done.stdout.startswith(f"{path}:1:")


def test_nesting_beyond_the_limit_is_reported_where_it_starts(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("plans:\n  - id: x\n    note: " + "[" * 70 + "]" * 70 + "\n", encoding="utf-8")
    (line,) = [x for x in findings(path) if "[yaml-depth]" in x]
    # the top mapping, the list of plans and the plan are three levels; "    note: " is 10 characters,
    # so the 61st [ (column 71) is the 64th level, allowed, and the 62nd (column 72) is one too many
    assert line.startswith(f"{path}:3:72: error [yaml-depth]")


@pytest.mark.parametrize("kind", ["fifo", "devzero", "devnull", "socket"])
def test_a_non_regular_file_in_a_data_directory_is_a_finding_and_never_read(tmp_path, kind):
    import socket

    (tmp_path / "good.yaml").write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    odd = tmp_path / "odd.yaml"
    sock = None
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(odd))
    else:
        odd.symlink_to("/dev/zero" if kind == "devzero" else "/dev/null")
    try:
        done = _capped(["validate", str(tmp_path), "--format", "plain"], gigabytes=2, timeout=30)
    finally:
        if sock:
            sock.close()
    assert done.returncode == 1
    (line,) = [x for x in done.stdout.splitlines() if "odd.yaml" in x]
    word = {"fifo": "a FIFO", "devzero": "a character device", "devnull": "a character device", "socket": "a socket"}
    assert line.endswith(
        f"odd.yaml:1:1: error [unreadable-file] this file is {word[kind]}, not a regular file: not read"
    )


def test_a_fifo_beside_a_file_given_to_verify(tmp_path):
    (tmp_path / "plan.yaml").write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    done = _capped(["verify", str(tmp_path / "plan.yaml"), "--format", "plain"], gigabytes=2, timeout=30)
    assert done.returncode == 1  # the Jiaxing mismatch; the FIFO was not waited on
    assert "[growth-mismatch]" in done.stdout


def test_a_file_over_the_size_limit(tmp_path, monkeypatch):
    import plancheck.loader.files as files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 2000 + "\n", encoding="utf-8")
    (tmp_path / "small.yaml").write_text("plans: []\n", encoding="utf-8")
    code, out, _ = run_main("validate", str(tmp_path), "--format", "plain")
    assert code == 1
    assert (
        f"{big}:1:1: error [unreadable-file] this file is larger than the limit of 1,000 bytes (2,003 bytes): not read"
        in out
    )
    code, _, err = run_main("validate", str(big))
    assert code == 2 and "is larger than the limit of 1,000 bytes (2,003 bytes): not read" in err


# --------------------------------------------------------------------------- data loss


def test_the_output_can_never_be_an_input(tmp_path):
    data = tmp_path / "d.yaml"
    data.write_bytes(BUNDLED.read_bytes())
    link = tmp_path / "link.json"
    link.symlink_to(data)
    for out in (data, link, tmp_path / "." / "d.yaml"):
        code, _, err = run_main("verify", "--data", str(data), "-o", str(out), "--force")
        assert code == 2 and "is one of the files being checked: write the report to another file" in err
    assert data.read_bytes() == BUNDLED.read_bytes()


def test_the_output_is_never_a_device_or_fifo(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(fifo)):
        code, _, err = run_main("verify", "-o", target, "--force")
        assert code == 2 and "exists and is not a regular file" in err
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()


def test_dash_is_standard_output(tmp_path):
    code, out, _ = run_main("verify", "-f", "json", "-o", "-")
    assert code == 1 and json.loads(out)["summary"]["findings"]["error"] == 2
    assert not (tmp_path / "-").exists() and not Path("-").exists()


@pytest.mark.parametrize(
    "target, message",
    [("x" * 300 + ".json", "File name too long"), ("README.md/out.json", "Not a directory")],
)
def test_an_output_path_that_cannot_be_written(target, message):
    code, _, err = run_main("verify", "-o", target)
    assert code == 2 and err.startswith("plancheck: ") and message in err and err.count("\n") == 1


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    script = textwrap.dedent(
        f"""
        import os, signal
        import plancheck.render.output as output
        from plancheck.cli.common import _stop_on_sigterm
        _stop_on_sigterm()
        real = os.fsync
        def fsync(fd):
            os.kill(os.getpid(), signal.SIGTERM)
            real(fd)
        output.os.fsync = fsync
        output.write_atomically(__import__("pathlib").Path({str(tmp_path / "out.txt")!r}), "x" * 10**6)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- output channels


def _script(shell: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, "PLANCHECK_DATA": str(BUNDLED), **(env or {})},
    )


PLANCHECK = f"{sys.executable} -m plancheck"


def test_a_full_disk_on_standard_output():
    done = _script(f"{PLANCHECK} verify -f json > /dev/full")
    assert done.returncode == 2
    assert done.stderr == "plancheck: standard output cannot be written (No space left on device): use -o FILE\n"


def test_closed_standard_output():
    done = _script(f"{PLANCHECK} verify >&-")
    assert done.returncode == 2
    assert done.stderr == "plancheck: standard output is closed: give -o FILE, or run with standard output open\n"


def test_a_reader_that_stops_early_is_not_an_error():
    done = _script(f"set -o pipefail; {PLANCHECK} verify -f plain | head -c 10 > /dev/null")
    assert done.returncode == 1  # the verify run's own exit code: two errors in the data
    assert done.stderr.strip().startswith("2 errors") and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}]
)
def test_an_output_encoding_without_chinese(env):
    done = _script(f"{PLANCHECK} verify -f plain", env)
    assert done.returncode == 1 and "internal error" not in done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("data/targets.yaml:32:25: error [growth-mismatch] stated growth 0.05 pp/yr")
    done = _script(f"{PLANCHECK} show deqing", env)
    assert done.returncode == 0 and ("\\u5fb7" in done.stdout or "德" in done.stdout)


# --------------------------------------------------------------------------- injection and escape codes

CONTROLS = ["\n", "\r", "\x1b[31m", "\x07", "\x00", "\x85", "\u2028", "\u2029", "\u202e", "\u2066", "\x9b2J", "\t"]
STRING_FIELDS = [
    ("title", "zh"),
    ("title", "en"),
    ("region", "zh"),
    ("region", "en"),
    ("region", "parent"),
    ("issuer",),
    ("source",),
    ("aliases", 0),
    ("indicators", 0, "name"),
    ("indicators", 0, "name_en"),
    ("indicators", 0, "unit"),
    ("indicators", 0, "scope"),
    ("indicators", 0, "note"),
    ("indicators", 0, "target", "printed"),
    ("claims", 0, "subject"),
    ("claims", 0, "unit"),
    ("claims", 0, "changes", 0, "printed"),
]


def _set(doc: dict, path: tuple, value: str) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


def _injected(ch: str) -> dict:
    p = {
        "id": "inject",
        "aliases": ["x"],
        "title": {"zh": "t", "en": "t"},
        "region": {"zh": "r", "en": "r", "level": "county", "parent": "p"},
        "issuer": "i",
        "period": {"first": 2021, "last": 2025},
        "source": "s",
        "indicators": [
            {
                "id": "a",
                "name": "n",
                "name_en": "n",
                "unit": "u",
                "category": "other",
                "scope": "s",
                "note": "n",
                "baseline": {"year": 2020, "value": "10", "line": 1},
                "target": {"year": 2025, "value": "30", "line": 2, "printed": "p"},
                "growth": {"value": "99", "unit": "percent", "line": 3},
                "observed": [{"year": 2022, "value": "20", "line": 4}],
            }
        ],
        "claims": [
            {
                "id": "c",
                "subject": "s",
                "unit": "u",
                "line": 5,
                "start": {"year": 2015},
                "end": {"year": 2020, "value": "31", "line": 5},
                "changes": [{"value": "26", "unit": "absolute", "line": 5, "printed": "p"}],
            }
        ],
    }
    for path in STRING_FIELDS:
        _set(p, path, f"a{ch}b{path[-1]}")
    return {"plans": [p, {**copy.deepcopy(p), "id": "second", "aliases": ["y"]}]}


TEXT_COMMANDS = [
    ["list"],
    ["show", "inject"],
    ["show", "inject", "--lang", "en"],
    *[["validate", "-f", f] for f in ("plain", "table", "github")],
    *[["verify", "-f", f] for f in ("plain", "table", "github")],
    *[["compare", "inject", "second", "-f", f] for f in ("table", "markdown", "plain", "csv-wide", "csv")],
    *[["progress", "-f", f] for f in ("plain", "table", "markdown", "csv")],
    *[[*command, "-f", f] for command in (["list"], ["show", "inject"]) for f in ("plain", "csv")],
    *[[command, "-f", "csv"] for command in ("validate", "verify")],
]
JSONL_COMMANDS = [
    ["list", "-f", "jsonl"],
    ["show", "inject", "-f", "jsonl"],
    ["validate", "-f", "jsonl"],
    ["verify", "-f", "jsonl"],
    ["compare", "inject", "second", "-f", "jsonl"],
]
JSON_COMMANDS = [
    ["list", "-f", "json"],
    ["show", "inject", "-f", "json"],
    ["verify", "-f", "json"],
    ["verify", "-f", "sarif"],
    ["compare", "inject", "second", "-f", "json"],
    ["progress", "-f", "json"],
]


@pytest.mark.parametrize("ch", CONTROLS, ids=[f"U+{ord(c[0]):04X}" for c in CONTROLS])
def test_no_control_character_of_the_data_reaches_any_output(tmp_path, ch):
    path = tmp_path / "inject.yaml"
    # written with YAML's escapes (\\N, \\x1b ...): a raw NEL, LS or PS is a line break to a YAML 1.1
    # writer but not to plancheck (YAML 1.2), which the test of raw separators below covers
    path.write_text(yaml.safe_dump(_injected(ch), allow_unicode=False), encoding="utf-8")
    for args in TEXT_COMMANDS:
        code, out, err = run_main(*args, "--data", str(path))
        assert code in (0, 1), (args, err)
        if args[-1] in ("csv", "csv-wide"):  # a byte order mark for Excel, and CSV's own CRLF line ends
            out = out.removeprefix("\ufeff").replace("\r\n", "\n")
        if args[-1] == "plain" and args[0] in ("list", "show", "compare"):  # tab-separated: a row a line
            assert len({line.count("\t") for line in out.splitlines()}) == 1, args
            out = out.replace("\t", " ")
        raw = [c for c in UNSAFE.findall(out) if c != "\n"]
        assert not raw, (args, raw)
        if args[-1] == "github":  # one workflow command per finding, no forged one
            lines = out.splitlines()
            listed = run_main(*args[:-1], "plain", "--data", str(path))[1].splitlines()
            commands = [line for line in lines if line.startswith("::")]
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in commands)
            told = [line for line in lines if line.startswith("plancheck: ")]
            assert len(commands) + len(told) + (len(listed) - len(commands)) == len(lines)
    for args in JSON_COMMANDS:
        code, out, _ = run_main(*args, "--data", str(path))
        assert not [c for c in UNSAFE.findall(out) if c != "\n"], args
        json.loads(out)  # still valid JSON, the data exact once parsed
    for args in JSONL_COMMANDS:
        code, out, _ = run_main(*args, "--data", str(path))
        assert not [c for c in UNSAFE.findall(out) if c != "\n"], args
        assert all(isinstance(json.loads(line), dict) for line in out.splitlines()), args  # a row a line
    shown = json.loads(run_main("show", "inject", "-f", "json", "--data", str(path))[1])
    assert shown["indicators"][0]["name"] == f"a{ch}bname"


def test_clean_escapes_every_unsafe_character_and_nothing_else():
    for code in range(0x110000):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        escaped = clean(ch)
        assert (escaped != ch) == bool(UNSAFE.fullmatch(ch)), hex(code)
        assert not UNSAFE.search(escaped)
    assert clean("a\nb\x1b[0m\u202e") == "a\\nb\\x1b[0m\\u202e"


def test_a_newline_in_a_file_name(tmp_path):
    odd = tmp_path / "a\n::error file=README.md::forged.yaml"
    odd.write_bytes(BUNDLED.read_bytes())
    code, out, _ = run_main("verify", "-f", "github", "--min-level", "info", "--file", str(odd))
    assert code == 1
    starts = ("::error ", "::warning ", "::notice ", "plancheck: ", str(tmp_path))
    assert all(line.startswith(starts) for line in out.splitlines())
    assert "a\\n::error file=README.md::forged.yaml" in out


# --------------------------------------------------------------------------- silently checking nothing


def test_a_symlink_is_checked_under_the_name_given(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("plans: [oops\n", encoding="utf-8")
    link = tmp_path / "LINK.yaml"
    link.symlink_to(broken)
    code, out, _ = run_main("verify", str(link), "-f", "plain")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{link}:1:8: error [yaml-syntax] YAML syntax: this [ is never closed")


@pytest.mark.parametrize("value", [":", "::", " : ", os.pathsep * 3])
def test_a_data_variable_that_names_nothing(value):
    done = _script(f"{PLANCHECK} verify", {"PLANCHECK_DATA": value})
    assert done.returncode == 2 and "names no path" in done.stderr


@pytest.mark.parametrize(
    "args", [["verify", "--data", ""], ["validate", ""], ["list", "--data", ""], ["verify", "-o", ""]]
)
def test_an_empty_path_is_refused(args):
    code, _, err = run_main(*args)
    assert code == 2 and err.startswith("plancheck: ") and "empty" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_an_unreadable_subdirectory_is_a_finding(tmp_path):
    (tmp_path / "good.yaml").write_bytes(BUNDLED.read_bytes())
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.yaml").write_text("plans: []\n", encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, _ = run_main("validate", str(tmp_path), "-f", "plain")
    finally:
        locked.chmod(0o755)
    assert code == 1 and f"{locked}:1:1: error [unreadable-file] directory cannot be read" in out


def test_an_unreadable_subdirectory_is_a_finding_even_as_root(tmp_path, monkeypatch):
    (tmp_path / "good.yaml").write_bytes(BUNDLED.read_bytes())
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path=".", *a, **k):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = run_main("validate", str(tmp_path), "-f", "plain")
    assert code == 1
    assert f"{tmp_path / 'locked'}:1:1: error [unreadable-file] directory cannot be read (Permission denied)" in out


def test_a_plan_name_that_is_also_a_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tongxiang").write_text("not a plan\n", encoding="utf-8")
    code, out, _ = run_main("verify", "tongxiang", "-f", "plain", "--data", str(BUNDLED))
    assert code == 0 and "tongxiang-2019" not in out  # the plan: no finding at error level
    code, out, _ = run_main("verify", "--file", "tongxiang", "-f", "plain")
    assert code == 1 and out.startswith("tongxiang:1:1: error [wrong-type]")
    code, out, _ = run_main("verify", "./tongxiang", "-f", "plain")
    assert code == 1 and out.startswith("tongxiang:1:1: error [wrong-type]")


# --------------------------------------------------------------------------- located messages


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_yaml_line_breaks_inside_values_and_comments_keep_every_line_number(tmp_path, sep):
    text = PLAN_HEAD.replace("title: {zh: 测试规划}", f'title: {{zh: "测{sep}试规划"}}  # a{sep}comment') + (
        "      - id: a\n        name: 甲\n        unit: 家\n        category: other\n"
        "        targett: {year: 2025, value: 1, line: 1}\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    lines = findings(path)
    assert [x.split(": ", 2)[1] for x in lines] == ["error [unknown-field] unknown field 'targett'"]
    assert lines[0].startswith(f"{path}:13:9:")


@pytest.mark.parametrize("ch", ["\x00", "\x01", "\x1b", "\x7f", "\x9b", "\ufffe"])
def test_a_forbidden_character_is_reported_where_it_is_and_the_rest_checked(tmp_path, ch):
    text = PLAN_HEAD + (
        f"      - id: a\n        name: 甲{ch}乙\n        unit: 家\n        category: other\n"
        "        targett: {year: 2025, value: 1, line: 1}\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    lines = findings(path)
    assert lines[0].startswith(f"{path}:10:16: error [yaml-character]") and "is not allowed in a YAML file" in lines[0]
    assert lines[1].startswith(f"{path}:13:9: error [unknown-field]")


@pytest.mark.parametrize(
    "encoding, advice",
    [
        ("utf-16", "it looks like UTF-16: save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > NEW`"),
        ("utf-16-le", "it looks like UTF-16"),
        ("utf-32", "it looks like UTF-32"),
        ("gb18030", "it looks like GB18030/GBK (Chinese)"),
        ("cp1252", "it looks like CP1252/Latin-1 (Western European)"),
    ],
)
def test_each_encoding_gets_its_own_advice(tmp_path, encoding, advice):
    text = PLAN_HEAD
    if encoding == "cp1252":  # Western text: no Chinese to encode
        text = (
            text.replace("测试规划", "Café plan — “test”").replace("测试市人民政府", "Ville").replace("测试市", "Ville")
        )
    path = tmp_path / "p.yaml"
    path.write_bytes(text.encode(encoding))
    (line,) = findings(path)
    assert "error [encoding] not UTF-8" in line and advice in line


def test_debug_after_the_command_name(monkeypatch):
    import plancheck.api

    monkeypatch.setattr(plancheck.api, "check", lambda *_a, **_k: 1 / 0)
    for args in (["--debug", "verify"], ["verify", "--debug"], ["verify", "-f", "plain", "--debug"]):
        code, _, err = run_main(*args)
        assert code == 3 and "Traceback" in err and "ZeroDivisionError" in err
    code, _, err = run_main("verify")
    assert code == 3 and "Traceback" not in err

"""extract: a plan's published text to a draft plan file, and the completeness audit."""

from __future__ import annotations

import enum
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..extract.document import Reading
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    STDIN,
    _deliver,
    _emit,
    _fail,
    _load,
    app,
)

EXTRACT_HELP = """Read a plan's published text (UTF-8, or GB18030 converted) into a draft plan file: the
indicator tables as indicators, the targets and achievements of the prose as indicators and claims,
each figure with its value as printed and the line of the text it is on.

  plancheck extract plan.txt -o plan.yaml --region-en Deqing

The draft validates and verify runs on it at once. What the text does not give (the region's English
name, an indicator's unit) is left as a TODO placeholder that validate reports; what could not be
placed is kept in the draft as a commented-out entry with its line, and listed on standard error with
the counts of rows, targets and claims. - reads the text from standard input; without -o the draft
goes to standard output.

  plancheck extract --check plan.txt plan.yaml

lists every figure of the text that the plan file (made by hand or by extract) does not hold on its
line: the completeness audit. Exit codes: 0 a draft written (with --check: nothing missing) · 1 with
--check: figures missing · 2 a text that cannot be read, an option that cannot be used."""


class RegionLevel(str, enum.Enum):
    national = "national"
    province = "province"
    prefecture = "prefecture"
    county = "county"
    zone = "zone"


def _read_text_file(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read() if sys.stdin is not None else b""
    path = Path(name)
    if name == "":
        _fail("an empty path was given: name the plan's text file, or - for standard input")
    if path.is_dir():
        _fail(f"{name} is a directory: name the plan's text file")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        _fail(f"{name}: no such file")
    except OSError as err:
        _fail(f"{name}: cannot be read ({err.strerror})")


def _reading(name: str) -> Reading:
    from ..extract.document import read_bytes
    from ..extract.text import TextDecodeError

    data = _read_text_file(name)
    shown = STDIN if name == "-" else name
    try:
        reading = read_bytes(data)
    except TextDecodeError as err:
        _fail(f"{shown}: not a plan's text that plancheck reads: {err.reason}")
    if not any(line.strip() for line in reading.lines):
        _fail(f"{shown}: the file holds no text")
    if reading.converted:
        sys.stderr.write(f"plancheck: {shown} is GB18030, not UTF-8: read as GB18030 (the lines are the same)\n")
    return reading


@app.command("extract", help=EXTRACT_HELP)
def extract_cmd(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The plan's text file (- for standard input).")],
    plan_file: Annotated[
        str | None,
        typer.Argument(metavar="YAML", help="With --check: the plan file to audit.", show_default=False),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="List the figures of TEXT that the plan file YAML lacks.")
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the draft to FILE (atomically; an existing file only with --force). - or none: "
            "standard output.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let --output replace an existing file.")] = False,
    plan_id: Annotated[
        str | None, typer.Option("--id", help="The plan's id (deqing-2021-2025).", show_default=False)
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="The plan's title, as printed.", show_default=False)
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="The region's name in Chinese (德清县).", show_default=False)
    ] = None,
    region_en: Annotated[
        str | None, typer.Option("--region-en", help="The region's name in English (Deqing).", show_default=False)
    ] = None,
    level: Annotated[
        RegionLevel | None, typer.Option("--level", help="The region's level.", show_default=False)
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="The region above it, in Chinese (湖州市).", show_default=False)
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="FIRST-LAST", help="The years the plan covers (2021-2025).", show_default=False
        ),
    ] = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help="Who issued the plan (德清县人民政府).", show_default=False)
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="The source's file name (default: TEXT's name).", show_default=False),
    ] = None,
) -> None:
    if check:
        _extract_check(text, plan_file)
        return
    if plan_file is not None:
        _fail(f"a second file ({plan_file}) is read only with --check: write the draft with -o {plan_file}")
    from ..extract.draft import Given, draft
    from ..render.draft import draft_yaml, summary

    if plan_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", plan_id):
        _fail(f"--id {plan_id!r}: an id is lower-case ASCII letters, digits and '-' (deqing-2021-2025)")
    years: tuple[int, int] | None = None
    if period is not None:
        m = re.fullmatch(r"\s*(\d{4})\s*[-–—~]\s*(\d{4})\s*|\s*(\d{4})\s*", period)
        if m is None:
            _fail(f"--period {period!r}: give the first and last year, such as --period 2021-2025")
        first = int(m.group(1) or m.group(3))
        last = int(m.group(2) or m.group(3))
        if last < first:
            _fail(f"--period {period!r}: the last year is before the first")
        years = (first, last)
    reading = _reading(text)
    shown = STDIN if text == "-" else text
    given = Given(
        id=plan_id,
        title=title,
        region=region,
        region_en=region_en,
        level=level.value if level else None,
        parent=parent,
        period=years,
        issuer=issuer,
        source=source or (None if text == "-" else Path(text).name),
    )
    made = draft(reading, given)
    yaml_text = draft_yaml(made, None if text == "-" else Path(text).name)
    _deliver(lambda **_: yaml_text, output, force, [] if text == "-" else [text])
    sys.stderr.write(summary(made, shown))


def _extract_check(text: str, plan_file: str | None) -> None:
    from ..extract.audit import audit
    from ..render.draft import audit_text

    if plan_file is None:
        _fail("--check needs the plan file to audit: plancheck extract --check TEXT YAML")
    reading = _reading(text)
    loaded = _load([Path(plan_file)])
    if loaded.findings and not loaded.plans:
        _fail(f"{plan_file}: the plan file cannot be read; `plancheck validate {plan_file}` says why")
    shown = STDIN if text == "-" else text
    name = None if text == "-" else Path(text).name
    plans = [p for p in loaded.plans if name is not None and p.source == name] or list(loaded.plans)
    if len(plans) > 1:
        _fail(
            f"{plan_file} holds {len(plans)} plans and none names {name} as its source: "
            "give a file with the one plan of this text"
        )
    result = audit(reading, plans[0])
    _emit(audit_text(result, shown, plans[0].id))
    raise typer.Exit(EXIT_FINDINGS if result.missing else EXIT_OK)

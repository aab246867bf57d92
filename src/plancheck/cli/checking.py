"""validate and verify: the checks, their reporters and the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ..api import Repair as api_Repair
    from ..api import VerifyRun
    from ..loader.reader import Dataset
    from ..model.findings import Finding
    from ..model.settings import Settings
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG_HELP,
    STDIN,
    AboutOption,
    ConfigOption,
    DataOption,
    FailOnOption,
    ForceOption,
    FormatOption,
    IgnoreOption,
    Lang,
    MinLevelOption,
    NoCacheOption,
    OutputFormat,
    OutputOption,
    QuietOption,
    RoundingOption,
    SelectOption,
    StdinNameOption,
    StrictOption,
    _complete_plan,
    _data_paths,
    _deliver,
    _emit,
    _fail,
    _format,
    _load,
    _paths,
    _read_stdin,
    _repository_root,
    _settings,
    _start,
    _usage_errors,
    _words,
    app,
)


@app.command("validate")
def validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Plan files or directories to check (default: --data, $PLANCHECK_DATA, the configuration's "
            "data, else the bundled data); - reads one file from standard input.",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = OutputFormat.auto,
    output: OutputOption = None,
    force: ForceOption = False,
    config: ConfigOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    min_level: MinLevelOption = None,
    quiet: QuietOption = False,
    fail_on: FailOnOption = None,
    strict: StrictOption = False,
    stdin_filename: StdinNameOption = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="First make the mechanical repairs the messages describe, in the files themselves (each "
            "original kept as FILE.orig), then report what is left. With - the repaired file goes to "
            "standard output.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the repairs --fix would make as a unified diff; change nothing."),
    ] = False,
    no_backup: Annotated[bool, typer.Option("--no-backup", help="With --fix: keep no FILE.orig.")] = False,
    no_cache: NoCacheOption = False,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="DIR",
            help="The directory of the plans' source documents (each plan's source: names its file): check "
            "that every cited figure's digits stand on its line there.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check that plan files parse and fit the schema; list every problem at its line.

    Finds YAML syntax errors, duplicate keys, unknown fields and values (with the one meant), wrong
    types, missing fields, implausible years, target years not after their base year, years outside
    the plan's period (a warning), and repeated ids. With --sources DIR, also that each cited figure
    stands on its line of the plan's source document in DIR. Exit 1 when an error is found (a
    warning too with --strict).

    --fix repairs what needs no judgement, keeping the rest of each file byte for byte: full-width
    digits and punctuation, a percent sign or thousands separators in a figure, a qualifier written
    into the value (1000以上 → 1000 and qualifier: at_least), a choice written as the plan prints it
    (以上 → at_least, % → percent), and a GB18030 or UTF-16 file (converted to UTF-8). --diff shows
    those repairs and exits 1 when there are any.
    """
    from .. import api

    args = list(paths or [])
    stdin = _read_stdin(stdin_filename) if "-" in args else None
    given = _paths([a for a in args if a != "-"]) or _paths(data)
    if fix and diff:
        _fail("--fix and --diff exclude each other: --diff shows the repairs, --fix makes them")
    if fix or diff:
        if not given and stdin is None:
            _fail(
                f"--{'fix' if fix else 'diff'} needs the files to repair: "
                "give them as arguments (or - for standard input)"
            )
        with _usage_errors():
            repairs = api.repair(given or [], stdin)
        if diff:
            _show_diff(repairs)
        if stdin is not None and fix:
            _emit(next(r for r in repairs if r.path is None).result.after.decode("utf-8"))
            raise typer.Exit(EXIT_OK)
        _write_repairs(repairs, backup=not no_backup)
        if stdin is not None:
            stdin = _read_stdin(stdin_filename)
    settings = _settings(
        given[0] if given else _start(None),
        config,
        select=select,
        ignore=ignore,
        min_level=min_level,
        quiet=quiet,
        fail_on=fail_on,
        strict=strict,
    )
    to_read = given or (settings.catalogue if stdin is not None else _data_paths(None, settings))
    loaded = _load(to_read or None, stdin, no_cache=no_cache)
    from ..loader.files import DataPathError

    try:
        found = api.validate(loaded, settings, sources=sources)
    except DataPathError as err:
        _fail(f"{err}: give the directory that holds the plans' source documents (--sources DIR)")
    _report("validate", found, loaded, settings, fmt, output, force, files=loaded.files)


def _show_diff(repairs: list[api_Repair]) -> NoReturn:
    """Print what --fix would change as one unified diff; exit 1 when it would change anything."""
    import difflib

    chunks = []
    for r in repairs:
        if not r.result.changed:
            continue
        before = r.result.before_text.splitlines(keepends=True)
        after = r.result.after.decode("utf-8").splitlines(keepends=True)
        if r.result.converted:
            chunks.append(f"# {r.name}: converted from {r.result.converted} to UTF-8\n")
        chunks += difflib.unified_diff(before, after, f"a/{r.name}", f"b/{r.name}")
    _emit("".join(chunks))
    raise typer.Exit(EXIT_FINDINGS if chunks else EXIT_OK)


def _write_repairs(repairs: list[api_Repair], backup: bool) -> None:
    """Write each repaired file in place (atomically, its mode kept), its original first to
    FILE.orig; say on stderr what was done."""
    from ..render.output import OutputError, write_atomically

    for r in repairs:
        if not r.result.changed or r.path is None:
            continue
        target = Path(os.path.realpath(r.path))  # a link keeps pointing at the repaired file
        mode = target.stat().st_mode & 0o7777
        try:
            if backup:
                kept = target.with_name(target.name + ".orig")
                write_atomically(kept, r.result.before)
            write_atomically(target, r.result.after, force=True, mode=mode)
        except OutputError as err:
            _fail(f"{err}: {r.name} is not repaired (remove {r.name}.orig or use --no-backup)" if backup else str(err))
        done = [f"converted from {r.result.converted} to UTF-8"] if r.result.converted else []
        done += [f"{len(r.result.fixed)} problem(s) repaired"] if r.result.fixed else []
        kept_note = f" (the original is {r.name}.orig)" if backup else ""
        sys.stderr.write(f"plancheck: {r.name}: {', '.join(done)}{kept_note}\n")


FINDINGS_ONLY = ("plain", "github", "sarif")
"""The formats of verify that show the findings and the summary alone (not every result), so that
a re-check may take the findings of unchanged files from the cache."""


def _recheck(
    paths: list[Path] | None, settings: Settings, lang: Lang, fmt: str, no_cache: bool
) -> tuple[Dataset, VerifyRun] | None:
    """verify of all the data from the cache, file by file (api.recheck), where the format shows
    findings alone and the cache is on; None otherwise, or where the data needs a whole run."""
    from .. import api
    from ..loader.cache import open_cache

    cache = open_cache(not no_cache)
    if cache is None or fmt not in FINDINGS_ONLY:
        return None
    with _usage_errors():
        return api.recheck(paths, cache=cache, settings=settings, lang=lang.value)


def _report(
    command: str,
    findings: list[Finding],
    loaded: Dataset,
    settings: Settings,
    fmt: OutputFormat,
    output: str | None,
    force: bool,
    files: list[str],
    run: VerifyRun | None = None,
    lang: str = "zh",
) -> NoReturn:
    """Hand the findings (and verify's results) to the reporter chosen, write the GitHub step
    summary when there is one to write, and exit with the code the settings say."""
    from ..model.findings import exit_code
    from ..render.findings import REPORTERS, STREAMS, Report, step_summary, summary_line
    from ..render.views import verify_tables

    report = Report(
        command,
        findings,
        files=files,
        min_level=settings.min_level,
        annotate_infos=settings.origin.get("min_level") is not None and settings.min_level == "info",
        root=_repository_root(),
    )
    if run is not None:
        report.results, report.claims, report.identities = run.results, run.claims, run.identities
        report.summary = run.summary
        words = _words(lang, loaded)
        report.tables = lambda: verify_tables(run, words)
    name = _format(fmt, output)
    reporter = STREAMS.get(name, REPORTERS[name])
    _deliver(lambda **kw: reporter(report, **kw), output, force, loaded.files)
    if name in ("plain", "github"):
        sys.stderr.write(summary_line(report) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY", "").strip()
    if name == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(step_summary(report))
        except OSError as err:
            sys.stderr.write(f"plancheck: the step summary {summary_file} cannot be written ({err.strerror})\n")
    raise typer.Exit(exit_code(findings, fail_on=settings.fail_on))  # type: ignore[arg-type]


VERIFY_HELP = """Recompute every stated growth rate from its baseline and target, and say what does not add up.

Compound growth for levels: (target/baseline)^(1/n) - 1; percentage points a year for shares:
(target - baseline)/n; a stated total (累计) against the whole change. Each printed figure stands
for the interval its precision allows (7.4 is 7.35 to 7.45); qualifiers open a side (1000以上).

\b
Verdicts:
  consistent    the printed figures give the stated rate
  rounding      only within the baseline's rounding (info)
  inconsistent  no figures within rounding give it (error)
  unchecked     a figure it needs is missing

Also checked: growth in pp on a non-share, a stated growth whose sign contradicts the targets, a
baseline year other than the year before the plan, rates that read as period totals; the plans'
claims in the prose (claims:), targets stated twice, identities between indicators (GDP = R&D
spending / R&D intensity), a county's targets against its city's, successive plans of one region.
`plancheck rules` lists every rule.
"""


@app.command("verify", help=VERIFY_HELP)
def verify_cmd(
    plans: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PLAN|FILE",
            autocompletion=_complete_plan,
            help="Plans to check, by id, alias or region name; or plan files (as pre-commit passes them), "
            "whose plans are checked while the rest of their directory is still read for cross-file "
            "checks. An argument is a file when it ends in .yaml or .yml, holds a / or when --file is "
            "given; otherwise it names a plan; - reads one file from standard input. Default: every plan.",
            show_default=False,
        ),
    ] = None,
    as_files: Annotated[
        bool, typer.Option("--file", help="Read every argument as a plan file, whatever its name.")
    ] = False,
    data: DataOption = None,
    fmt: FormatOption = OutputFormat.auto,
    strict: StrictOption = False,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP + " In the messages too.")] = Lang.zh,
    output: OutputOption = None,
    force: ForceOption = False,
    config: ConfigOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    min_level: MinLevelOption = None,
    quiet: QuietOption = False,
    fail_on: FailOnOption = None,
    stdin_filename: StdinNameOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    from .. import api
    from ..loader.files import YAML_SUFFIXES, display_name

    args = list(plans or [])
    stdin = _read_stdin(stdin_filename) if "-" in args else None
    args = [a for a in args if a != "-"]
    is_file = [as_files or a.endswith(YAML_SUFFIXES) or "/" in a or os.sep in a for a in args]
    files = _paths([a for a, f in zip(args, is_file, strict=True) if f]) or []
    names = [a for a, f in zip(args, is_file, strict=True) if not f]
    for f in files:
        if os.path.isdir(f):
            _fail(f"{f} is a directory: name plan files here, or give a directory with --data {f}")
    flag = _paths(data)
    targets = files + ([Path(stdin.name)] if stdin is not None and stdin.name != STDIN else [])
    settings = _settings(
        targets[0] if targets else _start(flag),
        config,
        select=select,
        ignore=ignore,
        min_level=min_level,
        quiet=quiet,
        fail_on=fail_on,
        strict=strict,
        rounding=rounding,
        about_band=about_band,
    )
    if targets:  # the files, and the rest of their directories (or the data) for cross-file checks
        new = Path(stdin.name) if stdin is not None and stdin.name != STDIN else None
        around = api.paths_around(targets, flag or settings.data, new)
        loaded = _load([*around, *settings.catalogue] or None, stdin, no_cache=no_cache)
        shown = [display_name(f) for f in targets]
    elif stdin is not None:
        loaded = _load(flag, stdin, no_cache=no_cache)
        shown = [STDIN]
    else:
        chosen = _data_paths(flag, settings)
        rechecked = None if names else _recheck(chosen, settings, lang, _format(fmt, output), no_cache)
        if rechecked is not None:  # reported here: _report exits
            surveyed, run = rechecked
            _report("verify", run.findings, surveyed, settings, fmt, output, force, surveyed.files, run, lang.value)
        loaded = _load(chosen, no_cache=no_cache)
        shown = loaded.files
    with _usage_errors():
        result = api.verify(loaded, names, files=shown if targets or stdin else (), settings=settings, lang=lang.value)
    _report("verify", result.findings, loaded, settings, fmt, output, force, shown, result, lang.value)

"""The command line: parse arguments, call the core, hand the result to a reporter, return an exit code.

No arithmetic, YAML or formatting decisions live here.
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .render.text import json_text
from .version import __version__

if TYPE_CHECKING:
    from .analysis.paths import Trajectory
    from .api import Repair as api_Repair
    from .api import VerifyRun
    from .extract.document import Reading
    from .loader.reader import Dataset, Stdin
    from .model.findings import Finding
    from .model.settings import Settings
    from .model.words import Words
    from .render.tidy import Table as TidyTable

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _plain_arguments() -> None:
    """Arguments in help as click and man pages write them: ``PLAN``, ``[PATH]...``, never typer's
    ``plan <str>`` or ``{PLAN}`` (tests/test_cli_foundation.py reads every command's usage)."""
    from typer.core import TyperArgument

    def usage(self: TyperArgument) -> str:
        name = self.metavar or (self.name or "").upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def row(self: TyperArgument) -> str:
        return (self.metavar or (self.name or "").upper()) + ("..." if self.nargs != 1 else "")

    TyperArgument._usage_display_name = usage  # type: ignore[method-assign]
    TyperArgument._rich_display_name = row  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_plain_arguments()


# --------------------------------------------------------------------------- shell completion


def _complete_plan(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Plan ids and aliases that start with what is typed, each with its region, period and title.

    Completion runs inside the user's shell at every tab: a data problem offers nothing rather than
    printing an error into the command line."""
    from . import api
    from .loader.lookup import describe_plan

    given = ctx.params.get("data")
    try:
        plans = api.load([Path(p) for p in given] if given else None).plans
    except Exception:
        return []
    typed = incomplete.casefold()
    return [
        (name, describe_plan(plan))
        for plan in plans
        for name in dict.fromkeys((plan.id, *plan.aliases))
        if name.casefold().startswith(typed)
    ]


def _complete_rule(incomplete: str) -> list[tuple[str, str]]:
    """Rule ids that start with what is typed (after the last comma of a comma-separated list)."""
    from .checks.registry import RULES

    done, _, typed = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    return [(head + rule.id, rule.summary) for rule in RULES.values() if rule.id.startswith(typed)]


app = typer.Typer(
    name="plancheck",
    help="Check the arithmetic of government development plans: baselines, targets and stated growth "
    "rates.\n\nExit codes: 0 nothing wrong · 1 findings at error level (warnings too with "
    "--strict) · 2 the command could not run · 3 an internal error.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, enum.Enum):
    """--format of validate and verify: "auto" and the name of every reporter (a test keeps them equal)."""

    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"


class ViewFormat(str, enum.Enum):
    """--format of list and show: auto and the name of every view (a test keeps them equal)."""

    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class TextFormat(str, enum.Enum):
    """--format of rules and config."""

    table = "table"
    json = "json"


class CompareFormat(str, enum.Enum):
    """--format of compare: auto and the name of every comparison reporter (a test keeps them equal)."""

    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    csv_wide = "csv-wide"
    jsonl = "jsonl"
    markdown = "markdown"


class PathFormat(str, enum.Enum):
    """--format of path: the name of every path reporter (a test keeps them equal)."""

    table = "table"
    plain = "plain"
    json = "json"


class ProgressFormat(str, enum.Enum):
    """--format of progress: the name of every progress reporter, and auto."""

    auto = "auto"
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    markdown = "markdown"


LANG_HELP = "Language of names, units, places and claims (en: English where the data or the catalogue gives it)."


class Lang(str, enum.Enum):
    zh = "zh"
    en = "en"


DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        metavar="PATH",
        help="Plan data: a YAML file or a directory of *.yaml (repeatable). Default: "
        "$PLANCHECK_DATA (paths separated by ':'), else the bundled data.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="auto, table, plain, json, csv, jsonl, github or sarif. auto: by suffix for -o FILE.csv, .jsonl, "
        ".json, .sarif; else github under GitHub Actions, else table on a terminal and plain in a pipe. "
        "plain: file:line:col: level [rule] message. github: workflow-command annotations, "
        "then the plain list. sarif: SARIF 2.1.0 for code scanning. json: one object "
        "(summary, results, findings; `plancheck schema --report`). csv: a long table for pandas and Excel "
        "(UTF-8 with BOM; verify: a row per figure checked, validate: a row per finding); jsonl: its rows "
        "as JSON Lines.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE instead of standard output (atomically; an existing file only with "
        "--force; never one of the files being checked). - is standard output.",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Let --output replace an existing file.")]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every file again rather than from the cache of files read before ($PLANCHECK_CACHE_DIR, "
        "else ~/.cache/plancheck; PLANCHECK_NO_CACHE=1 turns it off too).",
    ),
]


class MinLevel(str, enum.Enum):
    info = "info"
    warning = "warning"
    error = "error"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    never = "never"


ConfigOption = Annotated[
    str | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="The configuration file (default: plancheck.toml, .plancheck.yaml or pyproject.toml's "
        "[tool.plancheck], the nearest at or above the data; or $PLANCHECK_CONFIG).",
        show_default=False,
    ),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="RULE",
        help="Report only these rules: ids or prefixes (claim = claim-*), repeatable or comma-separated.",
        show_default=False,
        autocompletion=_complete_rule,
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="RULE",
        help="Never report these rules (ids or prefixes).",
        show_default=False,
        autocompletion=_complete_rule,
    ),
]
MinLevelOption = Annotated[
    MinLevel | None,
    typer.Option(
        "--min-level",
        help="The lowest level shown (default info; the exit code still counts every finding). "
        "In github format, notices are annotations only when this is given as info.",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Show errors only (--min-level error).")]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on", help="What makes the run fail (exit 1): error (default), warning, never.", show_default=False
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Fail on warnings too (--fail-on warning).")]


class RoundingRule(str, enum.Enum):
    half_up = "half-up"
    half_even = "half-even"
    any = "any"


RoundingOption = Annotated[
    RoundingRule | None,
    typer.Option(
        "--rounding",
        help="How the printed figures were rounded: half-up (the default, as Chinese statistics round: "
        "1.32 is [1.315, 1.325)), half-even, or any (both ends of a figure's interval count).",
        show_default=False,
    ),
]
AboutOption = Annotated[
    float | None,
    typer.Option(
        "--about-band",
        metavar="FRACTION",
        min=0.0001,
        max=0.9999,
        help="The relative band of 左右 (about), default 0.1: 500左右 is 450 to 550.",
        show_default=False,
    ),
]
StdinNameOption = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="With - as the file: the name of the file read from standard input (an editor's buffer); "
        "it stands in for that file of the data.",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="On an internal error, print the traceback.")] = False,
) -> None:
    """Check the arithmetic of government development plans."""


# --------------------------------------------------------------------------- helpers


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    sys.stderr.write(f"plancheck: {message}\n")
    raise typer.Exit(code)


def _color() -> bool:
    from .render.console import wants_color

    return wants_color(sys.stdout.isatty())


def _width() -> int:
    from .render.console import terminal_width

    return terminal_width()


def _to_file(output: str | None) -> Path | None:
    """The file --output names, or None for standard output (no --output, or ``-o -``)."""
    if output is None or output == "-":
        return None
    if output == "":
        _fail("--output is empty: give a file name, or - for standard output")
    return Path(output)


def _words(lang: str, loaded: Dataset) -> Words:
    """The words of ``lang`` for the names, units and places of the data read (model/words.py)."""
    from .model.words import Words

    return Words("en" if lang == "en" else "zh", loaded.catalogue, loaded.plans)


def _format(fmt: enum.Enum, output: str | None = None) -> str:
    """The reporter of validate and verify that ``--format`` (and ``-o FILE``'s suffix) chooses."""
    from .render.console import resolve_format

    target = _to_file(output)
    offered = [f.value for f in type(fmt) if f.value != "auto"]
    return resolve_format(
        str(fmt.value),
        is_terminal=sys.stdout.isatty(),
        to_file=None if target is None else str(target),
        offered=offered,
    )


def _view_format(fmt: enum.Enum, output: str | None) -> str:
    """The view ``--format`` chooses; ``auto``: by ``-o FILE``'s suffix (out.csv), else the table."""
    from .render.console import by_suffix

    if fmt.value != "auto":
        return str(fmt.value)
    target = _to_file(output)
    return by_suffix(None if target is None else str(target), [f.value for f in type(fmt)]) or "table"


def _deliver(
    render: Callable[..., str | Iterable[str]], output: str | None, force: bool, inputs: list[str] | None = None
) -> None:
    """Write what ``render`` makes to the file ``output`` names, or to standard output; never over
    one of ``inputs`` (the files the command read)."""
    from .render.output import OutputError, check_target, write_atomically

    target = _to_file(output)
    if target is None:
        _emit(render(color=_color(), width=_width()))
        return
    sources = [Path(f) for f in inputs or []]
    try:
        check_target(target, force, sources)  # before the work: a refused --output costs nothing
        write_atomically(target, render(color=False, width=_width()), force, sources)
    except OutputError as err:
        _fail(str(err))


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """A path that cannot be used or a plan name that names no plan: exit 2 with the reason."""
    from .loader.files import DataPathError
    from .loader.lookup import PlanLookupError

    try:
        yield
    except DataPathError as err:
        _fail(f"{err}. Give an existing plan file or directory (--data PATH or PLANCHECK_DATA).")
    except PlanLookupError as err:
        detail = "".join(f"\n  {c}" for c in err.candidates) if err.ambiguous else ""
        _fail(f"{err}{detail}")


def _paths(given: list[str] | None) -> list[Path] | None:
    """Paths as typed: an empty one is refused (it would otherwise mean the current directory)."""
    if not given:
        return None
    if any(p == "" for p in given):
        _fail("an empty path was given: name a plan file or a directory")
    return [Path(p) for p in given]


def _load(paths: list[Path] | None, stdin: Stdin | None = None, *, no_cache: bool = False) -> Dataset:
    from . import api
    from .loader.cache import open_cache

    with _usage_errors():
        return api.load(paths, stdin=stdin, cache=open_cache(not no_cache))


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _settings(
    start: Path | None,
    config: str | None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    min_level: MinLevel | None = None,
    quiet: bool = False,
    fail_on: FailOn | None = None,
    strict: bool = False,
    rounding: RoundingRule | None = None,
    about_band: float | None = None,
) -> Settings:
    """The settings in effect: the configuration file's, overridden by the flags given."""
    from .loader.config import ConfigError, settings

    try:
        out = settings(start, Path(config) if config else None)
    except ConfigError as err:
        _fail(str(err))
    from .checks.policy import matches

    known = _rule_ids()
    for flag, values in (("--select", _split(select)), ("--ignore", _split(ignore))):
        if values:
            out.set(flag.lstrip("-"), values, flag)
    for name in ("select", "ignore"):
        for selector in getattr(out, name):
            if not any(matches(r, selector) for r in known):
                import difflib

                close = difflib.get_close_matches(selector, known, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "see `plancheck rules`"
                _fail(f"{name}: '{selector}' names no rule ({out.origin.get(name)}): {hint}")
    if quiet:
        out.set("min_level", "error", "--quiet")
    elif min_level is not None:
        out.set("min_level", min_level.value, "--min-level")
    if fail_on is not None:
        out.set("fail_on", fail_on.value, "--fail-on")
    elif strict:
        out.set("fail_on", "warning", "--strict")
    if rounding is not None:
        out.set("rounding", rounding.value, "--rounding")
    if about_band is not None:
        out.set("about_band", about_band, "--about-band")
    return out


def _repository_root() -> Path:
    """The repository around the current directory (the nearest with .git), else the directory itself."""
    here = Path.cwd()
    return next((d for d in (here, *here.parents) if (d / ".git").exists()), here)


def _rule_ids() -> list[str]:
    from .checks.registry import RULES

    return list(RULES)


def _start(paths: list[Path] | None) -> Path | None:
    """Where to look for the configuration from: the first path of the data."""
    from .loader.files import ENV_DATA

    if paths:
        return paths[0]
    env = [p for p in os.environ.get(ENV_DATA, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else None


def _data_paths(flag: list[Path] | None, settings: Settings) -> list[Path] | None:
    """--data, else $PLANCHECK_DATA (read by the loader), else the configuration's data, else the
    bundled data; the configuration's catalogue files are read with any of them."""
    from .loader.files import ENV_DATA, DataPathError, default_paths

    try:
        default = default_paths()
    except DataPathError as err:
        _fail(f"{err}.")
    if flag:
        chosen = flag
    elif os.environ.get(ENV_DATA, "").strip():
        chosen = default
    elif settings.data:
        chosen = settings.data
    else:
        return [*default, *settings.catalogue] if settings.catalogue else None
    return [*chosen, *settings.catalogue]


def _read_stdin(name: str | None) -> Stdin:
    from .loader.reader import Stdin

    raw = sys.stdin.buffer.read() if sys.stdin is not None else b""
    return Stdin(name or STDIN, raw)


STDIN = "<stdin>"
"""The name of a file read from standard input without --stdin-filename."""


def _data_problems_note(data: Dataset) -> None:
    if data.findings:
        sys.stderr.write(f"plancheck: the data has {len(data.findings)} problem(s); `plancheck validate` lists them\n")


class OutputChannelError(Exception):
    """Standard output cannot be written (a full disk, a closed descriptor): exit code 2."""


def _emit(text: str | Iterable[str]) -> None:
    """Write to standard output (text, or its pieces as they are made). A reader that stops early
    (``| head``) is not an error: the rest is dropped and the exit code is the command's own."""
    try:
        if isinstance(text, str):
            sys.stdout.write(text)
        else:
            for piece in text:
                sys.stdout.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as err:
        _silence_stdout()
        raise OutputChannelError(f"standard output cannot be written ({err.strerror}): use -o FILE") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that nothing is left to fail when Python exits."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# --------------------------------------------------------------------------- commands


TextFormatOption = Annotated[TextFormat, typer.Option("--format", "-f", help="table for people, json for programs.")]
ViewFormatOption = Annotated[
    ViewFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="auto, table, plain, json, csv or jsonl. table for people (auto: also in a pipe; by suffix for "
        "-o FILE.csv, .jsonl, .json); "
        "plain: tab-separated, a header line then a line a row, for grep, cut and awk; json for programs; "
        "csv: a long table for pandas and Excel (UTF-8 with BOM, numeric columns numeric, printed "
        "figures as text in *_printed columns); jsonl: the csv's rows as JSON Lines.",
    ),
]


def _view(
    name: str, table: Callable[[], list[Any]], as_dict: Callable[[], object], tidy: Callable[[], TidyTable]
) -> Callable[..., str | Iterable[str]]:
    """What list and show write in the view ``name``: the rich table, JSON or a tidy table."""
    from .render.console import render_rich
    from .render.tidy import WRITERS

    if name == "table":
        return lambda color, width: render_rich(table(), color=color, width=width)
    if name == "json":
        return lambda **kw: json_text(as_dict())
    return lambda **kw: WRITERS[name](tidy())


@app.command("list")
def list_plans(
    data: DataOption = None,
    fmt: ViewFormatOption = ViewFormat.auto,
    output: OutputOption = None,
    force: ForceOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """List the plans: id, region, level, period, issuer, and how many indicators and targets."""
    from .render.tidy import plans_table
    from .render.views import list_rows, list_table

    loaded = _load(_paths(data), no_cache=no_cache)
    render = _view(
        _view_format(fmt, output),
        lambda: list_table(loaded.plans),
        lambda: list_rows(loaded.plans),
        lambda: plans_table(loaded.plans),
    )
    _deliver(render, output, force, loaded.files)
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if loaded.findings else EXIT_OK)


@app.command("show")
def show(
    plan: Annotated[
        str,
        typer.Argument(
            help="Plan id, alias or region name (Chinese or English, any case).", autocompletion=_complete_plan
        ),
    ],
    data: DataOption = None,
    fmt: ViewFormatOption = ViewFormat.auto,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP)] = Lang.zh,
    output: OutputOption = None,
    force: ForceOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one plan's indicators: unit, baseline, target and qualifier, stated growth, source lines."""
    from .loader.lookup import find_plan
    from .render.tidy import indicators_table
    from .render.views import show_dict, show_table

    loaded = _load(_paths(data), no_cache=no_cache)
    with _usage_errors():
        chosen = find_plan(loaded.plans, plan)
    render = _view(
        _view_format(fmt, output),
        lambda: show_table(chosen, _words(lang.value, loaded)),
        lambda: show_dict(chosen),
        lambda: indicators_table(chosen),
    )
    _deliver(render, output, force, loaded.files)
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if loaded.findings else EXIT_OK)


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
    from . import api

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
    from .loader.files import DataPathError

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
    from .render.output import OutputError, write_atomically

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
    from .model.findings import exit_code
    from .render.findings import REPORTERS, STREAMS, Report, step_summary, summary_line
    from .render.views import verify_tables

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
    from . import api
    from .loader.files import YAML_SUFFIXES, display_name

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
        loaded = _load(_data_paths(flag, settings), no_cache=no_cache)
        shown = loaded.files
    with _usage_errors():
        result = api.verify(loaded, names, files=shown if targets or stdin else (), settings=settings, lang=lang.value)
    _report("verify", result.findings, loaded, settings, fmt, output, force, shown, result, lang.value)


@app.command("compare")
def compare_cmd(
    plans: Annotated[
        list[str],
        typer.Argument(
            metavar="PLAN",
            help="Two or more plans, by id, alias or region name.",
            show_default=False,
            autocompletion=_complete_plan,
        ),
    ],
    data: DataOption = None,
    fmt: Annotated[
        CompareFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="auto, table, plain, json, csv, csv-wide, jsonl or markdown. "
            "table for people (auto: also in a pipe; by suffix for -o FILE.csv, .jsonl, .json, .md); "
            "plain: the long table tab-separated; json for programs; csv: a long table for pandas and Excel, "
            "one line per plan on each row (UTF-8 with BOM, numeric columns numeric, printed figures as text); "
            "csv-wide: one line per row, columns per plan; jsonl: the long table as JSON Lines; "
            "markdown to paste into a report.",
        ),
    ] = CompareFormat.auto,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP)] = Lang.zh,
    wide: Annotated[bool, typer.Option("--wide", help="Full names, no wrapping (wider than the terminal).")] = False,
    shared: Annotated[
        bool, typer.Option("--shared", help="Only indicators set by two or more plans, and their look-alikes.")
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
    config: ConfigOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare plans side by side: one row per indicator, aligned through the indicator catalogue.

    For each plan: baseline, target (with its qualifier) and the annual pace, compound % for levels and
    percentage points for shares (from baseline and target, else the plan's stated rate). Values are
    converted where units differ only by scale (万家 → 家). Look-alike indicators that the catalogue
    marks as not comparable (invention patents and high-value ones; heads and person-years) get rows of
    their own, next to each other. More ambitious: the higher pace; without two paces, the higher
    target in a shared target year, for shares and per-capita figures only (not for totals of regions
    of different sizes). Successive plans of one region also get the pace from one plan's
    target to the next.
    """
    from . import api
    from .render.comparison import COMPARE_REPORTERS

    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings), no_cache=no_cache)
    with _usage_errors():
        result = api.compare(loaded, plans, shared=shared, policy=settings.policy)
    if len(result.plans) < 2:
        _fail("compare needs two or more different plans (see `plancheck list`)")
    name = _view_format(fmt, output)
    words = _words(lang.value, loaded)
    _deliver(
        lambda **kw: COMPARE_REPORTERS[name](result, words=words, wide=wide, **kw),
        output,
        force,
        loaded.files,
    )
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if loaded.findings else EXIT_OK)


def _stdout_takes(text: str) -> bool:
    """Standard output's encoding can hold ``text`` (block characters, ✗)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


PlansArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PLAN",
        help="Plans by id, alias or region name. Default: every plan.",
        show_default=False,
        autocompletion=_complete_plan,
    ),
]


@app.command("path")
def path_cmd(
    plans: PlansArgument = None,
    data: DataOption = None,
    fmt: Annotated[
        PathFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people (a column a year); plain: one line a path (plan, indicator, planned or "
            "stated, pace, sparkline, year:value pairs); json for programs.",
        ),
    ] = PathFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP)] = Lang.zh,
    output: OutputOption = None,
    force: ForceOption = False,
    config: ConfigOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
) -> None:
    """The year-by-year values each target implies between its baseline and its target.

    Compound for a pace in % (levels), linear for percentage points (shares) or a pace in the row's
    own unit, as verify computes the pace; a sparkline a row shows its shape. Where the stated annual
    rate does not fit baseline and target, the path it gives from the baseline follows on the next
    row (Jiaxing's R&D intensity: 0.094 pp a year needed, 0.05 stated, 2.98 instead of 3.20 in 2020).
    Block characters are written as ASCII (_.-~=+*#) where the output's encoding cannot hold them.
    """
    from . import api
    from .render.paths import BLOCKS, PATH_REPORTERS

    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings))
    with _usage_errors():
        found = api.paths(loaded, plans or [], policy=settings.policy)
    if not found:
        _fail("no target with both a baseline and a target level to draw a path between (see `plancheck show`)")
    ascii = _to_file(output) is None and not _stdout_takes(BLOCKS + "✗→")
    words = _words(lang.value, loaded)
    _deliver(lambda **kw: PATH_REPORTERS[fmt.value](found, words=words, ascii=ascii, **kw), output, force, loaded.files)
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if loaded.findings else EXIT_OK)


def _chart_paths(paths: list[Trajectory], indicator: str | None) -> list[Trajectory]:
    """The paths to draw: every one, or the one an indicator id, catalogue key or name picks."""
    if indicator is None:
        return list(paths)
    wanted = indicator.casefold()
    picked = [
        t
        for t in paths
        if wanted in {t.indicator.id.casefold(), (t.indicator.key or "").casefold(), t.indicator.name.casefold()}
        or wanted == (t.indicator.name_en or "").casefold()
    ]
    if picked:
        return picked[:1]
    import difflib

    ids = [t.indicator.id for t in paths]
    close = difflib.get_close_matches(indicator, ids, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    _fail(f"no path for indicator {indicator!r} in this plan: {hint}it has paths for " + ", ".join(ids))


@app.command("chart")
def chart_cmd(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help="A plan by id, alias or region name.", autocompletion=_complete_plan)
    ],
    indicator: Annotated[
        str | None,
        typer.Argument(
            metavar="INDICATOR",
            help="An indicator by id, catalogue key or name (default: every indicator with a path, "
            "three charts a row).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The chart file: FILE.png or FILE.svg (written atomically; an existing file only with --force).",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    data: DataOption = None,
    lang: Annotated[
        Lang, typer.Option("--lang", help="Language of names (Chinese needs a CJK font; else English).")
    ] = Lang.zh,
    config: ConfigOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
) -> None:
    """Draw a plan's paths: baseline, planned path, target, and where the stated annual rate does not
    fit, the path it gives (Jiaxing's R&D intensity: 0.05 pp a year stated, 0.094 needed).

    Needs matplotlib: pip install 'plancheck[report]'. Chinese names are drawn with an installed CJK
    font (such as Noto Sans CJK SC: apt-get install fonts-noto-cjk); without one, in English.
    """
    from . import api
    from .render import chart
    from .render.output import OutputError, check_target, write_atomically

    target = _to_file(output)
    if target is None or target.suffix.lower() not in (".png", ".svg"):
        _fail("give the chart file with -o FILE.png or -o FILE.svg")
    try:
        chart.require()
    except chart.ChartUnavailable as err:
        _fail(str(err))
    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings))
    with _usage_errors():
        found = api.paths(loaded, [plan], policy=settings.policy)
    if not found:
        _fail(f"{plan}: no target with both a baseline and a target level to draw a path between")
    chosen = _chart_paths(found, indicator)
    sources = [Path(f) for f in loaded.files]
    try:
        check_target(target, force, sources)
        image = chart.render(chosen, target.suffix.lower()[1:], lang=lang.value)
        write_atomically(target, image, force, sources)
    except OutputError as err:
        _fail(str(err))
    font = chart.cjk_font()
    sys.stderr.write(
        f"plancheck: {target}: {len(chosen)} chart(s), "
        + (f"names in Chinese ({font})" if font and lang is Lang.zh else "names in English")
        + "\n"
    )
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if loaded.findings else EXIT_OK)


@app.command("report")
def report_cmd(
    plans: PlansArgument = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The HTML file (written atomically; an existing file only with --force). - is standard output.",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    data: DataOption = None,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP)] = Lang.zh,
    config: ConfigOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
) -> None:
    """One self-contained HTML file to share: for each plan its indicators, every verify verdict with
    the numbers behind it, its findings, the year-by-year paths and their charts (inline SVG); for
    several plans, the comparison. No script and nothing fetched from the network; readable on a
    phone and in print. Charts need matplotlib (pip install 'plancheck[report]'); without it the
    report is written without them and says so.
    """
    from . import api
    from .render import chart
    from .render.report import ReportInput, render

    if output is None:
        _fail("give the report file with -o FILE.html (or -o - for standard output)")
    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings))
    with _usage_errors():
        run = api.verify(loaded, plans or [], settings=settings)
        found = api.paths(loaded, [p.id for p in run.plans], policy=settings.policy)
        comparison = (
            api.compare(loaded, [p.id for p in run.plans], policy=settings.policy) if len(run.plans) > 1 else None
        )
    draw: Callable[[Sequence[Trajectory]], str] | None = None
    note = None
    try:
        chart.require()
    except chart.ChartUnavailable as err:
        note = f"No charts: {err}."
        sys.stderr.write(f"plancheck: the report has no charts: {err}\n")
    else:

        def draw(paths: Sequence[Trajectory]) -> str:
            return chart.inline_svg(paths, lang=lang.value)

    with _usage_errors():
        progress = api.progress(loaded, [p.id for p in run.plans], policy=settings.policy)
    page = ReportInput(run, found, comparison, draw, note, _words(lang.value, loaded), progress)
    _deliver(lambda **kw: render(page), output, force, loaded.files)
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_OK)


@app.command("progress")
def progress_cmd(
    plans: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PLAN",
            help="Plans by id, alias or region name (default: every plan).",
            show_default=False,
            autocompletion=_complete_plan,
        ),
    ] = None,
    data: DataOption = None,
    fmt: Annotated[
        ProgressFormat,
        typer.Option(
            "--format",
            "-f",
            help="auto: table on a terminal, plain in a pipe or file; plain: file:line:col: verdict "
            "[plan/indicator] message; json for programs; csv (UTF-8 with BOM, opens in Excel); markdown.",
        ),
    ] = ProgressFormat.auto,
    lang: Annotated[Lang, typer.Option("--lang", help=LANG_HELP)] = Lang.zh,
    output: OutputOption = None,
    force: ForceOption = False,
    config: ConfigOption = None,
    rounding: RoundingOption = None,
    about_band: AboutOption = None,
) -> None:
    """How each target with outturns stands: observed pace against the pace it needs.

    For each target with observed values: the annual pace from the baseline to the latest outturn,
    the pace the target needs, their ratio R and its verdict: achieved; on track (R >= 0.95);
    acceleration needed (0.60 <= R < 0.95); limited progress (0 <= R < 0.60); moving away (R < 0),
    with the wording of Chinese mid-term reviews beside it, and the pace now needed. An outturn of
    the target year settles the target: achieved or missed. Rounding-aware: a verdict that depends
    on rounding says so. Yearly bounds are met or broken each year. Exit 0, or 1 when the data has
    errors; 2 for an unknown plan or bad input.
    """
    from . import api
    from .render.progress import PROGRESS_REPORTERS

    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings))
    with _usage_errors():
        result = api.progress(loaded, plans or [], policy=settings.policy)
    name = fmt.value
    if name == "auto":
        name = "table" if sys.stdout.isatty() and _to_file(output) is None else "plain"
    words = _words(lang.value, loaded)
    _deliver(
        lambda **kw: PROGRESS_REPORTERS[name](result, words=words, **kw),
        output,
        force,
        loaded.files,
    )
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if any(f.level == "error" for f in loaded.findings) else EXIT_OK)


@app.command("rules")
def rules_cmd(
    rule: Annotated[
        str | None,
        typer.Argument(help="A rule id: print its documentation.", show_default=False, autocompletion=_complete_rule),
    ] = None,
    fmt: TextFormatOption = TextFormat.table,
) -> None:
    """List every rule: id, level and what it finds; with a rule id, its documentation and examples."""
    import difflib

    from .checks.registry import RULES, documentation

    if rule is not None:
        if rule not in RULES:
            close = difflib.get_close_matches(rule, list(RULES), n=3, cutoff=0.5)
            _fail(
                f"no rule '{rule}'" + (f"; closest: {', '.join(close)}" if close else "") + " (see `plancheck rules`)"
            )
        _emit(f"{rule} ({RULES[rule].level})\n\n{documentation(rule)}\n")
        return
    rows = [{"id": r.id, "level": r.level, "summary": r.summary} for r in RULES.values()]
    if fmt.value == "json":
        _emit(json_text(rows))
    else:
        width = max(len(r["id"]) for r in rows)
        _emit("".join(f"{r['id']:<{width}}  {r['level']:<7}  {r['summary']}\n" for r in rows))


@app.command("config")
def config_cmd(
    data: DataOption = None,
    config: ConfigOption = None,
    fmt: TextFormatOption = TextFormat.table,
) -> None:
    """Print the settings in effect and where each comes from (a file, the environment, the default).

    The configuration is the nearest plancheck.toml, .plancheck.yaml or pyproject.toml with a
    [tool.plancheck] table at or above the data (or --config FILE, or $PLANCHECK_CONFIG); flags of
    validate and verify override it.
    """
    from .loader.files import ENV_DATA
    from .render.views import settings_rows

    flag = _paths(data)
    settings = _settings(_start(flag), config)
    if flag:
        settings.set("data", flag, "--data")
    elif os.environ.get(ENV_DATA, "").strip():
        settings.set("data", [Path(p) for p in os.environ[ENV_DATA].split(os.pathsep) if p.strip()], ENV_DATA)
    rows = settings_rows(settings)
    if fmt.value == "json":
        _emit(json_text(rows))
    else:
        width = max(len(r["setting"]) for r in rows)
        _emit("".join(f"{r['setting']:<{width}}  {r['value']}  ({r['from']})\n" for r in rows))


@app.command("init")
def init_cmd(
    folder: Annotated[str, typer.Argument(metavar="DIR", help="Where to make the repository (default: here).")] = ".",
) -> None:
    """Make a data repository that works as written: an example plan (with the schema line editors
    read), an example outturn file, their schemas, a catalogue, plancheck.toml, a GitHub workflow, a
    pre-commit hook scoped to plan and outturn files, and a README. An existing file is never
    overwritten: it is kept, and said so.
    """
    from .render.output import OutputError, write_atomically
    from .render.scaffold import files

    root = Path(folder or ".")
    written, kept = [], []
    for relative, text in files().items():
        path = root / relative
        try:
            if os.path.lexists(path):
                kept.append(relative)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
        except (OutputError, OSError) as err:
            _fail(f"{path}: {err}")
        written.append(relative)
    report = "".join(f"  wrote {r}\n" for r in written) + "".join(f"  kept  {r} (it exists)\n" for r in kept)
    _emit(f"plancheck init {root}:\n{report}Next: plancheck verify (in {root}).\n")


@app.command("schema")
def schema_cmd(
    catalogue: Annotated[
        bool, typer.Option("--catalogue", help="The schema of indicator catalogue files instead.")
    ] = False,
    outturns: Annotated[
        bool, typer.Option("--outturns", help="The schema of outturn files (observed values) instead.")
    ] = False,
    report: Annotated[
        bool,
        typer.Option("--report", help="The schema of the JSON that validate and verify write (--format json)."),
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of plan files (for editors: see the README's section on VS Code)."""
    from .model.catalogue import Catalogue
    from .model.plan import OutturnFile, json_schema
    from .render.output_schema import report_schema

    if catalogue + outturns + report > 1:
        _fail("--catalogue, --outturns and --report ask for different schemas: give one of them")
    if report:
        text = json_text(report_schema())
    else:
        text = json_text(json_schema(Catalogue if catalogue else OutturnFile if outturns else None))
    _deliver(lambda **_: text, output, force)


class CalcFormat(str, enum.Enum):
    plain = "plain"
    json = "json"


QUALIFIER_HELP = "How the {} binds: at_least, more_than, at_most, less_than or about."


def _qualifier_option(name: str, what: str) -> typer.models.OptionInfo:
    info: typer.models.OptionInfo = typer.Option(
        name, metavar="QUALIFIER", help=QUALIFIER_HELP.format(what), show_default=False
    )
    return info


CALC_HELP = """Check one stated growth rate against a baseline and a target, without a plan file: the same
verdict and numbers verify gives for those figures in a plan.

  plancheck calc 2.73 3.20 --years 2015-2020 --stated 0.05pp

The stated rate's unit: % compound a year (the default: 5 is 5%), pp percentage points a year, x or
times a multiple over the whole span (2x); --total reads a % or pp as the change over the whole span.
A qualifier goes after the number (3.2以上) or in a --*-qualifier option. A negative
figure follows -- (or --stated=-1pp), so that it is not read as an option.

Exit codes: 0 consistent (or consistent only within the baseline's rounding) · 1 inconsistent · 2 a
figure, the years or a unit that cannot be read."""


def _calc_years(text: str) -> tuple[int, int]:
    import re

    m = re.fullmatch(r"\s*(\d{4})\s*[-–—~]\s*(\d{4})\s*", text)
    if m is None:
        _fail(f"--years {text!r}: give the baseline's year and the target's, such as --years 2015-2020")
    return int(m.group(1)), int(m.group(2))


@app.command("calc", help=CALC_HELP)
def calc_cmd(
    baseline: Annotated[str, typer.Argument(metavar="BASELINE", help="The baseline as printed (2.73).")],
    target: Annotated[str, typer.Argument(metavar="TARGET", help="The target as printed (3.20).")],
    years: Annotated[
        str, typer.Option("--years", metavar="FIRST-LAST", help="Baseline's year and target's (2015-2020).")
    ],
    stated: Annotated[
        str, typer.Option("--stated", metavar="RATE", help="The stated rate with its unit: 5%, 0.05pp, 2x.")
    ],
    total: Annotated[
        bool, typer.Option("--total", help="The stated figure is the change over the whole span, not a year's.")
    ] = False,
    baseline_qualifier: Annotated[str | None, _qualifier_option("--baseline-qualifier", "baseline")] = None,
    target_qualifier: Annotated[str | None, _qualifier_option("--target-qualifier", "target")] = None,
    stated_qualifier: Annotated[str | None, _qualifier_option("--stated-qualifier", "stated rate")] = None,
    rounding: RoundingOption = None,
    fmt: Annotated[CalcFormat, typer.Option("--format", "-f", help="plain or json.")] = CalcFormat.plain,
) -> None:
    import dataclasses

    from . import api
    from .arith.interval import DEFAULT, QUALIFIERS
    from .model.status import Status
    from .render import calc as render_calc

    for option, value in (
        ("--baseline-qualifier", baseline_qualifier),
        ("--target-qualifier", target_qualifier),
        ("--stated-qualifier", stated_qualifier),
    ):
        if value is not None and value not in QUALIFIERS:
            _fail(f"{option} {value!r}: use one of {', '.join(QUALIFIERS)}")
    policy = DEFAULT if rounding is None else dataclasses.replace(DEFAULT, rounding=rounding.value)
    try:
        run = api.calc(
            baseline,
            target,
            _calc_years(years),
            stated,
            total=total,
            baseline_qualifier=baseline_qualifier,
            target_qualifier=target_qualifier,
            stated_qualifier=stated_qualifier,
            policy=policy,
        )
    except api.CalcInputError as e:
        _fail(str(e))
    _emit(render_calc.as_json(run) if fmt is CalcFormat.json else render_calc.plain(run))
    raise typer.Exit(1 if run.result.status is Status.INCONSISTENT else 0)


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
    from .extract.document import read_bytes
    from .extract.text import TextDecodeError

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
    from .extract.draft import Given, draft
    from .render.draft import draft_yaml, summary

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
    from .extract.audit import audit
    from .render.draft import audit_text

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


# --------------------------------------------------------------------------- entry point


def _prepare_streams() -> str | None:
    """Make the standard streams safe to write; the reason when standard output cannot be used.

    Characters the output's encoding cannot hold (an ASCII or C locale) are written as backslash
    escapes instead of stopping the command.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    if sys.stdout is None:
        return "standard output is closed: give -o FILE, or run with standard output open"
    return None


def _stop_on_sigterm() -> None:
    """SIGTERM ends the command like Ctrl-C: a file being written is removed, not left half done."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError, OSError):  # not in the main thread: leave it as it is
        signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry: runs the app and turns an unexpected exception into exit code 3.

    ``--debug`` (the traceback of an internal error) may stand anywhere among the arguments.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args[: args.index("--")] if "--" in args else "--debug" in args
    if debug:
        cut = args.index("--") if "--" in args else len(args)
        args = [a for a in args[:cut] if a != "--debug"] + args[cut:]
    closed = _prepare_streams()
    if closed is not None:
        if sys.stderr is not None:
            sys.stderr.write(f"plancheck: {closed}\n")
        return EXIT_USAGE
    _stop_on_sigterm()
    try:
        app(args=args, prog_name="plancheck")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_FINDINGS)
    except KeyboardInterrupt:
        sys.stderr.write("plancheck: interrupted\n")
        return 130
    except OutputChannelError as err:
        sys.stderr.write(f"plancheck: {err}\n")
        return EXIT_USAGE
    except Exception as err:  # a bug: say so briefly, the traceback only on request
        if debug:
            traceback.print_exc()
        sys.stderr.write(
            f"plancheck {__version__}: internal error ({type(err).__name__}: {err}).\n"
            "This is a bug in plancheck: please report it with the command you ran and the data file. "
            "Run again with --debug for the traceback.\n"
        )
        return EXIT_INTERNAL
    return EXIT_OK

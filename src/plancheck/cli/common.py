"""The command line's shared parts: the app, the options every command takes, the helpers that load
the data, pick a format and write the output, and the entry point (``main``).

No arithmetic, YAML or formatting decisions live here.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ..render.text import json_text
from ..version import __version__

if TYPE_CHECKING:
    from ..loader.reader import Dataset, Stdin
    from ..model.settings import Settings
    from ..model.words import Words
    from ..render.tidy import Table as TidyTable

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
    from .. import api
    from ..loader.lookup import describe_plan

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
    from ..checks.registry import RULES

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
        "else ~/.cache/plancheck; PLANCHECK_NO_CACHE=1 turns it off too). verify of all the data in plain, "
        "github or sarif also keeps each file's findings there, and checks again only the files an edit touches.",
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
    from ..render.console import wants_color

    return wants_color(sys.stdout.isatty())


def _width() -> int:
    from ..render.console import terminal_width

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
    from ..model.words import Words

    return Words("en" if lang == "en" else "zh", loaded.catalogue, loaded.plans)


def _format(fmt: enum.Enum, output: str | None = None) -> str:
    """The reporter of validate and verify that ``--format`` (and ``-o FILE``'s suffix) chooses."""
    from ..render.console import resolve_format

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
    from ..render.console import by_suffix

    if fmt.value != "auto":
        return str(fmt.value)
    target = _to_file(output)
    return by_suffix(None if target is None else str(target), [f.value for f in type(fmt)]) or "table"


def _deliver(
    render: Callable[..., str | Iterable[str]], output: str | None, force: bool, inputs: list[str] | None = None
) -> None:
    """Write what ``render`` makes to the file ``output`` names, or to standard output; never over
    one of ``inputs`` (the files the command read)."""
    from ..render.output import OutputError, check_target, write_atomically

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
    from ..loader.files import DataPathError
    from ..loader.lookup import PlanLookupError

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
    from .. import api
    from ..loader.cache import open_cache

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
    from ..loader.config import ConfigError, settings

    try:
        out = settings(start, Path(config) if config else None)
    except ConfigError as err:
        _fail(str(err))
    from ..checks.policy import matches

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
    from ..checks.registry import RULES

    return list(RULES)


def _start(paths: list[Path] | None) -> Path | None:
    """Where to look for the configuration from: the first path of the data."""
    from ..loader.files import ENV_DATA

    if paths:
        return paths[0]
    env = [p for p in os.environ.get(ENV_DATA, "").split(os.pathsep) if p.strip()]
    return Path(env[0]) if env else None


def _data_paths(flag: list[Path] | None, settings: Settings) -> list[Path] | None:
    """--data, else $PLANCHECK_DATA (read by the loader), else the configuration's data, else the
    bundled data; the configuration's catalogue files are read with any of them."""
    from ..loader.files import ENV_DATA, DataPathError, default_paths

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
    from ..loader.reader import Stdin

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
    from ..render.console import render_rich
    from ..render.tidy import WRITERS

    if name == "table":
        return lambda color, width: render_rich(table(), color=color, width=width)
    if name == "json":
        return lambda **kw: json_text(as_dict())
    return lambda **kw: WRITERS[name](tidy())


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

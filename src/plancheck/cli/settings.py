"""rules, config, init and schema: the tool's own rules, settings, a new repository, the schemas."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..render.text import json_text
from .common import (
    ConfigOption,
    DataOption,
    ForceOption,
    OutputOption,
    TextFormat,
    TextFormatOption,
    _complete_rule,
    _deliver,
    _emit,
    _fail,
    _paths,
    _settings,
    _start,
    app,
)


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

    from ..checks.registry import RULES, documentation

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
    from ..loader.files import ENV_DATA
    from ..render.views import settings_rows

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
    from ..render.output import OutputError, write_atomically
    from ..render.scaffold import files

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
    from ..model.catalogue import Catalogue
    from ..model.plan import OutturnFile, json_schema
    from ..render.output_schema import report_schema

    if catalogue + outturns + report > 1:
        _fail("--catalogue, --outturns and --report ask for different schemas: give one of them")
    if report:
        text = json_text(report_schema())
    else:
        text = json_text(json_schema(Catalogue if catalogue else OutturnFile if outturns else None))
    _deliver(lambda **_: text, output, force)

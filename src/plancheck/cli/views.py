"""list and show: the plans, and one plan's indicators and claims."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG_HELP,
    DataOption,
    ForceOption,
    Lang,
    NoCacheOption,
    OutputOption,
    ViewFormat,
    ViewFormatOption,
    _complete_plan,
    _data_problems_note,
    _deliver,
    _load,
    _paths,
    _usage_errors,
    _view,
    _view_format,
    _words,
    app,
)


@app.command("list")
def list_plans(
    data: DataOption = None,
    fmt: ViewFormatOption = ViewFormat.auto,
    output: OutputOption = None,
    force: ForceOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """List the plans: id, region, level, period, issuer, and how many indicators and targets."""
    from ..render.tidy import plans_table
    from ..render.views import list_rows, list_table

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
    from ..loader.lookup import find_plan
    from ..render.tidy import indicators_table
    from ..render.views import show_dict, show_table

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

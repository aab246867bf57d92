"""compare: plans side by side."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG_HELP,
    AboutOption,
    CompareFormat,
    ConfigOption,
    DataOption,
    ForceOption,
    Lang,
    NoCacheOption,
    OutputOption,
    RoundingOption,
    _complete_plan,
    _data_paths,
    _data_problems_note,
    _deliver,
    _fail,
    _load,
    _paths,
    _settings,
    _start,
    _usage_errors,
    _view_format,
    _words,
    app,
)


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
    from .. import api
    from ..render.comparison import COMPARE_REPORTERS

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

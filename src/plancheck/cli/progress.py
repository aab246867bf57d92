"""path, chart, report and progress: where each target's path leads, and how it stands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..analysis.paths import Trajectory
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG_HELP,
    AboutOption,
    ConfigOption,
    DataOption,
    ForceOption,
    Lang,
    OutputOption,
    PathFormat,
    PlansArgument,
    ProgressFormat,
    RoundingOption,
    _complete_plan,
    _data_paths,
    _data_problems_note,
    _deliver,
    _fail,
    _format,
    _load,
    _paths,
    _settings,
    _start,
    _stdout_takes,
    _to_file,
    _usage_errors,
    _words,
    app,
)


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
    from .. import api
    from ..render.paths import BLOCKS, PATH_REPORTERS

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
    if not picked:
        import difflib

        ids = [t.indicator.id for t in paths]
        close = difflib.get_close_matches(indicator, ids, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        _fail(f"no path for indicator {indicator!r} in this plan: {hint}it has paths for " + ", ".join(ids))
    return picked[:1]


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
    from .. import api
    from ..render import chart
    from ..render.output import OutputError, check_target, write_atomically

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
    from .. import api
    from ..render import chart
    from ..render.report import ReportInput, render

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
            help="auto: by suffix for -o FILE.csv, .json, .md, else table on a terminal, plain in a pipe or file; "
            "plain: file:line:col: verdict "
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
    from .. import api
    from ..render.progress import PROGRESS_REPORTERS

    flag = _paths(data)
    settings = _settings(_start(flag), config, rounding=rounding, about_band=about_band)
    loaded = _load(_data_paths(flag, settings))
    with _usage_errors():
        result = api.progress(loaded, plans or [], policy=settings.policy)
    name = _format(fmt, output)
    words = _words(lang.value, loaded)
    _deliver(
        lambda **kw: PROGRESS_REPORTERS[name](result, words=words, **kw),
        output,
        force,
        loaded.files,
    )
    _data_problems_note(loaded)
    raise typer.Exit(EXIT_FINDINGS if any(f.level == "error" for f in loaded.findings) else EXIT_OK)

"""Renderers of year-by-year paths (``plancheck path``): table, plain and json, with a sparkline a row."""

from __future__ import annotations

import math
from typing import Protocol

from ..analysis.paths import Trajectory
from ..arith.numbers import format_number
from ..model.notation import RATE_UNIT_SYMBOLS
from ..model.words import ZH, Words
from .text import clean, json_text

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.-~=+*#"  # the same eight steps, for an output that cannot hold block characters


class PathReporter(Protocol):
    def __call__(
        self, paths: list[Trajectory], *, color: bool = False, width: int = 100, words: Words = ZH, ascii: bool = False
    ) -> str: ...


def sparkline(values: list[float], low: float, high: float, *, ascii: bool = False) -> str:
    """One character a value, its height in eight steps between ``low`` and ``high`` (the middle step
    where they are equal; ``?`` for a value beyond floating point)."""
    steps = ASCII_BLOCKS if ascii else BLOCKS
    out = []
    for v in values:
        if not math.isfinite(v) or not math.isfinite(low) or not math.isfinite(high):
            out.append("?")
        elif high <= low:
            out.append(steps[3])
        else:
            out.append(steps[min(7, max(0, int((v - low) / (high - low) * 7 + 0.5)))])
    return "".join(out)


def sparklines(t: Trajectory, *, ascii: bool = False) -> tuple[str, str | None]:
    """The planned path's sparkline and the stated rate's, on one scale so that they compare."""
    every = [v for v in t.planned + (t.stated or []) if math.isfinite(v)]
    low, high = (min(every), max(every)) if every else (0.0, 0.0)
    planned = sparkline(t.planned, low, high, ascii=ascii)
    return planned, None if t.stated is None else sparkline(t.stated, low, high, ascii=ascii)


def name(t: Trajectory, words: Words) -> str:
    ind = t.indicator
    return clean(words.name(ind) + (f" [{words.place(ind.scope)}]" if ind.scope else ""))


def pace_text(t: Trajectory) -> str:
    """The planned pace, ``0.094pp/yr`` (``total`` for a 累计 row, whose pace is over the span)."""
    r = t.result
    assert r.point is not None
    assert r.unit is not None
    symbol = clean(t.indicator.unit) if r.unit == "absolute" else RATE_UNIT_SYMBOLS[r.unit]
    return format_number(r.point, 3) + symbol + (" total" if r.kind == "total" else "/yr")


def stated_text(t: Trajectory) -> str:
    g = t.indicator.growth
    assert g is not None
    symbol = clean(t.indicator.unit) if g.unit == "absolute" else RATE_UNIT_SYMBOLS[g.unit]
    return "stated " + clean(g.value) + symbol + "/yr"


def values_text(t: Trajectory, values: list[float]) -> list[str]:
    """Each year's value at one more decimal than printed; the baseline (and the planned path's
    target) as printed, 3.20 staying 3.20."""
    shown = [format_number(v, t.digits) for v in values]
    b, g = t.indicator.baseline, t.indicator.target
    if b is not None and b.unit is None:
        shown[0] = clean(b.value)
    if g is not None and g.unit is None and values is t.planned:
        shown[-1] = clean(g.value)
    return shown


def plain(
    paths: list[Trajectory], *, color: bool = False, width: int = 100, words: Words = ZH, ascii: bool = False
) -> str:
    """One line a path: plan, indicator, planned or stated, pace, sparkline, then year:value pairs."""
    lines = []
    for t in paths:
        spark, stated_spark = sparklines(t, ascii=ascii)
        pairs = " ".join(f"{y}:{v}" for y, v in zip(t.years, values_text(t, t.planned), strict=True))
        lines.append(f"{t.plan.id} {clean(t.indicator.id)} planned {pace_text(t)} {spark} {pairs}")
        if t.stated is not None and stated_spark is not None:
            pairs = " ".join(f"{y}:{v}" for y, v in zip(t.years, values_text(t, t.stated), strict=True))
            lines.append(f"{t.plan.id} {clean(t.indicator.id)} {stated_text(t)} {stated_spark} {pairs}")
    return "".join(line + "\n" for line in lines)


def table(
    paths: list[Trajectory], *, color: bool = False, width: int = 100, words: Words = ZH, ascii: bool = False
) -> str:
    """One table a plan: a row a path (and a row under it for a stated rate that disagrees), a column a year."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .console import render_rich

    out: list[Table | Text | str] = []
    by_plan: dict[str, list[Trajectory]] = {}
    for t in paths:
        by_plan.setdefault(t.plan.id, []).append(t)
    for plan_id, rows in by_plan.items():
        plan = rows[0].plan
        years = list(range(min(t.years[0] for t in rows), max(t.years[-1] for t in rows) + 1))
        out.append(Text(clean(f"{plan_id} · {plan.title.zh} · {plan.period.first}–{plan.period.last}"), style="bold"))
        tab = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
        tab.add_column("indicator", overflow="fold", min_width=12, max_width=28)
        tab.add_column("unit", no_wrap=True)
        tab.add_column("pace", justify="right", no_wrap=True)
        tab.add_column("path", no_wrap=True)
        for y in years:
            tab.add_column(str(y), justify="right", no_wrap=True)
        for t in rows:
            spark, stated_spark = sparklines(t, ascii=ascii)
            shown = dict(zip(t.years, values_text(t, t.planned), strict=True))
            tab.add_row(
                name(t, words),
                clean(words.unit(t.indicator.unit)),
                pace_text(t),
                spark,
                *(shown.get(y, "") for y in years),
            )
            if t.stated is not None and stated_spark is not None:
                shown = dict(zip(t.years, values_text(t, t.stated), strict=True))
                tab.add_row(
                    Text("  ✗ stated" if not ascii else "  x stated", style="red"),
                    "",
                    Text(stated_text(t).removeprefix("stated "), style="red"),
                    Text(stated_spark, style="red"),
                    *(Text(shown.get(y, ""), style="red") for y in years),
                )
        out += [tab, ""]
    out.append(
        "planned: compound for a pace in %, linear for percentage points (or the row's own unit); under an "
        "inconsistent row, the path its stated rate gives from the baseline"
    )
    return render_rich(out, color=color, width=width)


def as_json(
    paths: list[Trajectory], *, color: bool = False, width: int = 100, words: Words = ZH, ascii: bool = False
) -> str:
    return json_text({"paths": [t.as_dict() for t in paths]})


PATH_REPORTERS: dict[str, PathReporter] = {"table": table, "plain": plain, "json": as_json}

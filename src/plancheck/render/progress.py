"""Renderers of progress: pure functions from a ProgressRun to text (table, plain, json, csv, markdown)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Protocol

from ..arith.numbers import format_number, format_range
from ..model.notation import RATE_UNIT_SYMBOLS, qualified
from ..model.status import PROGRESS_ORDER, Progress
from ..model.words import ZH, Words
from .text import clean, json_text

if TYPE_CHECKING:
    from ..analysis.progress import ProgressResult
    from ..api import ProgressRun


class ProgressReporter(Protocol):
    def __call__(self, run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str: ...


def _name(r: ProgressResult, words: Words) -> str:
    ind = r.indicator
    return clean(words.name(ind) + (f" [{words.place(ind.scope)}]" if ind.scope else ""))


def pace_text(r: ProgressResult, value: float) -> str:
    """A pace with its unit: 2.5%/yr, 0.09 pp/yr, 0.2岁/yr."""
    unit = r.unit or "percent"
    symbol = RATE_UNIT_SYMBOLS[unit] if unit != "absolute" else clean(r.indicator.unit)
    return f"{format_number(value, 3)}{symbol}/yr"


def _seen(value: str, unit: str | None, words: Words = ZH) -> str:
    """An outturn as printed, with its own unit where it has one (29500万元 on a row in 亿元; in English
    29500 × 10,000 yuan)."""
    return clean(words.amount(value, unit) if unit else value)


def _target(r: ProgressResult) -> str:
    ind = r.indicator
    if r.target_printed is None:
        return ""
    t = ind.target
    if ind.target is None and ind.total is not None:  # a cumulative change: the level it implies
        sign = "−" if ind.total.direction == "down" else "+"
        suffix = {"percent": "%", "pp": " pp", "times": "×", "absolute": ""}[ind.total.unit]
        level = format_number(r.target or 0.0, 3)
        return f"{level} ({sign}〔{qualified(r.target_printed, r.qualifier)}{suffix}〕)"
    text = qualified(r.target_printed, r.qualifier)
    if t is not None and t.upper:
        text += f"–{t.upper}"
    if t is not None and t.kind == "increment":
        text = f"{format_number(r.target or 0.0, 3)} (+{text})"
    return text


def message(r: ProgressResult, words: Words = ZH) -> str:
    """One line on how the target stands, with the numbers behind the verdict."""
    name = _name(r, words)
    o = r.latest
    if r.years:
        met = [str(y.year) for y in r.years if y.met]
        broken = [f"{y.year} ({_seen(y.value, y.unit, words)})" for y in r.years if y.met is False]
        unsure = [f"{y.year} ({_seen(y.value, y.unit, words)})" for y in r.years if y.met is None]
        parts = [f"{name}: {clean(_target(r))} every year"]
        if met:
            parts.append("met in " + ", ".join(met))
        if broken:
            parts.append("broken in " + ", ".join(broken))
        if unsure:
            parts.append("met or broken within rounding in " + ", ".join(unsure))
        text = "; ".join(parts) + f": {r.verdict.label} ({r.zh})"
        if r.depends_on_rounding:
            text += f" (it depends on rounding: {' or '.join(p.label for p in r.possible)})"
        return text
    if r.verdict is Progress.UNASSESSED:
        seen = f" ({o.year}: {_seen(o.value, o.unit, words)})" if o is not None else ""
        return f"{name}{seen}: {r.reason.value if r.reason else 'not assessed'}"
    assert o is not None
    head = f"{name}: {_seen(o.value, o.unit, words)} ({o.year})"
    goal = f"{clean(_target(r))} ({r.target_year})"
    if r.observed is None or r.ratio is None:  # achieved, from a base-year outturn or by standing still
        text = f"{head} reaches {goal}: {r.verdict.label} ({r.zh})"
    else:
        text = (
            f"{name}: {_seen(r.base or '', r.base_unit, words)} ({r.base_year}) → "
            f"{_seen(o.value, o.unit, words)} ({o.year}) is "
            f"{pace_text(r, r.observed[0])}; {goal} needs {pace_text(r, r.required[0] if r.required else 0.0)}"
            f"; R = {format_number(r.ratio[0], 2)}: {r.verdict.label} ({r.zh})"
        )
        if r.verdict is not Progress.ACHIEVED and r.needed is not None:
            text += f"; now needs {pace_text(r, r.needed[0])} to {r.target_year}"
    if r.depends_on_rounding:
        rng = ""
        if r.ratio is not None and not r.settled:  # a settled target depends on O against T, not on R
            low, high = format_range(r.ratio[1], r.ratio[2], 3)
            rng = f"R is {low} to {high} within rounding, so "
        text += f" ({rng}it depends on rounding: {' or '.join(p.label for p in r.possible)})"
    if r.direction == "down":
        text += f" [lower is better, by the {r.direction_from}]"
    return text


def plain(run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str:
    """``file:line:col: verdict [plan/indicator] message``, one target a line, at its latest outturn."""
    out = []
    for r in run.results:
        p = r.place
        out.append(
            f"{p.file}:{p.line}:{p.column}: {r.verdict.value} [{r.plan.id}/{r.indicator.id}] {message(r, words)}"
        )
    return "".join(line + "\n" for line in out)


def _summary_line(run: ProgressRun) -> str:
    s = run.summary
    counts = s["verdicts"]
    assert isinstance(counts, dict)
    shown = ", ".join(f"{counts[v.value]} {v.label}" for v in PROGRESS_ORDER if counts.get(v.value))
    return (
        f"{s['targets']} targets with outturns in {s['plans']} plan{'' if s['plans'] == 1 else 's'}"
        + (f": {shown}" if shown else "")
        + (f"; {s['depends_on_rounding']} depend on rounding" if s["depends_on_rounding"] else "")
        + "."
    )


def cells(r: ProgressResult, words: Words, short: bool = False) -> list[str]:
    """The cells of a row; ``short``: paces without their "/yr" (the table's headers say "a year")."""

    def pace(x: float) -> str:
        text = pace_text(r, x)
        return text.removesuffix("/yr") if short else text

    o = r.latest
    sep = "\n" if short else " "  # the table stacks each figure over its year
    target = clean(_target(r)) if r.target_printed is not None else ""
    if short and r.indicator.target is None and r.indicator.total is not None:
        target = format_number(r.target or 0.0, 3)  # the implied level; the message gives the change
    return [
        _name(r, words),
        f"{_seen(r.base, r.base_unit, words)}{sep}({r.base_year})" if r.base is not None else "",
        f"{_seen(o.value, o.unit, words)}{sep}({o.year})" if o is not None else "",
        f"{target}{sep}({r.target_year})" if target else "",
        pace(r.observed[0]) if r.observed else "",
        pace(r.required[0]) if r.required else "",
        format_number(r.ratio[0], 2) if r.ratio else "",
        (r.verdict.label + (" *" if r.depends_on_rounding else "")),
        r.zh,
        pace(r.needed[0]) if r.needed and r.verdict is not Progress.ACHIEVED else "",
    ]


HEAD = ["indicator", "base", "latest", "target", "observed", "required", "R", "verdict", "评估", "now needed"]
TABLE_HEAD = ["indicator", "base", "latest", "target", "pace", "needs", "R", "verdict", "评估", "now"]
LEGEND = (
    "Paces a year: pace, observed since the base; needs, what the target needs; now, what it needs from the "
    "latest outturn. "
    "R: observed annual pace since the base ÷ the pace the target needs (compound % for levels, "
    "percentage points for shares). On track R ≥ 0.95; acceleration needed 0.60 ≤ R < 0.95; limited "
    "progress 0 ≤ R < 0.60; moving away R < 0. An outturn of the target year settles the target: achieved "
    "or missed. * depends on rounding (see --format plain)."
)


def table(run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str:
    from rich import box
    from rich.table import Table

    from .console import render_rich

    parts: list[Any] = []
    for plan in run.plans:
        rows = [r for r in run.results if r.plan is plan]
        if not rows:
            continue
        t = Table(
            title=clean(f"{plan.id}: {plan.title.zh}"), box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True
        )
        for i, head in enumerate(TABLE_HEAD):
            if i == 0:
                t.add_column(head, overflow="fold", min_width=8, max_width=14)
            elif head == "verdict":
                t.add_column(head, min_width=12, max_width=12)
            else:
                t.add_column(head, no_wrap=True, justify="left" if i < 4 else "right")
        for r in rows:
            t.add_row(*cells(r, words, short=True))
        parts.append(t)
        for r in rows:
            if r.reason is not None or r.years or r.depends_on_rounding:
                parts.append(f"  {message(r, words)}")
    parts.append(_summary_line(run))
    parts.append(LEGEND)
    return render_rich(parts, color=color, width=width)


def as_json(run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str:
    return json_text(run.as_dict())


CSV_HEAD = [
    "plan",
    "indicator",
    "name",
    "shape",
    "base_year",
    "base",
    "base_from",
    "latest_year",
    "latest",
    "target_year",
    "target",
    "qualifier",
    "pace_unit",
    "observed_pace",
    "required_pace",
    "ratio",
    "ratio_low",
    "ratio_high",
    "verdict",
    "zh",
    "possible",
    "needed_pace",
    "direction",
    "reason",
    "file",
    "line",
]


def as_csv(run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str:
    """One line per target; UTF-8 with a BOM so that Excel opens the Chinese intact."""

    def num(x: float | None) -> str:
        return "" if x is None else format_number(x, 6)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEAD)
    for r in run.results:
        o, p = r.latest, r.place
        writer.writerow(
            [
                clean(x) if isinstance(x, str) else x
                for x in (
                    r.plan.id,
                    r.indicator.id,
                    r.indicator.name,
                    r.indicator.shape,
                    r.base_year or "",
                    r.base or "",
                    r.base_from or "",
                    o.year if o else "",
                    o.value if o else "",
                    r.target_year or "",
                    num(r.target),
                    r.qualifier or "",
                    r.unit or "",
                    num(r.observed[0] if r.observed else None),
                    num(r.required[0] if r.required else None),
                    num(r.ratio[0] if r.ratio else None),
                    num(r.ratio[1] if r.ratio else None),
                    num(r.ratio[2] if r.ratio else None),
                    r.verdict.value,
                    r.zh,
                    " ".join(v.value for v in r.possible),
                    num(r.needed[0] if r.needed else None),
                    r.direction,
                    r.reason.value if r.reason else "",
                    p.file or "",
                    p.line,
                )
            ]
        )
    return "\ufeff" + buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def markdown(run: ProgressRun, *, color: bool = False, width: int = 100, words: Words = ZH) -> str:
    out = ["| plan | " + " | ".join(HEAD) + " |", "|" + "---|" * (len(HEAD) + 1)]
    for r in run.results:
        out.append("| " + " | ".join(_md(c) for c in [r.plan.id, *cells(r, words)]) + " |")
    out += ["", _summary_line(run), "", LEGEND]
    return "\n".join(out) + "\n"


PROGRESS_REPORTERS: dict[str, ProgressReporter] = {
    "table": table,
    "plain": plain,
    "json": as_json,
    "csv": as_csv,
    "markdown": markdown,
}

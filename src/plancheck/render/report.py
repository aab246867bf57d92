"""``plancheck report``: one self-contained HTML file to hand to someone who does not run plancheck.

For each plan: its indicators, every verify verdict with the numbers behind it (the computed rate
and its range, the target the stated rate reaches, the findings with their lines), the year-by-year
paths, and the charts inline as SVG; then, for several plans, the comparison. No script, no
external asset, no network (a Content-Security-Policy says so to the browser); every string from
the data is escaped. Readable on a phone (tables scroll sideways, charts shrink) and in print.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..analysis.comparison import Comparison
from ..analysis.paths import Trajectory
from ..analysis.rates import GrowthResult
from ..api import ProgressRun, VerifyRun
from ..arith.numbers import format_number
from ..model import forms
from ..model.findings import Finding
from ..model.plan import Plan
from ..model.status import Status
from ..model.words import ZH, Words
from ..version import __version__
from .comparison import cell_lines, leader_text, plan_labels, row_name
from .paths import pace_text, stated_text, values_text
from .text import clean
from .views import verify_cells, verify_shown

CSS = """
:root { --fg: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --bad: #b00020; --ok: #1a7a34; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; color: var(--fg); margin: 0 auto; padding: 1rem; max-width: 72rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; border-bottom: 2px solid var(--fg); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
p.meta, figcaption, .note { color: var(--muted); font-size: .875rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; font-size: .875rem; margin: .25rem 0 .75rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; white-space: nowrap; }
td:first-child { min-width: 9em; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.inconsistent { color: var(--bad); font-weight: 600; }
tr.inconsistent td { color: var(--bad); background: #fff3f3; }
.consistent { color: var(--ok); }
.rounding { color: var(--warn); }
tr.stated td { color: var(--bad); }
tr.observed td { font-style: italic; }
ul.findings { padding-left: 1.1rem; font-size: .875rem; }
ul.findings li { margin: .2rem 0; }
.level-error { color: var(--bad); font-weight: 600; }
.level-warning { color: var(--warn); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 1rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  body { padding: .6rem; }
  h1 { font-size: 1.25rem; }
  table { font-size: .8rem; }
  th, td { padding: .25rem .35rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  section.plan { break-before: page; }
  section.plan:first-of-type { break-before: auto; }
  .charts { grid-template-columns: repeat(2, 1fr); }
  a { color: inherit; text-decoration: none; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing may be fetched: no script, no external style, font or image."""


def esc(text: object) -> str:
    """Data as HTML text: escaped, and control and bidi characters written as escapes."""
    return html.escape(clean(str(text)), quote=True)


@dataclass
class ReportInput:
    """What a report shows: verify's run, the paths, the comparison (several plans), the charts and
    the progress sections (HTML made elsewhere, keyed by plan id)."""

    run: VerifyRun
    paths: list[Trajectory]
    comparison: Comparison | None = None
    chart: Callable[[Sequence[Trajectory]], str] | None = None  # SVG text of a chart, or None without matplotlib
    chart_note: str | None = None  # why there are no charts
    words: Words = ZH  # the language of names, units and places
    progress: ProgressRun | None = None  # each target with outturns against them


def _progress(run: ProgressRun | None, plan: Plan, words: Words) -> str:
    """Each target of the plan with outturns: observed pace against the pace it needs, R, verdict."""
    from .progress import HEAD, LEGEND, cells

    results = [r for r in run.results if r.plan is plan] if run is not None else []
    if not results:
        return ""
    rows = []
    for r in results:
        row = cells(r, words)
        if r.reason is not None:  # unassessed: say why
            row[7] = f"{row[7]}: {r.reason.value}"
        rows.append([esc(c) for c in row])
    behind = ("acceleration_needed", "limited_progress", "moving_away", "broken")
    classes = ["inconsistent" if r.verdict.value in behind else "" for r in results]
    return (
        "<h3>Progress against outturns</h3>"
        + _table(HEAD, rows, classes, numeric={1, 2, 3, 4, 5, 6, 9})
        + f'<p class="note">{esc(LEGEND)}</p>'
    )


def _table(
    head: Sequence[str], rows: Sequence[Sequence[str]], classes: Sequence[str] = (), numeric: set[int] | None = None
) -> str:
    """A table of escaped cells (``rows`` already escaped); ``classes``: one per row ('' for none)."""
    if numeric is None:
        numeric = set()
    out = ['<div class="scroll"><table><thead><tr>']
    out += [f"<th>{esc(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        cls = classes[i] if i < len(classes) and classes[i] else ""
        out.append(f'<tr class="{cls}">' if cls else "<tr>")
        out += [f'<td class="num">{c}</td>' if j in numeric else f"<td>{c}</td>" for j, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _indicators(plan: Plan, words: Words) -> str:
    rows = []
    for ind in plan.indicators:
        name = words.name(ind) + (f" [{words.place(ind.scope)}]" if ind.scope else "")
        unit = words.unit(ind.unit)
        rows.append(
            [
                esc(name),
                esc(words.unit(ind.unit)),
                esc(forms.baseline(ind.baseline)),
                esc(forms.aim(ind)),
                esc(" ".join(x for x in (forms.stated(ind.growth, unit), forms.stated(ind.total, unit)) if x)),
                esc(forms.source_lines(ind)),
            ]
        )
    return _table(["indicator", "unit", "baseline", "target", "stated growth", "source line"], rows, numeric={2, 5})


_STATUS_CLASS = {Status.INCONSISTENT: "inconsistent", Status.CONSISTENT: "consistent", Status.ROUNDING: "rounding"}


def _numbers(r: GrowthResult) -> str:
    """The numbers behind a verdict: the target the stated rate reaches and the baseline it needs."""
    parts = []
    for value, label in ((r.implied_target, "stated rate reaches"), (r.implied_baseline, "baseline it needs")):
        if value is not None and math.isfinite(value):
            parts.append(f"{label} {format_number(value, 4 if abs(value) < 100 else 1)}")
    return "; ".join(parts)


def _verify(run: VerifyRun, plan: Plan, words: Words) -> str:
    results = [r for r in run.results if r.plan is plan]
    shown = verify_shown(results)
    rows, classes = [], []
    for r in shown:
        cells = verify_cells(r, words)
        numbers = _numbers(r) if r.status is Status.INCONSISTENT else ""
        cls = _STATUS_CLASS.get(r.status, "")
        verdict = f'<span class="{cls}">{esc(cells[-1])}</span>' if cls else esc(cells[-1])
        rows.append([*(esc(c) for c in cells[:-1]), verdict, esc(numbers)])
        classes.append("inconsistent" if r.status is Status.INCONSISTENT else "")
    head = ["indicator", "baseline → target", "years", "stated", "computed", "range", "verdict", "numbers behind it"]
    counts = {s: sum(1 for r in results if r.status is s) for s in Status}
    summary = (
        f"{counts[Status.CONSISTENT] + counts[Status.ROUNDING] + counts[Status.INCONSISTENT]} checked: "
        f"{counts[Status.CONSISTENT]} consistent, {counts[Status.ROUNDING]} within rounding, "
        f"{counts[Status.INCONSISTENT]} inconsistent; {counts[Status.UNCHECKED]} not checkable."
    )
    out = [_table(head, rows, classes, numeric={4, 5}) if rows else "", f'<p class="note">{esc(summary)}</p>']
    return "".join(out)


def _findings(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<p class="note">No findings.</p>'
    items = [
        f'<li><span class="level-{esc(f.shown_level)}">{esc(f.shown_level)}</span> '
        f"<code>{esc(f.rule)}</code> {esc(f.file)}:{f.line}: {esc(f.message)}</li>"
        for f in findings
    ]
    return '<ul class="findings">' + "".join(items) + "</ul>"


def _paths(paths: Sequence[Trajectory], words: Words) -> str:
    if not paths:
        return ""
    years = list(range(min(t.years[0] for t in paths), max(t.years[-1] for t in paths) + 1))
    rows, classes = [], []
    for t in paths:
        shown = dict(zip(t.years, values_text(t, t.planned), strict=True))
        name = words.name(t.indicator)
        rows.append([esc(name), esc(pace_text(t)), *(esc(shown.get(y, "")) for y in years)])
        classes.append("")
        if t.stated is not None:
            shown = dict(zip(t.years, values_text(t, t.stated), strict=True))
            rows.append(["✗ the stated rate's path", esc(stated_text(t)), *(esc(shown.get(y, "")) for y in years)])
            classes.append("stated")
        seen = {o.year: o.value + (o.unit or "") for o in t.indicator.observed if o.qualifier is None}
        if any(y in seen for y in years):
            rows.append(["observed", "", *(esc(seen.get(y, "")) for y in years)])
            classes.append("observed")
    numeric = set(range(1, len(years) + 2))
    return _table(["indicator", "pace", *(str(y) for y in years)], rows, classes, numeric)


def _charts(data: ReportInput, paths: Sequence[Trajectory]) -> str:
    if not paths:
        return ""
    if data.chart is None:
        return f'<p class="note">{esc(data.chart_note or "no charts")}</p>'
    figures = []
    for t in paths:
        svg = data.chart([t])
        caption = f"{t.indicator.id}: {pace_text(t)}" + (
            f"; {stated_text(t)} does not reach the target" if t.stated else ""
        )
        figures.append(
            f'<figure class="chart" data-indicator="{esc(t.indicator.id)}">{svg}'
            f"<figcaption>{esc(caption)}</figcaption></figure>"
        )
    return '<div class="charts">' + "".join(figures) + "</div>"


def _comparison(cmp: Comparison, words: Words) -> str:
    labels = plan_labels(cmp, words)
    head = ["indicator", "unit", *(labels[p.id] for p in cmp.plans), "more ambitious"]
    rows = []
    for row in cmp.rows:
        cells = [esc(row_name(row, words)), esc(row.unit)]
        cells += ["<br>".join(esc(x) for x in cell_lines(row.cells.get(p.id), words)) for p in cmp.plans]
        cells.append(esc(leader_text(row, labels)))
        rows.append(cells)
    return _table(head, rows)


def _headline(run: VerifyRun) -> str:
    """What does not add up, first: every inconsistent stated rate in a sentence."""
    bad = [r for r in run.results if r.status is Status.INCONSISTENT]
    if not bad:
        return '<p class="headline consistent">Every stated rate that can be checked fits its baseline and target.</p>'
    items = []
    for r in bad:
        name, span, years, stated, computed, rng, _ = verify_cells(r)
        items.append(
            f'<li><a href="#plan-{esc(r.plan.id)}">{esc(r.plan.id)}</a>: {esc(name)} {esc(span)} ({esc(years)}) '
            f"states {esc(stated)} a year; the figures need {esc(computed)} ({esc(rng)})</li>"
        )
    head = f'<p class="inconsistent">{len(bad)} stated rate(s) do not add up:</p>'
    return f'<div class="headline">{head}<ul>{"".join(items)}</ul></div>'


def render(data: ReportInput) -> str:
    """The whole HTML document."""
    run, words = data.run, data.words
    plans = run.plans
    title = "plancheck report"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if words.en else "zh-Hans"}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{esc(title)}</h1>",
        f'<p class="meta">{esc(", ".join(p.id for p in plans))}: every stated growth rate recomputed from its '
        f"baseline and target, rounding-aware. {len(plans)} plan(s), {sum(len(p.indicators) for p in plans)} "
        "indicators.</p>",
        _headline(run),
        "<nav><ul>" + "".join(f'<li><a href="#plan-{esc(p.id)}">{esc(p.title.zh)}</a></li>' for p in plans),
        '<li><a href="#compare">comparison</a></li>' if data.comparison else "",
        "</ul></nav></header><main>",
    ]
    for plan in plans:
        paths = [t for t in data.paths if t.plan is plan]
        findings = [f for f in run.findings if f.plan == plan.id and f.level.value != "info"]
        parts += [
            f'<section class="plan" id="plan-{esc(plan.id)}">',
            f"<h2>{esc(plan.title.zh)}</h2>",
            f'<p class="meta">{esc(plan.id)} · {esc(plan.region.zh)} {esc(plan.region.en)} · '
            f"{plan.period.first}–{plan.period.last} · {esc(plan.issuer or 'issuer not given')} · "
            f"source {esc(plan.source or 'not given')}</p>",
            "<h3>Indicators</h3>",
            _indicators(plan, words),
            "<h3>Verify: stated rates against baseline and target</h3>",
            _verify(run, plan, words),
            "<h3>Findings (errors and warnings)</h3>",
            _findings(findings),
            _progress(data.progress, plan, words),
            "<h3>Year-by-year paths</h3>" if paths else "",
            _paths(paths, words),
            "<h3>Charts</h3>" if paths else "",
            _charts(data, paths),
            "</section>",
        ]
    if data.comparison is not None:
        parts += [
            '<section id="compare"><h2>Plans side by side</h2>',
            _comparison(data.comparison, words),
            "</section>",
        ]
    parts += [
        "</main><footer>",
        f"Made by plancheck {esc(__version__)}. Rates a year: compound % for levels, percentage points for shares; "
        "range: what the printed figures allow within their rounding. ≥ at least · > more than · ≈ about · "
        "+ increment · Σ cumulative.",
        "</footer></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"

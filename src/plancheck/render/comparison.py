"""Renderers of a comparison: pure functions from a Comparison to text (table, json, csv, markdown)."""

from __future__ import annotations

import csv
import io
from typing import Any, Protocol

from ..analysis.comparison import Cell, Comparison, Row, plan_label
from ..arith.numbers import format_number
from ..model.notation import RATE_UNIT_SYMBOLS, qualified
from ..model.words import ZH, Words
from .text import clean, json_text


class CompareReporter(Protocol):
    def __call__(
        self, cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False
    ) -> str: ...


def _pace(cell: Cell) -> str:
    if cell.pace is None:
        return ""
    text = format_number(cell.pace, 2) + RATE_UNIT_SYMBOLS[cell.pace_unit or "percent"] + "/yr"
    if cell.pace_basis == "stated":
        g = cell.indicator.growth
        return f"{qualified(text, g.qualifier if g else None)} stated"
    return text


def _target(cell: Cell) -> str:
    t = cell.indicator.target
    if t is None:
        return ""
    text = qualified(cell.show(t.value) + (f"–{cell.show(t.upper)}" if t.upper else ""), t.qualifier)
    if t.kind == "increment":
        text = "+" + text
    elif t.kind == "cumulative":
        text = "Σ" + text
    return f"{t.year}: {text}{'/yr' if t.per_year else ''}"


def cell_lines(cell: Cell | None, words: Words = ZH) -> list[str]:
    """What one plan says on one row: baseline, target, pace, and the printed unit where converted."""
    if cell is None:
        return []
    b = cell.indicator.baseline
    lines = [f"{b.year}: {cell.show(b.value)}"] if b else []
    lines += [x for x in (_target(cell), _pace(cell)) if x]
    if cell.factor not in (None, 1.0):
        lines.append(f"(from {words.unit(cell.indicator.unit)})")
    return [clean(line) for line in lines]


def summary_sentence(s: dict[str, Any], labels: dict[str, str]) -> str:
    """``7 indicators set by two or more plans (…); 海宁 more ambitious on 4; …``, in every format."""
    shared = s["shared"]
    return (
        f"{shared} indicator{'' if shared == 1 else 's'} set by two or more plans ({s['comparable']} comparable, "
        f"{s['not_comparable']} not comparable, {s['ties']} tied); "
        + "; ".join(f"{labels[pid]} more ambitious on {n}" for pid, n in s["leads"].items())
        + "."
    )


LABEL_CELLS = 24
"""The widest plan label a column header takes (terminal cells); beyond it, headers are plan ids."""


def plan_labels(cmp: Comparison, words: Words) -> dict[str, str]:
    """Short column labels: the region alone where regions differ, else region and period; the plans'
    ids where neither tells the plans apart or a label would be longer than ``LABEL_CELLS``."""
    from rich.cells import cell_len

    for labels in (
        {p.id: plan_label(p, words.lang).rsplit(" ", 1)[0] for p in cmp.plans},
        {p.id: plan_label(p, words.lang) for p in cmp.plans},
    ):
        if len(set(labels.values())) == len(labels):
            if max(cell_len(label) for label in labels.values()) > LABEL_CELLS:
                break
            return {pid: clean(label) for pid, label in labels.items()}
    return {p.id: p.id for p in cmp.plans}


def leader_text(row: Row, labels: dict[str, str]) -> str:
    if not row.comparable:
        return clean(row.note or "not comparable")
    if len(row.cells) < 2:
        return f"only {labels[next(iter(row.cells))]}"
    if row.leader is None:
        return "— (totals, no pace)" if row.note else "—"
    if row.leader == "tie":
        return f"tie ({row.basis})"
    return f"{labels[row.leader]} ({'pace' if row.basis == 'pace' else 'target level'})"


def row_name(row: Row, words: Words) -> str:
    name = row.name_en if words.en and row.name_en else row.name
    return clean(name + (f" [{words.place(row.scope)}]" if row.scope else ""))


def _between_headers(cmp: Comparison) -> list[tuple[str, str, str]]:
    seen: dict[tuple[str, str], str] = {}
    for row in cmp.rows:
        for b in row.between:
            seen.setdefault((b.earlier, b.later), f"{b.from_year}→{b.to_year}")
    return [(a, b, text) for (a, b), text in seen.items()]


def _between_text(row: Row, earlier: str, later: str) -> str:
    for b in row.between:
        if (b.earlier, b.later) == (earlier, later):
            return f"{b.from_year}→{b.to_year}: " + format_number(b.pace, 2) + RATE_UNIT_SYMBOLS[b.unit] + "/yr"
    return ""


def _apart_text(row: Row, cmp: Comparison, words: Words) -> str:
    names = []
    for other in cmp.rows:
        if other.key in row.apart and other.scope == row.scope:
            names.append(row_name(other, words))
    return "≠ " + "; ".join(names) if names else ""


def table(cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False) -> str:
    """The plans side by side, as wide as the width allows (see console.Fitted), then the summary."""
    from rich.text import Text

    from .console import Column, Fitted, Prose, render_rich

    labels = plan_labels(cmp, words)
    betweens = _between_headers(cmp)
    columns = [Column("indicator", wrap=True, floor=12), Column("unit", key=None)]
    columns += [Column(labels[p.id], "right") for p in cmp.plans]
    columns += [Column(f"{labels[a]} → {labels[b]}", "right", drop=1) for a, b, _ in betweens]
    columns.append(Column("more ambitious", wrap=True, floor=20))
    rows: list[list[str | Text]] = []
    for row in cmp.rows:
        name = Text(row_name(row, words))
        apart = _apart_text(row, cmp, words)
        if apart:
            name.append("\n" + apart, style="yellow")
        cells = ["\n".join(cell_lines(row.cells.get(p.id), words)) for p in cmp.plans]
        between = [_between_text(row, a, b) for a, b, _ in betweens]
        style = "bold" if row.leader not in (None, "tie") and row.comparable else "dim" if len(row.cells) < 2 else ""
        leader = Text(leader_text(row, labels), style=style)
        line: list[str | Text] = [name, clean(words.unit(row.unit)), *cells, *between, leader]
        rows.append(line)
    s = cmp.summary
    lines = [summary_sentence(s, labels)]
    lines.append("Set by one plan only: " + ", ".join(f"{labels[pid]} {n}" for pid, n in s["only"].items()) + ".")
    lines += [f"Note: {c}." for c in s.get("caveats", [])]
    if s["converted"]:
        lines.append(f"{s['converted']} figure(s) converted to the row's unit (marked 'from …').")
    lines.append(
        "≠ marks look-alike indicators that are not comparable. More ambitious: the higher annual pace "
        "(compound % for levels, percentage points for shares; from baseline and target, else the plan's "
        "stated rate); without two paces, the higher target in a shared target year, for figures that do not "
        "grow with a region's size (shares, per-capita and per-10,000 figures) only. "
        "≥ at least · > more than · ≈ about · + increment · Σ cumulative."
    )
    if wide:  # one line each, as wide as they are: for a pager or a file
        return render_rich(
            [Fitted(columns, rows, show_lines=True, head=(1,), pack=False), *lines], color=color, width=10_000
        )
    body: list[Fitted | Prose] = [
        Fitted(columns, rows, show_lines=True, head=(1,), pack=False),
        *(Prose(line) for line in lines),
    ]
    return render_rich(body, color=color, width=width)


def as_json(cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False) -> str:
    return json_text(cmp.as_dict())


def _tidy(name: str) -> CompareReporter:
    """A reporter writing compare's long table (render/tidy.py) in one of the tidy formats."""

    def report(cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False) -> str:
        from .tidy import WRITERS, comparison_table

        return "".join(WRITERS[name](comparison_table(cmp)))

    report.__doc__ = f"compare's long table as {name}: one line per plan on each compared row."
    return report


def wide_csv(cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False) -> str:
    """csv-wide: one line per compared row, a group of columns per plan (as a spreadsheet shows it);
    UTF-8 with a BOM so that Excel opens the Chinese intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    head = ["key", "scope", "indicator", "indicator_en", "unit"]
    for p in cmp.plans:
        head += [
            f"{p.id} {col}"
            for col in (
                "baseline_year",
                "baseline",
                "target_year",
                "target",
                "qualifier",
                "kind",
                "pace",
                "pace_unit",
                "pace_basis",
                "printed_unit",
            )
        ]
    betweens = _between_headers(cmp)
    head += [f"{a} → {b} pace" for a, b, _ in betweens]
    head += ["more_ambitious", "basis", "comparable", "note", "not_comparable_with"]
    writer.writerow(head)
    for row in cmp.rows:
        line: list[Any] = [row.key or "", row.scope or "", row.name, row.name_en or "", row.unit]
        for p in cmp.plans:
            c = row.cells.get(p.id)
            if c is None:
                line += [""] * 10
                continue
            b, t = c.indicator.baseline, c.indicator.target
            line += [
                b.year if b else "",
                c.show(b.value) if b else "",
                t.year if t else "",
                c.show(t.value) if t else "",
                (t.qualifier or "") if t else "",
                t.kind if t else "",
                "" if c.pace is None else format_number(c.pace, 4),
                c.pace_unit or "",
                c.pace_basis or "",
                c.indicator.unit,
            ]
        for earlier, later, _ in betweens:
            found = [x for x in row.between if (x.earlier, x.later) == (earlier, later)]
            line.append(format_number(found[0].pace, 4) if found else "")
        line += [
            row.leader or "",
            row.basis or "",
            "yes" if row.comparable else "no",
            row.note or "",
            " ".join(row.apart),
        ]
        writer.writerow([clean(x) if isinstance(x, str) else x for x in line])
    return "\ufeff" + buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def markdown(cmp: Comparison, *, color: bool = False, width: int = 100, words: Words = ZH, wide: bool = False) -> str:
    labels = plan_labels(cmp, words)
    betweens = _between_headers(cmp)
    head = [
        "indicator",
        "unit",
        *(labels[p.id] for p in cmp.plans),
        *(f"{labels[a]} → {labels[b]}" for a, b, _ in betweens),
        "more ambitious",
    ]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in cmp.rows:
        name = row_name(row, words)
        apart = _apart_text(row, cmp, words)
        cells = [_md(name + ("\n" + apart if apart else "")), _md(clean(words.unit(row.unit)))]
        cells += [_md("\n".join(cell_lines(row.cells.get(p.id), words))) for p in cmp.plans]
        cells += [_md(_between_text(row, a, b)) for a, b, _ in betweens]
        cells.append(_md(leader_text(row, labels)))
        out.append("| " + " | ".join(cells) + " |")
    s = cmp.summary
    out.append("")
    out += [f"Note: {c}.\n" for c in s.get("caveats", [])]
    out.append(summary_sentence(s, labels))
    return "\n".join(out) + "\n"


COMPARE_REPORTERS: dict[str, CompareReporter] = {
    "table": table,
    "plain": _tidy("plain"),
    "json": as_json,
    "csv": _tidy("csv"),
    "csv-wide": wide_csv,
    "jsonl": _tidy("jsonl"),
    "markdown": markdown,
}

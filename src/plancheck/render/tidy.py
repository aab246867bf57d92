"""Long (tidy) tables for pandas, R and spreadsheets: CSV and JSON Lines.

One row per thing — a checked figure (verify), a finding (validate), a plan (list), an indicator of a
plan (show), a plan's cell of a compared row (compare) — and one column per fact, typed: numeric
columns hold numbers only (empty where there is none), so that ``pandas.read_csv`` reads them as
numbers; each printed figure is also kept as text, as the plan prints it, in its own ``*_printed``
column (``3.20`` keeps its zero); the figure's source document, line and the plan's address have
columns of their own.

CSV is UTF-8 with a byte order mark (Excel then reads the Chinese right; pandas and R skip the
mark), comma-separated, CRLF line ends, quoted where needed (RFC 4180). JSON Lines holds the same
rows as objects, one a line, in the same column order, null for an empty cell. ``plain`` writes
them tab-separated, without the mark.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from ..arith.numbers import json_number
from ..model.citations import citation
from ..model.findings import Finding
from ..model.plan import Figure, Indicator, Plan
from .text import clean, json_line
from .views import plan_counts

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison
    from ..analysis.rates import GrowthResult

Cell = str | int | float | bool | None
Kind = Literal["text", "number", "integer", "bool"]

BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    doc: str


@dataclass
class Table:
    """A tidy table: its columns, and its rows as tuples in their order (made as they are written)."""

    columns: list[Column]
    rows: Iterable[tuple[Cell, ...]]


def _number(printed: str | None) -> float | None:
    """A printed figure's numeric value (3.20 → 3.2)."""
    return None if printed is None else json_number(float(Decimal(printed)))


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return clean(value) if isinstance(value, str) else str(value)


def as_csv(table: Table) -> Iterator[str]:
    """The table as CSV, a row at a time: the byte order mark and the header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([c.name for c in table.columns])
    yield BOM + taken()
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])
        yield taken()


def as_jsonl(table: Table) -> Iterator[str]:
    """The table as JSON Lines: one object a row, keys in column order, null for an empty cell."""
    names = [c.name for c in table.columns]
    for row in table.rows:
        yield json_line(dict(zip(names, row, strict=True)))


def as_tsv(table: Table) -> Iterator[str]:
    """The table as tab-separated lines, a header first, no byte order mark: for grep, cut and awk
    (a tab or a line break in the data is written as an escape, so a line is always one row)."""
    yield "\t".join(c.name for c in table.columns) + "\n"
    for row in table.rows:
        yield "\t".join(_csv_cell(v) for v in row) + "\n"


WRITERS: dict[str, Callable[[Table], Iterator[str]]] = {"csv": as_csv, "jsonl": as_jsonl, "plain": as_tsv}
"""The tidy formats, by their --format name."""


# --------------------------------------------------------------------------- columns

_SOURCE = [
    Column("source_document", "text", "The plan's source document (its source: file name)."),
    Column("source_line", "integer", "The line of that document the figure is printed on."),
    Column("url", "text", "The plan's web address, where the data gives one."),
]


def _figure_columns(name: str, what: str, *, year: bool = True, unit: bool = False) -> list[Column]:
    out = [Column(f"{name}_year", "integer", f"The year of the {what}.")] if year else []
    out += [
        Column(name, "number", f"The {what} as a number."),
        Column(f"{name}_printed", "text", f"The {what} as printed (3.20 keeps its zero)."),
    ]
    if unit:
        out.append(Column(f"{name}_unit", "text", f"The unit of the {what}: percent, pp, absolute or times."))
    out.append(Column(f"{name}_qualifier", "text", f"The qualifier of the {what} (at_least, about …)."))
    return out


def _figure_cells(figure: Figure | None, *, year: bool = True, unit: bool = False) -> list[Cell]:
    cells: list[Cell] = [getattr(figure, "year", None)] if year else []
    cells += [_number(figure.value) if figure else None, figure.value if figure else None]
    if unit:
        cells.append(getattr(figure, "unit", None))
    cells.append(getattr(figure, "qualifier", None))
    return cells


def _source_cells(plan: Plan, line: int | None) -> list[Cell]:
    cited = citation(plan, line)
    return [plan.source, None if cited is None else cited.line, plan.url]


RESULT_COLUMNS = [
    Column("plan", "text", "The plan's id."),
    Column("indicator", "text", "The indicator's id within the plan."),
    Column("name", "text", "The indicator's name, as printed."),
    Column("name_en", "text", "Its English name, where the data gives one."),
    Column("check", "text", "growth: a stated annual rate; total: a stated change over the span (累计)."),
    Column("shape", "text", "level, share, rate, index …: how the indicator's figures are read."),
    Column("status", "text", "consistent, rounding, inconsistent or unchecked."),
    Column("reason", "text", "Why the figure is unchecked, where it is."),
    *_figure_columns("baseline", "baseline value"),
    *_figure_columns("target", "target value"),
    *_figure_columns("stated", "stated rate or change", year=False, unit=True),
    Column("years", "integer", "The years between baseline and target."),
    Column("computed", "number", "The rate or change the printed baseline and target give (rounded, see JSON)."),
    Column("computed_low", "number", "Its lowest value within the figures' rounding (empty: unbounded)."),
    Column("computed_high", "number", "Its highest value within the figures' rounding (empty: unbounded)."),
    Column("computed_unit", "text", "The unit of computed: percent, pp, absolute or times."),
    Column("implied_target", "number", "The target the stated rate gives from the baseline."),
    Column("implied_baseline", "number", "The baseline the stated rate gives back from the target."),
    Column("file", "text", "The data file."),
    Column("line", "integer", "The line of the data file the checked figure is written on."),
    *_SOURCE,
]


def results_table(results: Iterable[GrowthResult]) -> Table:
    """verify: one row per stated rate or total checked."""

    def rows() -> Iterator[tuple[Cell, ...]]:
        for r in results:
            stated = r.stated
            figure = stated or r.target
            yield (
                r.plan.id,
                r.indicator.id,
                r.indicator.name,
                r.indicator.name_en,
                r.kind,
                r.indicator.shape,
                r.status.value,
                None if r.reason is None else r.reason.value,
                *_figure_cells(r.baseline),
                *_figure_cells(r.target),
                *_figure_cells(stated, year=False, unit=True),
                r.years,
                json_number(r.point),
                json_number(r.low),
                json_number(r.high),
                r.unit,
                json_number(r.implied_target),
                json_number(r.implied_baseline),
                r.place.file,
                r.place.line,
                *_source_cells(r.plan, figure.line if figure is not None else None),
            )

    return Table(RESULT_COLUMNS, rows())


FINDING_COLUMNS = [
    Column("file", "text", "The data file."),
    Column("line", "integer", "Its line."),
    Column("column", "integer", "Its column (in characters)."),
    Column("level", "text", "error, warning, info, or accepted."),
    Column("rule", "text", "The rule's id (plancheck rules RULE explains it)."),
    Column("plan", "text", "The plan's id, where the finding is about one."),
    Column("indicator", "text", "The indicator's or claim's id, where it is about one."),
    Column("message", "text", "What is wrong, and what to do."),
    Column("accepted", "text", "Why the data accepts the finding, where it does."),
    *_SOURCE,
]


def findings_table(findings: Iterable[Finding]) -> Table:
    """validate: one row per finding."""

    def rows() -> Iterator[tuple[Cell, ...]]:
        for f in findings:
            s = f.source
            yield (
                f.file,
                f.line,
                f.column,
                f.shown_level,
                f.rule,
                f.plan,
                f.indicator,
                f.message,
                f.accepted,
                *((None, None, None) if s is None else (s.document, s.line, s.url)),
            )

    return Table(FINDING_COLUMNS, rows())


PLAN_COLUMNS = [
    Column("plan", "text", "The plan's id."),
    Column("aliases", "text", "Other names it answers to, separated by spaces."),
    Column("title", "text", "Its title, as printed."),
    Column("title_en", "text", "Its English title."),
    Column("region", "text", "The region's name, as printed."),
    Column("region_en", "text", "The region's English name."),
    Column("level", "text", "national, province, prefecture, county or zone."),
    Column("parent", "text", "The region it belongs to."),
    Column("first_year", "integer", "The first year the plan covers."),
    Column("last_year", "integer", "The last year it covers."),
    Column("issuer", "text", "Who issued it."),
    Column("issued", "text", "The date of issue (YYYY-MM-DD)."),
    Column("indicators", "integer", "How many indicators it has."),
    Column("targets", "integer", "How many of them set a target value."),
    Column("source_document", "text", "The plan's source document."),
    Column("url", "text", "The plan's web address."),
]


def plans_table(plans: Iterable[Plan]) -> Table:
    """list: one row per plan."""

    def rows() -> Iterator[tuple[Cell, ...]]:
        for p in plans:
            n_ind, n_tgt = plan_counts(p)
            yield (
                p.id,
                " ".join(p.aliases),
                p.title.zh,
                p.title.en,
                p.region.zh,
                p.region.en,
                p.region.level,
                p.region.parent,
                p.period.first,
                p.period.last,
                p.issuer,
                None if p.issued is None else p.issued.isoformat(),
                n_ind,
                n_tgt,
                p.source,
                p.url,
            )

    return Table(PLAN_COLUMNS, rows())


def _lines(prefix: str, what: str) -> list[Column]:
    return [Column(f"{prefix}_line", "integer", f"The source line the {what} is printed on.")]


INDICATOR_COLUMNS = [
    Column("plan", "text", "The plan's id."),
    Column("indicator", "text", "The indicator's id within the plan."),
    Column("key", "text", "Its catalogue key, where it has one."),
    Column("name", "text", "Its name, as printed."),
    Column("name_en", "text", "Its English name."),
    Column("group", "text", "The table's group the row stands in."),
    Column("scope", "text", "The part of the region it is about, where not the whole."),
    Column("unit", "text", "The unit, as printed."),
    Column("shape", "text", "level, share, rate, index …"),
    Column("binding", "text", "binding (约束性) or indicative (预期性)."),
    *_figure_columns("baseline", "baseline value"),
    *_figure_columns("target", "target value"),
    Column("target_kind", "text", "level, increment (新增) or cumulative (累计)."),
    *_figure_columns("growth", "stated annual growth", year=False, unit=True),
    *_figure_columns("total", "stated change over the span", year=False, unit=True),
    Column("goal", "text", "A target in words, as printed."),
    Column("name_line", "integer", "The source line the name is printed on."),
    *_lines("baseline", "baseline"),
    *_lines("target", "target"),
    *_lines("growth", "stated growth"),
    *_lines("total", "stated total"),
    Column("source_document", "text", "The plan's source document."),
    Column("url", "text", "The plan's web address."),
]


def _line(figure: Figure | None) -> int | None:
    return None if figure is None else figure.line


def _indicator_row(plan: Plan, i: Indicator) -> tuple[Cell, ...]:
    t = i.target
    return (
        plan.id,
        i.id,
        i.key,
        i.name,
        i.name_en,
        i.group,
        i.scope,
        i.unit,
        i.shape,
        i.binding,
        *_figure_cells(i.baseline),
        *_figure_cells(t),
        None if t is None else t.kind,
        *_figure_cells(i.growth, year=False, unit=True),
        *_figure_cells(i.total, year=False, unit=True),
        None if i.goal is None else i.goal.text,
        i.line,
        _line(i.baseline),
        _line(t),
        _line(i.growth),
        _line(i.total),
        plan.source,
        plan.url,
    )


def indicators_table(plan: Plan) -> Table:
    """show: one row per indicator of the plan."""
    return Table(INDICATOR_COLUMNS, (_indicator_row(plan, i) for i in plan.indicators))


COMPARISON_COLUMNS = [
    Column("row", "integer", "The compared row's number (1, 2 …): the plans' cells of one row share it."),
    Column("key", "text", "The row's catalogue key."),
    Column("scope", "text", "The row's scope, where not the whole region."),
    Column("row_name", "text", "The row's name (the catalogue's)."),
    Column("row_name_en", "text", "Its English name."),
    Column("row_unit", "text", "The unit the row's figures are converted to."),
    Column("comparable", "bool", "false: the plans' figures on this row are not comparable (see note)."),
    Column("note", "text", "Why they are not, or what to keep in mind."),
    Column("plan", "text", "The plan's id."),
    Column("indicator", "text", "The plan's indicator on this row."),
    Column("name", "text", "Its name, as the plan prints it."),
    Column("unit", "text", "Its unit, as the plan prints it."),
    Column("factor", "number", "What its figures are multiplied by to be in the row's unit (万家 → 家: 10000)."),
    Column("baseline_year", "integer", "The year of the baseline."),
    Column("baseline", "number", "The baseline, in the row's unit."),
    Column("baseline_printed", "text", "The baseline as printed, in the plan's unit."),
    Column("target_year", "integer", "The target year."),
    Column("target", "number", "The target, in the row's unit."),
    Column("target_printed", "text", "The target as printed, in the plan's unit."),
    Column("target_qualifier", "text", "The target's qualifier (at_least, about …)."),
    Column("target_kind", "text", "level, increment (新增) or cumulative (累计)."),
    Column("pace", "number", "The annual pace: compound % for levels, pp a year for shares."),
    Column("pace_unit", "text", "percent or pp."),
    Column("pace_basis", "text", "implied (from baseline and target) or stated (the plan's own rate)."),
    Column("more_ambitious", "bool", "This plan is the row's more ambitious one (false for all on a tie)."),
    Column("basis", "text", "What more ambitious is judged by: pace or level."),
    Column("target_line", "integer", "The source line the target is printed on."),
    Column("source_document", "text", "The plan's source document."),
    Column("url", "text", "The plan's web address."),
]


def comparison_table(cmp: Comparison) -> Table:
    """compare: one row per plan on each compared row (plans without the indicator have no row)."""

    def rows() -> Iterator[tuple[Cell, ...]]:
        for n, row in enumerate(cmp.rows, 1):
            for plan in cmp.plans:
                c = row.cells.get(plan.id)
                if c is None:
                    continue
                b, t = c.indicator.baseline, c.indicator.target
                yield (
                    n,
                    row.key,
                    row.scope,
                    row.name,
                    row.name_en,
                    row.unit,
                    row.comparable,
                    row.note,
                    plan.id,
                    c.indicator.id,
                    c.indicator.name,
                    c.indicator.unit,
                    None if c.factor is None else json_number(float(c.factor)),
                    None if b is None else b.year,
                    None if b is None else json_number(c.convert(b.value)),
                    None if b is None else b.value,
                    None if t is None else t.year,
                    None if t is None else json_number(c.convert(t.value)),
                    None if t is None else t.value,
                    None if t is None else t.qualifier,
                    None if t is None else t.kind,
                    json_number(c.pace),
                    c.pace_unit,
                    c.pace_basis,
                    row.leader == plan.id,
                    row.basis,
                    _line(t),
                    plan.source,
                    plan.url,
                )

    return Table(COMPARISON_COLUMNS, rows())

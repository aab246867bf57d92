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
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from ..arith.numbers import json_number
from ..model.citations import citation
from ..model.findings import Finding
from ..model.plan import Figure, Indicator, Plan
from .text import clean, json_line
from .views import plan_counts

if TYPE_CHECKING:
    from ..analysis.comparison import Cell as CompareCell
    from ..analysis.comparison import Comparison, Row
    from ..analysis.rates import GrowthResult

Cell = str | int | float | bool | None
Kind = Literal["text", "number", "integer", "bool"]
T = TypeVar("T")

BOM = "\ufeff"


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: its name, the kind of its values, what it holds, and how a row's thing gives it."""

    name: str
    kind: Kind
    doc: str
    get: Callable[[T], Cell]


@dataclass
class Table:
    """A tidy table: its columns, and its rows as tuples in their order (made as they are written)."""

    columns: list[Column[Any]]
    rows: Iterable[tuple[Cell, ...]]


def table(columns: list[Column[T]], things: Iterable[T]) -> Table:
    """The table of ``things``, a row each, a cell per column."""
    return Table(columns, (tuple(c.get(thing) for c in columns) for thing in things))


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


def _figure(
    name: str, what: str, of: Callable[[T], Figure | None], *, year: bool = True, unit: bool = False
) -> list[Column[T]]:
    """The columns of one figure: its year, its value as a number and as printed, its unit (a stated
    rate's), its qualifier."""
    out: list[Column[T]] = []
    if year:
        out.append(
            Column(f"{name}_year", "integer", f"The year of the {what}.", lambda x: getattr(of(x), "year", None))
        )
    out += [
        Column(name, "number", f"The {what} as a number.", lambda x: _number(getattr(of(x), "value", None))),
        Column(
            f"{name}_printed",
            "text",
            f"The {what} as printed (3.20 keeps its zero).",
            lambda x: getattr(of(x), "value", None),
        ),
    ]
    if unit:
        out.append(
            Column(
                f"{name}_unit",
                "text",
                f"The unit of the {what}: percent, pp, absolute or times.",
                lambda x: getattr(of(x), "unit", None),
            )
        )
    out.append(
        Column(
            f"{name}_qualifier",
            "text",
            f"The qualifier of the {what} (at_least, about …).",
            lambda x: getattr(of(x), "qualifier", None),
        )
    )
    return out


def _source(plan: Callable[[T], Plan], line: Callable[[T], int | None], *, cited: bool = True) -> list[Column[T]]:
    """The plan's source document, the line of it (``cited``), and the plan's address."""
    out: list[Column[T]] = [
        Column(
            "source_document", "text", "The plan's source document (its source: file name).", lambda x: plan(x).source
        )
    ]
    if cited:
        out.append(
            Column(
                "source_line",
                "integer",
                "The line of that document the figure is printed on.",
                lambda x: getattr(citation(plan(x), line(x)), "line", None),
            )
        )
    out.append(Column("url", "text", "The plan's web address, where the data gives one.", lambda x: plan(x).url))
    return out


def _checked_line(r: GrowthResult) -> int | None:
    figure = r.stated or r.target
    return None if figure is None else figure.line


RESULT_COLUMNS: list[Column[GrowthResult]] = [
    Column("plan", "text", "The plan's id.", lambda r: r.plan.id),
    Column("indicator", "text", "The indicator's id within the plan.", lambda r: r.indicator.id),
    Column("name", "text", "The indicator's name, as printed.", lambda r: r.indicator.name),
    Column("name_en", "text", "Its English name, where the data gives one.", lambda r: r.indicator.name_en),
    Column(
        "check", "text", "growth: a stated annual rate; total: a stated change over the span (累计).", lambda r: r.kind
    ),
    Column(
        "shape",
        "text",
        "level, share, rate, index …: how the indicator's figures are read.",
        lambda r: r.indicator.shape,
    ),
    Column("status", "text", "consistent, rounding, inconsistent or unchecked.", lambda r: r.status.value),
    Column(
        "reason",
        "text",
        "Why the figure is unchecked, where it is.",
        lambda r: None if r.reason is None else r.reason.value,
    ),
    *_figure("baseline", "baseline value", lambda r: r.baseline),
    *_figure("target", "target value", lambda r: r.target),
    *_figure("stated", "stated rate or change", lambda r: r.stated, year=False, unit=True),
    Column("years", "integer", "The years between baseline and target.", lambda r: r.years),
    Column(
        "computed", "number", "The rate or change the printed baseline and target give.", lambda r: json_number(r.point)
    ),
    Column(
        "computed_low",
        "number",
        "Its lowest value within the figures' rounding (empty: unbounded).",
        lambda r: json_number(r.low),
    ),
    Column(
        "computed_high",
        "number",
        "Its highest value within the figures' rounding (empty: unbounded).",
        lambda r: json_number(r.high),
    ),
    Column("computed_unit", "text", "The unit of computed: percent, pp, absolute or times.", lambda r: r.unit),
    Column(
        "implied_target",
        "number",
        "The target the stated rate gives from the baseline.",
        lambda r: json_number(r.implied_target),
    ),
    Column(
        "implied_baseline",
        "number",
        "The baseline the stated rate gives back from the target.",
        lambda r: json_number(r.implied_baseline),
    ),
    Column("file", "text", "The data file.", lambda r: r.place.file),
    Column("line", "integer", "The line of the data file the checked figure is written on.", lambda r: r.place.line),
    *_source(lambda r: r.plan, _checked_line),
]


def results_table(results: Iterable[GrowthResult]) -> Table:
    """verify: one row per stated rate or total checked."""
    return table(RESULT_COLUMNS, results)


FINDING_COLUMNS: list[Column[Finding]] = [
    Column("file", "text", "The data file.", lambda f: f.file),
    Column("line", "integer", "Its line.", lambda f: f.line),
    Column("column", "integer", "Its column (in characters).", lambda f: f.column),
    Column("level", "text", "error, warning, info, or accepted.", lambda f: f.shown_level),
    Column("rule", "text", "The rule's id (plancheck rules RULE explains it).", lambda f: f.rule),
    Column("plan", "text", "The plan's id, where the finding is about one.", lambda f: f.plan),
    Column("indicator", "text", "The indicator's or claim's id, where it is about one.", lambda f: f.indicator),
    Column("message", "text", "What is wrong, and what to do.", lambda f: f.message),
    Column("accepted", "text", "Why the data accepts the finding, where it does.", lambda f: f.accepted),
    Column(
        "source_document",
        "text",
        "The source document of the figure it is about.",
        lambda f: getattr(f.source, "document", None),
    ),
    Column(
        "source_line",
        "integer",
        "The line of that document the figure is printed on.",
        lambda f: getattr(f.source, "line", None),
    ),
    Column(
        "url", "text", "The plan's web address, where the data gives one.", lambda f: getattr(f.source, "url", None)
    ),
]


def findings_table(findings: Iterable[Finding]) -> Table:
    """validate: one row per finding."""
    return table(FINDING_COLUMNS, findings)


PLAN_COLUMNS: list[Column[Plan]] = [
    Column("plan", "text", "The plan's id.", lambda p: p.id),
    Column("aliases", "text", "Other names it answers to, separated by spaces.", lambda p: " ".join(p.aliases)),
    Column("title", "text", "Its title, as printed.", lambda p: p.title.zh),
    Column("title_en", "text", "Its English title.", lambda p: p.title.en),
    Column("region", "text", "The region's name, as printed.", lambda p: p.region.zh),
    Column("region_en", "text", "The region's English name.", lambda p: p.region.en),
    Column("level", "text", "national, province, prefecture, county or zone.", lambda p: p.region.level),
    Column("parent", "text", "The region it belongs to.", lambda p: p.region.parent),
    Column("first_year", "integer", "The first year the plan covers.", lambda p: p.period.first),
    Column("last_year", "integer", "The last year it covers.", lambda p: p.period.last),
    Column("issuer", "text", "Who issued it.", lambda p: p.issuer),
    Column(
        "issued",
        "text",
        "The date of issue (YYYY-MM-DD).",
        lambda p: None if p.issued is None else p.issued.isoformat(),
    ),
    Column("indicators", "integer", "How many indicators it has.", lambda p: plan_counts(p)[0]),
    Column("targets", "integer", "How many of them set a target value.", lambda p: plan_counts(p)[1]),
    *_source(lambda p: p, lambda p: None, cited=False),
]


def plans_table(plans: Iterable[Plan]) -> Table:
    """list: one row per plan."""
    return table(PLAN_COLUMNS, plans)


def _line(figure: Figure | None) -> int | None:
    return None if figure is None else figure.line


Owned = tuple[Plan, Indicator]


def _part_line(part: str) -> Callable[[Owned], int | None]:
    return lambda x: _line(getattr(x[1], part))


INDICATOR_COLUMNS: list[Column[Owned]] = [
    Column("plan", "text", "The plan's id.", lambda x: x[0].id),
    Column("indicator", "text", "The indicator's id within the plan.", lambda x: x[1].id),
    Column("key", "text", "Its catalogue key, where it has one.", lambda x: x[1].key),
    Column("name", "text", "Its name, as printed.", lambda x: x[1].name),
    Column("name_en", "text", "Its English name.", lambda x: x[1].name_en),
    Column("group", "text", "The table's group the row stands in.", lambda x: x[1].group),
    Column("scope", "text", "The part of the region it is about, where not the whole.", lambda x: x[1].scope),
    Column("unit", "text", "The unit, as printed.", lambda x: x[1].unit),
    Column("shape", "text", "How its figures are read: level, share, rate, index …", lambda x: x[1].shape),
    Column("binding", "text", "binding (约束性) or indicative (预期性).", lambda x: x[1].binding),
    *_figure("baseline", "baseline value", lambda x: x[1].baseline),
    *_figure("target", "target value", lambda x: x[1].target),
    Column(
        "target_kind",
        "text",
        "level, increment (新增) or cumulative (累计).",
        lambda x: getattr(x[1].target, "kind", None),
    ),
    *_figure("growth", "stated annual growth", lambda x: x[1].growth, year=False, unit=True),
    *_figure("total", "stated change over the span", lambda x: x[1].total, year=False, unit=True),
    Column("goal", "text", "A target in words, as printed.", lambda x: getattr(x[1].goal, "text", None)),
    Column("name_line", "integer", "The source line the name is printed on.", lambda x: x[1].line),
    *(
        Column(f"{part}_line", "integer", f"The source line the {what} is printed on.", _part_line(part))
        for part, what in (
            ("baseline", "baseline"),
            ("target", "target"),
            ("growth", "stated growth"),
            ("total", "stated total"),
        )
    ),
    *_source(lambda x: x[0], lambda x: None, cited=False),
]


def indicators_table(plan: Plan) -> Table:
    """show: one row per indicator of the plan."""
    return table(INDICATOR_COLUMNS, ((plan, i) for i in plan.indicators))


Placed = tuple[int, "Row", Plan, "CompareCell"]  # the row's number, the row, the plan, its cell


def _converted(x: Placed, which: str) -> float | None:
    figure = getattr(x[3].indicator, which)
    return None if figure is None else json_number(x[3].convert(figure.value))


COMPARISON_COLUMNS: list[Column[Placed]] = [
    Column(
        "row", "integer", "The compared row's number (1, 2 …): the plans' cells of one row share it.", lambda x: x[0]
    ),
    Column("key", "text", "The row's catalogue key.", lambda x: x[1].key),
    Column("scope", "text", "The row's scope, where not the whole region.", lambda x: x[1].scope),
    Column("row_name", "text", "The row's name (the catalogue's).", lambda x: x[1].name),
    Column("row_name_en", "text", "Its English name.", lambda x: x[1].name_en),
    Column("row_unit", "text", "The unit the row's figures are converted to.", lambda x: x[1].unit),
    Column(
        "comparable",
        "bool",
        "false: the plans' figures on this row are not comparable (see note).",
        lambda x: x[1].comparable,
    ),
    Column("note", "text", "Why they are not, or what to keep in mind.", lambda x: x[1].note),
    Column("plan", "text", "The plan's id.", lambda x: x[2].id),
    Column("indicator", "text", "The plan's indicator on this row.", lambda x: x[3].indicator.id),
    Column("name", "text", "Its name, as the plan prints it.", lambda x: x[3].indicator.name),
    Column("unit", "text", "Its unit, as the plan prints it.", lambda x: x[3].indicator.unit),
    Column(
        "factor",
        "number",
        "What its figures are multiplied by to be in the row's unit (万家 → 家: 10000).",
        lambda x: None if x[3].factor is None else json_number(float(x[3].factor)),
    ),
    Column(
        "baseline_year",
        "integer",
        "The year of the baseline.",
        lambda x: getattr(x[3].indicator.baseline, "year", None),
    ),
    Column("baseline", "number", "The baseline, in the row's unit.", lambda x: _converted(x, "baseline")),
    Column(
        "baseline_printed",
        "text",
        "The baseline as printed, in the plan's unit.",
        lambda x: getattr(x[3].indicator.baseline, "value", None),
    ),
    Column("target_year", "integer", "The target year.", lambda x: getattr(x[3].indicator.target, "year", None)),
    Column("target", "number", "The target, in the row's unit.", lambda x: _converted(x, "target")),
    Column(
        "target_printed",
        "text",
        "The target as printed, in the plan's unit.",
        lambda x: getattr(x[3].indicator.target, "value", None),
    ),
    Column(
        "target_qualifier",
        "text",
        "The target's qualifier (at_least, about …).",
        lambda x: getattr(x[3].indicator.target, "qualifier", None),
    ),
    Column(
        "target_kind",
        "text",
        "level, increment (新增) or cumulative (累计).",
        lambda x: getattr(x[3].indicator.target, "kind", None),
    ),
    Column(
        "pace",
        "number",
        "The annual pace: compound % for levels, pp a year for shares.",
        lambda x: json_number(x[3].pace),
    ),
    Column("pace_unit", "text", "percent or pp.", lambda x: x[3].pace_unit),
    Column(
        "pace_basis",
        "text",
        "implied (from baseline and target) or stated (the plan's own rate).",
        lambda x: x[3].pace_basis,
    ),
    Column(
        "more_ambitious",
        "bool",
        "This plan is the row's more ambitious one (false for all on a tie).",
        lambda x: x[1].leader == x[2].id,
    ),
    Column("basis", "text", "What more ambitious is judged by: pace or level.", lambda x: x[1].basis),
    Column(
        "target_line", "integer", "The source line the target is printed on.", lambda x: _line(x[3].indicator.target)
    ),
    *_source(lambda x: x[2], lambda x: None, cited=False),
]


def comparison_table(cmp: Comparison) -> Table:
    """compare: one row per plan on each compared row (plans without the indicator have no row)."""
    placed = (
        (n, row, plan, row.cells[plan.id])
        for n, row in enumerate(cmp.rows, 1)
        for plan in cmp.plans
        if plan.id in row.cells
    )
    return table(COMPARISON_COLUMNS, placed)

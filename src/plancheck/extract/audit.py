"""What a plan's text has that its plan file lacks: every figure read from the text that the file
does not hold on its line (the completeness audit of ``plancheck extract --check``).

A figure of the text is held when the file has a figure of the same value, as printed, citing the
same line: a baseline, target (or its upper end), stated growth, total, restatement, a claim's end
or change, or a part of a change. Numbers the text reading could not place are listed apart: they
may be figures, and are left for a reader to judge.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model.plan import Plan
from .document import Reading


@dataclass(frozen=True)
class Missing:
    """A figure of the text that the plan file does not hold: where it is printed and what it says."""

    line: int
    column: int
    printed: str
    value: str
    what: str
    """The statement's kind, or ``table`` for a cell of an indicator table."""
    subject: str


@dataclass(frozen=True)
class Unplaced:
    """Numbers of the text that were not read as figures (a clause), for a reader to judge."""

    line: int
    column: int
    text: str
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class Audit:
    read: int
    """How many figures were read from the text."""
    missing: tuple[Missing, ...]
    unplaced: tuple[Unplaced, ...]


def plan_figures(plan: Plan) -> set[tuple[int, str]]:
    """(line, value) of every figure the plan file holds that cites a line."""
    out: set[tuple[int, str]] = set()

    def add(line: int | None, value: str | None) -> None:
        if line is not None and value is not None:
            out.add((line, value.lstrip("-")))

    for ind in plan.indicators:
        for fig in (ind.baseline, ind.target, ind.growth, ind.total):
            if fig is not None:
                add(fig.line, fig.value)
        if ind.target is not None:
            add(ind.target.line, ind.target.upper)
        for r in ind.restated:
            add(r.line, r.value)
    for claim in plan.claims:
        for end in (claim.start, claim.end):
            add(end.line, end.value)
        for change in claim.changes:
            add(change.line, change.value)
            for part in change.parts:
                add(part.line, part.value)
    return out


def _text_figures(reading: Reading) -> Iterator[Missing]:
    for table in reading.tables:
        for row in table.rows:
            for cell in row.cells:
                amount = cell.value.amount
                if amount is None:
                    continue
                column = reading.lines[cell.line - 1].find(cell.text) + 1
                for value in (amount.value, amount.upper):
                    if value is not None:
                        yield Missing(cell.line, max(column, 1), cell.text, value, "table", row.name)
    for s in reading.statements:
        for figure, at in ((s.start, s.start_column), (s.amount, s.column)):
            if figure is None:
                continue
            for value in (figure.value, figure.upper):
                if value is not None:
                    yield Missing(s.line, at or s.column, figure.printed, value, s.kind, s.subject)


def audit(reading: Reading, plan: Plan) -> Audit:
    """Every figure of ``reading`` that ``plan`` does not hold on its line, in the order of the text."""
    held = plan_figures(plan)
    seen: set[tuple[int, str]] = set()
    read = 0
    missing: list[Missing] = []
    for fig in _text_figures(reading):
        key = (fig.line, fig.value.lstrip("-"))
        if key in seen:
            continue
        seen.add(key)
        read += 1
        if key not in held:
            missing.append(fig)
    missing.sort(key=lambda m: (m.line, m.column))
    unplaced = tuple(Unplaced(u.line, u.column, u.clause, u.numbers) for u in reading.unread)
    return Audit(read, tuple(missing), unplaced)

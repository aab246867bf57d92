"""Each figure's digits on its cited line of the plan's own source document (``validate --sources DIR``).

The data cites, for every figure, the line of the source document it is printed on; these rules read
the documents from the directory given and check that the citation holds: the figure's digits stand
on that line as a whole number (7.4 is not found inside 17.45), its ``printed`` words where the data
gives them, an indicator's name and a claim's subject as printed. They run only when the documents
are given, since plancheck has no other way to see them.

source-document (error): the plan's ``source:`` document is not in the directory given, or cannot be
read as UTF-8 text. Reported at the plan's ``source:``; none of its figures can then be checked.

Fails, when the directory holds no ``example.txt``::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

source-line (error): a figure's digits are not on its cited line (or the line is past the end of the
document). Reported at the figure, with what the line holds instead and, where the figure stands on a
line close by, that line.

Fails, when line 2 of ``example.txt`` reads ``到2025年达到160家``::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.citations import check_line, cited_parts, number_on
from ..model.findings import Finding
from ..model.plan import Claim, Indicator, Plan
from ..model.positions import Place
from ..model.status import Level
from .base import Context, Rule, at

DOCUMENT = Rule("source-document", Level.ERROR, "The plan's source document is not in the sources directory given.")
LINE = Rule("source-line", Level.ERROR, "A figure's digits are not on the line of the source document it cites.")
RULES = (DOCUMENT, LINE)

NEARBY = 3
"""How many lines above and below the cited one are searched for a figure that is not on it."""

_EXCERPT = 60


def _excerpt(line: str) -> str:
    text = line.strip()
    return repr(text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…")


def _nearby(lines: list[str], line: int, value: str) -> str:
    """``; 150 stands on source line 3`` where the figure is printed close to the line cited."""
    near = [n for n in range(max(1, line - NEARBY), min(len(lines), line + NEARBY) + 1) if n != line]
    for n in sorted(near, key=lambda n: abs(n - line)):
        if number_on(lines[n - 1], value):
            return f"; {value} stands on source line {n}"
    return ""


def _problems(plan: Plan, lines: list[str]) -> Iterator[tuple[Place, str, str]]:
    """Each figure, name or subject not on its cited line: its place, its indicator's or claim's id, why."""
    doc = plan.source
    for c in cited_parts(plan):
        if c.line is None or c.value is None or c.document not in (None, doc):
            continue  # an outturn from another publication: not on a line of this document
        where = c.owner.place(*c.path, "value")
        if c.line > len(lines):
            yield where, c.owner.id, f"{c.where}: source line {c.line} is past the end of {doc} ({len(lines)} lines)"
            continue
        text = lines[c.line - 1]
        wrong = check_line(text, c)
        if wrong is not None:
            near, cited = _nearby(lines, c.line, c.value), f"source line {c.line} of {doc}"
            if wrong.endswith(" on it"):
                wrong = f"{wrong[: -len(' on it')]} on {cited}, which holds {_excerpt(text)}{near}"
            else:
                wrong = f"{wrong} ({cited} holds {_excerpt(text)}{near})"
            yield where, c.owner.id, f"{c.where}: {wrong}: correct the figure or its line"
    named: list[tuple[Indicator | Claim, str, str]] = [(i, i.name, "name") for i in plan.indicators]
    named += [(c, c.subject, "subject") for c in plan.claims]
    for owner, words, what in named:
        if owner.line is None:
            continue
        where = owner.place("subject" if what == "subject" else "name")
        if owner.line > len(lines):
            yield where, owner.id, f"{owner.id}: source line {owner.line} is past the end of {doc} ({len(lines)} lines)"
        elif words not in lines[owner.line - 1]:
            yield (
                where,
                owner.id,
                f"{owner.id}: the {what} {words!r} is not on source line {owner.line} of {doc}, which holds "
                f"{_excerpt(lines[owner.line - 1])}: correct the {what} or its line",
            )


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.sources is None:
        return
    for plan in ctx.plans:
        if plan.source is None:
            continue  # provenance warns about that
        text = ctx.sources.get(plan.source)
        if text is None:
            continue
        if isinstance(text, str):
            yield at(
                DOCUMENT,
                plan.place("source"),
                plan.id,
                None,
                f"plan {plan.id}: its source document {plan.source} {text}: put the document there, or correct "
                "source:, so that its figures can be checked",
            )
            continue
        for place, subject, message in _problems(plan, text):
            yield at(LINE, place, plan.id, subject, message)

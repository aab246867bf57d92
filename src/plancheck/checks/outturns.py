"""Outturns that cannot be used as written: the values of ``observed:`` (an indicator's own, or an
outturn file's, which are added to it).

outturn-unit (error): an outturn's own ``unit:`` does not convert to its row's unit by scale. An
outturn may be printed in another unit than the row's where the two differ only by a prefix (万, 亿,
万亿, 千: 29500 in 万元 on a row in 亿元 is 2.95亿元, converted exactly, as compare converts 万家 to
家); a unit of another kind (人 on a row in 亿元, % on a row in 家) cannot be compared with the
target, so the outturn is left out of ``plancheck progress`` and reported at its ``unit:``. Write the
value in the row's unit, or correct the unit.

Passes, an outturn in 万元 on a row in 亿元::

    unit: 亿元
    baseline: {year: 2020, value: 2.5, line: 1}
    target: {year: 2025, value: 4, line: 2}
    observed:
      - {year: 2022, value: 29500, unit: 万元, line: 3}

Fails, an outturn in 人 on a row in 亿元::

    unit: 亿元
    baseline: {year: 2020, value: 2.5, line: 1}
    target: {year: 2025, value: 4, line: 2}
    observed:
      - {year: 2022, value: 3.1, unit: 人, line: 3}

duplicate-outturn (warning): an indicator has two outturns for the same year with the same value
(the plan's own ``observed:`` and an outturn file, or two outturn files, or one list): reported at
the second, naming the first. Equal values count as the same whatever their digits or unit (3.2
and 3.20; 2.95 on a row in 亿元 and 29500 in 万元). Harmless, but one of them is redundant: remove it,
or correct its year if another year was meant.

Passes, two years::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}
    observed:
      - {year: 2021, value: 110, line: 3}
      - {year: 2022, value: 120, line: 4}

Warns, 2022 twice with the same value::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}
    observed:
      - {year: 2022, value: 120, line: 3}
      - {year: 2022, value: "120.0", line: 7}

conflicting-outturn (error): an indicator has two outturns for the same year with different values
(or qualifiers): at most one of them is what was measured, and progress would use the first one
read. Reported at the second, naming the first and its value: keep the one the source prints
(a bulletin's later revision is a value of its own publication; keep that one and remove the other).

Fails, 2022 as 120 and as 125::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}
    observed:
      - {year: 2022, value: 120, line: 3}
      - {year: 2022, value: 125, line: 7}
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..model.catalogue import observed_value
from ..model.findings import Finding
from ..model.notation import qualified
from ..model.plan import Observation
from ..model.positions import Place
from ..model.status import Level
from .base import Context, Rule, at

OUTTURN_UNIT = Rule(
    "outturn-unit",
    Level.ERROR,
    "An outturn's own unit does not convert to its row's unit by scale (万元 → 亿元 does; 人 → 亿元 does not).",
)
DUPLICATE = Rule(
    "duplicate-outturn",
    Level.WARNING,
    "Two outturns of one indicator for the same year, with the same value (one is redundant).",
)
CONFLICT = Rule(
    "conflicting-outturn",
    Level.ERROR,
    "Two outturns of one indicator for the same year, with different values.",
)
RULES = (OUTTURN_UNIT, DUPLICATE, CONFLICT)


def _where(first: Place, here: Place) -> str:
    return f"line {first.line}" if first.file == here.file else f"{first.file}:{first.line}"


def _shown(o: Observation) -> str:
    return qualified(o.value, o.qualifier) + (o.unit or "")


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            first: dict[
                int, tuple[Observation, Fraction]
            ] = {}  # each year's first outturn, its value in the row's unit
            for o in ind.observed:
                value = observed_value(o, ind)
                if value is not None:
                    if o.year not in first:
                        first[o.year] = (o, value)
                    else:
                        yield _twice(plan.id, ind.id, first[o.year], (o, value))
                else:
                    yield at(
                        OUTTURN_UNIT,
                        o.place("unit"),
                        plan.id,
                        ind.id,
                        f"the {o.year} outturn {o.value} of '{ind.id}' is in {o.unit}, which does not convert to "
                        f"the row's unit {ind.unit} by scale (万, 亿, 万亿, 千): write the value in {ind.unit}, or "
                        "correct its unit; it is left out of progress",
                    )


def _twice(plan: str, ind: str, earlier: tuple[Observation, Fraction], later: tuple[Observation, Fraction]) -> Finding:
    """The finding at the second outturn of a year: a duplicate where the two agree, else a conflict."""
    (a, a_value), (b, b_value) = earlier, later
    here = b.place("year")
    where = _where(a.place("year"), here)
    if a_value == b_value and a.qualifier == b.qualifier:
        return at(
            DUPLICATE,
            here,
            plan,
            ind,
            f"the {b.year} outturn of '{ind}' is given twice, as {_shown(b)} here and the same at {where}: "
            "remove one of them, or correct the year",
        )
    return at(
        CONFLICT,
        here,
        plan,
        ind,
        f"the {b.year} outturn of '{ind}' is given twice, as {_shown(b)} here and as {_shown(a)} at {where}: "
        "keep the one the source prints (progress uses the first read, at " + where + ")",
    )

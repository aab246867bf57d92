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
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.catalogue import conversion
from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, at

OUTTURN_UNIT = Rule(
    "outturn-unit",
    Level.ERROR,
    "An outturn's own unit does not convert to its row's unit by scale (万元 → 亿元 does; 人 → 亿元 does not).",
)
RULES = (OUTTURN_UNIT,)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            for o in ind.observed:
                if o.unit is not None and conversion(o.unit, ind.unit) is None:
                    yield at(
                        OUTTURN_UNIT,
                        o.place("unit"),
                        plan.id,
                        ind.id,
                        f"the {o.year} outturn {o.value} of '{ind.id}' is in {o.unit}, which does not convert to "
                        f"the row's unit {ind.unit} by scale (万, 亿, 万亿, 千): write the value in {ind.unit}, or "
                        "correct its unit; it is left out of progress",
                    )

"""Ids that name two things.

duplicate-id (error): two indicators of one plan share an id, or two plans of the data do (plan ids
must be unique across every file read, since commands name plans by them).

Passes::

    indicators:
      - {id: patents, name: 发明专利, unit: 件, category: ip, target: {year: 2025, value: 10, line: 1}}
      - {id: firms, name: 高新技术企业, unit: 家, category: enterprises, target: {year: 2025, value: 5, line: 2}}

Fails::

    indicators:
      - {id: patents, name: 发明专利, unit: 件, category: ip, target: {year: 2025, value: 10, line: 1}}
      - {id: patents, name: 高新技术企业, unit: 家, category: enterprises, target: {year: 2025, value: 5, line: 2}}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, at, finding

DUPLICATE_ID = Rule("duplicate-id", Level.ERROR, "Two plans, or two indicators of one plan, share an id.")
RULES = (DUPLICATE_ID,)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        seen: dict[str, int] = {}
        for ind in plan.indicators:
            line = ind.place("id").line
            if ind.id in seen:
                yield finding(
                    DUPLICATE_ID,
                    plan,
                    ind,
                    f"indicator id '{ind.id}' is used twice in plan '{plan.id}' (first at line "
                    f"{seen[ind.id]}): give each indicator its own id",
                    "id",
                )
            else:
                seen[ind.id] = line
    first: dict[str, str] = {}
    for plan in ctx.plans:
        place = plan.place("id")
        if plan.id in first:
            yield at(
                DUPLICATE_ID,
                place,
                plan.id,
                None,
                f"plan id '{plan.id}' is used twice (first at {first[plan.id]}): plan ids must be unique "
                "across the data",
            )
        else:
            first[plan.id] = f"{place.file}:{place.line}"

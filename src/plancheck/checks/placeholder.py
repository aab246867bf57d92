"""Values a draft left to be filled in.

placeholder (warning): a value that still starts with ``TODO`` (or a plan id that does), as
``plancheck extract`` writes where the text does not give a plan's region, its English name, its
title, or an indicator's name or unit. The draft reads and is checked all the same; the warning
says which value to give before the file is used or cited.

Passes::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Warns, the unit was not printed with the figure::

    unit: "TODO: 单位"
    target: {year: 2025, value: 150, line: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, at

PLACEHOLDER = Rule(
    "placeholder", Level.WARNING, "A value left as a placeholder (TODO…) by plancheck extract, to be filled in."
)
RULES = (PLACEHOLDER,)

MARK = "TODO"


def _open(value: object) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(MARK)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        fields: list[tuple[tuple[str, ...], object, str]] = [
            (("id",), plan.id, "the plan's id"),
            (("title", "zh"), plan.title.zh, "the plan's title"),
            (("region", "zh"), plan.region.zh, "the region's Chinese name"),
            (("region", "en"), plan.region.en, "the region's English name"),
        ]
        for path, value, what in fields:
            if _open(value):
                yield at(
                    PLACEHOLDER,
                    plan.place(*path),
                    plan.id,
                    None,
                    f"{what} is still a placeholder ({value}): give it (plancheck extract takes it as an option)",
                )
        for ind in plan.indicators:
            for name, what in (("name", "name"), ("unit", "unit")):
                value = getattr(ind, name)
                if _open(value):
                    yield at(
                        PLACEHOLDER,
                        ind.place(name),
                        plan.id,
                        ind.id,
                        f"indicator {ind.id} (line {ind.line}): its {what} is still a placeholder ({value}): "
                        f"give it from the source",
                    )
        for claim in plan.claims:
            for name, what in (("subject", "subject"), ("unit", "unit")):
                value = getattr(claim, name)
                if _open(value):
                    yield at(
                        PLACEHOLDER,
                        claim.place(name),
                        plan.id,
                        claim.id,
                        f"claim {claim.id} (line {claim.line}): its {what} is still a placeholder ({value}): "
                        f"give it from the source",
                    )

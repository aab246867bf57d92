"""Years of one indicator in the wrong order.

year-order (error): the target year is not after the baseline year, so no growth between them can
be computed. Usually one of the two years was typed from the wrong column.

Passes::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Fails::

    baseline: {year: 2025, value: 100, line: 1}
    target: {year: 2020, value: 150, line: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding

YEAR_ORDER = Rule("year-order", Level.ERROR, "The target year is not after the baseline year.")
RULES = (YEAR_ORDER,)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            if ind.baseline and ind.target and ind.target.year <= ind.baseline.year:
                yield finding(
                    YEAR_ORDER,
                    plan,
                    ind,
                    f"target year {ind.target.year} is not after the baseline year "
                    f"{ind.baseline.year}: check both years against the source",
                    "target",
                    "year",
                )

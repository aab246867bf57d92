"""A baseline year earlier than the year before the plan's period.

base-year (warning): a plan for 2021–2025 measures from 2020. Another baseline year is either a
cell with its own data year (a table marking 2024年数据*, which is right to keep) or a slip in the
data entry. Only level targets with a baseline are looked at. A baseline year in or after the period
is year-outside-period's, reported once there.

Passes, in a plan for 2021–2025::

    baseline: {year: 2020, value: 3.34, line: 99}
    target: {year: 2025, value: 4.5, line: 101}

Warns::

    baseline: {year: 2019, value: 3.34, line: 99}
    target: {year: 2025, value: 4.5, line: 101}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding
from .year_period import baseline_in_period

BASE_YEAR = Rule("base-year", Level.WARNING, "The baseline year is earlier than the year before the plan's period.")
RULES = (BASE_YEAR,)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        expected = plan.period.first - 1
        for ind in plan.indicators:
            b = ind.baseline
            if b is None or b.other_year or baseline_in_period(plan, b):
                continue  # a cell the table marks (*) as another year's data; a year year-outside-period reports
            if b.year != expected and (ind.target is None or ind.target.kind == "level"):
                yield finding(
                    BASE_YEAR,
                    plan,
                    ind,
                    f"baseline year {b.year} is not the year before the plan's period "
                    f"({plan.period.first}–{plan.period.last}, so {expected}): keep it if the "
                    "source gives this figure its own year, otherwise check the column",
                    "baseline",
                    "year",
                )

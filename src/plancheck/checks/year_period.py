"""Years of an indicator outside its plan's period.

year-outside-period (warning): a target year before or after the plan's period (a 2025 target in a
plan for 2016–2020), or a baseline year in or after it, where a baseline measured before the period
belongs. Usually a year typed from another column or copied from another plan, and any rate
computed from it is wrong too; keep it if the source does set the target for that year (a 2035
vision in a five-year plan). A restated target's year counts as a target year. A table cell marked
as another year's data (``other_year: true``) is intended; a baseline year earlier than the year
before the period is base-year's, and a target year not after the baseline year is year-order's
(reported there, not here too).

Passes, in a plan for 2021–2025::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Warns, a 2025 target in a plan for 2016–2020::

    # plan 嘉兴市 prefecture 2016–2020
    baseline: {year: 2015, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Warns, a baseline of 2022 in a plan for 2021–2025::

    baseline: {year: 2022, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Warns, the target restated for 2030::

    target: {year: 2025, value: 150, line: 2}
    restated:
      - {value: 150, year: 2030, line: 9}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.plan import Baseline, Plan
from ..model.status import Level
from .base import Context, Rule, finding

YEAR_OUTSIDE_PERIOD = Rule(
    "year-outside-period",
    Level.WARNING,
    "A target year outside the plan's period, or a baseline year not before it.",
)
RULES = (YEAR_OUTSIDE_PERIOD,)


def baseline_in_period(plan: Plan, baseline: Baseline) -> bool:
    """A baseline year this rule reports: in or after the period, and not marked as another year's data."""
    return baseline.year >= plan.period.first and not baseline.other_year


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        first, last = plan.period.first, plan.period.last
        period = f"{first}–{last}" if first != last else str(first)
        for ind in plan.indicators:
            b, t = ind.baseline, ind.target
            if b is not None and baseline_in_period(plan, b):
                yield finding(
                    YEAR_OUTSIDE_PERIOD,
                    plan,
                    ind,
                    f"baseline year {b.year} is not before the plan's period ({period}): a baseline is "
                    f"measured before the period starts (so {first - 1}); check the column, or mark a cell "
                    "of another year's data `other_year: true`",
                    "baseline",
                    "year",
                )
            years: list[tuple[int, tuple[str | int, ...], str]] = []
            if t is not None and (b is None or t.year > b.year):  # else year-order's, at the same place
                years.append((t.year, ("target", "year"), "target year"))
            years += [
                (r.year, ("restated", i, "year"), "restated target year")
                for i, r in enumerate(ind.restated)
                if r.year is not None
            ]
            for year, place, what in years:
                if not first <= year <= last:
                    side = "after the end" if year > last else "before the start"
                    yield finding(
                        YEAR_OUTSIDE_PERIOD,
                        plan,
                        ind,
                        f"{what} {year} is {side} of the plan's period ({period}): check the year "
                        "against the source; keep it if the plan sets this target for that year",
                        *place,
                    )

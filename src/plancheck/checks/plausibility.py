"""Stated annual rates that read like something else.

implausible-rate (warning): a stated annual growth that, compounded over the span, falls by more
than half or grows more than tenfold (a stated 20% annual fall means −67% in five years), or a
share that, at the stated percentage points a year, would leave 0 to 100%. The figure may be the
period's total written as annual.

Passes::

    baseline: {year: 2020, value: 100, line: 1}
    growth: {value: -5, unit: percent, line: 3}

Warns, 0.8^5 = 0.33: a third of the baseline after five years::

    baseline: {year: 2020, value: 100, line: 1}
    growth: {value: -20, unit: percent, line: 3}

annual-equals-total (warning): a stated annual rate that does not fit the baseline and target as a
yearly rate but fits as the whole span's change (0.47 pp a year where 2.73 → 3.20 changes by 0.47 in
all): the period's total written as annual.

Warns::

    unit: "%"
    baseline: {year: 2020, value: 2.73, line: 35}
    target: {year: 2025, value: "3.20", line: 36}
    growth: {value: 0.47, unit: pp, line: 37}
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..analysis.rates import GrowthResult
from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.numbers import format_number
from ..model.findings import Finding
from ..model.notation import RATE_UNIT_SYMBOLS
from ..model.plan import Baseline, Growth, Target
from ..model.status import Level, Status
from .base import Context, Rule, finding

IMPLAUSIBLE = Rule("implausible-rate", Level.WARNING, "A stated annual rate compounds to an implausible change.")
TOTAL = Rule("annual-equals-total", Level.WARNING, "A stated annual rate equals the whole span's change.")
RULES = (IMPLAUSIBLE, TOTAL)

LOWEST, HIGHEST = 0.5, 10.0  # the compounded change over the span that still reads as an annual rate


def check(ctx: Context) -> Iterator[Finding]:
    # a figure whose sign contradicts its baseline and target has its one finding, direction
    contradicted = {id(r.indicator) for r in ctx.results if r.kind == "growth" and r.sign_contradicts}
    for plan in ctx.plans:
        span = plan.period.last - plan.period.first + 1
        for ind in plan.indicators:
            g, b, t = ind.growth, ind.baseline, ind.target
            if g is None or ind.kind == "rate" or g.unit == "absolute" or id(ind) in contradicted:
                continue
            n = t.year - b.year if b and t and t.year > b.year else span
            rate = float(g.value)
            if g.unit == "percent" and rate <= -100:
                yield finding(
                    IMPLAUSIBLE,
                    plan,
                    ind,
                    f"a stated {g.value}% a year leaves nothing to grow from: a fall of 100% or more in one year "
                    "is all there is; check the sign and the figure",
                    "growth",
                    "value",
                )
            elif g.unit == "percent":
                factor = growth.growth_factor(rate, n)
                if factor < LOWEST or factor > HIGHEST:
                    in_all = (
                        f"{format_number((factor - 1) * 100, 0)}% in all (×{format_number(factor, 2)})"
                        if math.isfinite(factor)
                        else "a change too large to compute"
                    )
                    yield finding(
                        IMPLAUSIBLE,
                        plan,
                        ind,
                        f"a stated {g.value}% a year over {n} years is {in_all}: if the plan means the change "
                        "over the whole period, write it as total:",
                        "growth",
                        "value",
                    )
            elif g.unit == "pp" and b is not None and ind.is_share:
                end = b.number + rate * n
                if not 0 <= end <= 100:
                    yield finding(
                        IMPLAUSIBLE,
                        plan,
                        ind,
                        f"at {g.value} percentage points a year for {n} years the share would go from "
                        f"{b.value}% to {format_number(end, 2)}%: if the plan means the change over the "
                        "whole period, write it as total:",
                        "growth",
                        "value",
                    )
    wrong: list[tuple[GrowthResult, Baseline, Target, Growth, RateUnit]] = []
    for r in ctx.results:
        b, t, g = r.baseline, r.target, r.indicator.growth
        if (
            r.kind == "growth"
            and r.status is Status.INCONSISTENT
            and not r.sign_contradicts
            and (r.years or 0) > 1
            and b is not None
            and t is not None
            and g is not None
            and r.unit is not None
        ):
            wrong.append((r, b, t, g, r.unit))
    if not wrong:
        return
    cases = [
        growth.Case(
            baseline=b.value,
            target=t.value,
            years=1,
            stated=g.value,
            unit=unit,
            target_qualifier=t.qualifier,
            stated_qualifier=g.qualifier,
        )
        for _, b, t, g, unit in wrong
    ]
    out = growth.evaluate(cases, ctx.policy)  # the same figures read as the whole span's change
    for i, (r, b, t, g, unit) in enumerate(wrong):
        if out.full_ok[i]:
            symbol = RATE_UNIT_SYMBOLS[unit]
            yield finding(
                TOTAL,
                r.plan,
                r.indicator,
                f"the stated {g.value}{symbol} a year equals the whole change from "
                f"{b.value} ({b.year}) to {t.value} ({t.year}), "
                f"{format_number(float(out.point[i]), 3)}{symbol} over {r.years} years: it reads as the "
                "period's total, not a yearly rate",
                "growth",
                "value",
            )

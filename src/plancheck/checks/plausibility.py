"""Stated annual rates that read like something else.

implausible-rate (warning): a stated annual growth that, compounded over the span, falls by more
than half or grows more than tenfold (a stated 20% annual fall means −67% in five years), or a
share that, at the stated percentage points a year, would leave 0 to 100%. The figure may be the
period's total written as annual.
annual-equals-total (warning): a stated annual rate that does not fit the baseline and target as a
yearly rate but fits as the whole span's change (0.47 pp a year where 2.73 → 3.20 changes by 0.47 in
all): the period's total written as annual.

Warns::

    baseline: {year: 2020, value: 100, line: 1}
    growth: {value: -20, unit: percent, line: 3}     # ×0.33 over 5 years
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import growth
from ..figures import format_number
from ..findings import WARNING, Finding
from . import Context, Rule, finding

IMPLAUSIBLE = Rule("implausible-rate", WARNING, "A stated annual rate compounds to an implausible change.")
TOTAL = Rule("annual-equals-total", WARNING, "A stated annual rate equals the whole span's change.")
RULES = (IMPLAUSIBLE, TOTAL)

LOWEST, HIGHEST = 0.5, 10.0  # the compounded change over the span that still reads as an annual rate


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        span = plan.period.last - plan.period.first + 1
        for ind in plan.indicators:
            g, b, t = ind.growth, ind.baseline, ind.target
            if g is None:
                continue
            n = t.year - b.year if b and t and t.year > b.year else span
            rate = float(g.value)
            if g.unit == "percent" and rate > -100:
                factor = (1 + rate / 100) ** n
                if factor < LOWEST or factor > HIGHEST:
                    total = (factor - 1) * 100
                    yield finding(IMPLAUSIBLE, plan, ind,
                                  f"a stated {g.value}% a year over {n} years is {format_number(total, 0)}% in all "
                                  f"(×{format_number(factor, 2)}): if the plan means the change over the whole "
                                  "period, write it as total:", "growth", "value")
            elif g.unit == "pp" and b is not None and ind.is_share:
                end = b.number + rate * n
                if not 0 <= end <= 100:
                    yield finding(IMPLAUSIBLE, plan, ind,
                                  f"at {g.value} percentage points a year for {n} years the share would go from "
                                  f"{b.value}% to {format_number(end, 2)}%: if the plan means the change over the "
                                  "whole period, write it as total:", "growth", "value")
    wrong = [r for r in ctx.results if r.kind == "growth" and r.status == growth.INCONSISTENT and (r.years or 0) > 1]
    if not wrong:
        return
    cases = [growth.Case(baseline=r.baseline.value, target=r.target.value, years=1, stated=r.stated.value,  # type: ignore[union-attr]
                         unit=r.unit, target_qualifier=r.target.qualifier,  # type: ignore[union-attr, arg-type]
                         stated_qualifier=r.stated.qualifier) for r in wrong]  # type: ignore[union-attr]
    out = growth.evaluate(cases)  # the same figures read as the whole span's change
    for i, r in enumerate(wrong):
        if out.status[i] in (growth.CONSISTENT, growth.ROUNDING):
            unit = " pp" if r.unit == "pp" else "%"
            yield finding(TOTAL, r.plan, r.indicator,
                          f"the stated {r.stated.value}{unit} a year equals the whole change from "  # type: ignore[union-attr]
                          f"{r.baseline.value} ({r.baseline.year}) to {r.target.value} ({r.target.year}), "  # type: ignore[union-attr]
                          f"{format_number(float(out.point[i]), 3)}{unit} over {r.years} years: it reads as the "
                          "period's total, not a yearly rate", "growth", "value")

"""Stated growth rates that cannot be checked, and why.

The verify summary also counts every indicator that cannot be checked, stated growth or not.

unchecked (info): the plan states a growth (or a total) but the data lacks what is needed to check
it: no baseline (年均增长15%以上 towards a target with no base value), no target, a target that is an
increment (新增) or a sum over the period (累计) rather than a level, or target and base years out of
order. Where only the baseline is missing, the base the stated rate needs is shown.

Passes::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 201, line: 2}
    growth: {value: 15, unit: percent, line: 3}

Reports, no baseline; 9/1.15^5 = 4.47 would be the base in 2020::

    target: {year: 2025, value: 9, qualifier: more_than, line: 36}
    growth: {value: 15, unit: percent, qualifier: at_least, line: 108}

nonpositive-baseline (warning): compound growth from a zero or negative baseline is undefined.

Warns::

    baseline: {year: 2020, value: 0, line: 1}
    target: {year: 2025, value: 10, line: 2}
    growth: {value: 15, unit: percent, line: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arith.numbers import format_number
from ..model import forms
from ..model.findings import Finding
from ..model.notation import qualified
from ..model.status import Level, Status, Unchecked
from .base import Context, Rule, finding

UNCHECKED_RULE = Rule("unchecked", Level.INFO, "A stated growth that cannot be checked, with the reason.")
NONPOSITIVE = Rule("nonpositive-baseline", Level.WARNING, "Compound growth from a zero or negative baseline.")
RULES = (UNCHECKED_RULE, NONPOSITIVE)


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.results:
        if r.status is not Status.UNCHECKED or r.reason is None:
            continue
        if r.reason is Unchecked.NONPOSITIVE_BASELINE:
            yield finding(NONPOSITIVE, r.plan, r.indicator, f"cannot check growth: {r.reason}", "baseline", "value")
        elif r.stated is not None:
            what = "stated growth" if r.kind == "growth" else "stated total"
            message = f"{what} {forms.stated(r.stated)} cannot be checked: {r.reason}"
            if r.implied_baseline is not None and r.indicator.target is not None:
                t = r.indicator.target
                base_year = t.year - (r.years or 0)
                message += (
                    f"; from {base_year}, it reaches {qualified(t.value, t.qualifier)} in {t.year} "
                    f"from {format_number(r.implied_baseline, t.decimals + 2)} (at the printed figures)"
                )
            yield finding(UNCHECKED_RULE, r.plan, r.indicator, message, r.kind, "value")

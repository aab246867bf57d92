"""Stated growth rates that cannot be checked, and why.

unchecked (info): the plan states a growth (or a total) but the data lacks what is needed to check
it: no baseline (年均增长15%以上 towards a target with no base value), no target, a target that is an
increment (新增) or a sum over the period (累计) rather than a level, or target and base years out of
order. The verify summary also counts every indicator that cannot be checked, stated growth or not.
nonpositive-baseline (warning): compound growth from a zero or negative baseline is undefined.

Reported::

    target: {year: 2025, value: 9, qualifier: more_than, line: 36}
    growth: {value: 15, unit: percent, qualifier: at_least, line: 108}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import fmt
from ..figures import format_number
from ..findings import INFO, WARNING, Finding
from ..verify import UNCHECKED
from . import Context, Rule, finding

UNCHECKED_RULE = Rule("unchecked", INFO, "A stated growth that cannot be checked, with the reason.")
NONPOSITIVE = Rule("nonpositive-baseline", WARNING, "Compound growth from a zero or negative baseline.")
RULES = (UNCHECKED_RULE, NONPOSITIVE)


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.results:
        if r.status != UNCHECKED or r.reason is None:
            continue
        if "zero or negative" in r.reason:
            yield finding(NONPOSITIVE, r.plan, r.indicator, f"cannot check growth: {r.reason}",
                          "baseline", "value")
        elif r.stated is not None:
            what = "stated growth" if r.kind == "growth" else "stated total"
            message = f"{what} {fmt.growth(r.stated)} cannot be checked: {r.reason}"
            if r.implied_baseline is not None and r.indicator.target is not None:
                t = r.indicator.target
                base_year = t.year - (r.years or 0)
                message += (f"; from {base_year}, it reaches {fmt.qualified(t.value, t.qualifier)} in {t.year} "
                            f"from {format_number(r.implied_baseline, t.decimals + 2)} (at the printed figures)")
            yield finding(UNCHECKED_RULE, r.plan, r.indicator, message, r.kind, "value")

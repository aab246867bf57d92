"""A growth stated in percentage points on an indicator that is not a share.

growth-unit (error): 个百分点 (pp) only makes sense for an indicator that is itself a share in %.
Either the stated unit should be percent, or the indicator's unit should be %.

Passes::

    unit: "%"
    growth: {value: 0.05, unit: pp, line: 37}

Fails::

    unit: 亿元
    growth: {value: 0.05, unit: pp, line: 37}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding

GROWTH_UNIT = Rule("growth-unit", Level.ERROR, "Percentage points stated for an indicator that is not a share in %.")
RULES = (GROWTH_UNIT,)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            for part in ("growth", "total"):
                fig = getattr(ind, part)
                if fig is not None and fig.unit == "pp" and not ind.is_share:
                    yield finding(
                        GROWTH_UNIT,
                        plan,
                        ind,
                        f"{part} is stated in percentage points (pp), but the indicator's unit "
                        f"'{ind.unit}' is not a share in %: use unit: percent, or give the "
                        'indicator unit "%"',
                        part,
                        "unit",
                    )

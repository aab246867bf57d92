"""A stated growth whose sign contradicts the direction from baseline to target.

direction (error): the stated growth is positive while the target is below the baseline, or
negative while the target is above it. One of the three figures, or a year, is wrong.

Passes::

    baseline: {year: 2020, value: 273, line: 113}
    target: {year: 2025, value: 550, line: 115}
    growth: {value: 15, unit: percent, line: 9}

Fails, the target is lower but the stated growth positive::

    baseline: {year: 2020, value: 550, line: 113}
    target: {year: 2025, value: 273, line: 115}
    growth: {value: 15, unit: percent, line: 9}
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..model import forms
from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding

DIRECTION = Rule("direction", Level.ERROR, "Stated growth and the move from baseline to target differ in sign.")
RULES = (DIRECTION,)


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.results:
        s, b, t = r.stated, r.baseline, r.target
        if r.reason is not None or s is None or b is None or t is None or s.unit == "times" or r.kind == "rate":
            continue
        if r.point is None or math.isnan(r.point):
            continue
        stated, move = float(s.value), r.point  # the figures' own change, in the row's unit (万亿 → 亿)
        if stated > 0 > move or stated < 0 < move:
            word = "positive" if stated > 0 else "negative"
            where_ = "below" if move < 0 else "above"
            yield finding(
                DIRECTION,
                r.plan,
                r.indicator,
                f"the stated growth {s.value} is {word}, but the target {forms.figure(t)} ({t.year}) is "
                f"{where_} the baseline {forms.figure(b)} ({b.year}): check the sign, the figures and their years",
                r.kind,
                "value",
            )

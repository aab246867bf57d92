"""A stated growth whose sign contradicts the direction from baseline to target.

direction (error): the stated growth is positive while the target is below the baseline, or
negative while the target is above it. One of the three figures, or a year, is wrong. It is the one
finding of that figure: its mismatch and its plausibility are not reported besides, and where the
figure with the other sign fits, the message says the sign is the likely typo.

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

from collections.abc import Iterator

from ..model import forms
from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding

DIRECTION = Rule("direction", Level.ERROR, "Stated growth and the move from baseline to target differ in sign.")
RULES = (DIRECTION,)


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.results:
        if not r.sign_contradicts:
            continue
        s, b, t = r.stated, r.baseline, r.target
        assert s is not None
        assert b is not None
        assert t is not None
        assert r.point is not None
        word = "positive" if float(s.value) > 0 else "negative"
        where_ = "below" if r.point < 0 else "above"
        if r.fits_with_other_sign:
            other = s.value[1:] if s.value.startswith("-") else "-" + s.value
            fix = f"{other} would fit them: most likely the sign is a typo"
        else:
            fix = "check the sign, the figures and their years"
        yield finding(
            DIRECTION,
            r.plan,
            r.indicator,
            f"the stated growth {s.value} is {word}, but the target {forms.figure(t)} ({t.year}) is "
            f"{where_} the baseline {forms.figure(b)} ({b.year}): {fix}",
            r.kind,
            "value",
        )

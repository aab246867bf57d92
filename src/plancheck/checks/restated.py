"""A target stated again elsewhere in the plan, differently.

restated-mismatch (warning): the restatement's value differs from the target beyond the rounding of
the two printed figures (the table says 3.20, the prose 3.5).

Passes, 3.2 is [3.15, 3.25], which holds 3.20::

    unit: "%"
    target: {year: 2025, value: "3.20", line: 36}
    restated:
      - {value: 3.2, line: 25}

Warns::

    unit: "%"
    target: {year: 2025, value: "3.20", line: 36}
    restated:
      - {value: 3.5, line: 25}

restated-qualifier (info): the values agree but the qualifier does not (the table says 70, the prose
超70 or 不少于70): which one binds is for the reader to decide.

Reports::

    target: {year: 2025, value: 70, line: 16}
    restated:
      - {value: 70, qualifier: at_least, printed: 不少于70家, line: 30}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..arith.interval import interval
from ..model.findings import Finding
from ..model.notation import qualified
from ..model.status import Level
from .base import Context, Rule, finding

MISMATCH = Rule("restated-mismatch", Level.WARNING, "A restated target differs from the target.")
QUALIFIER = Rule("restated-qualifier", Level.INFO, "A restated target is qualified differently.")
RULES = (MISMATCH, QUALIFIER)


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            t = ind.target
            if t is None:
                continue
            for i, r in enumerate(ind.restated):
                if r.year is not None and r.year != t.year:
                    continue
                where = f"source line {r.line}" if r.line is not None else "a restatement"
                quote = f" ({r.printed})" if r.printed and not ctx.words.en else ""  # the source's words
                said = f"{where} says {qualified(r.value, r.qualifier)}{quote}"
                target_line = f" (source line {t.line})" if t.line is not None else ""
                mine = interval(t.value, measured=True, policy=ctx.policy)
                if not mine.meets(interval(r.value, measured=True, policy=ctx.policy)):
                    yield finding(
                        MISMATCH,
                        plan,
                        ind,
                        f"{ctx.words.name(ind)}: the target is {qualified(t.value, t.qualifier)}{target_line} "
                        f"but {said}: "
                        "check which one the plan means",
                        "restated",
                        i,
                        "value",
                    )
                elif r.qualifier != t.qualifier:
                    yield finding(
                        QUALIFIER,
                        plan,
                        ind,
                        f"{ctx.words.name(ind)}: the target is {qualified(t.value, t.qualifier)}{target_line}, {said}",
                        "restated",
                        i,
                        "value",
                    )

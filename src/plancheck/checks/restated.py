"""A target stated again elsewhere in the plan, differently.

restated-mismatch (warning): the restatement's value differs from the target beyond the rounding of
the two printed figures (the table says 3.20, the prose 3.5).
restated-qualifier (info): the values agree but the qualifier does not (the table says 70, the prose
超70 or 不少于70): which one binds is for the reader to decide.

Passes (3.2 is [3.15, 3.25], which holds 3.20)::

    target: {year: 2020, value: "3.20", line: 36}
    restated:
      - {value: 3.2, line: 25}

Warns::

    target: {year: 2020, value: "3.20", line: 36}
    restated:
      - {value: 3.5, line: 25}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..figures import rounded_interval
from ..findings import INFO, WARNING, Finding
from ..models import QUALIFIER_SYMBOLS
from . import Context, Rule, finding

MISMATCH = Rule("restated-mismatch", WARNING, "A restated target differs from the target.")
QUALIFIER = Rule("restated-qualifier", INFO, "A restated target is qualified differently.")
RULES = (MISMATCH, QUALIFIER)


def _shown(value: str, qualifier: str | None) -> str:
    return QUALIFIER_SYMBOLS.get(qualifier or "", "") + value


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for ind in plan.indicators:
            t = ind.target
            if t is None:
                continue
            for i, r in enumerate(ind.restated):
                if r.year is not None and r.year != t.year:
                    continue
                (a_lo, a_hi), (b_lo, b_hi) = rounded_interval(t.value), rounded_interval(r.value)
                said = f"line {r.line} says {_shown(r.value, r.qualifier)}{r.printed and f' ({r.printed})' or ''}"
                if max(a_lo, b_lo) > min(a_hi, b_hi):
                    yield finding(MISMATCH, plan, ind, f"{ind.name}: the target is {_shown(t.value, t.qualifier)} "
                                  f"(line {t.line}) but {said}: check which one the plan means",
                                  "restated", i, "value")
                elif r.qualifier != t.qualifier:
                    yield finding(QUALIFIER, plan, ind, f"{ind.name}: the target is {_shown(t.value, t.qualifier)} "
                                  f"(line {t.line}), {said}", "restated", i, "value")

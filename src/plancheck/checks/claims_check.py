"""Numeric claims in the prose (a plan's ``claims:``), checked like the tables.

claim-mismatch (error): the change a claim states does not fit its two ends, even within the rounding
of the printed figures (增长85.3% where the two values give 80%).
claim-rounding (info): it fits only within the rounding of the figures.
claim-implied (info): the claim prints one end only; the value the other end must have is shown
(81.8亿元 in 2020 after 增长85.3% means 44.14亿元 in 2015). The implied value also stands in for the
missing end in the claim's further changes (增长26家 … 翻倍增长) and in the identities.
claim-pace (info): the claim prints both ends and no change; the annual pace they imply is shown.

Passes (31 − 26 = 5; 31/5 = 6.2, at least a doubling)::

    end: {year: 2020, value: 31, line: 37}
    changes:
      - {value: 26, unit: absolute, line: 37}
      - {value: 2, unit: times, qualifier: at_least, printed: 翻倍增长, line: 37}

Fails (50 → 80 is +60%, not 85.3%)::

    start: {year: 2015, value: 50, line: 31}
    end: {year: 2020, value: 80, line: 31}
    changes:
      - {value: 85.3, unit: percent, line: 31}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import growth
from ..claims import IMPLIED, PACE, describe
from ..dataset import where
from ..findings import ERROR, INFO, Finding
from . import Context, Rule, at

MISMATCH = Rule("claim-mismatch", ERROR, "A claim's stated change does not fit its two ends.")
ROUNDING = Rule("claim-rounding", INFO, "A claim's stated change fits only within rounding.")
IMPLIED_RULE = Rule("claim-implied", INFO, "The value a claim implies for the end it does not print.")
PACE_RULE = Rule("claim-pace", INFO, "The annual pace between the two ends a claim prints.")
RULES = (MISMATCH, ROUNDING, IMPLIED_RULE, PACE_RULE)

_RULE_OF = {growth.INCONSISTENT: MISMATCH, growth.ROUNDING: ROUNDING, IMPLIED: IMPLIED_RULE, PACE: PACE_RULE}


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.claims:
        rule = _RULE_OF.get(r.status)
        if rule is None:
            continue  # consistent: shown in the table and the JSON, not a finding
        field = ("changes", r.change, "value") if r.change is not None else ("end", "value")
        if r.change is not None and r.claim.changes[r.change].parts:
            field = ("changes", r.change)
        yield at(rule, where(r.claim, *field), r.plan.id, r.claim.id, describe(r))

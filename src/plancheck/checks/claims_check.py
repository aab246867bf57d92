"""Numeric claims in the prose (a plan's ``claims:``), checked like the tables.

Both ends of a claim about the past are measurements, so both are rounded; an end within the plan's
own period is a set target, exact. A multiple printed in words (增长一倍, 翻倍) is exact.

claim-mismatch (error): the change a claim states does not fit its two ends, even within the rounding
of the printed figures (增长85.3% where the two values give 60%).

Passes, 50 → 92.65 is +85.3%::

    claims:
      - id: output
        subject: 高新技术产业增加值
        unit: 亿元
        line: 31
        start: {year: 2015, value: 50, line: 31}
        end: {year: 2020, value: 92.65, line: 31}
        changes:
          - {value: 85.3, unit: percent, line: 31}

Fails, 50 → 80 is +60%, not 85.3%::

    claims:
      - id: output
        subject: 高新技术产业增加值
        unit: 亿元
        line: 31
        start: {year: 2015, value: 50, line: 31}
        end: {year: 2020, value: 80, line: 31}
        changes:
          - {value: 85.3, unit: percent, line: 31}

claim-rounding (info): the change fits only within the rounding of the figures.

Reports, 5.2 → 7.4 is +42.3%, but 5.15 → 7.45 gives the stated +44.5%::

    claims:
      - id: output
        subject: 高新技术产业增加值
        unit: 亿元
        line: 31
        start: {year: 2015, value: 5.2, line: 31}
        end: {year: 2019, value: 7.4, line: 31}
        changes:
          - {value: 44.5, unit: percent, line: 31}

claim-implied (info): the claim prints one end only; the value the other end must have is shown
(81.8亿元 in 2019 after 增长85.3% means 44.14亿元 in 2015). The implied value also stands in for the
missing end in the claim's further changes (增长26家 … 翻倍增长) and in the identities.

Reports, 31 − 26 = 5 incubators in 2015; 31/5 = 6.2, at least a doubling::

    claims:
      - id: incubators
        subject: 孵化器
        unit: 家
        line: 37
        start: {year: 2015}
        end: {year: 2020, value: 31, line: 37}
        changes:
          - {value: 26, unit: absolute, line: 37}
          - {value: 2, unit: times, qualifier: at_least, printed: 翻倍增长, line: 37}

claim-equivalent (info): the claim prints no value, only changes (单位GDP能源消耗累计降低17.7%): a
change over the span is shown as the yearly rate it amounts to, a yearly rate as its total, and the
further changes are checked against the first (claim-mismatch, claim-rounding).

Reports, 1 − (1 − 0.177)^(1/5) = 3.82% a year; 年均降低3.8% fits it::

    claims:
      - id: energy
        subject: 单位GDP能源消耗
        unit: "%"
        line: 12
        start: {year: 2015}
        end: {year: 2020}
        changes:
          - {value: -17.7, unit: percent, printed: 累计降低17.7%, line: 12}
          - {value: -3.8, unit: percent, per_year: true, printed: 年均降低3.8%, line: 12}

claim-pace (info): the claim prints both ends and no change; the annual pace they imply is shown.

Reports, (628.87/206.66)^(1/5) − 1 = 24.93% a year::

    claims:
      - id: output
        subject: 高新技术产业增加值
        unit: 亿元
        line: 5
        start: {year: 2010, value: 206.66, line: 5}
        end: {year: 2015, value: 628.87, line: 5}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.claims import describe
from ..model.findings import Finding
from ..model.status import Level, Status
from .base import Context, Rule, at

MISMATCH = Rule("claim-mismatch", Level.ERROR, "A claim's stated change does not fit its two ends.")
ROUNDING = Rule("claim-rounding", Level.INFO, "A claim's stated change fits only within rounding.")
IMPLIED_RULE = Rule("claim-implied", Level.INFO, "The value a claim implies for the end it does not print.")
PACE_RULE = Rule("claim-pace", Level.INFO, "The annual pace between the two ends a claim prints.")
EQUIVALENT_RULE = Rule(
    "claim-equivalent", Level.INFO, "A claim with no values: the yearly rate its total change amounts to (or back)."
)
RULES = (MISMATCH, ROUNDING, IMPLIED_RULE, EQUIVALENT_RULE, PACE_RULE)

_RULE_OF = {
    Status.INCONSISTENT: MISMATCH,
    Status.ROUNDING: ROUNDING,
    Status.IMPLIED: IMPLIED_RULE,
    Status.PACE: PACE_RULE,
}


def check(ctx: Context) -> Iterator[Finding]:
    for r in ctx.claims:
        rule = EQUIVALENT_RULE if r.equivalent else _RULE_OF.get(r.status)
        if rule is None:
            continue  # consistent: shown in the table and the JSON, not a finding
        field: tuple[str | int, ...] = ("changes", r.change, "value") if r.change is not None else ("end", "value")
        if r.change is not None and r.claim.changes[r.change].parts:
            field = ("changes", r.change)
        yield at(rule, r.claim.place(*field), r.plan.id, r.claim.id, describe(r, ctx.words))

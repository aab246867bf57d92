"""Successive plans of one region (Jiaxing 2016–2020, then 2023–2027).

successive-pace (info): the annual pace from the earlier plan's target to the later plan's target
for the same catalogue indicator (compound % for levels, percentage points for shares).
target-met (info) / target-missed (warning): the later plan (a baseline or a claim) gives the value
for the year of the earlier plan's target, and it reaches the target, or does not even within its
rounding.

Warns (the 2016–2020 plan aimed at 1000 firms in 2020; the next plan's baseline for 2020 is 900)::

    # earlier plan
    target: {year: 2020, value: 1000, line: 68}
    # later plan
    baseline: {year: 2020, value: 900, line: 12}
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import growth
from ..figures import format_number
from ..findings import INFO, WARNING, Finding
from . import Context, Rule, at

PACE = Rule("successive-pace", INFO, "The pace from one plan's target to the next plan's.")
MET = Rule("target-met", INFO, "A later plan shows an earlier plan's target met.")
MISSED = Rule("target-missed", WARNING, "A later plan shows an earlier plan's target missed.")
RULES = (PACE, MET, MISSED)


def check(ctx: Context) -> Iterator[Finding]:
    by_region: dict[str, list] = {}
    for plan in ctx.plans:
        by_region.setdefault(plan.region.zh, []).append(plan)
    for plans in by_region.values():
        plans.sort(key=lambda p: (p.period.last, p.period.first))
        for earlier, later in zip(plans, plans[1:]):
            if earlier.period.last >= later.period.last:
                continue
            mine = [f for f in ctx.facts if f.plan is earlier and f.kind == "target"]
            theirs = [f for f in ctx.facts if f.plan is later]
            for target in mine:
                entry = ctx.index.entries[target.key]
                for f in theirs:
                    if f.key != target.key:
                        continue
                    if f.kind == "target" and f.year > target.year and target.point > 0:
                        unit = "pp" if entry.kind == "share" else "percent"
                        pace = growth.pace(unit, repr(target.point), repr(f.point), f.year - target.year)
                        yield at(PACE, f.place, f.plan.id, f.key, f"{target.key}: from {earlier.id}'s target {format_number(target.point, 4)} "
                                 f"({target.year}) to this plan's {format_number(f.point, 4)} ({f.year}) is "
                                 f"{format_number(pace, 2)}{' pp' if unit == 'pp' else '%'} a year")
                    elif f.kind != "target" and f.year == target.year:
                        higher = entry.better == "higher"
                        reached = f.high >= target.low if higher else f.low <= target.high
                        word = "reaches" if reached else "misses"
                        yield at(MET if reached else MISSED, f.place, f.plan.id, f.key,
                                 f"{target.key} in {f.year}: {format_number(f.point, 4)} ({f.source}) {word} "
                                 f"{earlier.id}'s target of {format_number(target.point, 4)}")

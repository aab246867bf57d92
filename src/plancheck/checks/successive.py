"""Successive plans of one region (Jiaxing 2016–2020, then 2023–2027).

successive-pace (info): the annual pace from the earlier plan's target to the later plan's target
for the same catalogue indicator (compound % for levels, percentage points for shares).

Reports, 1000 firms in 2020, then 6000 in 2027: 29.17% a year::

    # plan 嘉兴市 prefecture 2016–2020
    key: high-tech-enterprises
    target: {year: 2020, value: 1000, line: 68}
    # plan 嘉兴市 prefecture 2023–2027
    key: high-tech-enterprises
    target: {year: 2027, value: 6000, line: 12}

target-met (info): the later plan (a baseline or a claim) gives the value for the year of the
earlier plan's target, and it reaches the target.

Reports::

    # plan 嘉兴市 prefecture 2016–2020
    key: high-tech-enterprises
    target: {year: 2020, value: 1000, line: 68}
    # plan 嘉兴市 prefecture 2021–2025
    key: high-tech-enterprises
    baseline: {year: 2020, value: 1200, line: 12}
    target: {year: 2025, value: 2000, line: 13}

target-missed (warning): that value does not reach the target, even within its rounding.

Warns, the 2016–2020 plan aimed at 1000 firms in 2020; the next plan's baseline for 2020 is 900::

    # plan 嘉兴市 prefecture 2016–2020
    key: high-tech-enterprises
    target: {year: 2020, value: 1000, line: 68}
    # plan 嘉兴市 prefecture 2021–2025
    key: high-tech-enterprises
    baseline: {year: 2020, value: 900, line: 12}
    target: {year: 2025, value: 2000, line: 13}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.facts import Fact
from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.numbers import format_number
from ..model.findings import Finding
from ..model.notation import RATE_UNIT_SYMBOLS
from ..model.plan import successive_pairs
from ..model.status import FactKind, Level
from .base import Context, Rule, at

PACE = Rule("successive-pace", Level.INFO, "The pace from one plan's target to the next plan's.")
MET = Rule("target-met", Level.INFO, "A later plan shows an earlier plan's target met.")
MISSED = Rule("target-missed", Level.WARNING, "A later plan shows an earlier plan's target missed.")
RULES = (PACE, MET, MISSED)


def check(ctx: Context) -> Iterator[Finding]:
    # Each plan's facts, once: its targets in order, and all its facts by catalogue key.
    targets: dict[int, list[Fact]] = {}
    by_key: dict[int, dict[str, list[Fact]]] = {}
    for f in ctx.facts:
        by_key.setdefault(id(f.plan), {}).setdefault(f.key, []).append(f)
        if f.kind is FactKind.TARGET:
            targets.setdefault(id(f.plan), []).append(f)
    for earlier, later in successive_pairs(ctx.plans):
        theirs = by_key.get(id(later), {})
        for target in targets.get(id(earlier), []):
            entry = ctx.index.entries[target.key]
            for f in theirs.get(target.key, []):
                if f.kind is FactKind.TARGET and f.year > target.year and target.point > 0:
                    unit: RateUnit = "pp" if entry.kind == "share" else "percent"
                    pace = growth.pace(unit, target.point, f.point, f.year - target.year)
                    yield at(
                        PACE,
                        f.place,
                        f.plan.id,
                        f.key,
                        f"{target.key}: from {earlier.id}'s target {format_number(target.point, 4)} "
                        f"({target.year}) to this plan's {format_number(f.point, 4)} ({f.year}) is "
                        f"{format_number(pace, 2)}{RATE_UNIT_SYMBOLS[unit]} a year",
                    )
                elif f.kind is not FactKind.TARGET and f.year == target.year:
                    higher = entry.better == "higher"
                    reached = f.high >= target.low if higher else f.low <= target.high
                    word = "reaches" if reached else "misses"
                    yield at(
                        MET if reached else MISSED,
                        f.place,
                        f.plan.id,
                        f.key,
                        f"{target.key} in {f.year}: {format_number(f.point, 4)} ({f.source}) {word} "
                        f"{earlier.id}'s target of {format_number(target.point, 4)}",
                    )

"""A region's plan against its parent region's plan (Haining and Tongxiang inside Jiaxing).

Only additive indicators (counts of firms, money: ``additive: true`` in the catalogue) are compared;
a target for a zone (scope) is left out. Region parentage comes from the data (``region.parent``,
and ``region.subregions`` of the parent).

hierarchy-exceeds (error): a county's target is higher than its city's target for the same year.

Fails, a county planning more high-tech enterprises than its city in the same year::

    # plan 嘉兴市 prefecture
    key: high-tech-enterprises
    target: {year: 2025, value: 6000, line: 48}
    # plan 海宁市 county in 嘉兴市
    key: high-tech-enterprises
    target: {year: 2025, value: 7000, line: 36}

hierarchy-sum (error): the parent lists its subregions, each has a target for the same indicator and
year, and together they exceed the parent's.

Fails, 3500 + 3000 is more than 6000::

    # plan 嘉兴市 prefecture over 海宁市 桐乡市
    key: high-tech-enterprises
    target: {year: 2025, value: 6000, line: 48}
    # plan 海宁市 county in 嘉兴市
    key: high-tech-enterprises
    target: {year: 2025, value: 3500, line: 36}
    # plan 桐乡市 county in 嘉兴市
    key: high-tech-enterprises
    target: {year: 2025, value: 3000, line: 20}

hierarchy-share (info): the share of the parent's target that a county plans (the years are named
where they differ).

Reports, 1000 of 6000 is 16.7%::

    # plan 嘉兴市 prefecture
    key: high-tech-enterprises
    target: {year: 2025, value: 6000, line: 48}
    # plan 海宁市 county in 嘉兴市
    key: high-tech-enterprises
    target: {year: 2025, value: 1000, line: 36}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.facts import Fact
from ..arith.numbers import format_number
from ..model.findings import Finding
from ..model.status import FactKind, Level
from .base import Context, Rule, at

EXCEEDS = Rule("hierarchy-exceeds", Level.ERROR, "A county's target exceeds its city's for the same year.")
SUM = Rule("hierarchy-sum", Level.ERROR, "The targets of all subregions together exceed the parent's.")
SHARE = Rule("hierarchy-share", Level.INFO, "The share of its parent's target a county plans.")
RULES = (EXCEEDS, SUM, SHARE)


def check(ctx: Context) -> Iterator[Finding]:
    additive = {k for k, e in ctx.index.entries.items() if e.additive}
    targets = [f for f in ctx.facts if f.kind is FactKind.TARGET and f.key in additive]
    # The targets indexed once: by region and key (a parent's candidates), by key and year (the parts).
    by_region: dict[tuple[str, str], list[Fact]] = {}
    by_year: dict[tuple[str, int], list[Fact]] = {}
    for f in targets:
        by_region.setdefault((f.plan.region.zh, f.key), []).append(f)
        by_year.setdefault((f.key, f.year), []).append(f)
    for child in targets:
        parent_name = child.plan.region.parent
        candidates = by_region.get((parent_name or "", child.key), [])
        if not candidates:
            continue
        parent = min(candidates, key=lambda p: (abs(p.year - child.year), -p.year))
        region, up = ctx.words.region(child.plan), ctx.words.region(parent.plan)
        if parent.year == child.year and child.low > parent.high:
            yield at(
                EXCEEDS,
                child.place,
                child.plan.id,
                child.key,
                f"{region}'s {child.year} target for {child.key}, "
                f"{format_number(child.point, 2)}, exceeds {up}'s {format_number(parent.point, 2)} "
                f"({parent.plan.id}): a part cannot be more than the whole",
            )
        elif parent.point > 0 and child.point >= 0:
            years = "" if parent.year == child.year else f" ({child.year} against {parent.year})"
            open_ = "at most " if parent.high == float("inf") else ""
            yield at(
                SHARE,
                child.place,
                child.plan.id,
                child.key,
                f"{region} plans {open_}{format_number(child.point / parent.point * 100, 1)}% "
                f"of {up}'s target for {child.key}: {format_number(child.point, 2)} of "
                f"{format_number(parent.point, 2)} ({parent.plan.id}){years}",
            )
    for parent in targets:
        subs = parent.plan.region.subregions
        if not subs:
            continue
        parts = {f.plan.region.zh: f for f in by_year[(parent.key, parent.year)] if f.plan.region.zh in subs}
        if len(parts) == len(subs) and sum(p.low for p in parts.values()) > parent.high:
            total = sum(p.point for p in parts.values())
            yield at(
                SUM,
                parent.place,
                parent.plan.id,
                parent.key,
                f"the {len(subs)} subregions of {ctx.words.region(parent.plan)} plan "
                f"{format_number(total, 2)} for {parent.key} in {parent.year} together, more than its "
                f"{format_number(parent.point, 2)}: the parts exceed the whole",
            )

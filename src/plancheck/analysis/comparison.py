"""plancheck compare: plans side by side, one row per catalogue indicator.

``compare(plans, index)`` builds the comparison; ``--format json`` prints its ``as_dict()``.

* Indicators are aligned by their catalogue entry (and scope: a zone's target is its own row), so
  differently worded indicators share a row; look-alike entries the catalogue marks as not
  comparable get rows of their own, shown next to each other and marked.
* Values are converted to the entry's unit where they differ only by scale (万家 → 家).
* The pace of each plan is the annual growth its baseline and target imply (the vectorised
  arithmetic of ``rates``; compound % for levels, percentage points a year for shares), else the growth it states.
* More ambitious: the higher pace; where fewer than two plans have a pace, the higher target level
  if the plans share the target year. Targets of different kinds (a level against a 累计 sum) are
  not comparable.
* Successive plans of one region: the pace from one plan's target to the next plan's target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.interval import DEFAULT, Policy
from ..arith.numbers import format_number, json_number
from ..arith.printed import decimals
from ..model.catalogue import Entry, Index, conversion
from ..model.jsonvalue import JsonObject, JsonValue
from ..model.plan import Indicator, Plan, successive_pairs
from .rates import results

TIE_REL = 1e-9  # equal up to floating-point noise


def plan_label(plan: Plan, lang: str = "en") -> str:
    region = plan.region.en if lang == "en" else plan.region.zh.rstrip("市县区") or plan.region.zh
    years = (
        str(plan.period.first) if plan.period.first == plan.period.last else f"{plan.period.first}–{plan.period.last}"
    )
    return f"{region} {years}"


@dataclass
class Cell:
    """One plan's figures on one row, in the row's unit."""

    plan: Plan
    indicator: Indicator
    factor: Fraction | None  # printed unit → row unit, exactly; None when the units differ in kind
    pace: float | None = None
    pace_unit: RateUnit | None = None  # percent | pp
    pace_basis: str | None = None  # implied (from baseline and target) | stated (the plan's own rate)

    def convert(self, printed: str | None) -> float | None:
        if printed is None or self.factor is None:
            return None
        return float(printed) * self.factor

    def show(self, printed: str) -> str:
        """A printed figure in the row's unit, as short as its precision allows."""
        if self.factor is None or self.factor == 1.0:
            return printed
        digits = max(0, decimals(printed) - round(math.log10(self.factor)))
        return format_number(float(printed) * self.factor, digits)

    @property
    def target_kind(self) -> tuple[str, bool] | None:
        t = self.indicator.target
        return (t.kind, t.per_year) if t else None

    def as_dict(self) -> JsonObject:
        ind, b, t, g = self.indicator, self.indicator.baseline, self.indicator.target, self.indicator.growth
        return {
            "indicator": ind.id,
            "name": ind.name,
            "unit": ind.unit,
            "factor": None if self.factor is None else json_number(float(self.factor)),
            "baseline": {"year": b.year, "value": b.value, "converted": json_number(self.convert(b.value))}
            if b
            else None,
            "target": {
                "year": t.year,
                "value": t.value,
                "converted": json_number(self.convert(t.value)),
                "qualifier": t.qualifier,
                "kind": t.kind,
                "per_year": t.per_year,
                "upper": t.upper,
            }
            if t
            else None,
            "stated_growth": {"value": g.value, "unit": g.unit, "qualifier": g.qualifier} if g else None,
            "pace": None
            if self.pace is None
            else {"value": json_number(self.pace), "unit": self.pace_unit, "basis": self.pace_basis},
        }


@dataclass
class Between:
    """The pace from an earlier plan's target to a later plan's target of the same region."""

    earlier: str
    later: str
    from_year: int
    to_year: int
    pace: float
    unit: RateUnit

    def as_dict(self) -> JsonObject:
        return {
            "from": self.earlier,
            "to": self.later,
            "from_year": self.from_year,
            "to_year": self.to_year,
            "pace": json_number(self.pace),
            "unit": self.unit,
        }


@dataclass
class Row:
    key: str | None
    scope: str | None
    entry: Entry | None
    cells: dict[str, Cell]
    comparable: bool = True
    note: str | None = None
    apart: list[str] = field(default_factory=list)  # look-alike entries on rows of their own
    leader: str | None = None  # a plan id, "tie", or None
    basis: str | None = None  # pace | level
    between: list[Between] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.entry.zh if self.entry else next(iter(self.cells.values())).indicator.name

    @property
    def name_en(self) -> str | None:
        return self.entry.en if self.entry else next(iter(self.cells.values())).indicator.name_en

    @property
    def unit(self) -> str:
        return self.entry.unit if self.entry else next(iter(self.cells.values())).indicator.unit

    def as_dict(self, plan_ids: list[str]) -> JsonObject:
        return {
            "key": self.key,
            "scope": self.scope,
            "name": self.name,
            "name_en": self.name_en,
            "unit": self.unit,
            "kind": self.entry.kind if self.entry else None,
            "plans": {pid: (self.cells[pid].as_dict() if pid in self.cells else None) for pid in plan_ids},
            "comparable": self.comparable,
            "note": self.note,
            "not_comparable_with": list[JsonValue](self.apart),
            "leader": self.leader,
            "basis": self.basis,
            "between": [b.as_dict() for b in self.between],
        }


@dataclass
class Comparison:
    plans: list[Plan]
    rows: list[Row]
    summary: dict[str, Any]

    def as_dict(self) -> JsonObject:
        ids = [p.id for p in self.plans]
        return {
            "plans": [
                {
                    "id": p.id,
                    "label": plan_label(p),
                    "region": p.region.zh,
                    "region_en": p.region.en,
                    "period": [p.period.first, p.period.last],
                }
                for p in self.plans
            ],
            "rows": [r.as_dict(ids) for r in self.rows],
            "summary": self.summary,
        }


def _paces(plans: list[Plan], policy: Policy) -> dict[tuple[str, str], tuple[float, RateUnit]]:
    """(plan, indicator) → (annual pace, unit) from baseline and target, in one vectorised pass."""
    out: dict[tuple[str, str], tuple[float, RateUnit]] = {}
    for r in results(plans, policy):
        if r.kind == "growth" and r.point is not None and r.unit in ("percent", "pp") and math.isfinite(r.point):
            out[(r.plan.id, r.indicator.id)] = (r.point, r.unit)
    return out


def _rank(values: dict[str, float], better: str) -> str | None:
    if len(values) < 2:
        return None
    sign = 1.0 if better == "higher" else -1.0
    ordered = sorted(values.items(), key=lambda kv: sign * kv[1], reverse=True)
    (top, a), (_, b) = ordered[0], ordered[1]
    return "tie" if abs(a - b) <= TIE_REL * max(1.0, abs(a), abs(b)) else top


def _judge(row: Row) -> None:
    kinds = {c.target_kind for c in row.cells.values() if c.target_kind is not None}
    if len(kinds) > 1:
        row.comparable = False
        described = sorted(
            {
                (
                    "a sum over the period (累计)"
                    if k == "cumulative"
                    else "an increment (新增)"
                    if k == "increment"
                    else "a level"
                )
                + (" each year" if py else "")
                for k, py in kinds
            }
        )
        row.note = "not comparable: the targets are " + " and ".join(described)
        return
    if any(c.factor is None for c in row.cells.values()):
        row.comparable = False
        units = sorted({c.indicator.unit for c in row.cells.values()})
        row.note = f"not comparable: units differ in kind ({', '.join(units)})"
        return
    better = row.entry.better if row.entry else "higher"
    paced = {pid: c.pace for pid, c in row.cells.items() if c.pace is not None}
    if len({c.pace_unit for c in row.cells.values() if c.pace is not None}) == 1 and len(paced) >= 2:
        row.leader, row.basis = _rank(paced, better), "pace"
        return
    if row.entry is None or not row.entry.is_intensive:
        if len(paced) < 2 and len(row.cells) >= 2:
            row.note = "no verdict: the targets are totals of regions of different sizes, and too few paces"
        return  # a total (60亿元 against 40亿元) says how big a region is, not how ambitious its plan
    level: dict[str, float] = {}
    for pid, c in row.cells.items():
        t = c.indicator.target
        value = c.convert(t.value) if t is not None and t.kind == "level" else None
        if value is not None:
            level[pid] = value
    years = {c.indicator.target.year for pid, c in row.cells.items() if pid in level and c.indicator.target}
    if len(level) >= 2 and len(years) == 1:
        row.leader, row.basis = _rank(level, better), "level"


def compare(plans: list[Plan], index: Index, policy: Policy = DEFAULT) -> Comparison:
    paces = _paces(plans, policy)
    rows: dict[tuple[Any, ...], Row] = {}
    local_rows: list[Row] = []
    for plan in plans:
        for ind in plan.indicators:
            entry = index.entry_for(ind)
            group = (entry.key, ind.scope or "") if entry else None
            if group is None or (group in rows and plan.id in rows[group].cells):
                target = local_rows  # a local indicator, or a second one of the same entry in one plan
                row = Row(None, ind.scope, None, {})
                target.append(row)
            else:
                row = rows.setdefault(group, Row(entry.key, ind.scope, entry, {}))  # type: ignore[union-attr]
            factor = conversion(ind.unit, row.unit) if entry and row.entry else Fraction(1)
            cell = Cell(plan, ind, factor)
            if (plan.id, ind.id) in paces:
                cell.pace, cell.pace_unit = paces[(plan.id, ind.id)]
                cell.pace_basis = "implied"
            elif ind.growth is not None:
                cell.pace, cell.pace_unit, cell.pace_basis = float(ind.growth.value), ind.growth.unit, "stated"
            row.cells[plan.id] = cell

    ordered = sorted(rows.values(), key=lambda r: (index.order.get(r.key or "", 10**6), r.scope or ""))
    present = {r.key for r in ordered}
    for row in ordered:
        row.apart = sorted(index.apart.get(row.key, set()) & present, key=lambda k: index.order[k])  # type: ignore[arg-type]
        _judge(row)
    all_rows = ordered + local_rows

    for earlier, later in successive_pairs(plans):
        for row in ordered:
            a, b = row.cells.get(earlier.id), row.cells.get(later.id)
            if not (a and b and row.comparable and a.indicator.target and b.indicator.target):
                continue
            ta, tb = a.indicator.target, b.indicator.target
            if ta.kind != "level" or tb.kind != "level" or tb.year <= ta.year:
                continue
            unit: RateUnit = "pp" if row.entry and row.entry.kind == "share" else "percent"
            va, vb = a.convert(ta.value), b.convert(tb.value)
            if va is None or vb is None or (unit == "percent" and va <= 0):
                continue
            row.between.append(
                Between(earlier.id, later.id, ta.year, tb.year, growth.pace(unit, va, vb, tb.year - ta.year), unit)
            )

    shared = [r for r in all_rows if len(r.cells) >= 2]
    levels = sorted({p.region.level for p in plans})
    periods = sorted({(p.period.first, p.period.last) for p in plans})
    caveats = []
    if len(levels) > 1:
        caveats.append(
            f"the plans are of different levels of government ({', '.join(levels)}): their targets "
            "differ in scope as much as in ambition"
        )
    if len(periods) > 1:
        spans = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in periods)
        caveats.append(f"the plans cover different periods ({spans}): a pace is a year's, a level is its own year's")
    summary = {
        "caveats": caveats,
        "plans": len(plans),
        "rows": len(all_rows),
        "shared": len(shared),
        "comparable": sum(1 for r in shared if r.comparable),
        "not_comparable": sum(1 for r in shared if not r.comparable),
        "look_alike_rows": sum(1 for r in ordered if r.apart),
        "converted": sum(1 for r in all_rows for c in r.cells.values() if c.factor not in (None, 1.0)),
        "leads": {p.id: sum(1 for r in shared if r.leader == p.id) for p in plans},
        "ties": sum(1 for r in shared if r.leader == "tie"),
        "only": {p.id: sum(1 for r in all_rows if list(r.cells) == [p.id]) for p in plans},
    }
    return Comparison(plans, all_rows, summary)


def shared_rows(cmp: Comparison) -> list[Row]:
    """Rows set by two or more plans, and look-alike rows whose plans together are two or more."""
    by_key = {(r.key, r.scope): r for r in cmp.rows if r.key}
    keep = []
    for row in cmp.rows:
        plans = set(row.cells)
        for other in row.apart:
            if (other, row.scope) in by_key:
                plans |= set(by_key[(other, row.scope)].cells)
        if len(plans) >= 2:
            keep.append(row)
    return keep

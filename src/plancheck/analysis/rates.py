"""Every indicator's stated growth (or 累计 total) recomputed from its baseline and target.

``results(plans)`` gathers every indicator of the given plans into one ``arith.growth.evaluate``
call and returns one ``GrowthResult`` per stated figure (or per indicator where nothing is stated).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.interval import DEFAULT, Policy
from ..arith.numbers import finite_or_none
from ..model.jsonvalue import JsonObject
from ..model.plan import Baseline, Growth, Indicator, Plan, Target, Total
from ..model.positions import NOWHERE, Place
from ..model.status import Status, Unchecked, verdict

StatedKind = Literal["growth", "total"]


@dataclass(frozen=True)
class OtherReading:
    """The figures read in the other annual unit (percentage points for a compound %, and back)."""

    unit: RateUnit
    low: float | None  # None: open
    high: float | None
    fits: bool  # the stated figure fits this reading

    def as_dict(self) -> JsonObject:
        return {"unit": self.unit, "low": self.low, "high": self.high, "fits": self.fits}


@dataclass
class GrowthResult:
    """The check of one indicator's stated growth (or 累计 total) against its baseline and target."""

    plan: Plan
    indicator: Indicator
    kind: StatedKind  # "growth" (annual) or "total" (over the whole span)
    status: Status
    reason: Unchecked | None = None  # why it is unchecked
    years: int | None = None
    unit: RateUnit | None = None  # unit of computed: percent, pp or times
    point: float | None = None
    exact: tuple[float, float] | None = None
    low: float | None = None
    high: float | None = None
    implied_target: float | None = None
    implied_baseline: float | None = None
    units_off: float | None = None
    other: OtherReading | None = None
    place: Place = NOWHERE

    @property
    def baseline(self) -> Baseline | None:
        return self.indicator.baseline

    @property
    def target(self) -> Target | None:
        return self.indicator.target

    @property
    def stated(self) -> Growth | Total | None:
        return self.indicator.growth if self.kind == "growth" else self.indicator.total

    def as_dict(self) -> JsonObject:
        b, t, s = self.baseline, self.target, self.stated
        return {
            "plan": self.plan.id,
            "indicator": self.indicator.id,
            "name": self.indicator.name,
            "check": self.kind,
            "status": self.status.value,
            "reason": None if self.reason is None else self.reason.value,
            "baseline": {"year": b.year, "value": b.value} if b else None,
            "target": {"year": t.year, "value": t.value, "qualifier": t.qualifier} if t else None,
            "stated": {"value": s.value, "unit": s.unit, "qualifier": s.qualifier} if s else None,
            "years": self.years,
            "computed": None
            if self.point is None
            else {
                "value": finite_or_none(self.point),
                "low": finite_or_none(self.low),
                "high": finite_or_none(self.high),
                "unit": self.unit,
            },
            "implied_target": finite_or_none(self.implied_target),
            "implied_baseline": finite_or_none(self.implied_baseline),
            "units_off": finite_or_none(self.units_off),
            "other_reading": None if self.other is None else self.other.as_dict(),
            "file": self.place.file,
            "line": self.place.line,
        }


def pace_unit(ind: Indicator, stated: Growth | Total | None) -> RateUnit:
    """The unit a pace is computed in: the stated figure's, else pp for a share and % for a level."""
    if stated is not None:
        return stated.unit
    return "pp" if ind.is_share else "percent"


def unchecked_reason(ind: Indicator, stated: Growth | Total | None) -> Unchecked | None:
    """Why the stated figure (or the indicator's pace, where nothing is stated) cannot be computed."""
    b, t = ind.baseline, ind.target
    if b is None:
        return Unchecked.NO_BASELINE
    if t is None:
        return Unchecked.NO_TARGET
    if t.kind == "increment":
        return Unchecked.INCREMENT_TARGET
    if t.kind == "cumulative":
        return Unchecked.CUMULATIVE_TARGET
    if t.year <= b.year:
        return Unchecked.YEAR_ORDER
    if pace_unit(ind, stated) != "pp" and b.number <= 0:
        return Unchecked.NONPOSITIVE_BASELINE
    if stated is None:
        return Unchecked.NOT_STATED
    return None


def results(plans: list[Plan], policy: Policy = DEFAULT) -> list[GrowthResult]:
    """One result per stated growth or total of every indicator (one per indicator stating nothing)."""
    out: list[GrowthResult] = []
    cases: list[growth.Case] = []
    computable: list[GrowthResult] = []
    for plan in plans:
        for ind in plan.indicators:
            stated_figures: list[tuple[StatedKind, Growth | Total | None]] = []
            if ind.growth is not None:
                stated_figures.append(("growth", ind.growth))
            if ind.total is not None:
                stated_figures.append(("total", ind.total))
            for kind, stated in stated_figures or [("growth", None)]:
                reason = unchecked_reason(ind, stated)
                anchor = (kind, "value") if stated else ("target", "value") if ind.target else ()
                r = GrowthResult(plan, ind, kind, Status.UNCHECKED, reason, place=ind.place(*anchor))
                out.append(r)
                if (
                    reason is Unchecked.NO_BASELINE
                    and isinstance(stated, Growth)
                    and ind.target
                    and ind.target.kind == "level"
                ):
                    # the base the stated rate needs, from the year before the plan's period
                    r.years = ind.target.year - (plan.period.first - 1)
                    if r.years > 0:
                        g, level = float(stated.value), ind.target.number
                        factor = growth.growth_factor(g, r.years)
                        if stated.unit == "pp":
                            r.implied_baseline = level - g * r.years
                        elif 0 < factor < math.inf:
                            r.implied_baseline = level / factor
                if reason is None or reason is Unchecked.NOT_STATED:
                    b, t = ind.baseline, ind.target
                    assert b is not None
                    assert t is not None
                    r.years = t.year - b.year
                    r.unit = pace_unit(ind, stated)
                    cases.append(
                        growth.Case(
                            baseline=b.value,
                            target=t.value,
                            years=1 if kind == "total" else r.years,
                            stated=stated.value if stated else None,
                            unit=r.unit,
                            target_qualifier=t.qualifier,
                            target_upper=t.upper,
                            stated_qualifier=stated.qualifier if stated else None,
                        )
                    )
                    computable.append(r)
    if cases:
        res = growth.evaluate(cases, policy)  # one vectorised pass over every indicator of every plan
        for i, r in enumerate(computable):
            r.point, r.low, r.high = float(res.point[i]), float(res.low[i]), float(res.high[i])
            r.exact = (float(res.exact_low[i]), float(res.exact_high[i]))
            if r.reason is None:
                r.status = verdict(bool(res.exact_ok[i]), bool(res.full_ok[i]))
                r.implied_target = float(res.implied_target[i])
                r.implied_baseline = float(res.implied_baseline[i])
                r.units_off = float(res.units_off[i])
                if r.unit in ("percent", "pp"):
                    r.other = OtherReading(
                        "pp" if r.unit == "percent" else "percent",
                        finite_or_none(float(res.other_low[i])),
                        finite_or_none(float(res.other_high[i])),
                        bool(res.other_fits[i]),
                    )
    return out

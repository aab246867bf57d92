"""Every indicator's stated growth (or 累计 total) recomputed from its baseline and target.

``results(plans)`` gathers every indicator of the given plans into one ``arith.growth.evaluate``
call and returns one ``GrowthResult`` per stated figure (or per indicator where nothing is stated).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.interval import DEFAULT, Interval, Policy, exact, interval
from ..arith.numbers import json_number
from ..model.catalogue import conversion
from ..model.citations import citation
from ..model.jsonvalue import JsonObject
from ..model.plan import BOUNDS, Baseline, Deflator, Growth, Indicator, Plan, Target, Total
from ..model.positions import NOWHERE, Place
from ..model.status import Status, Unchecked, verdict

StatedKind = Literal["growth", "total", "rate"]


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
        return self.indicator.total if self.kind == "total" else self.indicator.growth

    @property
    def sign_contradicts(self) -> bool:
        """The stated figure and the move from baseline to target differ in sign: one root cause (a
        minus dropped or added, a figure or a year wrong), reported once, as ``direction``."""
        s, b, t = self.stated, self.baseline, self.target
        if self.reason is not None or s is None or b is None or t is None or s.unit == "times" or self.kind == "rate":
            return False
        if self.point is None or math.isnan(self.point):
            return False
        stated = float(s.value)
        return stated > 0 > self.point or stated < 0 < self.point

    @property
    def fits_with_other_sign(self) -> bool:
        """The stated figure with its sign turned round fits baseline and target within rounding."""
        s = self.stated
        if not self.sign_contradicts or s is None or self.low is None or self.high is None:
            return False
        flipped = s.value[1:] if s.value.startswith("-") else "-" + s.value
        bounds = interval(flipped, s.qualifier, measured=True)
        return bounds.low <= self.high and self.low <= bounds.high

    def as_dict(self) -> JsonObject:
        b, t, s = self.baseline, self.target, self.stated
        figure = s or t
        cited = citation(self.plan, figure.line if figure is not None else None)
        return {
            "plan": self.plan.id,
            "indicator": self.indicator.id,
            "name": self.indicator.name,
            "check": self.kind,
            "shape": self.indicator.shape,
            "binding": self.indicator.binding,
            "group": self.indicator.group,
            "status": self.status.value,
            "reason": None if self.reason is None else self.reason.value,
            "baseline": {"year": b.year, "value": b.value} if b else None,
            "target": {"year": t.year, "value": t.value, "qualifier": t.qualifier} if t else None,
            "stated": {"value": s.value, "unit": s.unit, "qualifier": s.qualifier} if s else None,
            "years": self.years,
            "computed": None
            if self.point is None
            else {
                "value": json_number(self.point),
                "low": json_number(self.low),
                "high": json_number(self.high),
                "unit": self.unit,
            },
            "implied_target": json_number(self.implied_target),
            "implied_baseline": json_number(self.implied_baseline),
            "units_off": json_number(self.units_off),
            "other_reading": None if self.other is None else self.other.as_dict(),
            "file": self.place.file,
            "line": self.place.line,
            "source": None if cited is None else dict(cited.as_dict()),
        }


_PACE_UNITS: dict[str, RateUnit] = {"compound": "percent", "points": "pp", "absolute": "absolute"}


def pace_unit(ind: Indicator, stated: Growth | Total | None) -> RateUnit:
    """The unit a pace is computed in: the stated figure's, else the row's ``pace`` (points for a share,
    compound % for a level)."""
    if stated is not None:
        return stated.unit
    return _PACE_UNITS[ind.pace_kind]


def _factor(figure: Baseline | Target, ind: Indicator) -> Fraction | None:
    """What turns the figure's own unit into the row's (1 where it has none)."""
    return Fraction(1) if figure.unit is None else conversion(figure.unit, ind.unit)


def _real_against_nominal(ind: Indicator, stated: Growth | Total | None) -> bool:
    if stated is None or stated.price_basis != "constant" or ind.deflator is not None:
        return False
    return any(f is not None and f.price_basis == "current" for f in (ind.baseline, ind.target))


def unchecked_reason(ind: Indicator, stated: Growth | Total | None) -> Unchecked | None:
    """Why the stated figure (or the indicator's pace, where nothing is stated) cannot be computed."""
    b, t = ind.baseline, ind.target
    if ind.kind == "rate":
        return Unchecked.RATE_ROW
    if t is not None and t.kind == "level" and t.per_year and t.qualifier in BOUNDS:
        return Unchecked.YEARLY_BOUND
    if t is None and stated is None and ind.goal is not None:
        return Unchecked.TEXT_TARGET
    if t is None and stated is None and ind.relative is not None:
        return Unchecked.RELATIVE_TARGET
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
    if _factor(b, ind) is None or _factor(t, ind) is None:
        return Unchecked.UNITS_DIFFER
    if _real_against_nominal(ind, stated):
        return Unchecked.NOT_COMPARABLE_PRICES
    if pace_unit(ind, stated) in ("percent", "times") and b.number <= 0 and b.qualifier is None:
        # both are ratios to the baseline (a multiple is compound growth over the span)
        return Unchecked.NONPOSITIVE_BASELINE
    if stated is None:
        return Unchecked.NOT_STATED
    return None


def _nominal(stated: Growth, deflator: Deflator, policy: Policy) -> Interval:
    """A real rate's interval as a nominal one: (1 + r)(1 + d) − 1, over the rounding of both."""
    r = interval(stated.value, stated.qualifier, measured=not stated.exact, policy=policy)
    d = interval(deflator.value, measured=True, policy=policy)

    def combine(a: float, b: float) -> float:
        return ((1 + a / 100) * (1 + b / 100) - 1) * 100

    return Interval(
        combine(r.low, d.low), combine(r.high, d.high), r.low_open or d.low_open, r.high_open or d.high_open
    )


def _case(
    ind: Indicator, kind: StatedKind, stated: Growth | Total | None, unit: RateUnit, years: int, policy: Policy
) -> growth.Case:
    """The comparison of a level row's stated figure with its baseline and target, in the row's unit."""
    b, t = ind.baseline, ind.target
    assert b is not None
    assert t is not None
    fb, ft = _factor(b, ind), _factor(t, ind)
    assert fb is not None
    assert ft is not None
    # a qualified baseline (突破4万亿) is a bound with an exact threshold, not a rounded measurement
    base = interval(b.value, b.qualifier, measured=not b.exact and b.qualifier is None, policy=policy).scaled(fb)
    aim = interval(t.value, t.qualifier, measured=False, upper=t.upper, policy=policy).scaled(ft)
    stated_bounds = None
    if isinstance(stated, Growth) and stated.price_basis == "constant" and ind.deflator is not None:
        stated_bounds = _nominal(stated, ind.deflator, policy)
    elif stated is not None and stated.exact:
        stated_bounds = interval(stated.value, stated.qualifier, measured=False, policy=policy)
    return growth.Case(
        baseline=b.value if fb == 1 and b.qualifier is None else float(exact(b.value) * fb),
        target=t.value if ft == 1 else float(exact(t.value) * ft),
        years=1 if kind == "total" else years,
        stated=stated.value if stated else None,
        unit=unit,
        target_qualifier=t.qualifier if ft == 1 else None,
        target_upper=t.upper if ft == 1 else None,
        stated_qualifier=stated.qualifier if stated else None,
        baseline_bounds=base,
        target_bounds=aim if ft != 1 else None,
        stated_bounds=stated_bounds,
    )


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
                if reason is Unchecked.RATE_ROW:
                    _rate_row(r, ind, kind, stated, policy)
                elif isinstance(stated, Total) and ind.target is None:
                    _cumulative(r, plan, ind, stated, policy)
                elif (
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
                        if stated.unit in ("pp", "absolute"):
                            r.implied_baseline = level - g * r.years
                        elif 0 < factor < math.inf:
                            r.implied_baseline = level / factor
                if reason is None or reason is Unchecked.NOT_STATED:
                    b, t = ind.baseline, ind.target
                    assert b is not None
                    assert t is not None
                    r.years = t.year - b.year
                    r.unit = pace_unit(ind, stated)
                    cases.append(_case(ind, kind, stated, r.unit, r.years, policy))
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
                        json_number(float(res.other_low[i])),
                        json_number(float(res.other_high[i])),
                        bool(res.other_fits[i]),
                    )
    return out


def _rate_row(r: GrowthResult, ind: Indicator, kind: StatedKind, stated: Growth | Total | None, policy: Policy) -> None:
    """A rate row: its target rate (the rate in the target year) against its stated yearly rate."""
    t = ind.target
    if not isinstance(stated, Growth) or t is None:
        return
    # both are set values: the rate to reach in the target year, the rate to hold every year
    aim = interval(t.value, t.qualifier, measured=False, upper=t.upper, policy=policy)
    said = interval(stated.value, stated.qualifier, measured=False, policy=policy)
    r.reason = None
    r.kind = "rate"
    r.unit = "absolute"
    r.point, r.low, r.high = t.number, aim.low, aim.high
    r.status = Status.CONSISTENT if aim.meets(said) else Status.INCONSISTENT


def _cumulative(r: GrowthResult, plan: Plan, ind: Indicator, total: Total, policy: Policy) -> None:
    """A cumulative change with no level (〔13.5〕): its yearly equivalent, and the stated yearly figure
    checked against it where the row gives one."""
    years = plan.period.last - plan.period.first + 1
    if ind.baseline is not None and ind.target is None:
        years = plan.period.last - ind.baseline.year
    if years <= 0:
        return
    change = interval(total.value, total.qualifier, measured=not total.exact, policy=policy)
    sign = -1 if total.direction == "down" else 1
    r.years, r.reason = years, None
    g = ind.growth
    if total.unit == "percent":
        ends = sorted((1 + sign * change.low / 100, 1 + sign * change.high / 100))
        unit: RateUnit = "percent"
        start: float = 1.0
        end = Interval(ends[0], ends[1])
    elif total.unit == "times":
        unit, start, end = "percent", 1.0, change
    else:  # pp or absolute: a change a year is the total over the years
        ends = sorted((sign * change.low, sign * change.high))
        unit, start, end = ("pp" if total.unit == "pp" else "absolute"), 0.0, Interval(ends[0], ends[1])
    case = growth.Case(
        baseline=start,
        target=(end.low + end.high) / 2,
        years=years,
        stated=g.value if g is not None else None,
        unit=g.unit if g is not None else unit,
        stated_qualifier=g.qualifier if g is not None else None,
        baseline_bounds=Interval.point(start),
        target_bounds=end,
    )
    res = growth.evaluate([case], policy)
    r.unit = case.unit
    r.point, r.low, r.high = float(res.point[0]), float(res.low[0]), float(res.high[0])
    if g is None:
        r.status = Status.IMPLIED  # the yearly equivalent, shown
    else:
        r.status = verdict(bool(res.exact_ok[0]), bool(res.full_ok[0]))

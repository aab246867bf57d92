"""Progress: each target with outturns, its observed pace against the pace it needs.

For a target with a baseline B (year b), a target T (year t) and a latest outturn O (year o):

* the observed pace, from B to O over o − b years, and the required pace, from B to T over t − b
  years: compound % a year for levels, percentage points a year for shares, a change a year in the
  row's unit for an ``absolute`` pace (``arith.growth.rates``, all targets in one numpy pass);
* their ratio R = observed ÷ required, and its category (``model.status.pace_category``): on track
  (R ≥ 0.95), acceleration needed (0.60 ≤ R < 0.95), limited progress (0 ≤ R < 0.60), moving away
  (R < 0); achieved where O already reaches T (in the direction that is better: the catalogue's
  ``better``, else the target's qualifier, else the way from B to T); an outturn of the target year
  itself settles the target: achieved, or missed where it falls short (R then says by how much);
* the pace now needed, from O to T over t − o years.

Every figure stands for its interval (``arith.interval``): B and O are rounded measurements, T is a
set value opened by its qualifier (左右 a band). R is computed at every corner of that box as well as
at the printed figures; where the corners fall in more than one category, the verdict depends on
rounding and every category it could be is listed. Whether O reaches T is decided exactly.

Other shapes by their own rules: a yearly bound (<5.5 每年) or a rate row's rate to hold is met or
broken in each year observed; a cumulative change (〔13.5〕) becomes the level it implies from the
base, B × (1 − 13.5%), so R compares the observed cumulative change with it; an increment (新增 N)
over a baseline is the level B + N. Without a baseline, the outturn of the year before the period
(or the latest before it) is the base.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

import numpy as np

from ..arith.growth import UNIT_CODES, RateUnit, rates
from ..arith.interval import DEFAULT, Interval, Policy, exact, interval
from ..arith.numbers import json_number
from ..model.catalogue import Index, observed_factor, observed_value
from ..model.jsonvalue import JsonObject
from ..model.plan import BOUNDS, Indicator, Observation, Plan
from ..model.positions import NOWHERE, Place
from ..model.status import PACE_CATEGORIES, Progress, Unchecked, pace_category, progress_zh
from .rates import pace_unit

Direction = Literal["up", "down"]


@dataclass(frozen=True)
class YearCheck:
    """One year's outturn against a bound that holds every year."""

    year: int
    value: str
    met: bool | None  # None: met or broken depending on rounding
    place: Place = NOWHERE
    unit: str | None = None  # the outturn's own unit, where it has one

    def as_dict(self) -> JsonObject:
        return {
            "year": self.year,
            "value": self.value,
            "unit": self.unit,
            "met": self.met,
            "file": self.place.file,
            "line": self.place.line,
        }


@dataclass
class ProgressResult:
    """How one target stands against its outturns."""

    plan: Plan
    indicator: Indicator
    verdict: Progress
    reason: Unchecked | None = None  # why unassessed
    direction: Direction = "up"  # which way is better
    direction_from: str = "target"  # catalogue, qualifier or target: what says which way is better
    unit: RateUnit | None = None  # of the paces: percent, pp or absolute
    base_year: int | None = None
    base: str | None = None  # as printed
    base_from: str | None = None  # baseline or observed
    base_unit: str | None = None  # the base outturn's own unit, where it has one
    target_year: int | None = None
    target: float | None = None  # the level to reach (a cumulative change's or an increment's, computed)
    target_printed: str | None = None
    qualifier: str | None = None
    latest: Observation | None = None
    observed: tuple[float, float, float] | None = None  # pace: point, low, high
    required: tuple[float, float, float] | None = None
    ratio: tuple[float, float, float] | None = None
    needed: tuple[float, float, float] | None = None  # from the latest outturn to the target
    possible: tuple[Progress, ...] = ()  # every verdict within rounding (one: it does not depend on it)
    years: list[YearCheck] = field(default_factory=list)

    @property
    def depends_on_rounding(self) -> bool:
        return len(self.possible) > 1

    @property
    def zh(self) -> str:
        r = self.ratio[0] if self.ratio else None
        before = self.latest is not None and self.target_year is not None and self.latest.year < self.target_year
        return progress_zh(self.verdict, r, before)

    @property
    def settled(self) -> bool:
        """The latest outturn is of the target year: the verdict is achieved or missed, not a pace."""
        return self.latest is not None and self.target_year is not None and self.latest.year == self.target_year

    @property
    def place(self) -> Place:
        """Where the latest outturn is written (of the indicator where there is none)."""
        return self.latest.place("value") if self.latest is not None else self.indicator.place("id")

    def as_dict(self) -> JsonObject:
        def triple(x: tuple[float, float, float] | None) -> JsonObject | None:
            if x is None:
                return None
            return {"value": json_number(x[0]), "low": json_number(x[1]), "high": json_number(x[2])}

        o = self.latest
        return {
            "plan": self.plan.id,
            "indicator": self.indicator.id,
            "name": self.indicator.name,
            "name_en": self.indicator.name_en,
            "shape": self.indicator.shape,
            "verdict": self.verdict.value,
            "zh": self.zh,
            "possible": [p.value for p in self.possible],
            "depends_on_rounding": self.depends_on_rounding,
            "reason": None if self.reason is None else self.reason.value,
            "direction": self.direction,
            "direction_from": self.direction_from,
            "unit": self.unit,
            "base": None
            if self.base is None
            else {"year": self.base_year, "value": self.base, "unit": self.base_unit, "from": self.base_from},
            "target": None
            if self.target_year is None
            else {
                "year": self.target_year,
                "value": json_number(self.target),
                "printed": self.target_printed,
                "qualifier": self.qualifier,
            },
            "latest": None
            if o is None
            else {"year": o.year, "value": o.value, "unit": o.unit, "source": o.source, "url": o.url},
            "observed_pace": triple(self.observed),
            "required_pace": triple(self.required),
            "ratio": triple(self.ratio),
            "needed_pace": triple(self.needed),
            "years": [y.as_dict() for y in self.years],
            "file": self.place.file,
            "line": self.place.line,
        }


# --------------------------------------------------------------------------- intervals


def _measured(obs: Observation, ind: Indicator, policy: Policy) -> Interval:
    """The outturn's interval (its rounding, in its own unit) in the row's unit."""
    factor = observed_factor(obs, ind)
    assert factor is not None  # outturns in another kind of unit are left unassessed before
    iv = interval(obs.value, obs.qualifier, measured=not obs.exact and obs.qualifier is None, policy=policy)
    return iv.scaled(factor)


def _fr(x: float, e: Fraction | None) -> Fraction | float:
    return e if e is not None else x


def _at_most(q: Interval, bound: Interval) -> bool:
    """Every value of ``q`` is at most ``bound``'s upper end: ``_ge`` on both intervals mirrored."""
    return _ge(
        -q.high,
        None if q.high_exact is None else -q.high_exact,
        q.high_open,
        -bound.high,
        None if bound.high_exact is None else -bound.high_exact,
        bound.high_open,
    )


def _ge(a: float, a_exact: Fraction | None, a_open: bool, b: float, b_exact: Fraction | None, b_open: bool) -> bool:
    """Every value just at a lower end ``a`` is at least a lower bound ``b``: a > b, or a = b with b
    included or a itself excluded."""
    if math.isinf(a) or math.isinf(b):
        return a >= b and not (math.isinf(a) and a < 0)
    x, y = _fr(a, a_exact), _fr(b, b_exact)
    return x > y or (x == y and (not b_open or a_open))


def _reaches(q: Interval, goal: Interval, direction: Direction) -> tuple[bool, bool]:
    """(surely, possibly): every value of ``q`` reaches ``goal`` in the direction; some value does."""
    if direction == "up":  # reach goal.low or above
        region = Interval(goal.low, math.inf, goal.low_open, True, goal.low_exact, None)
        surely = _ge(q.low, q.low_exact, q.low_open, goal.low, goal.low_exact, goal.low_open)
    else:  # reach goal.high or below: mirror
        region = Interval(-math.inf, goal.high, True, goal.high_open, None, goal.high_exact)
        surely = _at_most(q, goal)
    return surely, q.meets(region)


def _ratio_interval(o: Interval, b: Interval) -> Interval:
    """O ÷ B over their intervals (both positive)."""
    lo_e = o.low_exact / b.high_exact if o.low_exact is not None and b.high_exact else None
    hi_e = o.high_exact / b.low_exact if o.high_exact is not None and b.low_exact else None
    lo = o.low / b.high if b.high else math.nan
    hi = o.high / b.low if b.low else math.inf
    return Interval(lo, hi, o.low_open or b.high_open, o.high_open or b.low_open, lo_e, hi_e)


def _difference(o: Interval, b: Interval) -> Interval:
    lo_e = o.low_exact - b.high_exact if o.low_exact is not None and b.high_exact is not None else None
    hi_e = o.high_exact - b.low_exact if o.high_exact is not None and b.low_exact is not None else None
    return Interval(o.low - b.high, o.high - b.low, o.low_open or b.high_open, o.high_open or b.low_open, lo_e, hi_e)


# --------------------------------------------------------------------------- the cases


@dataclass
class _Case:
    """A target reduced to a level to reach: what the numpy pass needs."""

    result: ProgressResult
    base: Interval  # B's interval
    base_point: float
    goal: Interval  # the values of the level to reach (T, opened by its qualifier)
    goal_ends: tuple[float, float]  # finite ends of T for the required pace (the same twice for a point)
    goal_point: float
    goal_exact: Fraction
    obs: Interval
    obs_point: float
    n_obs: int  # o − b
    n_req: int  # t − b
    base_exact: Fraction  # B and O as printed, exactly, in the row's unit
    obs_exact: Fraction
    # a cumulative change of a percent or a multiple: R is reached as O/B against a factor
    cumulative: Literal["ratio", "difference"] | None = None


def _direction(
    ind: Indicator, index: Index | None, t_qualifier: str | None, b: float, t: float
) -> tuple[Direction, str]:
    entry = index.entry_for(ind) if index is not None else None
    if entry is not None:
        return ("down" if entry.better == "lower" else "up"), "catalogue"
    if t_qualifier in ("at_most", "less_than"):
        return "down", "qualifier"
    if t_qualifier in ("at_least", "more_than"):
        return "up", "qualifier"
    return ("down" if t < b else "up"), "target"


def _base(
    plan: Plan, ind: Indicator, policy: Policy
) -> tuple[int, str, Interval, Fraction, str, Observation | None] | None:
    """The base of the pace: the baseline, else the latest outturn before the plan's period."""
    b = ind.baseline
    if b is not None:
        iv = interval(b.value, measured=not b.exact, policy=policy)
        return b.year, b.value, iv, exact(b.value), "baseline", None
    before = [
        o
        for o in ind.observed
        if o.year < plan.period.first and o.qualifier is None and observed_factor(o, ind) is not None
    ]
    if not before:
        return None
    o = max(before, key=lambda x: x.year)
    value = observed_value(o, ind)
    assert value is not None
    return o.year, o.value, _measured(o, ind, policy), value, "observed", o


def _yearly(r: ProgressResult, plan: Plan, ind: Indicator, policy: Policy) -> None:
    """A bound that holds every year (or a rate row's rate to hold): each year observed, met or broken."""
    fig = ind.growth if ind.kind == "rate" and ind.growth is not None else ind.target
    assert fig is not None
    bound = interval(fig.value, fig.qualifier, measured=False, upper=getattr(fig, "upper", None), policy=policy)
    r.target_printed, r.qualifier = fig.value, fig.qualifier
    r.target_year = plan.period.last
    values: dict[int, Fraction] = {}  # each year's outturn as printed, in the row's unit
    for o in sorted(ind.observed, key=lambda x: x.year):
        if not plan.period.first <= o.year <= plan.period.last:
            continue
        value = observed_value(o, ind)
        if value is None:
            continue  # its unit differs in kind from the row's: the outturn-unit error
        q = _measured(o, ind, policy)
        inside = _within(q, bound)
        r.years.append(YearCheck(o.year, o.value, inside, o.place("value"), o.unit))
        values[o.year] = value
        r.latest = o
    if not r.years:
        r.reason = Unchecked.NO_LATER_OUTTURN
        r.possible = (Progress.UNASSESSED,)
        return
    if any(y.met is False for y in r.years):
        r.verdict, r.possible = Progress.BROKEN, (Progress.BROKEN,)
    elif all(y.met for y in r.years):
        r.verdict, r.possible = Progress.MET, (Progress.MET,)
    else:  # met as printed, unless rounding puts a year across the bound
        printed_ok = all(
            bound.meets(Interval.point(float(values[y.year]), values[y.year])) for y in r.years if y.met is None
        )
        r.verdict = Progress.MET if printed_ok else Progress.BROKEN
        r.possible = (Progress.MET, Progress.BROKEN)


def _within(q: Interval, bound: Interval) -> bool | None:
    """True: every value of q is within the bound; False: none is; None: it depends on rounding."""
    if not q.meets(bound):
        return False
    lower_ok = _ge(q.low, q.low_exact, q.low_open, bound.low, bound.low_exact, bound.low_open)
    upper_ok = _at_most(q, bound)
    return True if lower_ok and upper_ok else None


def _case(r: ProgressResult, plan: Plan, ind: Indicator, index: Index | None, policy: Policy) -> _Case | None:
    """The target as a level to reach, or None with the result made unassessed (and why)."""
    t, total = ind.target, ind.total
    if t is not None and t.kind == "cumulative":
        return _unassessed(r, Unchecked.CUMULATIVE_TARGET)
    if t is not None and t.kind == "increment" and t.per_year:
        return _unassessed(r, Unchecked.YEARLY_AMOUNT)
    if t is None and total is None:
        reason = (
            Unchecked.TEXT_TARGET
            if ind.goal is not None
            else Unchecked.RELATIVE_TARGET
            if ind.relative is not None
            else Unchecked.NO_TARGET
        )
        return _unassessed(r, reason)
    if ind.baseline is not None and ind.baseline.qualifier is not None:
        return _unassessed(r, Unchecked.BOUND_BASELINE)
    if any(f is not None and f.unit is not None for f in (ind.baseline, t)):
        return _unassessed(r, Unchecked.UNITS_DIFFER)
    found = _base(plan, ind, policy)
    if found is None:
        return _unassessed(r, Unchecked.NO_BASELINE)
    b_year, b_printed, b_iv, b_exact, b_from, b_obs = found
    b_point = float(b_exact)
    r.base_year, r.base, r.base_from = b_year, b_printed, b_from
    r.base_unit = b_obs.unit if b_obs is not None else None
    unit = pace_unit(ind, None)
    r.unit = unit
    cumulative: Literal["ratio", "difference"] | None = None
    if t is not None:
        goal = interval(t.value, t.qualifier, measured=False, upper=t.upper, policy=policy)
        r.target_year, r.target_printed, r.qualifier = t.year, t.value, t.qualifier
        goal_exact = exact(t.value)
        if t.kind == "increment":  # 新增 N: the level B + N
            goal = Interval(
                goal.low + b_point,
                goal.high + b_point,
                goal.low_open,
                goal.high_open,
                None if goal.low_exact is None else goal.low_exact + b_exact,
                None if goal.high_exact is None else goal.high_exact + b_exact,
            )
            goal_exact += b_exact
        goal_point = float(goal_exact)
        direction, said = _direction(ind, index, t.qualifier, b_point, goal_point)
    else:
        assert total is not None
        # a cumulative change over the period (〔13.5〕): the level it implies from the base
        r.target_year, r.target_printed, r.qualifier = plan.period.last, total.value, total.qualifier
        change = interval(total.value, total.qualifier, measured=False, policy=policy)
        sign = -1 if total.direction == "down" else 1
        if total.unit == "percent":
            ends = [Fraction(1) + sign * e / 100 for e in (change.low_exact, change.high_exact) if e is not None]
            cumulative = "ratio"
        elif total.unit == "times":
            ends = [e for e in (change.low_exact, change.high_exact) if e is not None]
            cumulative = "ratio"
        else:
            ends = [sign * e for e in (change.low_exact, change.high_exact) if e is not None]
            cumulative = "difference"
        if not ends:
            return _unassessed(r, Unchecked.NO_TARGET)
        lo, hi = min(ends), max(ends)
        opened_up = (total.qualifier in ("at_least", "more_than")) == (sign > 0)
        if total.qualifier in BOUNDS:  # 降低〔13.5〕以上: at least that fall, no end on the other side
            if opened_up:
                goal = Interval(float(lo), math.inf, False, True, lo, None)
            else:
                goal = Interval(-math.inf, float(hi), True, False, None, hi)
        else:
            goal = Interval(float(lo), float(hi), False, False, lo, hi)
        printed = exact(total.value)
        if total.unit == "percent":
            goal_exact = 1 + sign * printed / 100
        else:
            goal_exact = printed if total.unit == "times" else sign * printed
        goal_point = float(goal_exact)
        direction, said = ("down", "target") if sign < 0 else ("up", "target")
        entry = index.entry_for(ind) if index is not None else None
        if entry is not None:
            direction, said = ("down" if entry.better == "lower" else "up"), "catalogue"
        r.target = b_point * goal_point if cumulative == "ratio" else b_point + goal_point
        # the change is a percentage or a multiple of a level (compound), or an amount (linear)
        unit = "percent" if cumulative == "ratio" else "pp" if total.unit == "pp" else "absolute"
        r.unit = unit
    r.direction, r.direction_from = direction, said
    if r.target is None:
        r.target = goal_point
    if r.target_year <= b_year:
        return _unassessed(r, Unchecked.YEAR_ORDER)
    if unit == "percent" and b_point <= 0:
        return _unassessed(r, Unchecked.NONPOSITIVE_BASELINE)
    upto = [o for o in ind.observed if b_year <= o.year <= r.target_year and o.qualifier is None]
    usable = [o for o in upto if observed_factor(o, ind) is not None]  # the rest: outturn-unit errors
    if not usable:
        if upto:  # every outturn is in a unit of another kind: shown at the latest of them
            r.latest = max(upto, key=lambda x: x.year)
            return _unassessed(r, Unchecked.UNITS_DIFFER)
        return _unassessed(r, Unchecked.NO_LATER_OUTTURN)
    latest = max(usable, key=lambda x: x.year)  # the first one read wins a year given twice
    r.latest = latest
    obs_exact = observed_value(latest, ind)
    assert obs_exact is not None
    obs_iv = _measured(latest, ind, policy)
    finite = [x for x in (goal.low, goal.high) if math.isfinite(x)]
    ends2 = (min(finite), max(finite)) if finite else (goal_point, goal_point)
    return _Case(
        r,
        b_iv,
        b_point,
        goal,
        ends2,
        goal_point,
        goal_exact,
        obs_iv,
        float(obs_exact),
        latest.year - b_year,
        r.target_year - b_year,
        b_exact,
        obs_exact,
        cumulative,
    )


def _unassessed(r: ProgressResult, reason: Unchecked) -> _Case | None:
    """Make ``r`` unassessed for ``reason``; there is no case to compute."""
    r.verdict, r.reason, r.possible = Progress.UNASSESSED, reason, (Progress.UNASSESSED,)
    return None


# --------------------------------------------------------------------------- the pass


def evaluate(plans: list[Plan], index: Index | None = None, policy: Policy = DEFAULT) -> list[ProgressResult]:
    """One result per indicator with outturns, in the plans' order."""
    out: list[ProgressResult] = []
    cases: list[_Case] = []
    for plan in plans:
        for ind in plan.indicators:
            if not ind.observed:
                continue
            r = ProgressResult(plan, ind, Progress.UNASSESSED)
            out.append(r)
            t = ind.target
            bound = t is not None and t.kind == "level" and t.per_year and t.qualifier in BOUNDS
            if ind.kind == "rate":
                if ind.growth is None and t is None:
                    _unassessed(r, Unchecked.NO_TARGET)
                else:
                    _yearly(r, plan, ind, policy)
                continue
            if bound:
                _yearly(r, plan, ind, policy)
                continue
            case = _case(r, plan, ind, index, policy)
            if case is not None:
                cases.append(case)
    if cases:
        _paces(cases)
    return out


def _paces(cases: list[_Case]) -> None:
    """Every pace and ratio, at the printed figures and at the corners of their rounding, in one pass."""
    unit = np.array([UNIT_CODES[c.result.unit or "percent"] for c in cases])
    b_pt = np.array([c.base_point for c in cases])
    o_pt = np.array([c.obs_point for c in cases])
    t_pt = np.array([c.goal_point for c in cases])
    n_obs = np.array([float(c.n_obs) for c in cases])
    n_req = np.array([float(c.n_req) for c in cases])
    n_left = np.array([float(c.n_req - c.n_obs) for c in cases])
    ratio_kind = np.array([c.cumulative == "ratio" for c in cases])
    diff_kind = np.array([c.cumulative == "difference" for c in cases])
    b_c = np.array([[c.base.low, c.base.high] for c in cases])  # (n, 2)
    o_c = np.array([[c.obs.low, c.obs.high] for c in cases])
    t_c = np.array([list(c.goal_ends) for c in cases])

    def level(b: np.ndarray, t: np.ndarray) -> np.ndarray:
        """A cumulative change's factor or difference as the level it implies from the base b."""
        ratio, diff = (ratio_kind, diff_kind) if b.ndim == 1 else (ratio_kind[:, None], diff_kind[:, None])
        return np.where(ratio, b * t, np.where(diff, b + t, t))

    with np.errstate(all="ignore"):
        obs_point = rates(unit, b_pt, o_pt, n_obs)
        req_point = rates(unit, b_pt, level(b_pt, t_pt), n_req)
        need_point = rates(unit, o_pt, level(b_pt, t_pt), n_left)
        # the corners: (n, 8) over B × O × T
        bi, oi, ti = np.meshgrid([0, 1], [0, 1], [0, 1], indexing="ij")
        bb = b_c[:, bi.ravel()]
        oo = o_c[:, oi.ravel()]
        tt = t_c[:, ti.ravel()]
        u8 = np.repeat(unit[:, None], 8, axis=1)
        obs_c = rates(u8, bb, oo, n_obs[:, None])
        req_c = rates(u8, bb, level(bb, tt), n_req[:, None])
        need_c = rates(u8, oo, level(bb, tt), np.maximum(n_left, 1)[:, None])
    for i, c in enumerate(cases):
        r = c.result
        reached, reachable, at_point = _achievement(c)
        if reached:
            r.verdict, r.possible = Progress.ACHIEVED, (Progress.ACHIEVED,)
            continue
        if c.n_obs <= 0:  # an outturn of the base year only: achieved already, or no pace yet
            if at_point:
                r.verdict, r.possible = Progress.ACHIEVED, (Progress.ACHIEVED, Progress.UNASSESSED)
            else:
                r.verdict, r.reason = Progress.UNASSESSED, Unchecked.NO_LATER_OUTTURN
                r.possible = (Progress.ACHIEVED, Progress.UNASSESSED) if reachable else (Progress.UNASSESSED,)
            continue
        if not (math.isfinite(obs_point[i]) and math.isfinite(req_point[i])):
            r.verdict, r.reason, r.possible = Progress.UNASSESSED, Unchecked.NOT_COMPUTABLE, (Progress.UNASSESSED,)
            continue
        r.observed = (float(obs_point[i]), *_ends(obs_c[i]))
        r.required = (float(req_point[i]), *_ends(req_c[i]))
        if c.n_req > c.n_obs:
            r.needed = (float(need_point[i]), *_ends(need_c[i]))
        sign = 1.0 if r.direction == "up" else -1.0
        settled = c.n_obs == c.n_req  # an outturn of the target year: reached or not, no pace to judge
        if not sign * req_point[i] > 0:  # the target was met at the base: nothing to gain by pace
            late = Progress.MISSED if settled else Progress.MOVING_AWAY
            r.verdict = Progress.ACHIEVED if at_point else late
            r.possible = (Progress.ACHIEVED, late) if reachable else (late,)
            continue
        ratio_point: float | Fraction = float(obs_point[i] / req_point[i])
        if r.unit in ("pp", "absolute") and c.cumulative is None and r.latest is not None:
            # linear paces: R exactly, in fractions, so that a ratio right on a threshold is decided
            b_e, o_e = c.base_exact, c.obs_exact
            ratio_point = ((o_e - b_e) / c.n_obs) / ((c.goal_exact - b_e) / c.n_req)
        point_category = pace_category(ratio_point)
        if bool((sign * req_c[i] > 0).all()) and bool(np.isfinite(obs_c[i]).all()):
            with np.errstate(all="ignore"):
                ratios = obs_c[i] / req_c[i]
            r.ratio = (float(ratio_point), *_ends(ratios))
        else:  # within rounding the target may need no move at all: R is unbounded
            r.ratio = (float(ratio_point), -math.inf, math.inf)
        low_cat, high_cat = pace_category(r.ratio[1]), pace_category(r.ratio[2])
        span = set(PACE_CATEGORIES[PACE_CATEGORIES.index(high_cat) : PACE_CATEGORIES.index(low_cat) + 1])
        span.add(point_category)
        if reachable:
            span.add(Progress.ACHIEVED)
        if settled:  # R says how far short it fell; the verdict is whether the target was reached
            r.verdict = Progress.ACHIEVED if at_point else Progress.MISSED
            r.possible = (Progress.ACHIEVED, Progress.MISSED) if reachable else (Progress.MISSED,)
            continue
        r.verdict = Progress.ACHIEVED if at_point else point_category
        r.possible = tuple(p for p in (Progress.ACHIEVED, *PACE_CATEGORIES) if p in span)


def _ends(values: np.ndarray) -> tuple[float, float]:
    """The lowest and highest of the values that are numbers (nan, nan where none is)."""
    known = values[~np.isnan(values)]
    return (float(known.min()), float(known.max())) if known.size else (math.nan, math.nan)


def _achievement(c: _Case) -> tuple[bool, bool, bool]:
    """Whether the latest outturn reaches the target: surely (whatever its rounding), possibly, and as
    printed. For a cumulative change, O ÷ B (or O − B) against the change's factor (or amount)."""
    r = c.result
    assert r.latest is not None
    o, b = c.obs_exact, c.base_exact
    if c.cumulative == "ratio":
        q, q_point = _ratio_interval(c.obs, c.base), o / b
    elif c.cumulative == "difference":
        q, q_point = _difference(c.obs, c.base), o - b
    else:
        q, q_point = c.obs, o
    surely, possibly = _reaches(q, c.goal, r.direction)
    at_point, _ = _reaches(Interval.point(float(q_point), q_point), c.goal, r.direction)
    return surely, possibly, at_point


def summary(results: list[ProgressResult]) -> dict[str, object]:
    """Counts of each verdict, and how many depend on rounding."""
    from ..model.status import PROGRESS_ORDER

    return {
        "targets": len(results),
        "verdicts": {v.value: sum(1 for r in results if r.verdict is v) for v in PROGRESS_ORDER},
        "depends_on_rounding": sum(1 for r in results if r.depends_on_rounding),
    }

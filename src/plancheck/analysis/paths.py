"""The year-by-year values each target implies between its baseline and its target.

``trajectories(results)`` takes the results of ``rates.results`` (which decides each row's pace: the
stated figure's unit, else the row's ``pace``, compound for a level and points for a share) and
computes, for all rows at once in one numpy pass, the value of every year from the baseline's to
the target's:

* compound, for a pace in %: B × (T/B)^(k/n) in year k of n (a 累计 total in % or a multiple grows
  the same way);
* linear, for a pace in percentage points or in the row's own unit: B + (T − B) × k/n.

Where the stated annual rate does not fit baseline and target (verdict inconsistent), the path that
rate gives from the baseline goes beside it: B × (1 + s/100)^k, or B + s × k. 2.73% in 2015 to 3.20%
in 2020 needs 0.094 pp a year (2.824, 2.918, 3.012, 3.106, 3.20); the stated 0.05 pp gives 2.78,
2.83, 2.88, 2.93, 2.98.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..arith.numbers import json_number
from ..model.catalogue import conversion
from ..model.jsonvalue import JsonObject
from ..model.plan import Baseline, Indicator, Plan, Target
from ..model.status import Status, Unchecked
from .rates import GrowthResult

LINEAR = frozenset({"pp", "absolute"})
"""Paces that change by the same amount each year; every other one (%, a multiple) compounds."""


@dataclass
class Trajectory:
    """One row's path: the years from baseline to target, the planned value of each, and where the
    stated rate disagrees, the value it gives each year."""

    result: GrowthResult  # the check the path comes from: its pace, unit, verdict
    years: list[int]
    planned: list[float]
    stated: list[float] | None = None  # the stated annual rate's path, where it does not fit

    @property
    def plan(self) -> Plan:
        return self.result.plan

    @property
    def indicator(self) -> Indicator:
        return self.result.indicator

    @property
    def linear(self) -> bool:
        return self.result.unit in LINEAR

    @property
    def digits(self) -> int:
        """Decimals to show a year's value with: one more than the printed figures have."""
        ind = self.indicator
        assert ind.baseline is not None
        assert ind.target is not None
        return max(ind.baseline.decimals, ind.target.decimals) + 1

    def as_dict(self) -> JsonObject:
        r, ind = self.result, self.indicator
        g = ind.growth
        return {
            "plan": self.plan.id,
            "indicator": ind.id,
            "name": ind.name,
            "name_en": ind.name_en,
            "unit": ind.unit,
            "path": "linear" if self.linear else "compound",
            "pace": json_number(r.point),
            "pace_unit": r.unit,
            "status": r.status.value,
            "stated": None if g is None else {"value": g.value, "unit": g.unit, "qualifier": g.qualifier},
            "years": list(self.years),
            "planned": [json_number(v) for v in self.planned],
            "stated_path": None if self.stated is None else [json_number(v) for v in self.stated],
        }


def _number(figure: Baseline | Target, ind: Indicator) -> float:
    """The figure in the row's unit (rates.results has left out rows whose units cannot be converted)."""
    factor = Fraction(1) if figure.unit is None else conversion(figure.unit, ind.unit)
    assert factor is not None
    return float(Fraction(figure.value) * factor)


def _has_path(r: GrowthResult) -> bool:
    ind = r.indicator
    b, t = ind.baseline, ind.target
    return (
        r.kind != "rate"
        and r.reason in (None, Unchecked.NOT_STATED)
        and r.point is not None
        and r.unit is not None
        and b is not None
        and t is not None
        and t.kind == "level"
        and t.year > b.year
    )


def trajectories(results: list[GrowthResult]) -> list[Trajectory]:
    """The path of every row with a baseline and a target level, one per row (its annual check
    before its 累计 one), in the order of the results."""
    chosen: dict[tuple[str, str], GrowthResult] = {}
    for r in results:
        key = (r.plan.id, r.indicator.id)
        if _has_path(r) and (key not in chosen or (chosen[key].kind == "total" and r.kind == "growth")):
            chosen[key] = r
    rows = list(chosen.values())
    if not rows:
        return []
    starts: list[float] = []
    ends: list[float] = []
    spans: list[float] = []
    firsts: list[int] = []
    rates: list[float] = []
    for r in rows:
        b, t, g = r.indicator.baseline, r.indicator.target, r.indicator.growth
        assert b is not None
        assert t is not None
        starts.append(_number(b, r.indicator))
        ends.append(_number(t, r.indicator))
        spans.append(t.year - b.year)
        firsts.append(b.year)
        # the stated rate's own path only where it does not fit (a real rate with a deflator: not drawn)
        disagrees = r.kind == "growth" and r.status is Status.INCONSISTENT and r.indicator.deflator is None
        rates.append(float(g.value) if disagrees and g is not None else np.nan)
    base, aim, span, said = np.array(starts), np.array(ends), np.array(spans), np.array(rates)
    linear = np.array([r.unit in LINEAR for r in rows])
    k = np.arange(int(span.max()) + 1, dtype=float)[None, :]  # year k of every row, padded to the longest
    with np.errstate(all="ignore"):  # a path beyond floating point is ∞ there, as data
        share = np.minimum(k / span[:, None], 1.0)
        planned = np.where(
            linear[:, None],
            base[:, None] + (aim - base)[:, None] * share,
            base[:, None] * np.power((aim / base)[:, None], share),
        )
        stated = np.where(
            linear[:, None],
            base[:, None] + said[:, None] * k,
            base[:, None] * np.power(1.0 + said[:, None] / 100.0, k),
        )
    out = []
    for i, r in enumerate(rows):
        n, first = int(span[i]), firsts[i]
        values = [float(v) for v in planned[i, : n + 1]]
        values[0], values[-1] = float(base[i]), float(aim[i])  # the ends as printed, without rounding noise
        path = [float(v) for v in stated[i, : n + 1]] if not np.isnan(said[i]) else None
        out.append(Trajectory(r, list(range(first, first + n + 1)), values, path))
    return out

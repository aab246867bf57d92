"""plancheck verify: recompute every stated growth and run the checks over the results.

``run(plans)`` is the library API: it gathers every indicator of the selected plans into one
``growth.evaluate`` call and returns one ``GrowthResult`` per indicator, the findings of every
registered check, and a summary. ``--format json`` prints exactly this.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from . import growth
from .dataset import where
from .findings import Finding, count_levels
from .models import Baseline, Growth, Indicator, Plan, Target, Total

UNCHECKED = "unchecked"
STATUSES = (growth.CONSISTENT, growth.ROUNDING, growth.INCONSISTENT, UNCHECKED)


def _num(x: float | None) -> float | None:
    """JSON has no infinity: an open end of a range is null."""
    if x is None or not math.isfinite(x):
        return None
    return float(x)


@dataclass
class GrowthResult:
    """The check of one indicator's stated growth (or 累计 total) against its baseline and target."""

    plan: Plan
    indicator: Indicator
    kind: str  # "growth" (annual) or "total" (over the whole span)
    status: str
    reason: str | None = None  # why it is unchecked
    years: int | None = None
    unit: str | None = None  # unit of computed: percent, pp or times
    point: float | None = None
    exact: tuple[float, float] | None = None
    low: float | None = None
    high: float | None = None
    implied_target: float | None = None
    implied_baseline: float | None = None
    units_off: float | None = None
    other: dict[str, Any] | None = None
    file: str = ""
    line: int = 0
    column: int = 0

    @property
    def baseline(self) -> Baseline | None:
        return self.indicator.baseline

    @property
    def target(self) -> Target | None:
        return self.indicator.target

    @property
    def stated(self) -> Growth | Total | None:
        return self.indicator.growth if self.kind == "growth" else self.indicator.total

    def as_dict(self) -> dict[str, Any]:
        b, t, s = self.baseline, self.target, self.stated
        return {
            "plan": self.plan.id,
            "indicator": self.indicator.id,
            "name": self.indicator.name,
            "check": self.kind,
            "status": self.status,
            "reason": self.reason,
            "baseline": {"year": b.year, "value": b.value} if b else None,
            "target": {"year": t.year, "value": t.value, "qualifier": t.qualifier} if t else None,
            "stated": {"value": s.value, "unit": s.unit, "qualifier": s.qualifier} if s else None,
            "years": self.years,
            "computed": None if self.point is None else {
                "value": _num(self.point), "low": _num(self.low), "high": _num(self.high), "unit": self.unit},
            "implied_target": _num(self.implied_target),
            "implied_baseline": _num(self.implied_baseline),
            "units_off": _num(self.units_off),
            "other_reading": self.other,
            "file": self.file,
            "line": self.line,
        }


@dataclass
class VerifyRun:
    plans: list[Plan]
    results: list[GrowthResult]
    findings: list[Finding]
    summary: dict[str, Any] = field(default_factory=dict)
    claims: list[Any] = field(default_factory=list)  # claims.ClaimResult, one per claim check
    identities: list[Any] = field(default_factory=list)  # facts.IdentityValue, one per implied quantity

    def only_files(self, files: list[str]) -> None:
        """Keep the findings in ``files``: the other files were read only for cross-file checks."""
        self.findings = [f for f in self.findings if f.file in files]
        self.summary["findings"] = count_levels(self.findings)


def _unchecked_reason(ind: Indicator, stated: Growth | Total | None) -> str | None:
    b, t = ind.baseline, ind.target
    if b is None:
        return "no baseline"
    if t is None:
        return "no target"
    if t.kind != "level":
        return f"the target is {'an increment (新增)' if t.kind == 'increment' else 'a cumulative sum (累计)'}, not a level"
    if t.year <= b.year:
        return "the target year is not after the base year"
    unit = stated.unit if stated else ("pp" if ind.is_share else "percent")
    if unit != "pp" and b.number <= 0:
        return "the baseline is zero or negative: compound growth is undefined"
    if stated is None:
        return "no stated growth"
    return None


def _results(plans: list[Plan]) -> list[GrowthResult]:
    results: list[GrowthResult] = []
    cases: list[growth.Case] = []
    computable: list[GrowthResult] = []
    for plan in plans:
        for ind in plan.indicators:
            stated_figures = [("growth", ind.growth), ("total", ind.total)]
            stated_figures = [(k, f) for k, f in stated_figures if f is not None] or [("growth", None)]
            for kind, stated in stated_figures:
                reason = _unchecked_reason(ind, stated)
                anchor = (kind, "value") if stated else ("target", "value") if ind.target else ()
                file, line, col = where(ind, *anchor)
                r = GrowthResult(plan, ind, kind, UNCHECKED, reason, file=file, line=line, column=col)
                results.append(r)
                if reason == "no baseline" and stated is not None and kind == "growth" and ind.target \
                        and ind.target.kind == "level" and stated.unit in ("percent", "pp"):
                    # the base the stated rate needs, from the year before the plan's period
                    r.years = ind.target.year - (plan.period.first - 1)
                    if r.years > 0:
                        g, t = float(stated.value), ind.target.number
                        r.implied_baseline = t - g * r.years if stated.unit == "pp" else t / (1 + g / 100) ** r.years
                if reason is None or reason == "no stated growth":
                    b, t = ind.baseline, ind.target
                    assert b is not None and t is not None
                    r.years = t.year - b.year
                    r.unit = stated.unit if stated else ("pp" if ind.is_share else "percent")
                    cases.append(growth.Case(
                        baseline=b.value, target=t.value, years=1 if kind == "total" else r.years,
                        stated=stated.value if stated else None, unit=r.unit,
                        target_qualifier=t.qualifier, target_upper=t.upper,
                        stated_qualifier=stated.qualifier if stated else None))
                    computable.append(r)
    if cases:
        out = growth.evaluate(cases)  # one vectorised pass over every indicator of every plan
        for i, r in enumerate(computable):
            r.point, r.low, r.high = float(out.point[i]), float(out.low[i]), float(out.high[i])
            r.exact = (float(out.exact_low[i]), float(out.exact_high[i]))
            if r.reason is None:
                r.status = str(out.status[i])
                r.implied_target = float(out.implied_target[i])
                r.implied_baseline = float(out.implied_baseline[i])
                r.units_off = float(out.units_off[i])
                if r.unit in ("percent", "pp"):
                    r.other = {"unit": "pp" if r.unit == "percent" else "percent",
                               "low": _num(float(out.other_low[i])), "high": _num(float(out.other_high[i])),
                               "fits": bool(out.other_fits[i])}
    return results


def run(plans: list[Plan], data_findings: list[Finding] | None = None, index: Any = None) -> VerifyRun:
    """Check ``plans``; ``data_findings`` (from loading) are reported with the rest.

    ``index`` is the indicator catalogue (``Dataset.catalogue``); the bundled one by default.
    """
    from .catalogue import Index
    from .checks import CHECKS, Context
    from .claims import evaluate
    from .dataset import bundled_catalogue
    from .facts import gather, identities

    if index is None:
        bundled = bundled_catalogue()
        index = Index(bundled.catalogue, bundled.identities)
    results = _results(plans)
    claims = evaluate(plans)
    facts = gather(plans, index, claims)
    ctx = Context(plans, results, claims, index, facts, identities(facts, index))
    findings = list(data_findings or [])
    for check in CHECKS:
        findings.extend(check(ctx))
    findings.sort()
    statuses = {s: 0 for s in STATUSES}
    for r in results:
        statuses[r.status] += 1
    summary = {
        "plans": len(plans),
        "indicators": sum(len(p.indicators) for p in plans),
        "checks": sum(1 for r in results if r.status != UNCHECKED),
        "statuses": statuses,
        "claims": {s: sum(1 for c in ctx.claims if c.status == s)
                   for s in ("consistent", "rounding", "inconsistent", "implied", "pace")},
        "findings": count_levels(findings),
    }
    return VerifyRun(plans, results, findings, summary, ctx.claims, ctx.identity_values)

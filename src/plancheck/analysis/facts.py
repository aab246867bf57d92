"""Facts: what the plans say a catalogue quantity is in a year, as an interval, from every source.

A baseline is a measurement (rounded); a target is a set value (exact, opened by its qualifier, widened
by 左右); a claim's printed end is a measurement before the plan's period and a target within it; a
value a claim implies comes with the interval the claim allows. Facts are what the identities, the
hierarchy checks and the checks across successive plans compare; all are in the catalogue entry's
unit and only for the whole region (a zone's figures are not the region's).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..arith.interval import DEFAULT, NOISE, Policy, exact, interval
from ..arith.numbers import json_number
from ..model.catalogue import Identity, Index, PartWhole, conversion
from ..model.jsonvalue import JsonObject
from ..model.plan import Plan
from ..model.positions import Place
from ..model.status import FactKind, Status
from .claims import ClaimResult


@dataclass(frozen=True)
class Fact:
    plan: Plan
    key: str
    year: int
    point: float
    low: float
    high: float
    kind: FactKind
    source: str  # what it is, for messages: "baseline of rd-intensity", "claim rd-spending-2010-2015"
    place: Place  # file, line, column in the data


def _interval(
    value: str, qualifier: str | None, measured: bool, factor: Fraction, policy: Policy
) -> tuple[float, float, float]:
    """Point, low and high of a printed figure, in the catalogue entry's unit."""
    bounds = interval(value, qualifier, measured=measured, policy=policy).scaled(factor)
    return float(exact(value) * factor), bounds.low, bounds.high


def gather(plans: list[Plan], index: Index, claims: list[ClaimResult], policy: Policy = DEFAULT) -> list[Fact]:
    """Every fact of the plans, the first source of a (plan, key, year) first."""
    facts: list[Fact] = []
    for plan in plans:
        for ind in plan.indicators:
            entry = index.entry_for(ind)
            factor = conversion(ind.unit, entry.unit) if entry else None
            if entry is None or factor is None or ind.scope:
                continue
            if ind.baseline:
                b = ind.baseline
                facts.append(
                    Fact(
                        plan,
                        entry.key,
                        b.year,
                        *_interval(b.value, None, True, factor, policy),
                        FactKind.MEASURED,
                        f"baseline of {ind.id}",
                        ind.place("baseline", "value"),
                    )
                )
            t = ind.target
            if t and t.kind == "level" and t.upper is None:
                facts.append(
                    Fact(
                        plan,
                        entry.key,
                        t.year,
                        *_interval(t.value, t.qualifier, False, factor, policy),
                        FactKind.TARGET,
                        f"target of {ind.id}",
                        ind.place("target", "value"),
                    )
                )
        for claim in plan.claims:
            entry = index.entries.get(claim.key) if claim.key else None
            factor = conversion(claim.unit, entry.unit) if entry else None
            if entry is None or factor is None or claim.scope:
                continue
            for part in ("start", "end"):
                end = getattr(claim, part)
                if end.value is not None:
                    measured = end.year < plan.period.first
                    facts.append(
                        Fact(
                            plan,
                            entry.key,
                            end.year,
                            *_interval(end.value, end.qualifier, measured, factor, policy),
                            FactKind.MEASURED if measured else FactKind.TARGET,
                            f"claim {claim.id}",
                            claim.place(part, "value"),
                        )
                    )
    for r in claims:  # values the claims imply
        entry = index.entries.get(r.claim.key) if r.claim.key else None
        factor = conversion(r.claim.unit, entry.unit) if entry else None
        computed = math.isfinite(r.point)
        implied = r.status is Status.IMPLIED and r.implied_year is not None  # not an equivalent of a change
        if implied and entry is not None and factor is not None and not r.claim.scope and computed:
            assert r.implied_year is not None
            assert r.change is not None
            facts.append(
                Fact(
                    r.plan,
                    entry.key,
                    r.implied_year,
                    r.point * factor,
                    r.low * factor,
                    r.high * factor,
                    FactKind.IMPLIED,
                    f"implied by claim {r.claim.id}",
                    r.claim.place("changes", r.change),
                )
            )
    first: dict[tuple[str, str, int], Fact] = {}
    for f in facts:
        first.setdefault((f.plan.id, f.key, f.year), f)
    return list(first.values())


@dataclass
class IdentityValue:
    """A quantity an identity gives from two facts of one plan in one year."""

    identity: Identity
    plan: Plan
    year: int
    point: float
    low: float
    high: float
    numerator: Fact
    denominator: Fact

    def as_dict(self) -> JsonObject:
        num = json_number
        return {
            "identity": self.identity.id,
            "quantity": self.identity.quantity,
            "quantity_en": self.identity.quantity_en,
            "unit": self.identity.unit,
            "plan": self.plan.id,
            "year": self.year,
            "value": num(self.point),
            "low": num(self.low),
            "high": num(self.high),
            "numerator": {
                "key": self.numerator.key,
                "value": num(self.numerator.point),
                "source": self.numerator.source,
            },
            "denominator": {
                "key": self.denominator.key,
                "value": num(self.denominator.point),
                "source": self.denominator.source,
            },
        }


def identities(facts: list[Fact], index: Index) -> list[IdentityValue]:
    """Every identity for every plan and year that has both its facts, in one vectorised pass each."""
    by = {(f.plan.id, f.key, f.year): f for f in facts}
    out: list[IdentityValue] = []
    for ident in index.identities.values():
        pairs = [
            (by[(f.plan.id, ident.numerator, f.year)], f)
            for f in facts
            if f.key == ident.denominator and (f.plan.id, ident.numerator, f.year) in by
        ]
        if not pairs:
            continue
        n_lo = np.array([n.low for n, _ in pairs])
        n_hi = np.array([n.high for n, _ in pairs])
        n_pt = np.array([n.point for n, _ in pairs])
        d_lo = np.array([d.low for _, d in pairs])
        d_hi = np.array([d.high for _, d in pairs])
        d_pt = np.array([d.point for _, d in pairs])
        with np.errstate(all="ignore"):
            point = n_pt / d_pt * ident.scale
            # a quantity two positive figures determine is not negative: an open lower end (a
            # numerator qualified at_most) stops at 0
            low = np.maximum(np.where(d_hi > 0, n_lo / d_hi, 0.0), 0.0) * ident.scale
            high = np.where(d_lo > 0, n_hi / d_lo, np.inf) * ident.scale
        for i, (n, d) in enumerate(pairs):
            if n.point > 0 and d.point > 0:
                out.append(IdentityValue(ident, d.plan, d.year, float(point[i]), float(low[i]), float(high[i]), n, d))
    out.sort(key=lambda v: (v.plan.id, v.identity.id, v.year))
    return out


@dataclass(frozen=True)
class PartsAgainstWhole:
    """A whole and the parts of it one plan states for the same year, with the least the parts add up to."""

    identity: PartWhole
    whole: Fact
    parts: tuple[Fact, ...]  # in the order the identity lists them; only those the plan states

    @property
    def least(self) -> float:
        """The parts' lower ends added up; a part's open lower end (at most …) counts as 0, since a
        part is not negative."""
        return sum(max(p.low, 0.0) for p in self.parts)

    @property
    def exceeds(self) -> bool:
        """Whether the parts are more than the whole for any values within the figures' rounding and
        qualifiers: their least sum above the whole's upper end (an end within float noise of it is
        not taken as above)."""
        high = self.whole.high
        return math.isfinite(high) and self.least - high > NOISE * max(1.0, abs(high))


def parts_against_wholes(facts: list[Fact], index: Index) -> list[PartsAgainstWhole]:
    """For every part-whole identity, plan and year with the whole and at least one of its parts."""
    by = {(f.plan.id, f.key, f.year): f for f in facts}
    out: list[PartsAgainstWhole] = []
    for ident in index.part_whole.values():
        for whole in (f for f in facts if f.key == ident.whole):
            parts = tuple(p for k in ident.parts if (p := by.get((whole.plan.id, k, whole.year))) is not None)
            if parts:
                out.append(PartsAgainstWhole(ident, whole, parts))
    out.sort(key=lambda v: (v.whole.plan.id, v.identity.id, v.whole.year))
    return out

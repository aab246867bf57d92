"""Every check over a set of plans: the results computed from them, the checks of the data as read
and of ``verify``, the data's acceptances, and each finding's citation, as one step."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..arith.interval import DEFAULT, Policy
from ..model.catalogue import Index
from ..model.citations import cite
from ..model.findings import Finding
from ..model.plan import Plan
from ..model.status import CLAIM_STATUSES, RATE_STATUSES, Status
from ..model.words import ZH, Words
from .base import Context
from .data import DATA_CHECKS

if TYPE_CHECKING:
    from ..analysis.claims import ClaimResult
    from ..analysis.facts import IdentityValue
    from ..analysis.rates import GrowthResult


@dataclass
class Checked:
    """What the checks of a set of plans give: a result per stated figure, per claim and per implied
    quantity, and the findings (accepted where the data accepts them, each with its citation)."""

    results: list[GrowthResult]
    claims: list[ClaimResult]
    identities: list[IdentityValue]
    findings: list[Finding]


def data_findings(plans: list[Plan], index: Index) -> list[Finding]:
    """The findings of the checks of the data as read (a plan id used twice, an unknown key ...)."""
    ctx = Context(plans, index)
    return [f for check in DATA_CHECKS for f in check(ctx)]


def run_checks(
    plans: list[Plan],
    index: Index,
    found: Sequence[Finding] = (),
    policy: Policy = DEFAULT,
    words: Words = ZH,
) -> Checked:
    """Compute every result of ``plans`` and run every check of ``verify`` over them; ``found``
    (findings made before, such as the loader's) is reported with the rest."""
    from ..analysis.claims import evaluate as evaluate_claims
    from ..analysis.facts import gather, identities
    from ..analysis.rates import results
    from .policy import accept
    from .registry import CHECKS, RULES

    rates = results(plans, policy)
    claims = evaluate_claims(plans, policy)
    facts = gather(plans, index, claims, policy)
    ctx = Context(plans, index, rates, claims, facts, identities(facts, index), policy, words=words)
    findings = list(found)
    for check in CHECKS:
        findings.extend(check(ctx))
    return Checked(rates, claims, ctx.identity_values, cite(accept(findings, plans, RULES), plans))


Tally = Counter[str]


def tally(plans: Iterable[Plan], results: Iterable[GrowthResult], claims: Iterable[ClaimResult]) -> Tally:
    """The counts ``verify``'s summary gives of the plans checked: plans, indicators, rates checked,
    and each verdict of rates and of claims (``status:…``, ``claim:…``). Tallies of parts add up."""
    out: Tally = Counter()
    for plan in plans:
        out["plans"] += 1
        out["indicators"] += len(plan.indicators)
    for r in results:
        out["checks"] += r.status is not Status.UNCHECKED
        out[f"status:{r.status.value}"] += 1
    for c in claims:
        out[f"claim:{c.status.value}"] += 1
    return out


def summary(tallies: Iterable[Tally]) -> dict[str, object]:
    """``verify``'s summary of the plans checked, from the tallies of their parts (without the
    findings' counts, which come after the settings choose)."""
    total: Tally = sum(tallies, Counter())
    return {
        "plans": total["plans"],
        "indicators": total["indicators"],
        "checks": total["checks"],
        "statuses": {s.value: total[f"status:{s.value}"] for s in RATE_STATUSES},
        "claims": {s.value: total[f"claim:{s.value}"] for s in CLAIM_STATUSES},
    }

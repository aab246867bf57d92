"""What every check is made of: its rules, the context it reads, and the findings it makes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..arith.interval import DEFAULT, Policy
from ..model.catalogue import Index
from ..model.findings import Finding
from ..model.plan import Indicator, Plan
from ..model.positions import Place
from ..model.status import Level
from ..model.words import ZH, Words

if TYPE_CHECKING:  # for annotations only: loading the data needs no numpy
    from ..analysis.claims import ClaimResult
    from ..analysis.facts import Fact, IdentityValue
    from ..analysis.rates import GrowthResult


@dataclass(frozen=True)
class Rule:
    """A rule: its id (what findings carry), its level, and one line on what it finds."""

    id: str
    level: Level
    summary: str


@dataclass
class Context:
    """What the checks read: the plans and everything computed from them."""

    plans: list[Plan]
    index: Index  # the indicator catalogue
    results: list[GrowthResult] = field(default_factory=list)
    claims: list[ClaimResult] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    identity_values: list[IdentityValue] = field(default_factory=list)
    policy: Policy = DEFAULT  # how printed figures are read (rounding, 左右)
    sources: Mapping[str, list[str] | str] | None = None  # the source documents' lines (or why not), by name
    words: Words = ZH  # names, units and places in the messages' language (--lang)


Check = Callable[[Context], Iterator[Finding]]


def finding(
    rule: Rule, plan: Plan, ind: Indicator, message: str, *field: str | int, **figures: float | None
) -> Finding:
    """A finding of ``rule`` about ``ind``, placed at ``field`` (e.g. "growth", "value") in the YAML."""
    return Finding.at(ind.place(*field), rule.level, rule.id, message, plan.id, ind.id, figures)


def at(rule: Rule, place: Place, plan_id: str | None, subject: str | None, message: str) -> Finding:
    """A finding of ``rule`` at a known place (a fact's, a claim's): file, line, column."""
    return Finding.at(place, rule.level, rule.id, message, plan_id, subject)

"""The checks of ``plancheck verify``, registered explicitly (no discovery).

Each module has ``RULES`` (its rule ids, levels and one-line summaries), a docstring that is its
user documentation with a passing and a failing example, and ``check(ctx) -> Iterator[Finding]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dataset import where
from ..findings import ERROR, Finding

if TYPE_CHECKING:
    from ..catalogue import Index
    from ..claims import ClaimResult
    from ..facts import Fact, IdentityValue
    from ..models import Indicator, Plan
    from ..verify import GrowthResult


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    summary: str


@dataclass
class Context:
    plans: list[Plan]
    results: list[GrowthResult]
    claims: list[ClaimResult] = field(default_factory=list)
    index: Index | None = None  # the indicator catalogue
    facts: list[Fact] = field(default_factory=list)
    identity_values: list[IdentityValue] = field(default_factory=list)


def finding(rule: Rule, plan: Plan, ind: Indicator, message: str, *field: Any, **figures: Any) -> Finding:
    """A finding of ``rule`` about ``ind``, placed at ``field`` (e.g. "growth", "value") in the YAML."""
    file, line, col = where(ind, *field)
    return Finding(file, line, col, rule.level, rule.id, message, plan.id, ind.id, figures)


def at(rule: Rule, place: tuple[str, int, int], plan_id: str, subject: str | None, message: str) -> Finding:
    """A finding of ``rule`` at a known place (a fact's, a claim's): file, line, column."""
    return Finding(place[0], place[1], place[2], rule.level, rule.id, message, plan_id, subject)


from . import (  # noqa: E402
    base_year,
    claims_check,
    consistency,
    coverage,
    direction,
    growth_unit,
    hierarchy,
    identities_check,
    plausibility,
    restated,
    successive,
)

MODULES = (consistency, direction, growth_unit, base_year, coverage, plausibility, claims_check, restated,
           identities_check, hierarchy, successive)
CHECKS = tuple(m.check for m in MODULES)

# Problems found while reading files (plancheck validate); reported by every command that loads data.
LOAD_RULES = (
    Rule("yaml-syntax", ERROR, "The file is not valid YAML at this line."),
    Rule("encoding", ERROR, "The file is not UTF-8."),
    Rule("empty-file", ERROR, "The file holds no YAML data."),
    Rule("duplicate-key", ERROR, "A key appears twice in one mapping."),
    Rule("yaml-tag", ERROR, "A YAML tag other than the core ones (e.g. !!python/object)."),
    Rule("yaml-alias", ERROR, "Anchors and aliases are not supported."),
    Rule("yaml-merge", ERROR, "Merge keys (<<) are not supported."),
    Rule("unknown-field", ERROR, "A field the format does not have (the closest known one is suggested)."),
    Rule("missing-field", ERROR, "A required field is missing."),
    Rule("wrong-type", ERROR, "A value of the wrong type (text for a number, a list for a mapping ...)."),
    Rule("invalid-value", ERROR, "A value the field does not accept (an implausible year, an unknown qualifier ...)."),
    Rule("year-order", ERROR, "The target year is not after the baseline year."),
    Rule("duplicate-id", ERROR, "Two plans, or two indicators of one plan, share an id."),
    Rule("unknown-key", ERROR, "An indicator's catalogue key is in no catalogue (the closest key is suggested)."),
)

RULES: dict[str, Rule] = {r.id: r for r in LOAD_RULES}
for _module in MODULES:
    RULES.update({r.id: r for r in _module.RULES})


def documentation(rule_id: str) -> str:
    """The documentation of the module a rule belongs to (its docstring)."""
    for module in MODULES:
        if any(r.id == rule_id for r in module.RULES):
            return (module.__doc__ or "").strip()
    return RULES[rule_id].summary

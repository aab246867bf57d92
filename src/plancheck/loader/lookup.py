"""Plans by the names people give them on the command line."""

from __future__ import annotations

import difflib

from ..model.plan import Plan


class PlanLookupError(Exception):
    """An unknown or ambiguous plan name: exit code 2."""

    def __init__(self, message: str, candidates: list[str], ambiguous: bool = False):
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous


def names_of(plan: Plan) -> set[str]:
    """Every name a plan answers to, case-folded: id, aliases, region in Chinese (with and without
    市/县/区) and in English."""
    names = {plan.id, *plan.aliases, plan.region.zh, plan.region.en}
    stripped = plan.region.zh.rstrip("市县区")
    if stripped:
        names.add(stripped)
    return {n.casefold() for n in names}


def describe_plan(plan: Plan) -> str:
    return f"{plan.id} ({plan.region.zh} {plan.period.first}–{plan.period.last}, {plan.title.zh})"


def find_plan(plans: list[Plan], name: str) -> Plan:
    """A plan by id, alias or region name (Chinese or English, any case)."""
    key = name.strip().casefold()
    for plan in plans:
        if plan.id == key:
            return plan
    matches = [p for p in plans if key in names_of(p)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = [describe_plan(p) for p in matches]
        raise PlanLookupError(f"'{name}' names {len(matches)} plans; use one of their ids:", listed, ambiguous=True)
    every = sorted({n for p in plans for n in names_of(p)})
    close = difflib.get_close_matches(key, every, n=5, cutoff=0.5)
    hint = f"closest names: {', '.join(close)}" if close else f"known plans: {', '.join(p.id for p in plans)}"
    raise PlanLookupError(f"no plan is named '{name}'; {hint} (see `plancheck list`)", [p.id for p in plans])


def in_files(plans: list[Plan], files: list[str]) -> list[Plan]:
    """The plans defined in ``files`` (display names, as findings give them)."""
    return [p for p in plans if p.file in files]


def select(plans: list[Plan], names: list[str]) -> list[Plan]:
    """Plans named on the command line, in that order; all plans when no name is given."""
    if not names:
        return list(plans)
    chosen: list[Plan] = []
    for name in names:
        plan = find_plan(plans, name)
        if plan not in chosen:
            chosen.append(plan)
    return chosen

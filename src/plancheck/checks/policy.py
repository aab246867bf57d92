"""What a run reports: the findings the data accepts, and the rules a configuration selects.

Applied after every check has run, by the API, so that no check needs to know about either.

stale-acceptance (warning): an ``accepted:`` entry of an indicator, a claim or a plan matches no
finding of that rule there any more (the data or the rule changed), or names no rule at all. An
acceptance that cannot rot: remove it, or correct its rule id.

Passes, the stated 0.05 pp a year is known to be wrong in the source::

    unit: "%"
    baseline: {year: 2020, value: 2.73, line: 35}
    target: {year: 2025, value: "3.20", line: 36}
    growth: {value: 0.05, unit: pp, line: 37}
    accepted:
      - {rule: growth-mismatch, reason: "printed so in the source; the figures need 0.094"}

Warns, the figures now fit, so nothing is left to accept::

    unit: "%"
    baseline: {year: 2020, value: 2.73, line: 35}
    target: {year: 2025, value: "3.20", line: 36}
    growth: {value: 0.094, unit: pp, line: 37}
    accepted:
      - {rule: growth-mismatch, reason: "printed so in the source; the figures need 0.094"}
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from ..model.findings import Finding
from ..model.plan import Acceptance, Plan
from ..model.positions import Place
from ..model.status import Level
from .base import Rule

STALE = Rule("stale-acceptance", Level.WARNING, "An accepted finding that no longer occurs, or names no rule.")
RULES = (STALE,)


def _scopes(plans: Iterable[Plan]) -> list[tuple[str, str | None, Acceptance, Place]]:
    """Every acceptance: the plan, the indicator or claim it is for (None: the whole plan), and where."""
    out: list[tuple[str, str | None, Acceptance, Place]] = []
    for plan in plans:
        out += [(plan.id, None, a, plan.place("accepted", i, "rule")) for i, a in enumerate(plan.accepted)]
        for ind in plan.indicators:
            out += [(plan.id, ind.id, a, ind.place("accepted", i, "rule")) for i, a in enumerate(ind.accepted)]
        for claim in plan.claims:
            out += [(plan.id, claim.id, a, claim.place("accepted", i, "rule")) for i, a in enumerate(claim.accepted)]
    return out


def accept(findings: Sequence[Finding], plans: Iterable[Plan], known_rules: Iterable[str]) -> list[Finding]:
    """The findings with those the data accepts marked so, and a warning for each stale acceptance."""
    scopes = _scopes(plans)
    used: set[int] = set()
    out: list[Finding] = []
    for f in findings:
        for i, (plan, subject, acceptance, _) in enumerate(scopes):
            if acceptance.rule == f.rule and plan == f.plan and subject in (None, f.indicator):
                f = replace(f, accepted=acceptance.reason)
                used.add(i)
                break
        out.append(f)
    rules = list(known_rules)
    for i, (plan, subject, acceptance, place) in enumerate(scopes):
        if i in used:
            continue
        where = f"'{subject}'" if subject else "this plan"
        if acceptance.rule not in rules:
            close = difflib.get_close_matches(acceptance.rule, rules, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "see `plancheck rules`"
            message = f"accepted: '{acceptance.rule}' is not a rule: {hint}"
        else:
            message = (
                f"accepted: {acceptance.rule} no longer matches a finding of {where}: remove the "
                f"acceptance (its reason was: {acceptance.reason})"
            )
        out.append(Finding.at(place, STALE.level, STALE.id, message, plan, subject))
    return sorted(out)


def matches(rule: str, selector: str) -> bool:
    """A selector names a rule by its id, by a prefix of whole words (``claim`` → ``claim-mismatch``), or
    ``ALL``."""
    return selector == "ALL" or rule == selector or rule.startswith(selector.rstrip("-") + "-")


def choose(
    findings: Iterable[Finding],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    relative: Callable[[str], str] = str,
) -> list[Finding]:
    """The findings a configuration reports: those whose rule is selected (all when ``select`` is
    empty) and not ignored, globally or for a file matching a pattern of ``per_file_ignores``
    (matched against ``relative(file)``: the path from the configuration's directory)."""
    out = []
    for f in findings:
        if select and not any(matches(f.rule, s) for s in select):
            continue
        if any(matches(f.rule, s) for s in ignore):
            continue
        if per_file_ignores:
            path = relative(f.file)
            if any(
                fnmatch.fnmatch(path, pattern) and any(matches(f.rule, s) for s in rules)
                for pattern, rules in per_file_ignores.items()
            ):
                continue
        out.append(f)
    return out

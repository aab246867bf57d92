"""Where a plan and its figures come from: who issued it, its source document, each figure's line.

provenance (warning): a plan without ``issuer`` or ``source``, or a figure, claim, text or relative
target without the ``line`` of the source it is printed on. The arithmetic runs all the same (a
figure without its line is still checked); only it cannot be cited, or checked against its source.

Passes::

    baseline: {year: 2020, value: 100, line: 1}
    target: {year: 2025, value: 150, line: 2}

Warns, the baseline has no line::

    baseline: {year: 2020, value: 100}
    target: {year: 2025, value: 150, line: 2}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.findings import Finding
from ..model.plan import Figure, Goal, Relation
from ..model.status import Level
from .base import Context, Rule, at, finding

PROVENANCE = Rule("provenance", Level.WARNING, "A plan without issuer or source, or a figure without its source line.")
RULES = (PROVENANCE,)

_FIELDS = ("baseline", "target", "growth", "total", "goal", "relative")


def check(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.plans:
        for field, what in (("issuer", "who issued the plan"), ("source", "the file name of its source document")):
            if getattr(plan, field) is None:
                yield at(
                    PROVENANCE,
                    plan.place("id"),
                    plan.id,
                    None,
                    f"plan {plan.id} has no {field}: add {field}: ({what}), so that its figures can be cited",
                )
        for ind in plan.indicators:
            parts: list[tuple[str | int, ...]] = []
            for name in _FIELDS:
                value = getattr(ind, name)
                if isinstance(value, Figure | Goal | Relation) and value.line is None:
                    parts.append((name,))
            parts += [("restated", i) for i, r in enumerate(ind.restated) if r.line is None]
            for path in parts:
                where = " ".join(str(p) for p in path)
                yield finding(
                    PROVENANCE,
                    plan,
                    ind,
                    f"{ctx.words.name(ind)}: the {where} has no line: add line: (its line in the source), so that it "
                    f"can be "
                    "cited; it is checked all the same",
                    *path,
                )
        for claim in plan.claims:
            missing: list[tuple[str | int, ...]] = [()] if claim.line is None else []
            missing += [
                (end,)
                for end in ("start", "end")
                if getattr(claim, end).value is not None and getattr(claim, end).line is None
            ]
            missing += [
                ("changes", i) for i, ch in enumerate(claim.changes) if ch.value is not None and ch.line is None
            ]
            for path in missing:
                where = f"claim {claim.id}" + ("" if not path else "'s " + " ".join(str(p) for p in path))
                yield at(
                    PROVENANCE,
                    claim.place(*path) if path else claim.place("id"),
                    plan.id,
                    claim.id,
                    f"{where} has no line: add line: (its line in the source), so that it can be cited",
                )

"""Catalogue keys that name no entry.

unknown-key (error): an indicator's ``key:`` is in neither the bundled catalogue nor one of the data's
own catalogue files. The closest key is suggested; an indicator with no entry says ``local: true``.

Passes::

    key: rd-intensity
    unit: "%"
    target: {year: 2025, value: 3, line: 1}

Fails::

    key: rd-intensty
    unit: "%"
    target: {year: 2025, value: 3, line: 1}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..model.findings import Finding
from ..model.status import Level
from .base import Context, Rule, finding

UNKNOWN_KEY = Rule(
    "unknown-key", Level.ERROR, "An indicator's catalogue key is in no catalogue (the closest key is suggested)."
)
RULES = (UNKNOWN_KEY,)


def check(ctx: Context) -> Iterator[Finding]:
    known = list(ctx.index.entries)
    for plan in ctx.plans:
        for ind in plan.indicators:
            if ind.key is not None and ind.key not in ctx.index.entries:
                close = difflib.get_close_matches(ind.key, known, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "add it to the catalogue, or write `local: true`"
                yield finding(
                    UNKNOWN_KEY,
                    plan,
                    ind,
                    f"catalogue key '{ind.key}' is not in the indicator catalogue: {hint}",
                    "key",
                )

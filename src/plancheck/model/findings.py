"""The one shape every check reports in: a located, sortable finding."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .jsonvalue import JsonObject
from .positions import Citation, Place
from .status import LEVELS, Level

FindingDict = JsonObject


@dataclass(frozen=True)
class Fix:
    """The mechanical repair a finding's message describes, as an edit of the file at its place.

    With ``token``, the value at the place (a scalar, quoted or not, that reads as ``old``) becomes
    ``new``, its quotes kept; else the characters ``old`` at the place become ``new``. ``qualifier``
    is added beside the value, in its mapping (``1000以上`` → ``1000`` and ``qualifier: at_least``).
    """

    old: str
    new: str
    token: bool = True
    qualifier: str | None = None
    offset: int = 0
    """Where the characters ``old`` start, from the finding's column (``1,000`` in ``{ }`` is read
    as a field ``000``: the comma before it is one to the left)."""


@dataclass(frozen=True, order=True)
class Finding:
    """One problem (or note) at one place in one data file.

    Ordered by file, line and column, so a sorted list reads top to bottom like the file.
    ``figures`` carries the numbers behind the message (the computed rate and its range).
    """

    file: str
    line: int
    column: int
    level: Level
    rule: str
    message: str
    plan: str | None = None
    indicator: str | None = None
    figures: dict[str, float | None] = field(default_factory=dict, compare=False, hash=False)
    accepted: str | None = field(default=None, compare=False)
    """The reason the data gives for accepting this finding; an accepted finding never fails a run."""
    fix: Fix | None = field(default=None, compare=False, hash=False)
    """The edit ``plancheck validate --fix`` makes for it, where the repair is mechanical."""
    source: Citation | None = field(default=None, compare=False)
    """Where the figure the finding is about is printed in the plan's source document."""

    @property
    def shown_level(self) -> str:
        """The level as reported: the rule's level, or ``accepted``."""
        return ACCEPTED if self.accepted is not None else self.level.value

    @classmethod
    def at(
        cls,
        place: Place,
        level: Level,
        rule: str,
        message: str,
        plan: str | None = None,
        indicator: str | None = None,
        figures: dict[str, float | None] | None = None,
    ) -> Finding:
        return cls(place.file, place.line, place.column, level, rule, message, plan, indicator, figures or {})

    def as_dict(self) -> FindingDict:
        out: FindingDict = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": self.shown_level,
            "rule": self.rule,
            "plan": self.plan,
            "indicator": self.indicator,
            "message": self.message,
            "source": None if self.source is None else dict(self.source.as_dict()),
        }
        if self.accepted is not None:
            out["rule_level"] = self.level.value
            out["accepted"] = self.accepted
        return out


ACCEPTED = "accepted"
"""The level shown for a finding the data accepts (it keeps its rule's level underneath)."""

FailOn = Literal["error", "warning", "never"]


def count_levels(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings at each level, and how many accepted (those are not counted at a level)."""
    counts = {level.value: 0 for level in LEVELS}
    counts[ACCEPTED] = 0
    for f in findings:
        counts[f.shown_level] += 1
    return counts


def exit_code(findings: Iterable[Finding], strict: bool = False, fail_on: FailOn | None = None) -> int:
    """0 nothing wrong; 1 an error (``fail_on="warning"`` or ``strict``: a warning too; ``"never"``:
    never). Accepted findings never fail."""
    mode: FailOn = fail_on or ("warning" if strict else "error")
    failing = {"error": {Level.ERROR}, "warning": {Level.ERROR, Level.WARNING}, "never": set()}[mode]
    return 1 if any(f.level in failing and f.accepted is None for f in findings) else 0

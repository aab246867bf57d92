"""The one shape every check reports in: a located, sortable finding."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .positions import Place
from .status import LEVELS, Level

FindingDict = dict[str, str | int | None]


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
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": self.level.value,
            "rule": self.rule,
            "plan": self.plan,
            "indicator": self.indicator,
            "message": self.message,
        }


def count_levels(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {level.value: 0 for level in LEVELS}
    for f in findings:
        counts[f.level.value] += 1
    return counts


def exit_code(findings: Iterable[Finding], strict: bool = False) -> int:
    """0 nothing wrong; 1 an error (or, with ``strict``, a warning too)."""
    failing = {Level.ERROR, Level.WARNING} if strict else {Level.ERROR}
    return 1 if any(f.level in failing for f in findings) else 0

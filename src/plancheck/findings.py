"""The one shape every check reports in: a located, sortable finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"
INFO = "info"
LEVELS = (ERROR, WARNING, INFO)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem (or note) at one place in one data file.

    Ordered by file, line and column, so a sorted list reads top to bottom like the file.
    ``figures`` carries the numbers behind the message for machine-readable output.
    """

    file: str
    line: int
    column: int
    level: str
    rule: str
    message: str
    plan: str | None = None
    indicator: str | None = None
    figures: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "rule": self.rule,
            "plan": self.plan,
            "indicator": self.indicator,
            "message": self.message,
        }


def count_levels(findings: list[Finding]) -> dict[str, int]:
    counts = {level: 0 for level in LEVELS}
    for f in findings:
        counts[f.level] += 1
    return counts


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    """0 nothing wrong; 1 an error (or, with ``strict``, a warning too)."""
    failing = {ERROR, WARNING} if strict else {ERROR}
    return 1 if any(f.level in failing for f in findings) else 0

"""Reporters: pure functions from findings (and results) to text, one per output format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..model.findings import Finding, count_levels
from ..model.status import LEVELS, Level
from .text import clean, json_text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..analysis.claims import ClaimResult
    from ..analysis.facts import IdentityValue
    from ..analysis.rates import GrowthResult


@dataclass
class Report:
    """What a checking command hands to a reporter."""

    command: str
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    results: list[GrowthResult] = field(default_factory=list)  # verify: one per stated figure
    claims: list[ClaimResult] = field(default_factory=list)  # verify: one per claim check
    identities: list[IdentityValue] = field(default_factory=list)  # verify: one per implied quantity
    summary: dict[str, object] = field(default_factory=dict)
    tables: Callable[[], list[RenderableType]] | None = None  # rich renderables for the table view


class Reporter(Protocol):
    def __call__(self, report: Report, *, color: bool = False, width: int = 100) -> str: ...


def summary_line(report: Report) -> str:
    counts = count_levels(report.findings)
    parts = [f"{counts[level]} {level}{'' if counts[level] == 1 else 's'}" for level in LEVELS]
    files = len(report.files)
    return f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'}"


def plain(report: Report, *, color: bool = False, width: int = 100) -> str:
    """``file:line:col: level [rule] message``, one finding a line: for grep, editors and logs."""
    return "".join(
        f"{clean(f.file)}:{f.line}:{f.column}: {f.level} [{f.rule}] {clean(f.message)}\n"
        for f in sorted(report.findings)
    )


def as_json(report: Report, *, color: bool = False, width: int = 100) -> str:
    doc: dict[str, Any] = {
        "summary": report.summary or {"files": len(report.files), "findings": count_levels(report.findings)}
    }
    if report.command == "verify":
        doc["results"] = [r.as_dict() for r in report.results]
        doc["claims"] = [c.as_dict() for c in report.claims]
        doc["identities"] = [v.as_dict() for v in report.identities]
    doc["findings"] = [f.as_dict() for f in sorted(report.findings)]
    return json_text(doc)


_STYLES = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.INFO: "cyan"}


def table(report: Report, *, color: bool = False, width: int = 100) -> str:
    """For people at a terminal: the command's tables, then the findings, then a summary."""
    from rich.text import Text

    from .console import render_rich

    items: list[RenderableType] = list(report.tables()) if report.tables else []
    for f in sorted(report.findings):
        line = Text(f"{clean(f.file)}:{f.line}:{f.column}: ")
        line.append(f.level, style=_STYLES[f.level])
        line.append(f" [{f.rule}] {clean(f.message)}")
        items.append(line)
    items.append(Text(summary_line(report), style="bold"))
    return render_rich(items, color=color, width=width)


def _gh_escape(text: str, prop: bool = False) -> str:
    """GitHub's escaping of a workflow command's message (and, ``prop``, of a property's value), after
    every control character of the data is written as an escape, so nothing can end the command."""
    text = clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


_GH_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def github(report: Report, *, color: bool = False, width: int = 100) -> str:
    """GitHub Actions workflow commands (inline annotations), then the full plain list.

    GitHub shows a limited number of annotations per step; the plain list after them has everything.
    """
    lines = []
    for f in sorted(report.findings):
        props = ",".join(
            f"{k}={_gh_escape(str(v), prop=True)}"
            for k, v in (("file", f.file), ("line", f.line), ("col", f.column), ("title", f"plancheck {f.rule}"))
        )
        lines.append(f"::{_GH_LEVELS[f.level]} {props}::{_gh_escape(f.message)}\n")
    return "".join(lines) + plain(report)


_SARIF_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def sarif(report: Report, *, color: bool = False, width: int = 100) -> str:
    """SARIF 2.1.0, as code-scanning uploads accept it: the tool, its rules, results with locations."""
    from pathlib import PurePath

    from ..checks.registry import RULES, documentation
    from ..version import __version__

    rule_ids = list(RULES)
    rules = [
        {
            "id": r.id,
            "name": "".join(part.capitalize() for part in r.id.split("-")),
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": documentation(r.id)},
            "defaultConfiguration": {"level": _SARIF_LEVELS[r.level]},
            "help": {"text": documentation(r.id)},
        }
        for r in RULES.values()
    ]
    results = []
    for f in sorted(report.findings):
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVELS[f.level],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": PurePath(f.file).as_posix()},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        if f.rule in RULES:
            result["ruleIndex"] = rule_ids.index(f.rule)
        if f.plan:
            result["properties"] = {"plan": f.plan, "indicator": f.indicator}
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "plancheck", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_text(doc)


REPORTERS: dict[str, Reporter] = {
    "table": table,
    "plain": plain,
    "json": as_json,
    "github": github,
    "sarif": sarif,
}

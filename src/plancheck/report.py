"""Reporters: pure functions from findings (and results) to text, one per output format."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .findings import ERROR, INFO, WARNING, Finding, count_levels


@dataclass
class Report:
    """What a checking command hands to a reporter."""

    command: str
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)  # verify: one GrowthResult per indicator checked
    summary: dict[str, Any] = field(default_factory=dict)
    tables: Callable[[], list[Any]] | None = None  # rich renderables for the table view


def summary_line(report: Report) -> str:
    counts = count_levels(report.findings)
    parts = [f"{counts[level]} {level}{'' if counts[level] == 1 else 's'}" for level in (ERROR, WARNING, INFO)]
    files = len(report.files)
    return f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'}"


def plain(report: Report, **_: Any) -> str:
    """``file:line:col: level [rule] message``, one finding a line: for grep, editors and logs."""
    return "".join(f"{f.file}:{f.line}:{f.column}: {f.level} [{f.rule}] {f.message}\n"
                   for f in sorted(report.findings))


def as_json(report: Report, **_: Any) -> str:
    doc: dict[str, Any] = {"summary": report.summary or {"files": len(report.files),
                                                         "findings": count_levels(report.findings)}}
    if report.command == "verify":
        doc["results"] = [r.as_dict() for r in report.results]
    doc["findings"] = [f.as_dict() for f in sorted(report.findings)]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_rich(renderables: list[Any], *, color: bool, width: int) -> str:
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    for item in renderables:
        # Plain lines of text keep their length (a finding pasted from a terminal stays one line).
        console.print(item, soft_wrap=isinstance(item, (str, Text)))
    return buffer.getvalue()


_STYLES = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan"}


def table(report: Report, *, color: bool = False, width: int = 100) -> str:
    """For people at a terminal: the command's tables, then the findings, then a summary."""
    from rich.text import Text

    items: list[Any] = list(report.tables()) if report.tables else []
    for f in sorted(report.findings):
        line = Text(f"{f.file}:{f.line}:{f.column}: ")
        line.append(f.level, style=_STYLES[f.level])
        line.append(f" [{f.rule}] {f.message}")
        items.append(line)
    items.append(Text(summary_line(report), style="bold"))
    return render_rich(items, color=color, width=width)


REPORTERS: dict[str, Callable[..., str]] = {
    "table": table,
    "plain": plain,
    "json": as_json,
}

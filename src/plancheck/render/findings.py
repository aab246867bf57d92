"""Reporters: pure functions from findings (and results) to text, one per output format."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from ..model.findings import ACCEPTED, Finding, count_levels
from ..model.positions import Citation
from ..model.status import LEVELS, Level
from .text import clean, json_document, json_text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..analysis.claims import ClaimResult
    from ..analysis.facts import IdentityValue
    from ..analysis.rates import GrowthResult
    from .tidy import Table

_RANK = {"info": 0, "warning": 1, "error": 2}


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
    min_level: str = "info"  # the lowest level shown (the exit code counts every finding)
    annotate_infos: bool = False  # github: notices as annotations too (asked for with --min-level info)
    root: Path | None = None  # sarif: the repository the file names are relative to

    def shown(self) -> list[Finding]:
        """The findings at or above ``min_level``, in file order; accepted ones unless only errors are shown."""
        floor = _RANK[self.min_level]
        return sorted(
            f
            for f in self.findings
            if (f.accepted is not None and floor < _RANK["error"]) or (f.accepted is None and _RANK[f.level] >= floor)
        )


class Reporter(Protocol):
    def __call__(self, report: Report, *, color: bool = False, width: int = 100) -> str: ...


def summary_line(report: Report) -> str:
    """``1 error, 0 warnings, 36 infos in 1 file`` (and how many are accepted, where any are)."""
    counts = count_levels(report.findings)
    parts = [f"{counts[level]} {level}{'' if counts[level] == 1 else 's'}" for level in LEVELS]
    if counts[ACCEPTED]:
        parts.append(f"{counts[ACCEPTED]} accepted")
    files = len(report.files)
    return f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'}"


def cited(f: Finding) -> str:
    """`` (source: 000_c388b18c2f34bdc3.txt:37)`` where the finding's figure cites its source line (and
    ``, URL`` where the plan gives one); empty otherwise. Always the end of a plain line."""
    return f" (source: {clean(str(f.source))})" if f.source is not None else ""


def _line(f: Finding) -> str:
    text = f"{clean(f.file)}:{f.line}:{f.column}: {f.shown_level} [{f.rule}] {clean(f.message)}"
    return text + (f" (accepted: {clean(f.accepted)})" if f.accepted is not None else "") + cited(f)


def plain(report: Report, *, color: bool = False, width: int = 100) -> str:
    """``file:line:col: level [rule] message``, one finding a line: for grep, editors and logs."""
    return "".join(_line(f) + "\n" for f in report.shown())


def json_stream(report: Report, *, color: bool = False, width: int = 100) -> Iterator[str]:
    """The json report in pieces, a result or a finding at a time (``as_json`` is their text)."""
    summary = report.summary or {"files": len(report.files), "findings": count_levels(report.findings)}
    fields: list[tuple[str, object]] = [("summary", summary)]
    if report.command == "verify":
        fields.append(("results", (r.as_dict() for r in report.results)))
        fields.append(("claims", (c.as_dict() for c in report.claims)))
        fields.append(("identities", (v.as_dict() for v in report.identities)))
    fields.append(("findings", (f.as_dict() for f in report.shown())))
    return json_document(fields)


def as_json(report: Report, *, color: bool = False, width: int = 100) -> str:
    return "".join(json_stream(report))


_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", ACCEPTED: "green"}


def table(report: Report, *, color: bool = False, width: int = 100) -> str:
    """For people at a terminal: the command's tables, then the findings, then a summary."""
    from rich.text import Text

    from .console import render_rich

    items: list[RenderableType] = list(report.tables()) if report.tables else []
    for f in report.shown():
        line = Text(f"{clean(f.file)}:{f.line}:{f.column}: ")
        line.append(f.shown_level, style=_STYLES[f.shown_level])
        line.append(f" [{f.rule}] {clean(f.message)}")
        if f.accepted is not None:
            line.append(f" (accepted: {clean(f.accepted)})", style="green")
        line.append(cited(f), style="dim")
        items.append(line)
    items.append(Text(summary_line(report), style="bold"))
    return render_rich(items, color=color, width=width)


def _gh_escape(text: str, prop: bool = False) -> str:
    """GitHub's escaping of a workflow command's message (and, ``prop``, of a property's value), after
    every control character of the data is written as an escape, so nothing can end the command."""
    text = clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


_GH_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}
GITHUB_CAP = 10
"""GitHub shows at most 10 annotations of each level (error, warning, notice) per step."""


def github(report: Report, *, color: bool = False, width: int = 100) -> str:
    """GitHub Actions annotations, errors first and at most ``GITHUB_CAP`` of each level, then the
    findings that are not annotations, each once, as plain lines.

    Notices are annotations only when asked for (``--min-level info``); accepted findings are never
    annotations (they do not fail the run) but are listed.
    """
    shown = report.shown()
    levels = (Level.ERROR, Level.WARNING, Level.INFO) if report.annotate_infos else (Level.ERROR, Level.WARNING)
    annotated: list[Finding] = []
    for level in levels:
        annotated += [f for f in shown if f.level is level and f.accepted is None][:GITHUB_CAP]
    lines = []
    for f in annotated:
        props = ",".join(
            f"{k}={_gh_escape(str(v), prop=True)}"
            for k, v in (("file", f.file), ("line", f.line), ("col", f.column), ("title", f"plancheck {f.rule}"))
        )
        lines.append(f"::{_GH_LEVELS[f.level]} {props}::{_gh_escape(f.message + cited(f))}\n")
    done = {id(f) for f in annotated}
    rest = [f for f in shown if id(f) not in done]
    if rest:
        counts = Counter(f.shown_level for f in rest)
        told = ", ".join(f"{n} {word}{'s' if n != 1 and word != ACCEPTED else ''}" for word, n in counts.items())
        lines.append(f"plancheck: {told} more, not annotated (GitHub shows {GITHUB_CAP} annotations of a level):\n")
    return "".join(lines) + "".join(_line(f) + "\n" for f in rest)


def _md(text: str) -> str:
    return clean(text).replace("|", "\\|")


def step_summary(report: Report) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the counts, every error and warning, the accepted findings."""
    counts = count_levels(report.findings)
    out = [
        f"### plancheck {report.command}",
        "",
        "| errors | warnings | infos | accepted | files |",
        "|---|---|---|---|---|",
    ]
    out.append(
        f"| {counts['error']} | {counts['warning']} | {counts['info']} | {counts[ACCEPTED]} | {len(report.files)} |"
    )
    failing = [f for f in sorted(report.findings) if f.accepted is None and f.level is not Level.INFO]
    if failing:
        out += ["", "| where | level | rule | finding |", "|---|---|---|---|"]
        out += [f"| `{_md(f.file)}:{f.line}` | {f.level} | {f.rule} | {_md(f.message)} |" for f in failing]
    accepted = [f for f in sorted(report.findings) if f.accepted is not None]
    if accepted:
        out += ["", "Accepted (known in the source, not failing the run):", ""]
        out += [f"- `{_md(f.file)}:{f.line}` {f.rule}: {_md(f.accepted or '')}" for f in accepted]
    return "\n".join(out) + "\n\n"


_SARIF_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
ROOT_ID = "PLANCHECKROOT"


def _uri(file: str, root: Path | None) -> str:
    """The file's path as a URI reference: relative to ``root`` where it is inside it."""
    path = Path(file)
    if root is not None:
        with contextlib.suppress(ValueError):
            path = Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    return quote(PurePath(path).as_posix())


def fingerprint(f: Finding, uri: str, nth: int) -> str:
    """A finding's identity across commits: its rule, file, plan and indicator (and which of several
    alike it is), never its line, so that an edit above it keeps the alert."""
    key = "\x1f".join((f.rule, uri, f.plan or "", f.indicator or "", str(nth)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _sarif_source(source: Citation) -> dict[str, Any]:
    """The figure's line in the plan's source document, as a SARIF related location (the document by
    its file name, as the data names it; the plan's address in the message where it has one)."""
    where = f"source: {source.document} line {source.line}" + (f" ({source.url})" if source.url else "")
    return {
        "id": 1,
        "physicalLocation": {
            "artifactLocation": {"uri": quote(source.document)},
            "region": {"startLine": source.line},
        },
        "message": {"text": f"where the figure is printed: {where}"},
    }


def sarif(report: Report, *, color: bool = False, width: int = 100) -> str:
    """SARIF 2.1.0, as code-scanning uploads accept it: the tool, its rules, results with locations
    relative to the repository, stable fingerprints, and accepted findings as suppressions."""
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
    seen: Counter[tuple[str, str, str, str]] = Counter()
    for f in sorted(report.findings):
        uri = _uri(f.file, report.root)
        key = (f.rule, uri, f.plan or "", f.indicator or "")
        seen[key] += 1
        location: dict[str, Any] = {"uri": uri}
        if report.root is not None:
            location["uriBaseId"] = ROOT_ID
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVELS[f.level],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
            "partialFingerprints": {"plancheckFinding/v1": fingerprint(f, uri, seen[key])},
        }
        if f.source is not None:
            result["relatedLocations"] = [_sarif_source(f.source)]
        if f.rule in RULES:
            result["ruleIndex"] = rule_ids.index(f.rule)
        if f.plan:
            result["properties"] = {"plan": f.plan, "indicator": f.indicator}
            if f.source is not None:
                result["properties"]["source"] = f.source.as_dict()
        if f.accepted is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": f.accepted}]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "plancheck", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.root is not None:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": report.root.resolve().as_uri() + "/"}}
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json_text(doc)


def tidy(report: Report) -> Table:
    """verify: one row per figure checked; validate: one row per finding shown."""
    from .tidy import findings_table, results_table

    return results_table(report.results) if report.command == "verify" else findings_table(report.shown())


def csv_stream(report: Report, *, color: bool = False, width: int = 100) -> Iterator[str]:
    """A long table for pandas and Excel (render/tidy.py): verify's results, validate's findings."""
    from .tidy import as_csv

    return as_csv(tidy(report))


def jsonl_stream(report: Report, *, color: bool = False, width: int = 100) -> Iterator[str]:
    """The rows of ``csv_stream`` as JSON Lines."""
    from .tidy import as_jsonl

    return as_jsonl(tidy(report))


def as_csv(report: Report, *, color: bool = False, width: int = 100) -> str:
    return "".join(csv_stream(report))


def as_jsonl(report: Report, *, color: bool = False, width: int = 100) -> str:
    return "".join(jsonl_stream(report))


REPORTERS: dict[str, Reporter] = {
    "table": table,
    "plain": plain,
    "json": as_json,
    "csv": as_csv,
    "jsonl": as_jsonl,
    "github": github,
    "sarif": sarif,
}
STREAMS: dict[str, Callable[..., Iterator[str]]] = {"json": json_stream, "csv": csv_stream, "jsonl": jsonl_stream}
"""Reporters that also write their report in pieces; the command line uses these where there is one."""

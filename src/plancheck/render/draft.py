"""A draft plan (``extract.draft``) written as a plan file, and the summary of what was read.

Every entry is written in the style of the bundled data (one mapping a figure, in flow style), with
its notes as comments above it; what could not be placed is written where its line falls, as a
commented-out entry with the line and the reason, so that a reviewer sees it in its place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..extract.audit import Audit
from ..extract.draft import PLACEHOLDER, Aside, Draft, Entry

_PLAIN = re.compile(r"^[\w\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》·&()/+.\-—、 ]+$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def scalar(value: object) -> str:
    """A value as YAML writes it here: numbers as printed (quoted where a trailing zero would be
    lost to other YAML readers), text plain where that reads back as the same text, else quoted.

    >>> scalar("3.20"), scalar("2.73"), scalar("%"), scalar("R&D经费: 占比")
    ('"3.20"', '2.73', '"%"', '"R&D经费: 占比"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _NUMBER.match(text):
        return f'"{text}"' if "." in text and text.endswith("0") else text
    if (
        _PLAIN.match(text)
        and text == text.strip()
        and not text[0].isdigit()
        and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "~")
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return scalar(value)


def _entry(entry: Entry, indent: str) -> list[str]:
    out = [f"{indent}# {note}" for note in entry.notes]
    first = True
    for key, value in entry.fields.items():
        lead = f"{indent}- " if first else f"{indent}  "
        first = False
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{lead}{key}:")
            out += [f"{indent}    - {_flow(v)}" for v in value]
        else:
            out.append(f"{lead}{key}: {_flow(value)}")
    return out


def _aside(item: Aside, indent: str) -> list[str]:
    text = " ".join(item.text.split())
    if len(text) > 120:
        text = text[:117] + "..."
    return [f"{indent}# - line {item.line}: {text}", f"{indent}#   not placed: {item.reason}"]


def _section(name: str, entries: list[Entry], aside: Iterable[Aside], indent: str) -> list[str]:
    items: list[tuple[int, int, list[str]]] = [(e.line, 0, _entry(e, indent)) for e in entries]
    items += [(a.line, 1, _aside(a, indent)) for a in aside]
    items.sort(key=lambda t: (t[0], t[1]))
    out = [f"{indent[:-2]}{name}:"]
    for _line, _kind, lines in items:
        out += lines
    return out


def draft_yaml(draft: Draft, source_name: str | None = None) -> str:
    """The draft as a plan file that ``validate`` and ``verify`` read at once."""
    meta = draft.meta
    header = [
        f"# A draft written by plancheck extract{f' from {source_name}' if source_name else ''}: every figure with",
        "# the line of the source it is printed on. Review it against the source before use: check each",
        "# entry's name, unit and year, give the catalogue key: where one fits, and place or delete what",
        "# is commented out (numbers that could not be placed). Then: plancheck validate; plancheck verify.",
    ]
    if draft.placeholders:
        header.append(
            f"# Left as placeholders ({PLACEHOLDER}, reported by validate): " + ", ".join(draft.placeholders) + "."
        )
    if draft.guessed:
        header.append(
            "# Taken from the text, to check: " + "; ".join(f"{k} from {v}" for k, v in draft.guessed.items()) + "."
        )
    out = [*header, "plans:"]
    first = True
    for key, value in meta.items():
        lead = "  - " if first else "    "
        first = False
        out.append(f"{lead}{key}: {_flow(value)}")
    indicators = [e for e in draft.entries if e.section == "indicators"]
    claims = [e for e in draft.entries if e.section == "claims"]
    if indicators or not claims:
        out += _section("indicators", indicators, draft.aside, "      ")
        aside_left: list[Aside] = []
    else:
        aside_left = list(draft.aside)
    if claims or aside_left:
        out += _section("claims", claims, aside_left, "      ")
    return "\n".join(out) + "\n"


def summary(draft: Draft, name: str) -> str:
    """What was read, for standard error: rows, targets, claims, and what could not be placed."""
    lines = [
        f"{name}: {draft.rows} table row(s) from {draft.tables} table(s), {draft.targets} target(s) and "
        f"{draft.claims} claim(s) from the prose; {len(draft.aside)} left commented out"
    ]
    for item in draft.aside:
        text = " ".join(item.text.split())
        text = text if len(text) <= 60 else text[:57] + "..."
        lines.append(f"  {name}:{item.line}: not placed: {text} ({item.reason})")
    if draft.placeholders:
        lines.append(
            f"  placeholders to fill in: {', '.join(draft.placeholders)} (give --id, --region ... to set them)"
        )
    for key, where in draft.guessed.items():
        lines.append(f"  {key} taken from {where}: check it")
    return "\n".join(lines) + "\n"


def audit_text(result: Audit, name: str, plan_id: str) -> str:
    """The completeness audit: one line a missing figure (``file:line:col: missing …``) with its source
    line below it, the numbers not read as figures, and a summary line."""
    out: list[str] = []
    for m in result.missing:
        subject = f" {m.subject}" if m.subject else ""
        out.append(f"{name}:{m.line}:{m.column}: missing [{m.what}]{subject} {m.printed}")
    for u in result.unplaced:
        text = " ".join(u.text.split())
        out.append(f"{name}:{u.line}:{u.column}: not read [{', '.join(u.numbers)}] {text}")
    held = result.read - len(result.missing)
    out.append(
        f"{name}: {held} of the {result.read} figure(s) read are in {plan_id}; {len(result.missing)} missing"
        + (f"; {len(result.unplaced)} clause(s) with numbers not read as figures" if result.unplaced else "")
    )
    return "\n".join(out) + "\n"

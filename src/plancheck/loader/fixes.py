"""``plancheck validate --fix``: the mechanical repairs the messages describe, made in the file.

Every edit replaces the text of one value (or one character) at the place a finding points to, so the
rest of the file, comments and layout included, stays byte for byte as it was. An edit is made only
where the file holds exactly what the finding read there; anything else is left for a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.findings import Finding, Fix
from .events import decode, guess_encoding
from .reader import load_file

ROUNDS = 4
"""A repair can let the loader read further (a full-width colon mended shows the value after it):
files are read again after each round of edits, at most this often."""

_CONVERTIBLE = ("GB18030", "UTF-16", "UTF-32")


@dataclass
class FixResult:
    """One file's repairs: its text before and after, and what was fixed and what was not."""

    before: bytes
    after: bytes
    before_text: str = ""  # the text before, decoded from whatever encoding it was in
    fixed: list[Finding] = field(default_factory=list)
    converted: str | None = None  # the encoding the file was converted from to UTF-8

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fix_bytes(raw: bytes, name: str) -> FixResult:
    """The file with every mechanical repair made (its bytes unchanged where there is none)."""
    result = FixResult(raw, raw)
    text, _ = decode(raw)
    bom = raw.startswith(b"\xef\xbb\xbf")
    if text is None:
        text = _convert(raw)
        if text is None:
            result.before_text = raw.decode("utf-8", errors="replace")
            return result
        result.converted = guess_encoding(raw)
    result.before_text = text
    for _ in range(ROUNDS):
        _, findings = load_file(text.encode("utf-8"), name)
        edits = [f for f in findings if f.fix is not None]
        # A character edit changes the columns after it on its line: make those first, alone.
        characters = [f for f in edits if f.fix is not None and not f.fix.token]
        text, done = apply_fixes(text, characters or edits)
        result.fixed += done
        if not done:
            break
    result.after = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    if result.after == raw:
        result.after = raw
    return result


def _convert(raw: bytes) -> str | None:
    """The text of a file in an encoding other than UTF-8 that the loader names, if all of it
    decodes (a UTF-16 or UTF-32 byte order mark is dropped)."""
    source = guess_encoding(raw)
    if source not in _CONVERTIBLE:
        return None
    try:
        return raw.decode(source.lower() if source != "GB18030" else "gb18030").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """``text`` with the fix of each finding made where the text holds what it read; the findings
    fixed. Edits run from the end of the file to its start, so each keeps its own place."""
    lines = text.split("\n")
    done: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for f in sorted(findings, key=lambda f: (f.line, f.column), reverse=True):
        if f.fix is None or (f.line, f.column) in seen or not 1 <= f.line <= len(lines):
            continue
        seen.add((f.line, f.column))
        edited = _edit(lines, f.line - 1, f.column - 1, f.fix)
        if edited:
            done.append(f)
    return "\n".join(lines), sorted(done)


def _edit(lines: list[str], index: int, start: int, fix: Fix) -> bool:
    line = lines[index]
    if not fix.token:
        start += fix.offset
        if start < 0 or line[start : start + len(fix.old)] != fix.old:
            return False
        lines[index] = line[:start] + fix.new + line[start + len(fix.old) :]
        return True
    token = _token(line, start)
    if token is None:
        return False
    end, inner_start, inner_end = token
    if line[inner_start:inner_end] != fix.old:
        return False
    lines[index] = line[:inner_start] + fix.new + line[inner_end:]
    if fix.qualifier is None:
        return True
    end += len(fix.new) - len(fix.old)
    line = lines[index]
    rest = line[end:]
    if rest.lstrip().startswith((",", "}")):  # in a flow mapping: beside the value
        lines[index] = f"{line[:end]}, qualifier: {fix.qualifier}{rest}"
        return True
    key = re.search(r"([^\s{,\[-][^:]*):\s*$", line[:start])
    if key is None:
        lines[index] = line[:inner_start] + fix.old + line[inner_end + len(fix.new) - len(fix.old) :]
        return False
    ending = "\r" if line.endswith("\r") else ""
    lines.insert(index + 1, " " * key.start() + f"qualifier: {fix.qualifier}{ending}")
    return True


_PLAIN_END = re.compile(r"\s+#|\s*[,}\]]|\s*$")


def _token(line: str, start: int) -> tuple[int, int, int] | None:
    """The scalar starting at ``start``: where it ends, and where its text starts and ends (inside
    the quotes of a quoted one). None where a scalar cannot be told apart (an escape, a line break)."""
    if start >= len(line):
        return None
    quote = line[start]
    if quote in "'\"":
        close = line.find(quote, start + 1)
        if close < 0 or (quote == '"' and "\\" in line[start:close]) or line[close + 1 : close + 2] == quote:
            return None
        return close + 1, start + 1, close
    flow = line[:start].count("{") + line[:start].count("[") > line[:start].count("}") + line[:start].count("]")
    if flow:
        m = _PLAIN_END.search(line, start)
        end = m.start() if m else len(line)
    else:
        m = re.compile(r"\s+#|\s*\r?$").search(line, start)
        end = m.start() if m else len(line)
    return end, start, end

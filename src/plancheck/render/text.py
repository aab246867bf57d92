"""Text from the data, made safe to print: the one place control characters are escaped.

A name, a note or a file name can hold anything: a newline that would forge a finding line or a
GitHub workflow command (``::error …``), an ESC sequence that a terminal would obey, a bidi override
that reorders what is shown. Every reporter passes every string that comes from the data through
:func:`clean`; JSON output goes through :func:`json_text`, which keeps the data exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff]")
"""C0 and C1 controls (tab, newline and NEL among them), DEL, LINE and PARAGRAPH SEPARATOR, the bidi
marks, embeddings, overrides and isolates, and a byte order mark."""

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """``text`` with every control and bidi character written as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return UNSAFE.sub(_escape, text)


_RAW_IN_JSON = re.compile(UNSAFE.pattern.replace("\\x00-\\x1f", "\\x00-\\x09\\x0b-\\x1f"))
"""What json.dumps leaves raw that UNSAFE names, but its own line breaks (it escapes those in strings)."""


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _dumps(value: object) -> str:
    return _RAW_IN_JSON.sub(_json_escape, json.dumps(value, ensure_ascii=False, indent=2))


def json_line(value: object) -> str:
    """``value`` as one line of JSON (JSON Lines), escaped as ``json_text`` escapes."""
    return _RAW_IN_JSON.sub(_json_escape, json.dumps(value, ensure_ascii=False)) + "\n"


def json_text(value: object) -> str:
    """JSON of ``value`` (UTF-8, indented), with every control and bidi character as a \\u escape:
    the data stay exact for a program, and nothing in them can act on a terminal that shows the file."""
    return _dumps(value) + "\n"


def json_document(fields: Iterable[tuple[str, object]]) -> Iterator[str]:
    """The text ``json_text`` makes of an object with these fields, in pieces: a field whose value is
    an iterator is written an item at a time, so that a long list is never whole in memory.

    JSON strings hold no raw line break, so an item's lines are indented by replacing each.
    """
    yield "{"
    empty = True
    for key, value in fields:
        head = ("\n  " if empty else ",\n  ") + _dumps(key) + ": "
        empty = False
        if not isinstance(value, Iterator):
            yield head + _dumps(value).replace("\n", "\n  ")
            continue
        first = True
        for item in value:
            yield (head + "[\n    " if first else ",\n    ") + _dumps(item).replace("\n", "\n    ")
            first = False
        yield head + "[]" if first else "\n  ]"
    yield "}\n" if empty else "\n}\n"

"""A whole document read: its tables, and the figures of the prose around them."""

from __future__ import annotations

from dataclasses import dataclass

from .prose import NotAFigure, ProseReading, Statement, Unread, read_prose
from .tables import Table, find_tables
from .text import DecodedText, Encoding, decode, split_lines


@dataclass(frozen=True)
class Reading:
    """What a plan's text says in figures: every table, every statement of the prose, and the
    numbers that are not figures or could not be placed. Line numbers are 1-based."""

    lines: tuple[str, ...]
    encoding: Encoding
    converted: bool
    """The file was not UTF-8 and was converted (from GB18030)."""
    tables: tuple[Table, ...]
    prose: ProseReading

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.prose.statements

    @property
    def unread(self) -> tuple[Unread, ...]:
        return self.prose.unread

    @property
    def not_figures(self) -> tuple[NotAFigure, ...]:
        return self.prose.not_figures

    def table_at(self, line: int) -> Table | None:
        """The table a line belongs to, if any."""
        return next((t for t in self.tables if line in t.lines), None)


def read_text(text: str | DecodedText) -> Reading:
    """Read a document's text: the tables first, then the prose of the lines outside them."""
    decoded = text if isinstance(text, DecodedText) else DecodedText(text, "utf-8", bom=False)
    lines = split_lines(decoded.text)
    tables = find_tables(lines)
    in_tables = {n for t in tables for n in t.lines}
    prose = read_prose(lines, skip=in_tables)
    return Reading(tuple(lines), decoded.encoding, decoded.converted, tuple(tables), prose)


def read_bytes(data: bytes) -> Reading:
    """Read a document from its file's bytes (see :func:`.text.decode`; raises ``TextDecodeError``)."""
    return read_text(decode(data))

"""Where in a file each value was written: the loader records it, every layer above reads it.

Kept apart from the pydantic models so that findings and reporters can be used without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

YamlPath = tuple[str | int, ...]
"""A value's path inside a document: ("plans", 0, "indicators", 3, "target", "year")."""


class Pos(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class Place(NamedTuple):
    """File, line and column of a value: where a finding points."""

    file: str
    line: int
    column: int


NOWHERE = Place("<memory>", 1, 1)


COLUMNS = 1 << 32  # a position is kept as one int, line * COLUMNS + column: a third of a Pos's memory


def pack(line: int, column: int) -> int:
    """One int for a line and a column (how ``SourceMap`` keeps them)."""
    return line * COLUMNS + column


def unpack(packed: int) -> Pos:
    return Pos(*divmod(packed, COLUMNS))


class Citation(NamedTuple):
    """Where a figure is printed in the plan's own text: the source document, its line, and the plan's
    ``url`` where the data gives one."""

    document: str
    line: int
    url: str | None = None

    def __str__(self) -> str:
        """``000_c388b18c2f34bdc3.txt:37`` (with the address after a comma where there is one)."""
        return f"{self.document}:{self.line}" + (f", {self.url}" if self.url else "")

    def as_dict(self) -> dict[str, str | int | float | bool | None]:
        return {"document": self.document, "line": self.line, "url": self.url}


@dataclass
class SourceMap:
    """Where each value and each key of one document is written.

    Positions are kept packed (``pack``), and a key's path is the same tuple as its value's, so
    that a large file's map stays small; ``pos``, ``key_pos`` and ``line`` unpack them.
    """

    positions: dict[YamlPath, int] = field(default_factory=dict)
    key_positions: dict[YamlPath, int] = field(default_factory=dict)

    def pos(self, path: YamlPath) -> Pos:
        """Where ``path`` is written, or the nearest enclosing value that is."""
        positions = self.positions
        for cut in range(len(path), -1, -1):
            packed = positions.get(path[:cut])
            if packed is not None:
                return unpack(packed)
        return Pos(1, 1)

    def key_pos(self, path: YamlPath) -> Pos:
        """Where the key of ``path`` is written (falls back to the value's position)."""
        packed = self.key_positions.get(path)
        return unpack(packed) if packed is not None else self.pos(path)

    def line(self, path: YamlPath) -> int | None:
        """The line of the value at exactly ``path``, if it was written."""
        packed = self.positions.get(path)
        return None if packed is None else packed // COLUMNS


@dataclass(frozen=True)
class Loc:
    """Where a model came from: its file, the positions of its document, and its path there."""

    file: str
    source: SourceMap
    path: YamlPath

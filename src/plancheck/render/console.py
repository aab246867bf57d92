"""Rich for people: a console made when printing, colour only on a terminal and never under NO_COLOR."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text


def render_rich(renderables: Iterable[RenderableType], *, color: bool, width: int) -> str:
    """What rich would print, as text: with ANSI colour codes only when ``color``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,  # text from the data is never read as rich markup ("[bold]" stays as written)
    )
    for item in renderables:
        # Plain lines of text keep their length (a finding pasted from a terminal stays one line).
        # Fitted layouts are never cropped: a word longer than the width stays whole.
        console.print(item, soft_wrap=isinstance(item, (str, Text)), crop=False)
    return buffer.getvalue()


def wants_color(is_terminal: bool, env: Mapping[str, str] = os.environ) -> bool:
    return is_terminal and env.get("NO_COLOR", "") == ""


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


SUFFIX_FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".sarif": "sarif",
    ".md": "markdown",
}
"""The format ``auto`` picks for an output file by its suffix, where the command offers it."""


def by_suffix(output: str | None, offered: Collection[str]) -> str | None:
    """The format an output file's name asks for (``-o results.csv``), if the command offers it."""
    if output is None:
        return None
    name = SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower())
    return name if name in offered else None


def resolve_format(
    name: str,
    *,
    is_terminal: bool,
    to_file: str | None,
    offered: Collection[str] = (),
    env: Mapping[str, str] = os.environ,
) -> str:
    """``auto``: by the output file's suffix (``-o out.csv``), else github under GitHub Actions (where
    the command offers it), else table on a terminal and plain in a pipe or a file."""
    if name != "auto":
        return name
    chosen = by_suffix(to_file, offered)
    if chosen is not None:
        return chosen
    if env.get("GITHUB_ACTIONS") == "true" and (not offered or "github" in offered):
        return "github"
    return "table" if is_terminal and to_file is None else "plain"


# --- Layouts that fit the width ---------------------------------------------------------------------
#
# A word or a number is never split across lines: text breaks only at spaces, and a table whose
# columns cannot hold their longest word at the width drops its optional columns, and if that is not
# enough shows one block per row instead. Widths are terminal cells (rich.cells.cell_len: a Chinese
# character takes two).


def _spaces(plain: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of non-space characters of ``plain``: the words."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", plain)]


def wrap_text(text: Text | str, width: int, indent: int = 0, hang: int | None = None) -> list[Text]:
    """``text`` in lines of at most ``width`` cells, broken only at spaces; the first line indented by
    ``indent`` spaces and the rest by ``hang`` (``indent`` unless given). A word longer than a line
    stays whole on a line of its own."""
    from rich.cells import cell_len

    if isinstance(text, str):
        text = Text(text)
    hang = indent if hang is None else hang
    if "\n" in text.plain:
        parts = [wrap_text(part, width, indent, hang) for part in text.split("\n", allow_blank=True)]
        return [line for part in parts for line in part]
    plain = text.plain
    lines: list[Text] = []
    start = end = None
    pad = indent
    for w_start, w_end in _spaces(plain):
        if start is not None and end is not None and pad + cell_len(plain[start:w_end]) > width:
            lines.append(Text(" " * pad) + text[start:end])
            start, pad = None, hang
        if start is None:
            start = w_start
        end = w_end
    if start is not None and end is not None:
        lines.append(Text(" " * pad) + text[start:end])
    return lines or [Text("")]


def _joined(lines: list[Text]) -> Text:
    out = Text("\n").join(lines)
    out.no_wrap, out.overflow = True, "ignore"  # already fitted: printed as it is
    return out


class Prose:
    """A paragraph (a summary, a legend, a note) wrapped to the width at spaces, in pipes too."""

    def __init__(self, text: Text | str, style: str = "", indent: int = 0, hang: int | None = None) -> None:
        self.text = Text(text, style=style) if isinstance(text, str) else text
        self.indent, self.hang = indent, hang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _joined(wrap_text(self.text, options.max_width, self.indent, self.hang))


Justify = Literal["left", "right"]


@dataclass(frozen=True)
class Column:
    """A column of a :class:`Fitted` table.

    ``wrap``: its text may break at spaces (a sentence, a name and its English name); else each of
    its lines is kept whole. ``drop``: 0 for a column the table cannot do without, else the order in
    which it is left out at narrow widths (1 first). ``floor``: the fewest cells a wrapping column
    is given while the table still fits (a sentence wrapped a word a line is no use). ``key``: its
    name in a block of the stacked layout (``None``: the value alone)."""

    header: str
    justify: Justify = "left"
    wrap: bool = False
    drop: int = 0
    floor: int = 0
    key: str | None = ""


@dataclass(frozen=True)
class Section:
    """A row that heads the rows after it (a group of indicators): bold, in the first column."""

    text: str


Cell: TypeAlias = "str | Text"
Row: TypeAlias = "list[Cell] | Section"


def _lines(cell: Cell) -> list[str]:
    return (cell.plain if isinstance(cell, Text) else cell).split("\n")


def _text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


class Fitted:
    """A table that fits the width without splitting a word or a number.

    At its natural width it is a rich table as any other. When that is too wide, columns that may
    wrap are narrowed (to their longest word at least), then optional columns are left out (a note
    says which), and when even the essential columns do not fit, every row becomes a block: its
    first column on a line, the others as ``key: value`` items wrapped below it."""

    def __init__(
        self,
        columns: list[Column],
        rows: Sequence[Row],
        *,
        title: str | None = None,
        show_lines: bool = False,
        head: tuple[int, ...] = (),
        pack: bool = True,
    ) -> None:
        self.columns, self.rows, self.title, self.show_lines = columns, list(rows), title, show_lines
        self.head = head  # columns shown on a block's first line, after the first column
        self.pack = pack  # several items on a line of a block (else one a line)

    def _measure(self, index: int) -> tuple[int, int]:
        """(fewest, most) cells column ``index`` needs: its longest unbreakable piece, its longest line."""
        from rich.cells import cell_len

        col = self.columns[index]
        header = col.header.split(" ")
        fewest = max(cell_len(w) for w in header)
        most = cell_len(col.header)
        for row in self.rows:
            if isinstance(row, Section):
                continue
            for line in _lines(row[index]):
                most = max(most, cell_len(line))
                pieces = line.split(" ") if col.wrap else [line]
                fewest = max(fewest, *(cell_len(p) for p in pieces))
        if col.wrap:
            fewest = max(fewest, min(col.floor, most))
        return fewest, most

    def layout(self, width: int) -> tuple[list[int], list[int] | None, int]:
        """(the columns kept, their widths or None for their natural widths, the width all need)
        at ``width`` cells; no widths and no columns kept when only blocks fit."""
        sizes = [self._measure(i) for i in range(len(self.columns))]
        kept = list(range(len(self.columns)))
        need = sum(s[0] for s in sizes) + 2 * len(kept)
        order = sorted((c.drop, i) for i, c in enumerate(self.columns) if c.drop)
        while True:
            edges = 2 * len(kept)  # a space at each edge and two between columns
            if sum(sizes[i][1] for i in kept) + edges <= width:
                return kept, None, need
            if sum(sizes[i][0] for i in kept) + edges <= width:
                widths = [sizes[i][0] for i in kept]
                spare = width - edges - sum(widths)
                # The spare cells go first to the columns that need fewest to show whole lines.
                for n in sorted(range(len(kept)), key=lambda n: (sizes[kept[n]][1] - widths[n], n)):
                    more = min(spare, sizes[kept[n]][1] - widths[n])
                    widths[n] += more
                    spare -= more
                return kept, widths, need
            if not order:
                return [], None, need
            kept.remove(order.pop(0)[1])

    def _table(self, kept: list[int], widths: list[int] | None) -> RenderableType:
        from rich import box
        from rich.table import Table

        t = Table(
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            collapse_padding=True,
            show_lines=self.show_lines,
            title=self.title,
            title_justify="left",
        )
        for n, i in enumerate(kept):
            col = self.columns[i]
            header = Text(col.header, no_wrap=False)  # a header may break at its spaces, as any text
            if widths is None:
                t.add_column(header, justify=col.justify, overflow="fold", no_wrap=not col.wrap)
            else:
                t.add_column(header, justify=col.justify, overflow="fold", no_wrap=not col.wrap, width=widths[n])
        for row in self.rows:
            if isinstance(row, Section):
                t.add_row(Text(row.text, style="bold"), *[""] * (len(kept) - 1))
            else:
                t.add_row(*(row[i] for i in kept))
        return t

    def _blocks(self, width: int) -> list[Text]:
        lines: list[Text] = []
        if self.title:
            lines.append(Text(self.title))
        for row in self.rows:
            if isinstance(row, Section):
                lines += wrap_text(Text(row.text, style="bold"), width)
                continue
            title = list(_text(row[0]).split("\n"))
            title[0] = title[0].copy()
            title[0].stylize("bold")
            items: list[Text] = []
            for i, col in enumerate(self.columns[1:], start=1):
                value = Text(" · ").join(_text(row[i]).split("\n"))
                if not value.plain.strip():
                    continue
                item = value if col.key is None else Text(f"{col.key or col.header}: ") + value
                if i in self.head:
                    title[0] = title[0] + Text("  ") + item
                else:
                    items.append(item)
            if self.show_lines and lines:
                lines.append(Text(""))
            for part in title:
                lines += wrap_text(part, width, 0, 2)
            if self.pack:
                lines += _pack(items, width, 2)
            else:
                lines += [line for item in items for line in wrap_text(item, width, 2, 4)]
        return [*lines, Text("")]  # a blank line after the last block, as after a table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        kept, widths, need = self.layout(width)
        if kept:
            yield self._table(kept, widths)
            left = [self.columns[i].header for i in range(len(self.columns)) if i not in kept]
            if left:
                yield Prose(f"Not shown at {width} columns: {', '.join(left)} (all columns need {need}).")
        else:
            yield _joined(self._blocks(width))


def _pack(items: list[Text], width: int, indent: int) -> list[Text]:
    """``items`` on lines of ``width`` cells after ``indent`` spaces, `` · `` between two on a line;
    an item too long for a line of its own wrapped at its spaces."""
    from rich.cells import cell_len

    lines: list[Text] = []
    current: Text | None = None
    for item in items:
        if current is not None and cell_len(current.plain) + 3 + cell_len(item.plain) <= width:
            current = current + Text(" · ") + item
            continue
        if current is not None:
            lines.append(current)
        if indent + cell_len(item.plain) <= width:
            current = Text(" " * indent) + item
        else:
            *whole, current = wrap_text(item, width, indent, indent + 2)
            lines += whole
    if current is not None:
        lines.append(current)
    return lines

"""Indicator tables in a plan's text, and their rows.

Web copies of plans print tables in several ways, all read here:

- one cell per line, each ending in ``|`` (``指标名称 |``, ``2015年 |`` …);
- one cell per line with nothing after it, often with blank lines between cells; rows may then
  leave out a cell (a unit, a base value), so rows are told apart by their names;
- one row per line, the cells separated by ``|``, tabs or runs of two or more spaces;
- markdown tables (``| 指标 | 2020年 |`` with a ``|---|`` rule under the header).

A table starts at a header naming its columns, in any order: the indicator (指标, 指标名称), its unit
(单位), a base year (2020年, 基期), a target (2025年, 目标值), the stated growth (年均增长, 年均/累计,
累计), its attribute (属性), a group (类别) or a running number (序号). A row of a single cell that
spans the table (经济发展, 创新驱动) starts a group. Units are read from the name (``(%)``,
``（亿元）``) or from their own column. Every cell keeps its source line (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .cells import CellValue, is_unit, normalize, parse_cell, split_name_unit

Layout = Literal["cell-per-line-bar", "cell-per-line", "delimited", "markdown"]
"""How the table is printed: one cell a line ending in ``|``, one cell a line, one row a line, markdown."""

ColumnRole = Literal["name", "unit", "baseline", "target", "growth", "binding", "group", "index", "other"]
GrowthSpan = Literal["annual", "total", "either"]

VALUE_ROLES: frozenset[str] = frozenset({"baseline", "target", "growth", "binding", "other"})


@dataclass(frozen=True)
class Column:
    """One column of a table, from its header cell."""

    role: ColumnRole
    header: str
    """The header as printed."""
    line: int
    year: int | None = None
    """The year the column's figures are for (2020年 → 2020), where the header prints one."""
    unit: str | None = None
    """A unit printed in the header (年均增长(%) → %)."""
    span: GrowthSpan | None = None
    """For a growth column: annual (年均), total (累计) or either (年均/累计: the cell says which)."""


@dataclass(frozen=True)
class TableCell:
    """One value cell of a row: its column, its text as printed, its line and what it says."""

    column: Column
    text: str
    line: int
    value: CellValue


@dataclass(frozen=True)
class Row:
    """One indicator row.

    ``name`` is the indicator's name as printed without a unit in brackets at its end, and without a
    running number (``1.``) in front; ``printed_name`` is the cell as printed. ``unit`` comes from
    the name or the unit column (``unit_line`` says where). ``cells`` are the row's value cells in
    column order; ``problems`` says what was guessed (a row with fewer cells than columns).
    """

    name: str
    printed_name: str
    line: int
    unit: str | None
    unit_line: int | None
    group: str | None
    cells: tuple[TableCell, ...]
    problems: tuple[str, ...] = ()

    def cells_for(self, role: ColumnRole) -> tuple[TableCell, ...]:
        return tuple(c for c in self.cells if c.column.role == role)

    def cell(self, role: ColumnRole) -> TableCell | None:
        """The row's cell in the (first) column of that role; for ``target``, the last target column."""
        found = self.cells_for(role)
        if not found:
            return None
        return found[-1] if role == "target" else found[0]

    @property
    def baseline(self) -> TableCell | None:
        return self.cell("baseline")

    @property
    def target(self) -> TableCell | None:
        return self.cell("target")

    @property
    def growth(self) -> TableCell | None:
        return self.cell("growth")

    @property
    def binding(self) -> TableCell | None:
        return self.cell("binding")


@dataclass(frozen=True)
class Table:
    """An indicator table: its title, header columns and rows, and the lines it spans."""

    title: str | None
    title_line: int | None
    layout: Layout
    header_line: int
    """Line of the first header cell."""
    last_line: int
    """Line of the table's last cell."""
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    problems: tuple[str, ...] = ()

    @property
    def first_line(self) -> int:
        """The first line of the table, its title included."""
        return self.title_line if self.title_line is not None else self.header_line

    @property
    def lines(self) -> range:
        """Every line the table covers, title to last cell (1-based, for ``in`` tests)."""
        return range(self.first_line, self.last_line + 1)


# ----------------------------------------------------------------------------- splitting lines

SplitKind = Literal["blank", "single", "bar", "markdown", "rule", "tab", "spaces"]


@dataclass(frozen=True)
class _Line:
    number: int
    cells: tuple[str, ...]
    kind: SplitKind
    text: str


_RULE_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")


def _split_on(text: str, norm: str, pattern: str) -> list[str]:
    """Split ``text`` where ``pattern`` matches its normalised form, keeping the printed characters."""
    parts: list[str] = []
    last = 0
    for m in re.finditer(pattern, norm):
        parts.append(text[last : m.start()])
        last = m.end()
    parts.append(text[last:])
    return [p.strip() for p in parts]


def split_line(text: str) -> tuple[tuple[str, ...], SplitKind]:
    """The cells of one line and how they were separated.

    >>> split_line("2015年 |")
    (('2015年',), 'bar')
    >>> split_line("| 指标 | 2020年 |")
    (('指标', '2020年'), 'markdown')
    >>> split_line("指标\\t2020年\\t2025年")
    (('指标', '2020年', '2025年'), 'tab')
    """
    s = text.strip()
    norm = normalize(s)
    if not s:
        return (), "blank"
    if norm.startswith("|") and norm.count("|") >= 2:
        inner, inner_norm = s[1:], norm[1:]
        if inner_norm.rstrip().endswith("|"):
            cut = len(inner_norm.rstrip()) - 1
            inner, inner_norm = inner[:cut], inner_norm[:cut]
        cells = tuple(_split_on(inner, inner_norm, r"\|"))
        if all(_RULE_CELL.match(c) for c in cells):
            return cells, "rule"
        return cells, "markdown"
    if "|" in norm:
        body, body_norm = s, norm
        if body_norm.endswith("|"):
            body, body_norm = body[:-1], body_norm[:-1]
        return tuple(_split_on(body, body_norm, r"\|")), "bar"
    if "\t" in norm:
        return tuple(c for c in _split_on(s, norm, r"\t+") if c), "tab"
    if re.search(r"\S {2,}\S", norm):
        return tuple(_split_on(s, norm, r" {2,}")), "spaces"
    return (s,), "single"


# ----------------------------------------------------------------------------- headers

_NAME_HEADER = re.compile(r"^(?:主要)?(?:指标名称|指标名|指标|项目名称|项目|名称)(?:\s*[(（]\s*单位\s*[)）])?$")
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
_GROUP_HEADER = re.compile(r"^(?:类别|类型|领域|分类|维度|方面|指标类别|一级指标)$")
_INDEX_HEADER = re.compile(r"^(?:序号|编号)$")
_BINDING_HEADER = re.compile(r"^(?:指标)?(?:属性|性质)$")
_YEAR_HEADER = re.compile(r"^(?P<pre>[^\d]{0,6}?)(?P<year>(?:19|20)\d{2})\s*年?(?P<rest>.{0,8})$")
_BASE_WORDS = ("基期", "基数", "现状", "基准", "实际", "完成")
_TARGET_WORDS = ("目标", "规划", "预期")
_UNIT_IN_HEADER = re.compile(r"[(（]\s*(?P<unit>[^()（）]+?)\s*[)）]\s*$")


def header_column(text: str, line: int) -> Column | None:
    """The column a header cell names, or None if the cell is not a header word.

    >>> header_column("2025年", 9).role, header_column("2025年", 9).year
    ('target', 2025)
    >>> header_column("年均/累计", 9).span
    'either'
    """
    s = normalize(text).strip()
    if not s:
        return None
    unit: str | None = None
    m = _UNIT_IN_HEADER.search(s)
    if m and is_unit(m.group("unit")):
        unit = m.group("unit")
        s = s[: m.start()].strip()
    compact = re.sub(r"\s+", "", s)
    if _NAME_HEADER.match(compact):
        return Column("name", text.strip(), line)
    if _UNIT_HEADER.match(compact):
        return Column("unit", text.strip(), line)
    if _GROUP_HEADER.match(compact):
        return Column("group", text.strip(), line)
    if _INDEX_HEADER.match(compact):
        return Column("index", text.strip(), line)
    if _BINDING_HEADER.match(compact):
        return Column("binding", text.strip(), line)
    if ("年均" in compact or "累计" in compact or "增速" in compact or "增长" in compact) and len(compact) <= 12:
        annual = "年均" in compact or "增速" in compact or "每年" in compact
        total = "累计" in compact
        span: GrowthSpan = "either" if annual and total else ("total" if total else "annual")
        year_m = re.search(r"(?:19|20)\d{2}", compact)
        return Column("growth", text.strip(), line, year=int(year_m.group()) if year_m else None, unit=unit, span=span)
    y = _YEAR_HEADER.match(compact)
    if y and not re.search(r"\d", y.group("rest")):
        words = y.group("pre") + y.group("rest")
        role: ColumnRole = "other"
        if any(w in words for w in _BASE_WORDS):
            role = "baseline"
        elif any(w in words for w in _TARGET_WORDS) or not words.strip("年末底()（）"):
            role = "target"  # a bare year: which of base and target is settled once all are read
        return Column(role, text.strip(), line, year=int(y.group("year")), unit=unit)
    if any(compact.startswith(w) or compact.endswith(w + "值") for w in _BASE_WORDS) and len(compact) <= 8:
        year_m = re.search(r"(?:19|20)\d{2}", compact)
        return Column("baseline", text.strip(), line, year=int(year_m.group()) if year_m else None, unit=unit)
    if any(w in compact for w in _TARGET_WORDS) and len(compact) <= 8:
        year_m = re.search(r"(?:19|20)\d{2}", compact)
        return Column("target", text.strip(), line, year=int(year_m.group()) if year_m else None, unit=unit)
    return None


def _settle_years(columns: list[Column]) -> list[Column]:
    """Bare year columns: with no column marked as the base, the earliest year is the base."""
    if any(c.role == "baseline" for c in columns):
        return columns
    bare = [c for c in columns if c.role == "target" and c.year is not None and not _marked_target(c.header)]
    targets = [c for c in columns if c.role == "target"]
    if len(targets) < 2 or not bare:
        return columns
    first = min(bare, key=lambda c: c.year or 0)
    return [Column("baseline", c.header, c.line, c.year, c.unit) if c is first else c for c in columns]


def _marked_target(header: str) -> bool:
    return any(w in header for w in _TARGET_WORDS)


def _valid_header(columns: Sequence[Column]) -> bool:
    roles = [c.role for c in columns]
    return "name" in roles and any(r in ("baseline", "target", "growth") for r in roles)


# ----------------------------------------------------------------------------- rows

_ORDINAL = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[①-⑳])\s*")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十]+[)）]|专栏|附表|表\s*\d|注\s*[:：]|说明\s*[:：])"
)
_TEXT_TARGET_WORDS = ("保持", "视情", "区间", "同步", "稳步", "控制在", "提出", "下达", "逐步", "不低于", "不高于")
"""Words of a text target (保持在合理区间、各年度视情提出), which are never an indicator's name."""
_PROSE_LENGTH = 45


def _is_prose(text: str) -> bool:
    """A line that cannot be a table cell: a sentence, or a heading of the text."""
    s = normalize(text).strip()
    return len(s) > _PROSE_LENGTH or "。" in s or bool(_HEADING.match(s))


def _name_like(text: str) -> bool:
    """A cell that names a row (or a group): words, not a figure, a unit, an attribute or a text target."""
    value = parse_cell(text)
    if value.kind not in ("text", "unclear") or is_unit(text):
        return False
    s = normalize(text)
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", s):
        return False
    return not any(w in s for w in _TEXT_TARGET_WORDS)


def _clean_name(printed: str) -> tuple[str, str | None]:
    name, unit = split_name_unit(printed)
    m = _ORDINAL.match(normalize(name))
    if m and m.end() < len(name):
        name = name[m.end() :]
    return name.strip(), unit


@dataclass
class _RowBuilder:
    columns: tuple[Column, ...]
    problems: list[str] = field(default_factory=list)

    @property
    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role in VALUE_ROLES]

    def build(
        self,
        name: tuple[str, int],
        values: Sequence[tuple[str, int]],
        group: str | None,
        unit_cell: tuple[str, int] | None = None,
        *,
        aligned: bool = False,
    ) -> Row:
        """A row from its name cell, its value cells (text, line) and unit cell.

        ``aligned``: the cells stand in their columns' places (one row a line, empty cells kept);
        otherwise missing cells are guessed (the base value first).
        """
        problems: list[str] = []
        clean, unit = _clean_name(name[0])
        unit_line = name[1] if unit else None
        cells = list(values)
        if unit_cell is not None:
            text = normalize(unit_cell[0]).strip()
            if text and parse_cell(unit_cell[0]).kind != "absent":
                if unit and text != unit:
                    problems.append(f"unit {text!r} in its column, {unit!r} in the name: the column's is kept")
                unit, unit_line = text, unit_cell[1]
        columns = self.value_columns
        placed: list[TableCell] = []
        if aligned or len(cells) == len(columns):
            for column, (text, line) in zip(columns, cells, strict=False):
                placed.append(TableCell(column, text, line, parse_cell(text)))
            if len(cells) > len(columns):
                extra = ", ".join(repr(t) for t, _ in cells[len(columns) :])
                problems.append(f"{len(cells)} cells for {len(columns)} columns: {extra} left out")
        else:
            placed, guess_problems = _align(columns, cells)
            problems.extend(guess_problems)
        return Row(clean, name[0].strip(), name[1], unit, unit_line, group, tuple(placed), tuple(problems))


def _cells(n: int) -> str:
    return f"{n} value cell" if n == 1 else f"{n} value cells"


def _align(columns: Sequence[Column], cells: Sequence[tuple[str, int]]) -> tuple[list[TableCell], list[str]]:
    """Place fewer (or more) cells than columns: attributes go to the attribute column, and the
    columns left without a cell are the base value's first, then the growth's."""
    values = [(t, line, parse_cell(t)) for t, line in cells]
    problems: list[str] = []
    binding_cols = [c for c in columns if c.role == "binding"]
    placed: list[TableCell] = []
    rest_cols = [c for c in columns if c.role != "binding"]
    rest_vals = []
    for text, line, value in values:
        if value.kind == "attribute" and binding_cols:
            placed.append(TableCell(binding_cols.pop(0), text, line, value))
        else:
            rest_vals.append((text, line, value))
    if len(rest_vals) > len(rest_cols):
        extra = ", ".join(repr(t) for t, _, _ in rest_vals[len(rest_cols) :])
        problems.append(f"{_cells(len(rest_vals))} for {len(rest_cols)} columns: {extra} left out")
        rest_vals = rest_vals[: len(rest_cols)]
    missing = len(rest_cols) - len(rest_vals)
    if missing > 0:
        order = {"baseline": 0, "growth": 1, "other": 2, "target": 3}
        dropped = sorted(rest_cols, key=lambda c: (order.get(c.role, 2), rest_cols.index(c)))[:missing]
        kept = [c for c in rest_cols if c not in dropped]
        names = ", ".join(c.header for c in dropped)
        problems.append(f"{_cells(len(rest_vals))} for {len(rest_cols)} columns: taken as without {names}")
        rest_cols = kept
    for column, (text, line, value) in zip(rest_cols, rest_vals, strict=False):
        placed.append(TableCell(column, text, line, value))
    order_of = {id(c): i for i, c in enumerate(columns)}
    placed.sort(key=lambda c: order_of[id(c.column)])
    return placed, problems


# ----------------------------------------------------------------------------- finding tables


def _title_before(lines: Sequence[_Line], index: int) -> tuple[str | None, int | None]:
    j = index - 1
    while j >= 0 and lines[j].kind == "blank":
        j -= 1
    if j < 0 or index - j > 3:
        return None, None
    text = lines[j].text.strip()
    norm = normalize(text)
    if len(norm) <= 60 and "。" not in norm and ("指标" in norm or "专栏" in norm or "表" in norm):
        return text, lines[j].number
    return None, None


def _read_stream_table(lines: Sequence[_Line], start: int) -> tuple[Table, int] | None:
    """A table printed one cell a line, whose header starts at ``lines[start]``."""
    bar = lines[start].kind == "bar"
    columns: list[Column] = []
    i = start
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "blank":
            i += 1
            continue
        if len(ln.cells) != 1 or (ln.kind == "bar") != bar:
            break
        column = header_column(ln.cells[0], ln.number)
        if column is None or (column.role == "name" and any(c.role == "name" for c in columns)):
            break
        columns.append(column)
        i += 1
    if not _valid_header(columns) or columns[0].role not in ("name", "index", "group"):
        return None
    columns = _settle_years(columns)
    stream: list[tuple[str, int]] = []
    last = i
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "blank":
            i += 1
            continue
        if len(ln.cells) != 1 or (ln.kind == "bar") != bar:
            break
        if not bar and _is_prose(ln.text):
            break
        stream.append((ln.cells[0], ln.number))
        last = i
        i += 1
    builder = _RowBuilder(tuple(columns))
    expected = sum(1 for c in columns if c.role in VALUE_ROLES)
    has_unit_column = any(c.role == "unit" for c in columns)
    rows: list[Row] = []
    problems: list[str] = []
    group: str | None = None
    k = 0
    while k < len(stream):
        text, line = stream[k]
        if not _name_like(text):
            problems.append(f"line {line}: cell {text!r} stands where a row name was expected; left out")
            k += 1
            continue
        values: list[tuple[str, int]] = []
        unit_cell: tuple[str, int] | None = None
        k += 1
        if has_unit_column and k < len(stream) and is_unit(stream[k][0]):
            unit_cell = stream[k]
            k += 1
        while k < len(stream) and len(values) < expected and not _name_like(stream[k][0]):
            values.append(stream[k])
            k += 1
        if not values and unit_cell is None:
            group = _clean_name(text)[0]
            continue
        rows.append(builder.build((text, line), values, group, unit_cell))
    header_line = columns[0].line
    title, title_line = _title_before(lines, start)
    layout: Layout = "cell-per-line-bar" if bar else "cell-per-line"
    table = Table(
        title, title_line, layout, header_line, lines[last].number, tuple(columns), tuple(rows), tuple(problems)
    )
    return table, last + 1


def _read_row_table(lines: Sequence[_Line], start: int, columns: list[Column]) -> tuple[Table, int]:
    """A table printed one row a line, whose header is ``lines[start]``."""
    header = lines[start]
    columns = _settle_years(columns)
    builder = _RowBuilder(tuple(columns))
    n = len(columns)
    name_at = next(i for i, c in enumerate(columns) if c.role == "name")
    group_at = next((i for i, c in enumerate(columns) if c.role == "group"), None)
    unit_at = next((i for i, c in enumerate(columns) if c.role == "unit"), None)
    rows: list[Row] = []
    problems: list[str] = []
    group: str | None = None
    last = start
    blanks = 0
    i = start + 1
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "blank":
            blanks += 1
            if blanks >= 2:
                break
            i += 1
            continue
        blanks = 0
        if ln.kind == "rule":
            i += 1
            continue
        cells = list(ln.cells)
        if len(cells) == 1 or (len(cells) > 1 and all(not c for c in cells[1:])):
            if _is_prose(cells[0]) or not cells[0]:
                break
            group = _clean_name(cells[0])[0]
            last = i
            i += 1
            continue
        if group_at is not None:
            if len(cells) == n - 1:
                cells.insert(group_at, "")
            if len(cells) > group_at and cells[group_at]:
                group = _clean_name(cells[group_at])[0]
        if len(cells) < n:
            problems.append(f"line {ln.number}: {len(cells)} cells for {n} columns; the last columns taken as empty")
            cells += [""] * (n - len(cells))
        name = (cells[name_at], ln.number)
        unit_cell = (cells[unit_at], ln.number) if unit_at is not None else None
        values = [(cells[j], ln.number) for j, c in enumerate(columns) if c.role in VALUE_ROLES]
        values += [(c, ln.number) for c in cells[n:]]
        rows.append(builder.build(name, values, group, unit_cell, aligned=True))
        last = i
        i += 1
    layout: Layout = "markdown" if header.kind == "markdown" else "delimited"
    title, title_line = _title_before(lines, start)
    table = Table(
        title, title_line, layout, header.number, lines[last].number, tuple(columns), tuple(rows), tuple(problems)
    )
    return table, last + 1


def find_tables(lines: Sequence[str]) -> list[Table]:
    """Every indicator table in a document given as its lines (line 1 is ``lines[0]``)."""
    split = []
    for number, text in enumerate(lines, start=1):
        cells, kind = split_line(text)
        split.append(_Line(number, cells, kind, text))
    tables: list[Table] = []
    i = 0
    while i < len(split):
        ln = split[i]
        if len(ln.cells) >= 2 and ln.kind in ("bar", "markdown", "tab", "spaces"):
            headers = [header_column(c, ln.number) for c in ln.cells]
            known = [c for c in headers if c is not None]
            if _valid_header(known) and 3 * (len(headers) - len(known)) <= len(headers):
                columns = [
                    c or Column("other", text.strip(), ln.number) for c, text in zip(headers, ln.cells, strict=True)
                ]
                table, i = _read_row_table(split, i, columns)
                tables.append(table)
                continue
        if len(ln.cells) == 1 and ln.kind in ("single", "bar"):
            column = header_column(ln.cells[0], ln.number)
            if column is not None and column.role in ("name", "index", "group"):
                found = _read_stream_table(split, i)
                if found is not None:
                    table, i = found
                    tables.append(table)
                    continue
        i += 1
    return tables

"""A draft plan from a document read: every figure placed as an indicator or a claim, or kept aside.

:func:`draft` turns a :class:`~.document.Reading` into a :class:`Draft`: the plan's metadata (from
what the caller gives, else from the text, else a placeholder), one entry per table row, one per
target or achievement of the prose, and every number that could not be placed (:class:`Aside`),
each with its line. Nothing read is dropped: what does not fit the plan format is kept aside with
the reason. ``render.draft`` writes the draft as a plan file.

Entries hold the plan file's fields as plain mappings (figures' values as printed text), in the
order the file writes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .cells import Amount, normalize
from .document import Reading
from .prose import Statement
from .tables import Row, Table, TableCell

PLACEHOLDER = "TODO"
"""What a value the text does not give starts with, until it is filled in (``validate`` reports it)."""

Section = Literal["indicators", "claims"]
Fields = dict[str, object]

LEVELS = ("national", "province", "prefecture", "county", "zone")


@dataclass(frozen=True)
class Given:
    """Metadata the caller gives (command-line options); None: taken from the text or a placeholder."""

    id: str | None = None
    title: str | None = None
    region: str | None = None
    region_en: str | None = None
    level: str | None = None
    parent: str | None = None
    period: tuple[int, int] | None = None
    issuer: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Entry:
    """One indicator or claim of the draft, and where it was read."""

    section: Section
    fields: Fields
    line: int
    origin: Literal["table", "prose"]
    notes: tuple[str, ...] = ()
    """Things a reviewer should check, written as comments above the entry."""


@dataclass(frozen=True)
class Aside:
    """Something read that the draft could not place: its line, the text and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Draft:
    """A draft plan: metadata, entries, and what was kept aside."""

    meta: Fields
    guessed: Mapping[str, str]
    """Metadata taken from the text rather than given: field → where it came from."""
    placeholders: tuple[str, ...]
    """Metadata neither given nor found in the text: left as placeholders."""
    entries: tuple[Entry, ...]
    aside: tuple[Aside, ...]
    tables: int

    @property
    def rows(self) -> int:
        return sum(1 for e in self.entries if e.origin == "table")

    @property
    def targets(self) -> int:
        return sum(1 for e in self.entries if e.origin == "prose" and e.section == "indicators")

    @property
    def claims(self) -> int:
        return sum(1 for e in self.entries if e.section == "claims")


# ----------------------------------------------------------------------------- metadata

_TITLE_WORDS = ("规划", "方案", "要点", "计划", "纲要", "意见")
_REGION = re.compile(r"^(?:关于印发)?(?P<region>[\u4e00-\u9fff]{1,8}?(?:自治区|省|市|县|区))")
_NOT_REGION = re.compile(r"^(?:我|全|本|各|首页)")
_PERIOD_IN_TITLE = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[—－\-–~～至]\s*((?:19|20)\d{2})")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025)}
_FIVE_YEAR.update({"十五五": (2026, 2030)})
_ONE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ISSUER = re.compile(r"(?:发布机构|发文机关|发文单位)\s*[:：]\s*(?P<who>[^\s:：]{2,30})")


_ISSUED_BY = re.compile(
    r"^\s*(?P<who>[\u4e00-\u9fff]{2,20}(?:人民政府|办公室|委员会|局))关于印发(?P<title>.*?)(?:的通知)?\s*$"
)


def _title(lines: Sequence[str]) -> tuple[str, int, str | None] | None:
    """The plan's title in its first lines, its line, and who issued it where the line says
    (德清县人民政府关于印发…的通知)."""
    for number, text in enumerate(lines[:15], start=1):
        norm = normalize(text).strip()
        m = _ISSUED_BY.match(norm)
        if m is None:
            continue
        title = m.group("title").strip()
        who = m.group("who")
        if not title:  # the title is on the next line that is not blank
            later = [(n, t) for n, t in enumerate(lines[number : number + 4], start=number + 1) if t.strip()]
            if not later:
                continue
            number, title = later[0][0], normalize(later[0][1]).strip()
            title = title[: -len("的通知")] if title.endswith("的通知") else title
        return title, number, who
    for number, text in enumerate(lines[:15], start=1):
        norm = normalize(text).strip()
        if 6 <= len(norm) <= 60 and not re.search(r"[。>:,]", norm) and any(w in norm for w in _TITLE_WORDS):
            return norm, number, None
    return None


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "plan"


def _level_of(region: str) -> str:
    if region.endswith(("省", "自治区")):
        return "province"
    if region.endswith(("县", "区")):
        return "county"
    return "prefecture"


def _years_of_tables(tables: Sequence[Table]) -> tuple[int, int] | None:
    for table in tables:
        base = [c.year for c in table.columns if c.role == "baseline" and c.year]
        target = [c.year for c in table.columns if c.role == "target" and c.year]
        if target:
            return ((max(base) + 1) if base else min(target), max(target))
    return None


def _meta(reading: Reading, given: Given) -> tuple[Fields, dict[str, str], list[str]]:
    guessed: dict[str, str] = {}
    placeholders: list[str] = []
    found = _title(reading.lines)
    title = given.title
    if title is None and found is not None:
        title = found[0]
        guessed["title"] = f"line {found[1]}"
    if title is None:
        title = f"{PLACEHOLDER}: 规划标题"
        placeholders.append("title")
    region = given.region
    if region is None and found is not None:
        m = _REGION.match(normalize(found[0]))
        if m and not _NOT_REGION.match(m.group("region")):
            region = found[0][: m.end("region")]
            region = region[len("关于印发") :] if region.startswith("关于印发") else region
            guessed["region"] = f"the title (line {found[1]})"
    if region is None:
        region = f"{PLACEHOLDER}: 地区"
        placeholders.append("region")
    level = given.level
    if level is None:
        level = _level_of(region) if PLACEHOLDER not in region else "county"
        guessed["level"] = f"the region's name ({region})" if PLACEHOLDER not in region else "nothing: a default"
    period = given.period
    if period is None:
        for text in (found[0] if found else "", *reading.lines[:10]):
            norm = normalize(text)
            m = _PERIOD_IN_TITLE.search(norm)
            if m and int(m.group(1)) <= int(m.group(2)):
                period = (int(m.group(1)), int(m.group(2)))
            else:
                period = next((years for word, years in _FIVE_YEAR.items() if word in norm), None)
            if period is None and text and found and text == found[0]:
                one = _ONE_YEAR.search(norm)
                period = (int(one.group(1)), int(one.group(1))) if one else None
            if period is not None:
                guessed["period"] = "the title" if found and text == found[0] else "the first lines"
                break
    if period is None:
        period = _years_of_tables(reading.tables)
        if period is not None:
            guessed["period"] = "the years of the table"
    if period is None:
        years = [s.year for s in reading.statements if s.year is not None]
        if years:
            period = (min(years), max(years))
            guessed["period"] = "the years of the figures"
    if period is None:
        period = (2021, 2025)
        guessed["period"] = "nothing: a default"
    region_en = given.region_en
    if region_en is None:
        region_en = f"{PLACEHOLDER}: English name"
        placeholders.append("region.en")
    plan_id = given.id
    if plan_id is None:
        plan_id = (
            f"{PLACEHOLDER.lower()}-{period[0]}-{period[1]}"
            if PLACEHOLDER in region_en
            else f"{_slug(region_en)}-{period[0]}-{period[1]}"
        )
        if PLACEHOLDER in region_en:
            placeholders.append("id")
    issuer = given.issuer
    if issuer is None and found is not None and found[2] is not None:
        issuer = found[2]
        guessed["issuer"] = f"line {found[1]}"
    if issuer is None:
        for number, text in enumerate(reading.lines[:20], start=1):
            m = _ISSUER.search(normalize(text))
            if m:
                issuer = text[m.start("who") : m.end("who")]
                guessed["issuer"] = f"line {number}"
                break
    region_fields: Fields = {"zh": region, "en": region_en, "level": level}
    if given.parent:
        region_fields["parent"] = given.parent
    meta: Fields = {"id": plan_id, "title": {"zh": title}, "region": region_fields}
    if issuer:
        meta["issuer"] = issuer
    meta["period"] = {"first": period[0], "last": period[1]}
    if given.source:
        meta["source"] = given.source
    return meta, guessed, placeholders


# ----------------------------------------------------------------------------- figures


def _figure(amount: Amount, line: int, year: int | None = None, *, printed: bool | None = None) -> Fields:
    out: Fields = {}
    if year is not None:
        out["year"] = year
    out["value"] = amount.value
    if amount.qualifier:
        out["qualifier"] = amount.qualifier
    if amount.upper is not None:
        out["upper"] = amount.upper
    plain = amount.printed in (amount.value, amount.value + (amount.full_unit or ""))
    if printed if printed is not None else not plain:
        out["printed"] = amount.printed
    out["line"] = line
    return out


def _unit(amount: Amount | None) -> str | None:
    if amount is None:
        return None
    if amount.rate_unit is not None:
        return "%"
    return amount.full_unit


def _unknown_unit() -> str:
    return f"{PLACEHOLDER}: 单位"


_RELATIONS = {
    "高于": "above",
    "略高于": "above",
    "快于": "above",
    "超过": "above",
    "优于": "above",
    "低于": "below",
    "略低于": "below",
    "慢于": "below",
    "不低于": "at_least",
    "不慢于": "at_least",
    "不高于": "at_most",
    "不快于": "at_most",
}


def _relation(word: str) -> str:
    return _RELATIONS.get(word, "in_step")


# ----------------------------------------------------------------------------- table rows


@dataclass
class _Ids:
    used: set[str] = field(default_factory=set)

    def new(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


def _row_entry(
    row: Row, table_no: int, period: tuple[int, int], ids: _Ids, names: Mapping[str, str]
) -> tuple[Entry | None, list[Aside]]:
    aside: list[Aside] = []
    notes = list(row.problems)
    fields: Fields = {"id": ids.new(f"t{table_no}-line-{row.line}"), "name": row.name}
    target_cell, base_cell, growth_cell = row.target, row.baseline, row.growth
    amounts = [c.value.amount for c in row.cells if c.value.amount is not None and c.column.role != "growth"]
    unit = row.unit or next((u for u in (_unit(a) for a in amounts) if u), None)
    if unit is None and growth_cell is not None and growth_cell.value.amount is not None:
        unit = "%" if growth_cell.value.amount.rate_unit == "pp" else None
    if unit is None:
        unit = _unknown_unit()
        notes.append("no unit is printed for this row: give its unit")
    fields["unit"] = unit
    if row.group:
        fields["group"] = row.group
    fields["line"] = row.line
    if base_cell is not None:
        _place_baseline(fields, base_cell, period, notes, aside)
    if target_cell is not None:
        _place_target(fields, target_cell, period, notes, aside, names)
    if growth_cell is not None:
        _place_growth(fields, growth_cell, notes, aside)
    binding = row.binding
    if binding is not None and binding.value.binding is not None:
        fields["binding"] = binding.value.binding
    for cell in row.cells:
        if cell.column.role == "other" and cell.value.kind not in ("absent",):
            aside.append(Aside(cell.line, cell.text, f"a cell of column {cell.column.header!r}, which has no field"))
    if not any(k in fields for k in ("target", "growth", "total", "goal", "relative")):
        printed = " | ".join([row.printed_name, *(c.text for c in row.cells)])
        aside.append(Aside(row.line, printed, "a row without a target, a stated growth or a text target"))
        return None, aside
    return Entry("indicators", fields, row.line, "table", tuple(notes)), aside


def _cell_year(cell: TableCell, default: int | None) -> int | None:
    return cell.value.year or cell.column.year or default


def _place_baseline(
    fields: Fields, cell: TableCell, period: tuple[int, int], notes: list[str], aside: list[Aside]
) -> bool:
    value = cell.value
    if value.kind == "absent":
        return False
    if value.amount is None:
        aside.append(Aside(cell.line, cell.text, f"a base-year cell that is not a figure ({value.kind})"))
        return False
    year = _cell_year(cell, None)
    if year is None:
        year = period[0] - 1
        notes.append(f"the base column prints no year: {year} (the year before the period) is assumed")
    base = _figure(value.amount, cell.line, year)
    if value.other_year:
        base["other_year"] = True
        notes.append(f"the base value {cell.text} is marked *: another year's data; give its year")
    fields["baseline"] = base
    return True


def _place_target(
    fields: Fields,
    cell: TableCell,
    period: tuple[int, int],
    notes: list[str],
    aside: list[Aside],
    names: Mapping[str, str],
) -> bool:
    value = cell.value
    if value.kind == "absent":
        return False
    if value.kind == "text":
        fields["goal"] = {"text": cell.text, "line": cell.line}
        return True
    if value.kind == "relative" and value.relative_to is not None:
        other = names.get(normalize(value.relative_to))
        if other is None:
            aside.append(
                Aside(cell.line, cell.text, f"relative to {value.relative_to!r}, which is no row of the table")
            )
            return False
        relation: Fields = {"relation": _relation(value.relation or ""), "to": other, "printed": cell.text}
        relation["line"] = cell.line
        fields["relative"] = relation
        return True
    if value.amount is None:
        aside.append(Aside(cell.line, cell.text, f"a target cell that is not one figure ({value.kind})"))
        return False
    year = _cell_year(cell, None)
    if year is None:
        year = period[1]
        notes.append(f"the target column prints no year: {year} (the plan's last year) is assumed")
    target = _figure(value.amount, cell.line, year)
    if value.cumulative:
        target["kind"] = "cumulative"
    fields["target"] = target
    return True


def _place_growth(fields: Fields, cell: TableCell, notes: list[str], aside: list[Aside]) -> bool:
    value = cell.value
    if value.kind == "absent":
        return False
    if value.amount is None:
        aside.append(Aside(cell.line, cell.text, f"a growth cell that is not one figure ({value.kind})"))
        return False
    amount = value.amount
    unit: str = amount.rate_unit or ("percent" if (cell.column.unit or "%") == "%" else "absolute")
    total = value.cumulative or cell.column.span == "total"
    fig = _figure(amount, cell.line)
    if total:
        fig["unit"] = amount.change_unit if amount.unit else unit
        fields["total"] = _ordered(fig, ("value", "unit", "qualifier", "printed", "line"))
    else:
        fig["unit"] = unit
        if amount.upper is not None:
            notes.append(f"the stated growth is a range ({amount.printed}): only its lower end is kept")
            fig.pop("upper")
        fields["growth"] = _ordered(fig, ("value", "unit", "qualifier", "printed", "line"))
    return True


def _ordered(fig: Fields, order: Sequence[str]) -> Fields:
    return {k: fig[k] for k in order if k in fig} | {k: v for k, v in fig.items() if k not in order}


# ----------------------------------------------------------------------------- prose


def _name(s: Statement) -> str:
    return s.subject.strip() or f"{PLACEHOLDER}: 名称"


def _prose_entries(
    statements: Sequence[Statement], period: tuple[int, int], ids: _Ids
) -> tuple[list[Entry], list[Aside]]:
    entries: list[Entry] = []
    aside: list[Aside] = []
    used: set[int] = set()
    by_line: dict[int, list[int]] = {}
    for k, s in enumerate(statements):
        by_line.setdefault(s.line, []).append(k)
    targets_from = min(
        (s.line for s in statements if s.year is not None and s.year >= period[0] and s.year_source == "line"),
        default=None,
    )
    for k, s in enumerate(statements):
        if k in used:
            continue
        used.add(k)
        partner = _partner(statements, by_line[s.line], k, used)
        past = s.year is None and targets_from is not None and s.line < targets_from
        entry, left = _achievement(s, partner, period, ids) if past else _statement_entry(s, partner, period, ids)
        if partner is not None:
            used.add(statements.index(partner))
        if entry is not None:
            entries.append(entry)
        aside.extend(left)
    return entries, aside


def _partner(statements: Sequence[Statement], same_line: Sequence[int], k: int, used: set[int]) -> Statement | None:
    """A level and a change of the same subject on one line (倍增, 达到40亿元) are one entry."""
    s = statements[k]
    kinds = {"level", "change"}
    if s.kind not in kinds:
        return None
    for j in same_line:
        other = statements[j]
        if j in used or other.subject != s.subject or other.kind == s.kind or other.kind not in kinds:
            continue
        return other
    return None


def _statement_entry(
    s: Statement, partner: Statement | None, period: tuple[int, int], ids: _Ids
) -> tuple[Entry | None, list[Aside]]:
    level = next((x for x in (s, partner) if x is not None and x.kind == "level"), None)
    change = next((x for x in (s, partner) if x is not None and x.kind == "change"), None)
    notes: list[str] = []
    first = s if partner is None or s.column <= partner.column else partner
    if s.kind == "between":
        return _between(s, ids)
    if change is not None and change.start_year is not None:
        return _change_claim(change, level, period, ids)
    year = s.year
    if s.kind in ("level", "increment", "cumulative", "coverage") and year is not None and year < period[0]:
        return None, [
            Aside(
                s.line,
                s.clause,
                f"{s.subject or 'a figure'} {s.amount.printed} for {year}, before the plan's period: "
                "an achievement (a claim's end, or a baseline)",
            )
        ]
    fields: Fields = {"id": ids.new(f"line-{first.line}"), "name": _name(first)}
    if not first.subject.strip():
        notes.append("no subject could be read: name it")
    unit = "%" if s.kind == "coverage" else _unit(level.amount if level else s.amount)
    if s.kind == "growth_rate" and s.amount.rate_unit == "percent":
        unit = None
    if change is not None and level is None and change.amount.change_unit in ("percent", "times"):
        unit = None
    if unit is None:
        unit = _unknown_unit()
        notes.append("the unit of the indicator is not printed with the figure: give it")
    fields["unit"] = unit
    fields["line"] = first.line
    if s.kind == "growth_rate":
        fig = _figure(s.amount, s.line)
        if s.falling:
            fig["value"] = "-" + s.amount.value
            fig["printed"] = s.amount.printed
        fig["unit"] = s.amount.rate_unit or "percent"
        fields["growth"] = _ordered(fig, ("value", "unit", "qualifier", "printed", "line"))
    if level is not None or s.kind in ("increment", "cumulative", "coverage"):
        source = level or s
        year = source.year
        if year is None:
            year = period[1]
            notes.append(f"no year is printed: {year} (the plan's last year) is assumed")
        printed = True if source.kind == "coverage" else None
        target = _figure(source.amount, source.line, year, printed=printed)
        if source.kind in ("increment", "cumulative"):
            target["kind"] = source.kind
        if source.per_year:
            target["per_year"] = True
        fields["target"] = _ordered(
            target, ("year", "value", "qualifier", "upper", "kind", "per_year", "printed", "line")
        )
    if change is not None:
        fig = _figure(change.amount, change.line, printed=change.amount.unit == "倍" or None)
        fig["unit"] = change.amount.change_unit
        if change.falling:
            fig["direction"] = "down"
        fields["total"] = _ordered(fig, ("value", "unit", "qualifier", "direction", "printed", "line"))
    if any(x is not None and x.aspirational for x in (s, partner)):
        fields["aspirational"] = True
    return Entry("indicators", fields, first.line, "prose", tuple(notes)), []


def _achievement(
    s: Statement, partner: Statement | None, period: tuple[int, int], ids: _Ids
) -> tuple[Entry | None, list[Aside]]:
    """A figure with no year, before the first target of the plan: what the last period achieved.
    A change over it (新增, 累计, 增长) is a claim over the previous period; a level is kept aside."""
    if s.kind == "between" or (s.kind == "change" and s.start_year is not None):
        return _statement_entry(s, partner, period, ids)
    span = period[1] - period[0] + 1
    end, start = period[0] - 1, period[0] - 1 - span
    change = next((x for x in (s, partner) if x is not None and x.kind != "level"), None)
    level = next((x for x in (s, partner) if x is not None and x.kind == "level"), None)
    if change is None or change.kind == "coverage":
        return None, [
            Aside(
                s.line,
                s.clause,
                f"{s.subject or 'a figure'} {s.amount.printed} with no year, among what the last period "
                f"achieved: a baseline ({end}) or a claim's end",
            )
        ]
    unit, known = _claim_unit(change.amount, level.amount if level else None)
    notes = [f"no years are printed: the previous period, {start} to {end}, is assumed"]
    if not known:
        notes.append("the unit is not printed with the figures: give it")
    first = level if level is not None and level.column < change.column else change
    fields: Fields = {"id": ids.new(f"claim-line-{change.line}"), "subject": _name(first), "unit": unit}
    fields["line"] = first.line
    fields["start"] = {"year": start}
    fields["end"] = _figure(level.amount, level.line, end) if level is not None else {"year": end}
    fig = _figure(change.amount, change.line, printed=change.amount.unit == "倍" or None)
    fig["unit"] = change.amount.change_unit
    if change.kind == "growth_rate":
        fig["per_year"] = True
    fields["changes"] = [_ordered(fig, ("value", "unit", "per_year", "qualifier", "printed", "line"))]
    if change.kind == "cumulative" and level is None:
        notes.append(f"{change.amount.printed} 累计: if it counts what exists in {end}, make it the end's value")
    return Entry("claims", fields, first.line, "prose", tuple(notes)), []


def _claim_unit(amount: Amount, other: Amount | None = None) -> tuple[str, bool]:
    unit = _unit(other) if other is not None else None
    unit = unit or (_unit(amount) if amount.change_unit in ("pp", "absolute") else None)
    return (unit, True) if unit else (_unknown_unit(), False)


def _between(s: Statement, ids: _Ids) -> tuple[Entry | None, list[Aside]]:
    assert s.start is not None
    if s.start_year is None or s.year is None or s.year <= s.start_year:
        return None, [
            Aside(
                s.line,
                s.clause,
                f"from {s.start.printed} to {s.amount.printed}: the years of the two values are not both printed",
            )
        ]
    unit, known = _claim_unit(s.amount, s.amount if s.amount.full_unit else s.start)
    fields: Fields = {"id": ids.new(f"claim-line-{s.line}"), "subject": _name(s), "unit": unit, "line": s.line}
    fields["start"] = _figure(s.start, s.line, s.start_year)
    fields["end"] = _figure(s.amount, s.line, s.year)
    notes = [] if known else ["the unit is not printed with the figures: give it"]
    return Entry("claims", fields, s.line, "prose", tuple(notes)), []


def _change_claim(
    change: Statement, level: Statement | None, period: tuple[int, int], ids: _Ids
) -> tuple[Entry | None, list[Aside]]:
    assert change.start_year is not None
    notes: list[str] = []
    end_year = (level.year if level is not None else None) or change.year
    if end_year is None:
        end_year = period[0] - 1 if period[0] - 1 > change.start_year else period[1]
        notes.append(f"the year of the change's end is not printed: {end_year} is assumed")
    if end_year <= change.start_year:
        return None, [
            Aside(change.line, change.clause, f"a change since {change.start_year} with no later year to end at")
        ]
    unit, known = _claim_unit(change.amount, level.amount if level else None)
    if not known:
        notes.append("the unit is not printed with the figures: give it")
    first = level if level is not None and level.column < change.column else change
    fields: Fields = {"id": ids.new(f"claim-line-{change.line}"), "subject": _name(first), "unit": unit}
    fields["line"] = first.line
    fields["start"] = {"year": change.start_year}
    fields["end"] = _figure(level.amount, level.line, end_year) if level is not None else {"year": end_year}
    fig = _figure(change.amount, change.line, printed=change.amount.unit == "倍" or None)
    fig["unit"] = change.amount.change_unit
    fields["changes"] = [_ordered(fig, ("value", "unit", "qualifier", "printed", "line"))]
    if change.falling:
        notes.append(f"a fall ({change.amount.printed}): write the change's value as negative")
    return Entry("claims", fields, first.line, "prose", tuple(notes)), []


# ----------------------------------------------------------------------------- the draft


def draft(reading: Reading, given: Given = Given()) -> Draft:
    """The draft plan of a document read: metadata, an entry for every row and statement placed,
    and everything else aside with its reason."""
    meta, guessed, placeholders = _meta(reading, given)
    period_fields = meta["period"]
    assert isinstance(period_fields, dict)
    period = (int(period_fields["first"]), int(period_fields["last"]))
    ids = _Ids()
    entries: list[Entry] = []
    aside: list[Aside] = []
    for number, table in enumerate(reading.tables, start=1):
        row_ids = {normalize(row.name): f"t{number}-line-{row.line}" for row in table.rows}
        for problem in table.problems:
            m = re.match(r"line (\d+): (.*)", problem)
            line = int(m.group(1)) if m else table.header_line
            aside.append(Aside(line, reading.lines[line - 1], m.group(2) if m else problem))
        for row in table.rows:
            entry, left = _row_entry(row, number, period, ids, row_ids)
            if entry is not None:
                entries.append(entry)
            aside.extend(left)
    prose, left = _prose_entries(reading.statements, period, ids)
    entries.extend(_restatements(entries, prose))
    aside.extend(left)
    for u in reading.unread:
        aside.append(Aside(u.line, u.clause, f"{', '.join(u.numbers)}: {u.reason}"))
    aside.sort(key=lambda a: a.line)
    return Draft(meta, guessed, tuple(placeholders), tuple(entries), tuple(aside), len(reading.tables))


_SCOPE_WORDS = re.compile(r"^(?:全社会|全省|全市|全县|全区|全镇)|(?:总数|数量|数)$")


def _same_name(a: str, b: str) -> bool:
    """Two names of one indicator: equal, or one within the other, once 全县… and …数 are left out."""
    a, b = (_SCOPE_WORDS.sub("", normalize(x).strip()) for x in (a, b))
    return bool(a) and bool(b) and (a in b or b in a)


def _same_target(a: object, b: Mapping[str, object]) -> bool:
    return isinstance(a, dict) and a.get("value") == b.get("value") and a.get("year") == b.get("year")


def _restatements(table: list[Entry], prose: list[Entry]) -> list[Entry]:
    """The prose entries that are not a table row's target said again; those become the row's
    ``restated`` (the restatement check compares them)."""
    kept: list[Entry] = []
    for entry in prose:
        target = entry.fields.get("target")
        only_target = entry.section == "indicators" and not any(
            k in entry.fields for k in ("baseline", "growth", "total")
        )
        row = next(
            (
                t
                for t in table
                if only_target
                and isinstance(target, dict)
                and "kind" not in target
                and _same_target(t.fields.get("target"), target)
                and _same_name(str(t.fields["name"]), str(entry.fields["name"]))
            ),
            None,
        )
        if row is None or not isinstance(target, dict):
            kept.append(entry)
            continue
        again: Fields = {k: target[k] for k in ("value", "qualifier", "year", "printed", "line") if k in target}
        restated = row.fields.setdefault("restated", [])
        assert isinstance(restated, list)
        restated.append(again)
    return kept

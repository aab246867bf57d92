"""One table cell or one number phrase, read into a structured figure.

A figure keeps the number exactly as printed (``3.20`` keeps its trailing zero) in ASCII digits:
full-width digits and punctuation (``２２％``) are converted and thousands separators (``1,000``)
removed, and the source's own words are kept beside it (``printed``). The words around the number
say how it binds (qualifiers), what it counts (the unit, and a scale such as 万 or 亿), and whether
it is a range (``1—2家``).

Full-width conversion maps one character to one character, so a position in the normalised text is
the same position in the text as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..arith.interval import Qualifier

CellKind = Literal["number", "range", "absent", "text", "relative", "attribute", "unclear"]
"""What a cell holds.

number: one figure · range: two figures (1—2家) · absent: nothing (—, -, empty) · text: words
with no number (保持在合理区间) · relative: a target set against another row (高于国内生产总值增长)
· attribute: 约束性 or 预期性 · unclear: digits that could not be read as one figure.
"""

Binding = Literal["binding", "indicative"]
RateUnit = Literal["percent", "pp"]
ChangeUnit = Literal["percent", "pp", "times", "absolute"]

# ----------------------------------------------------------------------------- normalising

_TRANSLATE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TRANSLATE.update({0x3000: 0x20, 0x00A0: 0x20, 0xFE51: ord("、"), 0xFE50: ord(","), 0x2002: 0x20, 0x2003: 0x20})


def normalize(text: str) -> str:
    """Full-width ASCII forms (２２％, （）, ：) as ASCII and odd spaces as spaces, one character for one.

    ``〔〕`` and ``【】`` are not full-width forms and stay as they are.

    >>> normalize("２２％（亿元）")
    '22%(亿元)'
    """
    return text.translate(_TRANSLATE)


# ----------------------------------------------------------------------------- words

QUALIFIER_WORDS: dict[str, Qualifier] = {
    # before the number
    "不低于": "at_least",
    "不少于": "at_least",
    "突破": "at_least",
    "≥": "at_least",
    "≧": "at_least",
    ">=": "at_least",
    "超过": "more_than",
    "高于": "more_than",
    "多于": "more_than",
    "大于": "more_than",
    "超": "more_than",
    ">": "more_than",
    "不超过": "at_most",
    "不高于": "at_most",
    "≤": "at_most",
    "≦": "at_most",
    "<=": "at_most",
    "低于": "less_than",
    "小于": "less_than",
    "少于": "less_than",
    "<": "less_than",
    "约": "about",
    # after the number
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "左右": "about",
}
"""Every word that makes a figure a bound, and the qualifier it gives (``arith.interval``)."""

PRE_QUALIFIERS = (
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "突破",
    "超过",
    "高于",
    "多于",
    "大于",
    "低于",
    "小于",
    "少于",
)
PRE_SYMBOLS = (">=", "<=", "≥", "≧", "≤", "≦", ">", "<", "超", "约")
POST_QUALIFIERS = ("以上", "以下", "以内", "左右")

SCALES = ("万亿", "千万", "百万", "亿", "万", "千")
"""Multipliers printed between a number and its unit (1.5万家, 60亿元)."""

UNITS = (
    "个百分点",
    "百分点",
    "%",
    "‰",
    "美元",
    "元",
    "人年",
    "人次",
    "人",
    "名",
    "家",
    "个",
    "件",
    "项",
    "台套",
    "台",
    "套",
    "场次",
    "场",
    "所",
    "座",
    "位",
    "次",
    "辆",
    "户",
    "张",
    "条",
    "篇",
    "部",
    "种",
    "批",
    "支",
    "款",
    "株",
    "平方公里",
    "平方米",
    "公里",
    "千米",
    "米",
    "亩",
    "公顷",
    "吨标准煤",
    "吨",
    "千克",
    "毫克",
    "微克",
    "立方米",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "度",
    "小时",
    "天",
    "岁",
    "倍",
)
"""Units a number may carry where it is printed, longest first where one begins another."""

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_SCALE_ALT = "|".join(SCALES)
UNIT_PATTERN = rf"(?:{_UNIT_ALT})(?:/(?:{_SCALE_ALT})?(?:{_UNIT_ALT}))?"

RANGE_MARKS = "—－-–~～至"
"""Marks between the two ends of a range: em dash, full-width hyphen, hyphen, en dash, tildes, 至."""

ABSENT = frozenset({"", "-", "—", "——", "–", "--", "---", "/", "\\", "…", "...", "……", "—/—", "-/-"})
BINDING_WORDS: dict[str, Binding] = {"约束性": "binding", "预期性": "indicative"}
CUMULATIVE_BRACKETS = {"〔": "〕", "[": "]", "【": "】"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PRE = "|".join(re.escape(q) for q in (*PRE_QUALIFIERS, *PRE_SYMBOLS))
_POST = "|".join(POST_QUALIFIERS)

AMOUNT_RE = re.compile(
    rf"(?P<pre>{_PRE})?\s*"
    rf"(?P<sign>[+-])?(?P<num>{_NUM})"
    rf"(?:\s*(?P<mark>[{re.escape(RANGE_MARKS)}])\s*(?P<upper>{_NUM}))?"
    rf"(?P<many>多)?"
    rf"(?P<scale>{_SCALE_ALT})?"
    rf"(?P<unit>{UNIT_PATTERN})?"
    rf"(?P<post>{_POST})?"
)
"""A figure in normalised text: qualifier, number or range, scale, unit, qualifier (all but the number optional)."""

_YEAR_NOTE = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*年?\s*\)\s*$")
_RELATION_BEFORE = re.compile(r"^(略高于|略低于|不低于|不高于|不快于|不慢于|高于|低于|快于|慢于|超过|优于)(.+)$")
_RELATION_WITH = re.compile(r"^(?:与|和|同)(.+?)(基本同步|同步|相适应|相协调|基本持平|持平|相当)$")


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Amount:
    """A number as printed, with what is printed around it.

    ``value`` is ASCII and keeps its precision (``3.20``); for a range it is the lower end and
    ``upper`` the upper end. ``unit`` is the unit printed with the number (``%``, ``个百分点``,
    ``家``, ``元``), ``scale`` a multiplier between them (``万`` in ``1.5万家``): ``full_unit`` joins
    them (``万家``). ``printed`` is the source's text for the figure exactly, qualifier words
    included (``突破1.5万家``, ``２２％``).
    """

    value: str
    printed: str
    upper: str | None = None
    qualifier: Qualifier | None = None
    unit: str | None = None
    scale: str | None = None
    converted: bool = False
    """The digits were not plain ASCII as printed (full-width, or with thousands separators)."""

    @property
    def full_unit(self) -> str | None:
        """Scale and unit together, as plan files write units: ``万家``, ``亿元``, ``%``."""
        if self.scale is None and self.unit is None:
            return None
        return (self.scale or "") + (self.unit or "")

    @property
    def rate_unit(self) -> RateUnit | None:
        """``percent`` for %, ``pp`` for 个百分点 (a change in percentage points), else None."""
        if self.unit == "%":
            return "percent"
        if self.unit in ("个百分点", "百分点"):
            return "pp"
        return None

    @property
    def change_unit(self) -> ChangeUnit:
        """The unit of the figure read as a change: percent, pp, times (倍), else absolute."""
        rate = self.rate_unit
        if rate is not None:
            return rate
        return "times" if self.unit == "倍" else "absolute"


@dataclass(frozen=True)
class CellValue:
    """One table cell, read.

    ``text`` is the cell as printed. For ``number`` and ``range`` cells ``amount`` holds the figure.
    ``cumulative``: the figure is in 〔〕, [] or 【】 or says 累计 (a total over the period).
    ``other_year``: a trailing ``*`` marks the cell's data as being for another year than the
    column's; ``year``: a year printed in the cell itself (``64.7(2019年)``).
    ``relation`` and ``relative_to``: a target set against another row (高于 + 国内生产总值增长).
    ``binding``: 约束性 (binding) or 预期性 (indicative) for an attribute cell.
    """

    text: str
    kind: CellKind
    amount: Amount | None = None
    cumulative: bool = False
    other_year: bool = False
    year: int | None = None
    relation: str | None = None
    relative_to: str | None = None
    binding: Binding | None = None

    @property
    def has_figure(self) -> bool:
        return self.amount is not None


# ----------------------------------------------------------------------------- reading


def amount_from_match(m: re.Match[str], original: str) -> Amount:
    """The :class:`Amount` of an :data:`AMOUNT_RE` match on ``normalize(original)``."""
    printed = original[m.start() : m.end()].strip()
    num = m.group("num")
    value = num.replace(",", "")
    if m.group("sign") == "-":
        value = "-" + value
    upper_text = m.group("upper")
    upper = upper_text.replace(",", "") if upper_text else None
    qualifier: Qualifier | None = None
    for word in (m.group("pre"), m.group("post")):
        if word:
            qualifier = QUALIFIER_WORDS[word]
    if m.group("many") and qualifier is None:
        qualifier = "more_than"
    digits = original[m.start("num") : m.end("num")]
    converted = digits != value.lstrip("-") or (
        upper is not None and original[m.start("upper") : m.end("upper")] != upper
    )
    return Amount(
        value=value,
        printed=printed,
        upper=upper,
        qualifier=qualifier,
        unit=m.group("unit"),
        scale=m.group("scale"),
        converted=converted,
    )


def parse_amount(text: str) -> Amount | None:
    """The figure if ``text`` is one figure and nothing else (``1000以上``, ``≥5``, ``1—2家``), else None.

    >>> a = parse_amount("突破1.5万家")
    >>> (a.value, a.qualifier, a.scale, a.unit, a.full_unit)
    ('1.5', 'at_least', '万', '家', '万家')
    """
    stripped = text.strip()
    norm = normalize(stripped)
    m = AMOUNT_RE.fullmatch(norm)
    if m is None:
        return None
    return amount_from_match(m, stripped)


def parse_binding(text: str) -> Binding | None:
    """``约束性`` → binding, ``预期性`` → indicative (brackets allowed), else None."""
    s = normalize(text).strip().strip("[]【】〔〕()")
    return BINDING_WORDS.get(s)


def parse_cell(text: str) -> CellValue:
    """Read one table cell.

    >>> c = parse_cell("〔13.5〕")
    >>> (c.kind, c.amount.value, c.cumulative)
    ('number', '13.5', True)
    >>> parse_cell("64.7*").other_year
    True
    >>> c = parse_cell("高于国内生产总值增长")
    >>> (c.kind, c.relation, c.relative_to)
    ('relative', '高于', '国内生产总值增长')
    """
    raw = text.strip()
    s = normalize(raw).strip()
    if s in ABSENT or set(s) <= set("—-–/ "):
        return CellValue(raw, "absent")
    binding = parse_binding(s)
    if binding is not None:
        return CellValue(raw, "attribute", binding=binding)

    body = raw  # kept in printed characters: positions in `body` and `normalize(body)` agree
    cumulative = False
    other_year = False
    year: int | None = None
    changed = True
    while changed:
        changed = False
        body = body.strip()
        norm = normalize(body)
        if norm.endswith("*"):
            other_year, changed = True, True
            body = body[:-1]
            continue
        note = _YEAR_NOTE.search(norm)
        if note and note.start() > 0:
            year, changed = int(note.group(1)), True
            body = body[: note.start()]
            continue
        if len(norm) >= 2 and CUMULATIVE_BRACKETS.get(norm[0]) == norm[-1]:
            cumulative, changed = True, True
            body = body[1:-1]
            continue
        if norm.startswith("累计"):
            cumulative, changed = True, True
            body = body[2:]
    amount = parse_amount(body)
    if amount is not None:
        kind: CellKind = "range" if amount.upper is not None else "number"
        return CellValue(raw, kind, amount=amount, cumulative=cumulative, other_year=other_year, year=year)
    norm = normalize(body).strip()
    if not re.search(r"\d", norm):
        rel = _RELATION_BEFORE.match(norm)
        if rel:
            return CellValue(raw, "relative", relation=rel.group(1), relative_to=rel.group(2).strip())
        rel = _RELATION_WITH.match(norm)
        if rel:
            return CellValue(raw, "relative", relation=rel.group(2), relative_to=rel.group(1).strip())
        return CellValue(raw, "text", cumulative=cumulative)
    return CellValue(raw, "unclear", cumulative=cumulative, other_year=other_year, year=year)


_UNIT_ONLY = re.compile(rf"(?:{_SCALE_ALT})?(?:{UNIT_PATTERN})|(?:{_SCALE_ALT})(?:/(?:{_SCALE_ALT})?(?:{_UNIT_ALT}))?")


TABLE_ONLY_UNITS = frozenset({"年", "月"})
"""Units a unit column may print that are never read as a unit in a sentence (there, 5年 is a span)."""


def is_unit(text: str) -> bool:
    """Whether ``text`` is a unit as tables print them: ``%``, ``亿元``, ``人年``, ``万元/人``, ``件/万人``.

    >>> is_unit("亿元"), is_unit("万元/人"), is_unit("高新技术企业数")
    (True, True, False)
    """
    s = normalize(text).strip()
    return bool(s) and (s in TABLE_ONLY_UNITS or _UNIT_ONLY.fullmatch(s) is not None)


_NAME_UNIT = re.compile(r"^(?P<name>.+?)\s*[(](?P<unit>[^()]+)[)]\s*$")


def split_name_unit(name: str) -> tuple[str, str | None]:
    """A row name and the unit printed in it: ``R&D经费占GDP比重(%)`` → (``R&D经费占GDP比重``, ``%``).

    Only a unit in brackets at the end is taken (``科技企业孵化器(累计)`` keeps its words); full-width
    brackets too. The name is returned as printed, the unit normalised (``％`` → ``%``).
    """
    stripped = name.strip()
    m = _NAME_UNIT.match(normalize(stripped))
    if m and is_unit(m.group("unit")):
        return stripped[: m.end("name")].rstrip(), normalize(m.group("unit")).strip()
    return stripped, None

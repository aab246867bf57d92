"""How plancheck writes units and qualifiers in messages and tables (one table of each)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from ..arith.interval import Qualifier

QUALIFIER_SYMBOLS: dict[str, str] = {"at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "about": "≈"}

RATE_UNIT_SYMBOLS: dict[str, str] = {"percent": "%", "pp": " pp", "times": "×", "absolute": ""}
"""A stated rate or change, by its unit: 22% · 0.05 pp · 2× · (an absolute change in the row's unit)."""

SHARE_UNITS = frozenset({"%", "％"})
"""An indicator whose unit is one of these is a share in %: its change is in percentage points."""


def qualified(value: str, qualifier: Qualifier | str | None) -> str:
    """``1000`` at_least → ``≥1000``."""
    return f"{QUALIFIER_SYMBOLS.get(qualifier, '')}{value}" if qualifier else value


def rate(value: str, unit: str) -> str:
    """A stated rate with its unit symbol: ``22%``, ``0.05 pp``, ``2×``."""
    return value + RATE_UNIT_SYMBOLS[unit]


def is_share(unit: str) -> bool:
    return unit.strip() in SHARE_UNITS


CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    # qualifiers (also a relation's at_least / at_most)
    "at_least": ("以上", "不低于", "突破", "不少于", "≥", ">=", "min", "minimum"),
    "more_than": ("超过", "超", "高于", "大于", ">"),
    "at_most": ("以下", "以内", "不超过", "不高于", "≤", "<=", "max", "maximum"),
    "less_than": ("低于", "小于", "<"),
    "about": ("左右", "约", "≈", "approx", "around"),
    # a relation to another row
    "above": ("高于",),
    "below": ("低于",),
    "in_step": ("同步", "基本同步"),
    # units of a stated rate or change
    "percent": ("%", "pct", "百分比"),
    "pp": ("个百分点", "百分点", "points"),
    "times": ("倍", "x", "×"),
    # how a change is measured a year
    "points": ("个百分点", "百分点", "pp"),
    "compound": ("年均增长", "%"),
    # a target's kind
    "increment": ("新增",),
    "cumulative": ("累计",),
    # binding or indicative
    "binding": ("约束性",),
    "indicative": ("预期性",),
    # a region's level
    "national": ("国家", "全国"),
    "province": ("省", "自治区", "直辖市"),
    "prefecture": ("市", "地级市", "city"),
    "county": ("县", "区", "县级市"),
    "zone": ("开发区", "新区", "园区", "高新区"),
    # price basis
    "current": ("现价", "当年价", "按当年价格", "nominal"),
    "constant": ("可比价", "不变价", "按可比价格", "real"),
    # a total's direction
    "up": ("增长", "提高", "提升", "上升"),
    "down": ("降低", "下降", "减少"),
}
"""The words and signs plans print for a fixed-choice value of the data format, by the value: what
a value written as printed (以上, 约束性, %, 省) is suggested as. A word may stand for values of
different fields (高于: more_than as a qualifier, above as a relation), never for two of one field."""


def chinese_words(value: str) -> tuple[str, ...]:
    """The Chinese words of ``value`` in :data:`CHOICE_WORDS`: ``at_least`` → 以上, 不低于, 突破, 不少于."""
    return tuple(w for w in CHOICE_WORDS.get(value, ()) if not w.isascii() and w not in "≥≤≈×")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower().replace("-", "_").replace(" ", "_")


def suggest_choice(written: str, choices: Sequence[str]) -> tuple[str, str | None] | None:
    """The valid value meant by ``written``, and the word it was recognised as (None for a spelling):
    ``以上`` → (at_least, 以上); ``atleast`` → (at_least, None); nothing close → None."""
    plain = _plain(written)
    for choice in choices:
        if plain == choice:
            return choice, None
    for choice in choices:
        if any(plain == _plain(word) for word in CHOICE_WORDS.get(choice, ())):
            return choice, written.strip()
    close = difflib.get_close_matches(plain, list(choices), n=1, cutoff=0.6)
    return (close[0], None) if close else None


_QUALIFIERS = ("at_least", "more_than", "at_most", "less_than", "about")
_QUALIFIER_WORDS = sorted(
    ((word, q) for q in _QUALIFIERS for word in CHOICE_WORDS[q] if not word.isalpha() or not word.isascii()),
    key=lambda pair: -len(pair[0]),
)


def split_qualifier(text: str) -> tuple[str, str] | None:
    """A figure written with its qualifier word, and the qualifier: ``1000以上`` → (``1000``,
    at_least); ``超过50`` → (``50``, more_than); ``≥3`` → (``3``, at_least); else None."""
    s = text.strip()
    for word, qualifier in _QUALIFIER_WORDS:
        if s.endswith(word) and len(s) > len(word):
            return s[: -len(word)].strip(), qualifier
        if s.startswith(word) and len(s) > len(word):
            return s[len(word) :].strip(), qualifier
    return None


STATED_UNIT_SUFFIXES: dict[str, str] = {
    "%": "percent",
    "％": "percent",
    "pp": "pp",
    "个百分点": "pp",
    "times": "times",
    "x": "times",
    "×": "times",
    "倍": "times",
}
"""How a rate typed on the command line names its unit (``5%``, ``0.05pp``, ``2x``), longest first when
read: percent is compound % a year, pp percentage points, times a multiple over the whole span."""

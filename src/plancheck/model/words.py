"""How the data's names, units and places are written in the language asked for (``--lang``).

Plans are printed in Chinese; with ``--lang en`` every name, unit, scope, region and claim that a
message or a table shows is written in English where English is known: an indicator's ``name_en``,
else its catalogue entry's ``en``; a claim's ``subject_en``, else its entry's; units from
``UNIT_EN`` (亿元 → 100 million yuan, 家 → firms, 人年 → FTE person-years); places, scopes and
issuers from the catalogues' ``glossary``, else the plans' own regions. What has no English stays as
printed: a name is never dropped. Figures are never converted: 3517.2 亿元 is ``3517.2 × 100
million yuan``, not 351.72 billion.

This is the one place these words are chosen; checks and reporters ask a ``Words``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal, Protocol

from .notation import qualified

if TYPE_CHECKING:
    from .catalogue import Index
    from .plan import Change, Claim, Indicator, Plan

Lang = Literal["zh", "en"]

UNIT_EN: Mapping[str, str] = {
    "%": "%",
    "元": "yuan",
    "万元": "10,000 yuan",
    "亿元": "100 million yuan",
    "万亿元": "trillion yuan",
    "美元": "US dollars",
    "万美元": "10,000 US dollars",
    "亿美元": "100 million US dollars",
    "家": "firms",
    "万家": "10,000 firms",
    "个": "units",
    "项": "items",
    "件": "items",
    "人": "people",
    "名": "people",
    "万人": "10,000 people",
    "万名": "10,000 people",
    "人年": "FTE person-years",
    "人次": "person-times",
    "位": "rank",
    "套": "sets",
    "场": "events",
    "场次": "events",
    "次": "times",
    "所": "institutions",
    "座": "sites",
    "平方公里": "km²",
    "公里": "km",
    "吨": "tonnes",
    "万吨": "10,000 tonnes",
    "年": "years",
    "岁": "years of age",
    "天": "days",
    "小时": "hours",
}
"""Units as plans print them, in English. A unit ``a/b`` (万元/人) is ``a per b``."""

WORD_EN: Mapping[str, str] = {"力争": "stretch target", "争取": "stretch target"}
"""Words of the plans that tables show beside a figure."""


def unit_en(unit: str) -> str:
    """``unit`` in English (亿元 → 100 million yuan; 万元/人 → 10,000 yuan per person); a unit not
    known stays as printed."""
    if unit in UNIT_EN:
        return UNIT_EN[unit]
    if "/" in unit:
        top, _, per = unit.partition("/")
        return f"{unit_en(top)} per {_per(per)}"
    return unit


def _per(unit: str) -> str:
    """The denominator of a unit: 人 → person, 万人 → 10,000 people."""
    return {"人": "person", "名": "person", "家": "firm", "个": "unit", "年": "year"}.get(unit, unit_en(unit))


class Named(Protocol):
    """A region's names: its Chinese name and its English."""

    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...


class Placed(Protocol):
    """What has a region: a plan, or what is known of one without reading it whole."""

    @property
    def region(self) -> Named: ...


class Words:
    """The words of one language for the data's names, units and places."""

    def __init__(
        self,
        lang: Lang = "zh",
        index: Index | None = None,
        plans: Iterable[Placed] = (),
        glossary: Mapping[str, str] | None = None,
    ) -> None:
        self.lang = lang
        self.index = index
        places = {p.region.zh: p.region.en for p in plans}
        self.glossary: dict[str, str] = {**places, **(index.glossary if index is not None else {}), **(glossary or {})}

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def name(self, ind: Indicator) -> str:
        """The indicator's name: in English its ``name_en``, else its catalogue entry's."""
        if not self.en:
            return ind.name
        if ind.name_en:
            return ind.name_en
        entry = self.index.entry_for(ind) if self.index is not None else None
        return entry.en if entry is not None and entry.en else ind.name

    def subject(self, claim: Claim) -> str:
        """What a claim is about: in English its ``subject_en``, else its catalogue entry's."""
        if not self.en:
            return claim.subject
        if claim.subject_en:
            return claim.subject_en
        entry = self.index.entries.get(claim.key) if self.index is not None and claim.key else None
        return entry.en if entry is not None and entry.en else claim.subject

    def unit(self, unit: str) -> str:
        return unit_en(unit) if self.en else unit

    def amount(self, value: str, unit: str) -> str:
        """A figure with its unit: ``3517.2亿元``; in English ``3517.2 × 100 million yuan``,
        ``550 firms``, ``3.2%``."""
        if not self.en:
            return f"{value}{unit}"
        if unit == "%":
            return f"{value}%"
        word = unit_en(unit)
        return f"{value} × {word}" if word[:1].isdigit() else f"{value} {word}"

    def place(self, text: str) -> str:
        """A region, scope or issuer: in English from the glossary (莫干山高新区 → Moganshan High-tech
        Zone) or a plan's region of that name."""
        return self.glossary.get(text, text) if self.en else text

    def region(self, plan: Plan) -> str:
        return plan.region.en if self.en else plan.region.zh

    def word(self, text: str) -> str:
        """A word of the plan shown beside a figure (力争)."""
        return WORD_EN.get(text, text) if self.en else text

    def change(self, ch: Change, zh: str, unit: str) -> str:
        """A claim's change: as printed (``zh``, 增长一倍) in Chinese; in English, in figures (×2,
        +0.62 pp, ≥+26 firms; ``unit``: the claim's, for a change in it), the printed words where
        the change has no figure."""
        if self.en and ch.parts:
            return " + ".join(self.amount(part.value, unit) for part in ch.parts)
        if not self.en or ch.value is None:
            return zh
        sign = "" if ch.value.startswith("-") else "+"
        if ch.unit == "times":
            text = f"×{ch.value}"
        elif ch.unit == "pp":
            text = f"{sign}{ch.value} pp"
        elif ch.unit == "percent":
            text = f"{sign}{ch.value}%"
        else:
            text = self.amount(sign + ch.value, unit)
        return qualified(text, ch.qualifier) + (" a year" if ch.per_year else "")


ZH = Words()
"""The words as the plans print them."""

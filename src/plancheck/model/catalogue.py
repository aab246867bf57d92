"""The indicator catalogue: canonical indicators, their names in plans, and look-alikes that differ.

``data/indicators.yaml`` is the bundled catalogue. A data directory may carry its own (any YAML file
whose top-level key is ``catalogue``); its entries are added to the bundled ones and replace those
with the same key. An indicator of a plan points at an entry with ``key:``, or says ``local: true``;
an indicator with neither is matched by its exact name against the entries' names when the units
agree up to scale, and is otherwise local to its plan.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..arith.interval import exact
from .base import Model
from .plan import Indicator, Observation, Slug

SCALES = (("万亿", Fraction(10**12)), ("亿", Fraction(10**8)), ("万", Fraction(10**4)), ("千", Fraction(10**3)))
"""Chinese unit prefixes and their exact factors: 2.9万亿元 is 29,000亿元, not 28,999.999…"""


class Entry(Model):
    """One canonical indicator."""

    key: Slug = Field(description="The entry's id; a plan's indicator points here with `key:`.")
    en: str = Field(min_length=1, description="English name.")
    zh: str = Field(min_length=1, description="Chinese name.")
    unit: str = Field(description="Unit the comparison is shown in (values in 万家 are converted to 家).")
    kind: Literal["level", "share", "rate"] = Field(
        description="level: an amount (compound % a year); share: a share in % (percentage points a "
        "year); rate: itself a rate of growth."
    )
    names: list[str] = Field(default_factory=list, description="Chinese names and synonyms found in plans.")
    not_comparable: list[Slug] = Field(
        default_factory=list, description="Entries that look alike but are not comparable with this one."
    )
    better: Literal["higher", "lower"] = Field(
        "higher", description="Which direction is the more ambitious: lower for unemployment, emissions, energy use."
    )
    intensive: bool | None = Field(
        None,
        description="The figure does not grow with the size of a region (a share, a per-capita or per-10,000 "
        "figure), so two regions' target levels can be compared. Default: true for a share, false otherwise.",
    )
    additive: bool = Field(
        False,
        description="Parts add up to the whole (counts, money): a county's target is "
        "part of its city's, so it cannot exceed it.",
    )
    note: str | None = Field(None, description="Why the entry is defined as it is.")

    @property
    def is_intensive(self) -> bool:
        return self.intensive if self.intensive is not None else self.kind == "share"


def _finite(value: float) -> float:
    if not math.isfinite(value) or abs(value) > 1e100:
        raise ValueError(f"{value} is not a number plancheck can compute with: write a finite number")
    return value


def _positive(value: float) -> float:
    if not value > 0:
        raise ValueError(f"{value} cannot scale a quantity: write a positive number (100 for a share in %)")
    return value


Finite = Annotated[float, AfterValidator(_finite)]


class Band(Model):
    low: Finite = Field(description="Lowest plausible annual growth, in %.")
    high: Finite = Field(description="Highest plausible annual growth, in %.")
    reason: str = Field(min_length=1, description="Why this band: shown with every finding it causes.")

    @model_validator(mode="after")
    def _ordered(self) -> Band:
        if self.high < self.low:
            raise ValueError(f"the band's high {self.high} is below its low {self.low}: swap them")
        return self


class Identity(Model):
    """A quantity that two indicators determine: quantity = numerator ÷ denominator × scale."""

    id: Slug = Field(description="The identity's id.")
    quantity: str = Field(min_length=1, description="The implied quantity, in Chinese (地区生产总值).")
    quantity_en: str = Field(min_length=1, description="The implied quantity, in English (GDP).")
    key: Slug | None = Field(None, description="Catalogue entry of the quantity, where plans may state it too.")
    unit: str = Field(description="Unit of the quantity (亿元).")
    numerator: Slug = Field(description="Catalogue entry of the numerator (rd-spending).")
    denominator: Slug = Field(description="Catalogue entry of the denominator (rd-intensity).")
    scale: Annotated[Finite, AfterValidator(_positive)] = Field(
        1.0, description="Multiplier (positive): 100 where the denominator is a share in %."
    )
    growth_band: Band | None = Field(None, description="Plausible annual growth of the implied quantity.")


class PartWhole(Model):
    """A whole and its parts: in one plan and year, the parts together cannot be more than the whole."""

    id: Slug = Field(description="The identity's id.")
    whole: Slug = Field(description="Catalogue entry of the whole (rd-institutions-provincial).")
    parts: list[Slug] = Field(
        min_length=1,
        description="Catalogue entries of its parts (enterprise-institutes-provincial, …): disjoint, each "
        "counted in the whole; the whole may hold more than these.",
    )
    note: str | None = Field(None, description="Where the text says that these are parts of that whole.")

    @model_validator(mode="after")
    def _distinct(self) -> PartWhole:
        if self.whole in self.parts:
            raise ValueError(f"'{self.whole}' is the whole and one of its parts: list only the parts under parts")
        twice = sorted({p for p in self.parts if self.parts.count(p) > 1})
        if twice:
            raise ValueError(f"part '{twice[0]}' is listed twice: list each part once")
        return self


class Catalogue(Model):
    """A catalogue file."""

    catalogue: list[Entry] = Field(min_length=1, description="The entries, in the order compare shows them.")
    identities: list[Identity] = Field(
        default_factory=list, description="Quantities that indicators determine, checked by verify."
    )
    part_whole: list[PartWhole] = Field(
        default_factory=list, description="Wholes and their parts (parts ≤ whole), checked by verify."
    )
    glossary: dict[str, str] = Field(
        default_factory=dict,
        description="English for the places, scopes and issuers the plans name, by the Chinese as printed "
        "(莫干山高新区: Moganshan High-tech Zone): what --lang en shows.",
    )

    @model_validator(mode="after")
    def _unique(self) -> Catalogue:
        seen: set[str] = set()
        for e in self.catalogue:
            if e.key in seen:
                raise ValueError(f"catalogue key '{e.key}' is used twice: give each entry its own key")
            seen.add(e.key)
        return self


def split_unit(unit: str) -> tuple[Fraction, str]:
    """``亿元`` → (10^8, 元); ``万家`` → (10^4, 家); ``%`` → (1, %)."""
    u = unit.strip()
    for prefix, factor in SCALES:
        if u.startswith(prefix) and len(u) > len(prefix):
            return factor, u[len(prefix) :]
    return Fraction(1), u


# Counter words that count the same things once an entry has said what is counted (孵化机构100个 and
# 孵化机构15家 are both institutions; 发明专利45.86项 and 20件 are both patents).
COUNTERS = {"个": "家", "项": "件"}


def conversion(src: str, dst: str) -> Fraction | None:
    """Factor that turns a value in ``src`` into ``dst`` units, or None when they differ in kind."""
    (fs, bs), (fd, bd) = split_unit(src), split_unit(dst)
    return fs / fd if COUNTERS.get(bs, bs) == COUNTERS.get(bd, bd) else None


def observed_factor(obs: Observation, ind: Indicator) -> Fraction | None:
    """What turns an outturn's own unit into its row's (1 where it has none; 万元 → 亿元 is 1/10^4);
    None where the units differ in kind (the ``outturn-unit`` error)."""
    return Fraction(1) if obs.unit is None else conversion(obs.unit, ind.unit)


def observed_value(obs: Observation, ind: Indicator) -> Fraction | None:
    """An outturn as printed, exactly, in its row's unit (None where its unit cannot be converted)."""
    factor = observed_factor(obs, ind)
    return None if factor is None else exact(obs.value) * factor


def _normal(name: str) -> str:
    return name.replace("（", "(").replace("）", ")").replace(" ", "").strip()


class Index:
    """Entries by key and by name, with the not-comparable relation made symmetric."""

    def __init__(
        self,
        entries: list[Entry],
        identities: list[Identity] | None = None,
        glossary: dict[str, str] | None = None,
        part_whole: list[PartWhole] | None = None,
    ):
        self.identities = {i.id: i for i in identities or []}
        self.glossary = dict(glossary or {})  # zh → en: places, scopes, issuers
        self.part_whole = {p.id: p for p in part_whole or []}
        self.entries: dict[str, Entry] = {}
        for e in entries:  # later entries (a data directory's own) replace earlier ones
            self.entries[e.key] = e
        self.order = {key: i for i, key in enumerate(self.entries)}
        self.by_name: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            for name in {e.zh, *e.names}:
                self.by_name.setdefault(_normal(name), []).append(e)
        self.apart: dict[str, set[str]] = {k: set() for k in self.entries}
        for e in self.entries.values():
            for other in e.not_comparable:
                if other in self.entries:
                    self.apart[e.key].add(other)
                    self.apart[other].add(e.key)

    def entry_for(self, ind: Indicator) -> Entry | None:
        """The entry an indicator belongs to (explicit key, else exact name with a compatible unit)."""
        if ind.local:
            return None
        if ind.key is not None:
            return self.entries.get(ind.key)
        for e in self.by_name.get(_normal(ind.name), []):
            if conversion(ind.unit, e.unit) is not None:
                return e
        return None

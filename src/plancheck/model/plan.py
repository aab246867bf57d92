"""The plan file format, as pydantic models.

Every field has a description: the JSON Schema (``plancheck schema``) and editors' hover texts come
from here. Figures are kept as the text they were printed as (see ``arith/printed.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from ..arith.interval import QUALIFIERS, Qualifier
from ..arith.printed import NUMBER_RE, check_printed, decimals
from .base import Located, Model
from .notation import chinese_words, is_share

FIRST_YEAR, LAST_YEAR = 1949, 2100


def _printed(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not a number: write the figure as printed")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # from Python callers only: the loader never makes floats
        return check_printed(repr(value))
    if isinstance(value, str):
        return check_printed(value)
    raise ValueError("a number as printed is needed here (such as 22 or 3.20)")


def _year(value: int) -> int:
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueError(f"{value} is not a plausible year (expected {FIRST_YEAR} to {LAST_YEAR})")
    return value


def _plain_year(value: Any) -> Any:
    if isinstance(value, str) and not value.strip().isascii():
        raise ValueError(f"{value!r} is not a year: write it in ASCII digits (二〇二五 → 2025)")
    return value


Printed = Annotated[
    str,
    BeforeValidator(_printed),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_RE.pattern}],
            "description": "A figure exactly as printed (3.20 keeps its two decimals).",
        }
    ),
]
Year = Annotated[int, BeforeValidator(_plain_year), AfterValidator(_year)]

URL_RE = r"^https?://\S+$"


def _url(value: str) -> str:
    if re.match(URL_RE, value) is None:
        raise ValueError(f"{value!r} is not a web address: write it as https://… (or http://), without spaces")
    return value


Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "pattern": URL_RE})]
SeedLine = Annotated[int, Field(ge=1, description="Line of the source document the figure is printed on.")]
LINE_DOC = (
    "Line of the source document the figure is printed on. Without it the figure is still checked, with a "
    "provenance warning: it cannot be cited."
)
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Short id: lower-case ASCII, digits, '-'.")]

ChangeUnit = Literal["percent", "pp", "absolute", "times"]
QUALIFIER_DOC = (
    "How the figure binds: "
    + ", ".join(f"{q} ({', '.join(chinese_words(q))})" for q in QUALIFIERS)
    + ". Absent: exactly as printed."
)
Category = Literal[
    "rd",
    "enterprises",
    "talent",
    "ip",
    "industry",
    "platforms",
    "transfer",
    "finance",
    "fiscal",
    "projects",
    "other",
]
CATEGORIES: tuple[str, ...] = get_args(Category)


BOUNDS = frozenset({"at_most", "less_than", "at_least", "more_than"})
"""Qualifiers that make a yearly target a bound (a ceiling or a floor) rather than an amount."""

PriceBasis = Literal["current", "constant"]
PRICE_DOC = (
    "current: at current prices (nominal); constant: at comparable prices (real, 按可比价格). A real rate "
    "is not checked against nominal levels unless the indicator gives a deflator."
)


class Figure(Model):
    value: Printed = Field(description="The figure as printed in the source (a number; 3.20 keeps two decimals).")
    line: SeedLine | None = Field(None, description=LINE_DOC)
    printed: str | None = Field(
        None, description="The source's words where they are not the number itself (全覆盖, 翻一番, 1.5万)."
    )
    unit: str | None = Field(
        None,
        description="The figure's own unit where it differs from the row's by a prefix (2.9 in 万亿元 on a "
        "row in 亿元): converted exactly, keeping the figure's printed precision.",
    )
    exact: bool = Field(
        False, description="The figure is exact, not rounded (an index base: 2012年=100; a count stated in words)."
    )
    price_basis: PriceBasis | None = Field(None, description=PRICE_DOC)

    @property
    def number(self) -> float:
        return float(self.value)

    @property
    def decimals(self) -> int:
        return decimals(self.value)


def _not_negative(value: str) -> str:
    if value.startswith("-") and float(value) != 0:
        raise ValueError(f"{value} is negative: a level cannot be; a fall is written as a negative growth")
    return value


Level = Annotated[Printed, AfterValidator(_not_negative)]


class Baseline(Figure):
    """The base-year value: an actual measurement, rounded to the precision printed."""

    value: Printed = Field(description="The base-year value as printed (negative only for a rate row's rate).")
    year: Year = Field(description="The year the baseline value is for (a cell's own year where the plan marks one).")
    qualifier: Qualifier | None = Field(
        None, description="A bound rather than a value (突破4万亿: at_least). " + QUALIFIER_DOC
    )
    other_year: bool = Field(
        False,
        description="The table marks the cell (*) as another year's data: its year is intended, not a slip, so "
        "base-year does not warn.",
    )


class Target(Figure):
    """The value set for the target year."""

    value: Level = Field(description="The target value as printed (not negative); the lower end of a range.")
    year: Year = Field(description="The year the target is set for.")
    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)
    upper: Level | None = Field(
        None, description="Upper end where the target is a range (1—2家): value is the lower end."
    )
    kind: Literal["level", "increment", "cumulative"] = Field(
        "level",
        description="level: the value in the target year; increment: 新增, an addition over the baseline "
        "(per year where the plan says 每年); cumulative: 累计, a sum over the whole period.",
    )
    per_year: bool = Field(
        False,
        description="The target holds every year of the period: a yearly ceiling or floor (<5.5 each year) or a "
        "yearly amount (每年新增 ...), not a level to reach.",
    )


class Growth(Figure):
    """A stated annual growth (年均增长), or for a rate row the rate to hold each year."""

    unit: Literal["percent", "pp", "absolute"] = Field(
        description="percent: compound growth in % a year; pp: percentage points a year (个百分点); absolute: "
        "in the row's own unit a year (0.2岁)."
    )
    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)


class Total(Figure):
    """A stated change over the whole span (累计, 〔13.5〕, 较…增长/提升)."""

    unit: Literal["percent", "pp", "times", "absolute"] = Field(
        description="percent: total growth in %; pp: change in percentage points; times: target ÷ baseline "
        "(翻一番 = 2); absolute: in the row's own unit (〔1〕 year of life expectancy)."
    )
    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)
    direction: Literal["up", "down"] = Field(
        "up", description="down: the figure is a fall (单位GDP能源消耗降低〔13.5〕 is a fall of 13.5%)."
    )


class Goal(Model):
    """A target in words (保持在合理区间、各年度视情提出)."""

    text: str = Field(min_length=1, description="The words, as printed.")
    line: SeedLine | None = Field(None, description=LINE_DOC)


class Relation(Model):
    """A target set against another row of the plan (高于国内生产总值增长, 与经济增长基本同步)."""

    relation: Literal["above", "below", "in_step", "at_least", "at_most"] = Field(
        description="above (高于): strictly above the other row's figure; below (低于); in_step (基本同步): within "
        "the band of 左右 (±10%) of it; at_least (不低于); at_most (不高于)."
    )
    to: Slug = Field(description="The id of the other indicator of the plan.")
    printed: str | None = Field(None, description="The words, as printed.")
    line: SeedLine | None = Field(None, description=LINE_DOC)


class Deflator(Model):
    """The price change a year that turns a real rate into a nominal one, with where it comes from."""

    value: Printed = Field(description="Prices' change a year, in % (2.0).")
    note: str | None = Field(None, description="Where the figure comes from (a GDP deflator, an assumption).")


class Restatement(Figure):
    """The same target stated again elsewhere in the plan, possibly worded or qualified differently."""

    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)
    year: Year | None = Field(None, description="The year, where the restatement gives one.")


class Acceptance(Model):
    """A finding that is known and accepted, with the reason: the source itself prints it so."""

    rule: str = Field(min_length=1, description="The id of the rule whose finding is accepted (growth-mismatch).")
    reason: str = Field(
        min_length=1,
        description="Why it is accepted: shown with the finding ('printed so in the source; the figures need 0.094').",
    )


ACCEPTED_DOC = (
    "Findings of this row that are known and accepted, each with its rule and the reason (a source that "
    "is itself inconsistent). They are still reported, as accepted, and never fail a run; an acceptance "
    "that no longer matches a finding is a warning (stale-acceptance)."
)


class Observation(Located):
    """An outturn: the value an indicator was measured at in a year (a statistical bulletin's figure,
    a later plan's base-year column, a review's achievement). A measurement, rounded as printed."""

    year: Year = Field(description="The year the value is for.")
    value: Printed = Field(description="The value as printed (3.20 keeps two decimals; negative only for a rate).")
    qualifier: Qualifier | None = Field(
        None, description="A bound rather than a value (突破1000家: at_least). " + QUALIFIER_DOC
    )
    line: SeedLine | None = Field(None, description=LINE_DOC)
    printed: str | None = Field(
        None, description="The source's words where they are not the number itself (全覆盖, 1.5万)."
    )
    exact: bool = Field(False, description="The value is exact, not rounded (a count stated in words).")
    unit: str | None = Field(
        None,
        min_length=1,
        description="The value's own unit where it is printed in another than its row's (29500 in 万元 on a row in "
        "亿元): converted by scale exactly, keeping its printed precision; a unit of another kind is an error.",
    )
    source: str | None = Field(
        None,
        min_length=1,
        description="File name of the document the line refers to, where it is not the plan's own source (or, in "
        "an outturn file, the file's source).",
    )
    url: str | None = Field(None, min_length=1, description="Web address of the publication the value is from.")
    note: str | None = Field(None, description="Anything a reader should know about this value.")

    @property
    def number(self) -> float:
        return float(self.value)


OBSERVED_DOC = (
    "Outturns: the values the indicator was measured at, by year, each with the line (and, where not the "
    "plan's own source, the source or URL) it is printed on. `plancheck progress` compares them with the target."
)


class Indicator(Located):
    """One indicator of a plan: a table row, or a target stated in the prose."""

    id: Slug = Field(description="Short id, unique within the plan.")
    name: str = Field(min_length=1, description="The indicator's name in Chinese, as printed.")
    name_en: str | None = Field(None, description="English name.")
    unit: str = Field(description="Unit as printed: %, 亿元, 万元, 家, 件, 项, 人, 人年, 个 ...")
    category: Category | None = Field(None, description="Broad topic: " + ", ".join(CATEGORIES) + ".")
    group: str | None = Field(None, description="The table's group the row stands in (经济发展, 民生福祉, 绿色生态 …).")
    kind: Literal["level", "rate"] = Field(
        "level",
        description="level: an amount or a share in a year (the default); rate: the figures are themselves growth "
        "rates (国内生产总值增长): the baseline is the base year's rate, a target or stated growth the rate to "
        "hold; no pace is computed from them.",
    )
    pace: Literal["compound", "points", "absolute"] | None = Field(
        None,
        description="How a change of the row is measured a year: compound % (levels), points (percentage points: "
        "shares), absolute (in the row's unit: years of life, per-1,000 rates). Default: points for a unit of "
        "%, compound otherwise.",
    )
    scope: str | None = Field(
        None, description="The part of the region a target is for, where not the whole (嘉兴科技城)."
    )
    line: SeedLine | None = Field(None, description="Line of the source where the name is printed.")
    baseline: Baseline | None = Field(None, description="Base-year value, where the plan gives one.")
    target: Target | None = Field(None, description="Target-year value.")
    growth: Growth | None = Field(None, description="Stated annual growth (年均增长).")
    total: Total | None = Field(None, description="Stated change over the span (累计).")
    key: Slug | None = Field(
        None, description="The indicator's entry in the indicator catalogue (data/indicators.yaml), for compare."
    )
    local: bool = Field(False, description="The indicator has no catalogue entry: it belongs to this plan only.")
    binding: Literal["binding", "indicative"] | None = Field(
        None, description="约束性 (binding) or 预期性 (indicative), where the plan marks it."
    )
    aspirational: bool = Field(False, description="力争, 争取: a stretch target rather than a firm one (确保).")
    goal: Goal | None = Field(None, description="A target in words (保持在合理区间).")
    relative: Relation | None = Field(None, description="A target set against another row (高于国内生产总值增长).")
    deflator: Deflator | None = Field(
        None, description="Prices' change a year, to check a real (constant-price) rate against nominal levels."
    )
    restated: list[Restatement] = Field(
        default_factory=list, description="Other places the plan states the same target."
    )
    observed: list[Observation] = Field(default_factory=list, description=OBSERVED_DOC)
    note: str | None = Field(None, description="Anything a reader of the data should know about this row.")
    accepted: list[Acceptance] = Field(default_factory=list, description=ACCEPTED_DOC)

    @model_validator(mode="after")
    def _has_a_figure(self) -> Indicator:
        if all(x is None for x in (self.target, self.growth, self.total, self.goal, self.relative)):
            raise ValueError("an indicator needs at least one of target, growth, total, goal or relative")
        if self.key is not None and self.local:
            raise ValueError("an indicator has a catalogue key or is local, not both: remove one")
        return self

    @property
    def is_share(self) -> bool:
        return is_share(self.unit)

    @property
    def pace_kind(self) -> str:
        """How the row's change a year is measured: the data's ``pace``, else points for a share, else compound."""
        return self.pace or ("points" if self.is_share else "compound")

    @property
    def shape(self) -> str:
        """What the row is, in words: a level, a share, a rate, a yearly bound, a cumulative change, a text
        target or a relation to another row."""
        t = self.target
        if self.kind == "rate":
            return "rate"
        if t is not None and t.kind == "level" and t.per_year and t.qualifier in BOUNDS:
            return "yearly bound"
        if self.total is not None and t is None:
            return "cumulative change"
        if t is None and self.growth is None and self.goal is not None:
            return "text target"
        if t is None and self.growth is None and self.relative is not None:
            return "relative target"
        return "share" if self.is_share else "level"


class ClaimValue(Model):
    """One end of a claim: a value in a year, or only the year where the plan does not print the value."""

    year: Year = Field(description="The year of the value.")
    value: Printed | None = Field(
        None,
        description="The value as printed; absent where the plan does not print "
        "it (plancheck then shows the value the claim implies).",
    )
    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)
    line: SeedLine | None = Field(
        None,
        description="Line of the source where the value is printed; a printed value without it: a provenance warning.",
    )
    printed: str | None = Field(None, description="The source's words where they are not the number itself.")


class Change(Model):
    """A change a claim states between its two ends: 增长85.3%, 提升0.62个百分点, 增长一倍, 新增70家."""

    value: Printed | None = Field(None, description="The change as printed (2 for 增长一倍 or 翻一番).")
    parts: list[Figure] = Field(
        default_factory=list, description="Increments that add up to the change (新增70家、新增150家 → 220)."
    )
    unit: ChangeUnit = Field(
        description="percent: growth in %; pp: percentage points; absolute: in the claim's unit; times: a multiple."
    )
    per_year: bool = Field(False, description="An annual rate (年均): compounded (percent) or per year (pp, absolute).")
    qualifier: Qualifier | None = Field(None, description=QUALIFIER_DOC)
    line: SeedLine | None = Field(None, description="Line of the source where the change is printed.")
    printed: str | None = Field(
        None,
        description="The words, where the change is printed as words (增长一倍, "
        "翻倍增长, 倍增): such a multiple is exact, not rounded.",
    )

    @model_validator(mode="after")
    def _has_amount(self) -> Change:
        if (self.value is None) == (not self.parts):
            raise ValueError("a change has either a value or parts that add up to it")
        return self


class Claim(Located):
    """A numeric claim in the prose: a change between two years, with one or both ends printed."""

    id: Slug = Field(description="Short id, unique within the plan.")
    subject: str = Field(min_length=1, description="What the claim is about, in Chinese as printed.")
    subject_en: str | None = Field(None, description="English name.")
    unit: str = Field(description="Unit of the values as printed.")
    key: Slug | None = Field(
        None, description="Catalogue entry, so the claim's values feed identities and other checks."
    )
    scope: str | None = Field(None, description="The part of the region the claim is about, where not the whole.")
    line: SeedLine | None = Field(
        None, description="Line of the source where the claim is printed; without it, a provenance warning."
    )
    start: ClaimValue = Field(description="The earlier end.")
    end: ClaimValue = Field(description="The later end.")
    changes: list[Change] = Field(
        default_factory=list, description="What the claim says about the change; empty: only the two values."
    )
    note: str | None = Field(None, description="Anything a reader of the data should know about this claim.")
    accepted: list[Acceptance] = Field(default_factory=list, description=ACCEPTED_DOC)

    @model_validator(mode="after")
    def _checkable(self) -> Claim:
        if self.end.year <= self.start.year:
            raise ValueError(f"the claim's end year {self.end.year} is not after its start year {self.start.year}")
        if not self.changes and (self.start.value is None or self.end.value is None):
            raise ValueError("a claim without both of its values needs a change, to imply or check them")
        return self


class Title(Model):
    zh: str = Field(min_length=1, description="Title in Chinese, as printed.")
    en: str | None = Field(None, description="English title.")


class Region(Model):
    zh: str = Field(min_length=1, description="Region's name in Chinese (德清县).")
    en: str = Field(min_length=1, description="Region's name in English or pinyin (Deqing).")
    level: Literal["national", "province", "prefecture", "county", "zone"] = Field(
        description="Administrative level: national, province, prefecture (a city), county, or zone (a development "
        "zone or new area)."
    )
    parent: str | None = Field(None, description="Chinese name of the region this one belongs to (湖州市).")
    subregions: list[str] = Field(
        default_factory=list,
        description="Chinese names of all the regions directly "
        "below this one: with a plan for each, their targets must add up within its own.",
    )


class Period(Model):
    first: Year = Field(description="First year the plan covers.")
    last: Year = Field(description="Last year the plan covers.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.last < self.first:
            raise ValueError(f"period ends ({self.last}) before it starts ({self.first})")
        return self


class Plan(Located):
    """One published plan and its quantitative targets."""

    id: Slug = Field(description="Short id, unique across the data (deqing-2021-2025).")
    aliases: list[str] = Field(default_factory=list, description="Other names the plan answers to on the command line.")
    title: Title
    region: Region
    issuer: str | None = Field(
        None, min_length=1, description="Who issued the plan (德清县人民政府). Without it: a provenance warning."
    )
    issued: dt.date | None = Field(None, description="Date of issue, YYYY-MM-DD.")
    period: Period
    source: str | None = Field(
        None,
        min_length=1,
        description="File name of the source document the line numbers refer to. Without it: a provenance warning.",
    )
    url: Url | None = Field(
        None,
        description="Where the source document is published (an http or https address): shown with every "
        "citation of the plan's figures.",
    )
    indicators: list[Indicator] = Field(
        default_factory=list, description="The plan's indicators and targets (its table and its prose)."
    )
    claims: list[Claim] = Field(default_factory=list, description="Numeric claims in the plan's prose.")
    accepted: list[Acceptance] = Field(
        default_factory=list,
        description="Findings of the plan as a whole (an identity, a comparison with another plan) that are "
        "known and accepted, with the reason; as for an indicator's.",
    )

    @model_validator(mode="after")
    def _has_content(self) -> Plan:
        if not self.indicators and not self.claims:
            raise ValueError("a plan needs indicators or claims (or both)")
        return self


class Outturn(Located):
    """The outturns of one indicator of one plan, kept apart from the plan (in an outturn file)."""

    plan: Slug = Field(description="The id of the plan (deqing-2021-2025) or one of its aliases.")
    indicator: Slug = Field(description="The id of the indicator within that plan (rd-intensity).")
    observed: list[Observation] = Field(min_length=1, description="The values measured, by year.")


class PlanFile(Model):
    """A plan data file: one or more plans."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"title": "plancheck plan file"},
    )
    plans: list[Plan] = Field(min_length=1, description="The plans in this file.")
    outturns: list[Outturn] = Field(
        default_factory=list,
        description="Outturns of indicators of these or other plans in the data, kept apart from the plans' own "
        "fields (as in an outturn file).",
    )


class OutturnFile(Model):
    """An outturn file: values measured after a plan was issued (a statistical bulletin, a mid-term
    review), for indicators of plans kept elsewhere in the data."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"title": "plancheck outturn file"},
    )
    title: str | None = Field(
        None, min_length=1, description="Title of the publication (嘉兴市2020年国民经济和社会发展统计公报)."
    )
    issuer: str | None = Field(None, min_length=1, description="Who published it (嘉兴市统计局).")
    published: dt.date | None = Field(None, description="Date of publication, YYYY-MM-DD.")
    source: str | None = Field(
        None,
        min_length=1,
        description="File name of the document the lines refer to (an observation may name its own).",
    )
    url: str | None = Field(None, min_length=1, description="Web address of the publication.")
    outturns: list[Outturn] = Field(min_length=1, description="The outturns, one entry per plan and indicator.")


def json_schema(model: type[BaseModel] | None = None) -> dict[str, Any]:
    """The JSON Schema of a plan file (or of another file model), for editors and other tools."""
    schema = (model or PlanFile).model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def by_region(plans: list[Plan]) -> dict[str, list[Plan]]:
    """Plans grouped by region (its Chinese name), each group earliest first; plans of the same
    period by id, so that the order of the files does not change which plans follow each other."""
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        groups.setdefault(plan.region.zh, []).append(plan)
    for group in groups.values():
        group.sort(key=lambda p: (p.period.last, p.period.first, p.id))
    return groups


def successive_pairs(plans: list[Plan]) -> list[tuple[Plan, Plan]]:
    """Consecutive plans of one region (Jiaxing 2016–2020, then 2023–2027), earlier first."""
    groups = by_region(plans).values()
    return [(a, b) for group in groups for a, b in itertools.pairwise(group) if a.period.last < b.period.last]

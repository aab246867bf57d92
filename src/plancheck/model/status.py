"""Every word plancheck uses for a level or a verdict, in one place.

Levels and statuses are string enums: they compare and serialise as their values ("error",
"consistent"), so JSON output and sorting are unchanged by their being enums.
"""

from __future__ import annotations

import enum
from fractions import Fraction


class TextEnum(str, enum.Enum):
    """A string enum whose str() and format() are its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Level(TextEnum):
    """How much a finding matters: an error fails the run, a warning fails it under --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


LEVELS: tuple[Level, ...] = (Level.ERROR, Level.WARNING, Level.INFO)


class Status(TextEnum):
    """The verdict on one check of a stated figure (a table's rate, a claim's change)."""

    CONSISTENT = "consistent"  # the printed figures give the stated figure
    ROUNDING = "rounding"  # they give it only within the rounding of a measured figure
    INCONSISTENT = "inconsistent"  # no figures within their rounding give it
    UNCHECKED = "unchecked"  # something needed is missing (see Unchecked)
    IMPLIED = "implied"  # a claim prints one end: the value the other must have
    PACE = "pace"  # a claim prints two ends and no change: the pace between them


RATE_STATUSES: tuple[Status, ...] = (Status.CONSISTENT, Status.ROUNDING, Status.INCONSISTENT, Status.UNCHECKED)
CLAIM_STATUSES: tuple[Status, ...] = (
    Status.CONSISTENT,
    Status.ROUNDING,
    Status.INCONSISTENT,
    Status.IMPLIED,
    Status.PACE,
)


def verdict(exact_ok: bool, full_ok: bool) -> Status:
    """consistent where the figures as printed meet the stated one; rounding where only their rounding
    intervals do; inconsistent otherwise."""
    if exact_ok:
        return Status.CONSISTENT
    return Status.ROUNDING if full_ok else Status.INCONSISTENT


class Unchecked(TextEnum):
    """Why a stated growth (or an indicator) cannot be checked. The value is the reason as shown."""

    NO_BASELINE = "no baseline"
    NO_TARGET = "no target"
    INCREMENT_TARGET = "the target is an increment (新增), not a level"
    CUMULATIVE_TARGET = "the target is a cumulative sum (累计), not a level"
    YEAR_ORDER = "the target year is not after the base year"
    NONPOSITIVE_BASELINE = "the baseline is zero or negative: compound growth is undefined"
    NOT_STATED = "no stated growth"
    RATE_ROW = "the row is itself a rate: no pace is computed from it"
    YEARLY_BOUND = "a bound that holds every year, not a level to reach"
    TEXT_TARGET = "a target in words"
    RELATIVE_TARGET = "a target set against another row"
    NOT_COMPARABLE_PRICES = "not comparable: a real rate (at comparable prices) against nominal levels; give a deflator"
    UNITS_DIFFER = "the figures' units differ in kind from the row's"
    NO_YEARLY_FIGURE = "no yearly figure to check the cumulative one against"
    NO_LATER_OUTTURN = "no outturn after the base year: no pace yet"
    BOUND_BASELINE = "the baseline is a bound (突破…), not a value to measure a pace from"
    YEARLY_AMOUNT = "a yearly amount (每年新增): the outturns would be each year's additions"
    NOT_COMPUTABLE = "the figures are too large or too small to compute a pace from"


class FactKind(TextEnum):
    """What a fact about a quantity in a year is: a measurement, a set target, or implied by a claim."""

    MEASURED = "measured"
    TARGET = "target"
    IMPLIED = "implied"


class Progress(TextEnum):
    """How a target stands against its outturns: the categories of Open SDG and Statistics Canada.

    R is the observed annual pace since the baseline divided by the pace the target needs. The
    value is the machine name (JSON, CSV); ``label`` the words shown; ``zh`` the wording of Chinese
    mid-term reviews (中期评估)."""

    ACHIEVED = "achieved"  # the latest outturn already reaches the target
    MISSED = "missed"  # an outturn of the target year falls short of the target: it is settled
    ON_TRACK = "on_track"  # R ≥ 0.95
    ACCELERATION_NEEDED = "acceleration_needed"  # 0.60 ≤ R < 0.95
    LIMITED_PROGRESS = "limited_progress"  # 0 ≤ R < 0.60
    MOVING_AWAY = "moving_away"  # R < 0: moving away from the target
    MET = "met"  # a yearly bound held in every year observed
    BROKEN = "broken"  # a yearly bound broken in a year observed
    UNASSESSED = "unassessed"  # outturns, but nothing to measure them against (see Unchecked)

    @property
    def label(self) -> str:
        return str(self.value).replace("_", " ")


PROGRESS_ORDER: tuple[Progress, ...] = (
    Progress.ACHIEVED,
    Progress.MISSED,
    Progress.ON_TRACK,
    Progress.ACCELERATION_NEEDED,
    Progress.LIMITED_PROGRESS,
    Progress.MOVING_AWAY,
    Progress.MET,
    Progress.BROKEN,
    Progress.UNASSESSED,
)

ON_TRACK_RATIO = Fraction(95, 100)
ACCELERATION_RATIO = Fraction(60, 100)
"""The thresholds of R (Open SDG's and Statistics Canada's): on track from 0.95, acceleration needed
from 0.60, limited progress from 0, moving away below."""

PACE_CATEGORIES: tuple[Progress, ...] = (
    Progress.ON_TRACK,
    Progress.ACCELERATION_NEEDED,
    Progress.LIMITED_PROGRESS,
    Progress.MOVING_AWAY,
)
"""The categories of R, fastest first."""


def pace_category(ratio: float | Fraction) -> Progress:
    """The category of a ratio R of observed to required pace (compared exactly: a Fraction of 19/20
    is on track, a float just below 0.95 is not)."""
    if ratio >= ON_TRACK_RATIO:
        return Progress.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Progress.ACCELERATION_NEEDED
    if ratio >= 0:
        return Progress.LIMITED_PROGRESS
    return Progress.MOVING_AWAY


def progress_zh(verdict: Progress, ratio: float | None = None, before_target_year: bool = True) -> str:
    """The Chinese wording of a verdict. Chinese reviews use four words for the pace, coarser than the
    five categories: 提前实现 (achieved before the target year; 已实现 in it), 未实现 (missed: the
    target year's outturn falls short), 快于预期 (on track, R > 1),
    基本符合预期 (on track, 0.95 ≤ R ≤ 1), 滞后 (every category behind: acceleration needed, limited
    progress, moving away)."""
    if verdict is Progress.ACHIEVED:
        return "提前实现" if before_target_year else "已实现"
    if verdict is Progress.MISSED:
        return "未实现"
    if verdict is Progress.ON_TRACK:
        return "快于预期" if ratio is not None and ratio > 1 else "基本符合预期"
    if verdict in (Progress.ACCELERATION_NEEDED, Progress.LIMITED_PROGRESS, Progress.MOVING_AWAY):
        return "滞后"
    if verdict is Progress.MET:
        return "达标"
    if verdict is Progress.BROKEN:
        return "未达标"
    return "无法评估"

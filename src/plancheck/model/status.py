"""Every word plancheck uses for a level or a verdict, in one place.

Levels and statuses are string enums: they compare and serialise as their values ("error",
"consistent"), so JSON output and sorting are unchanged by their being enums.
"""

from __future__ import annotations

import enum


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


class FactKind(TextEnum):
    """What a fact about a quantity in a year is: a measurement, a set target, or implied by a claim."""

    MEASURED = "measured"
    TARGET = "target"
    IMPLIED = "implied"

"""How plancheck writes units and qualifiers in messages and tables (one table of each)."""

from __future__ import annotations

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

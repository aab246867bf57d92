"""The checks of the data as read (run by ``load``), apart from the registry so that loading the data
imports none of the computing checks."""

from __future__ import annotations

from types import ModuleType

from . import duplicate_id, outturns, placeholder, provenance, unknown_key, year_order, year_period
from .base import Check

DATA_MODULES: tuple[ModuleType, ...] = (
    year_order,
    year_period,
    duplicate_id,
    unknown_key,
    provenance,
    placeholder,
    outturns,
)

DATA_CHECKS: tuple[Check, ...] = tuple(m.check for m in DATA_MODULES)

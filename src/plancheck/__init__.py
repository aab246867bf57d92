"""plancheck: check the arithmetic of government development plans.

    import plancheck

    data = plancheck.load("plans/")                 # a file or a directory; default: the bundled data
    run = plancheck.verify(data, ["deqing"])        # every plan when none is named
    for finding in run.findings:
        print(finding.file, finding.line, finding.level, finding.rule, finding.message)
    table = plancheck.compare(data, ["haining", "deqing"])

The names below are the public API; they are imported when first used, so that importing
plancheck (and ``plancheck --help``) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    from .analysis.comparison import Comparison
    from .analysis.paths import Trajectory
    from .analysis.rates import GrowthResult
    from .api import ProgressRun, VerifyRun, check, compare, load, paths, progress, verify
    from .checks.base import Rule
    from .checks.registry import RULES
    from .loader.files import DataPathError
    from .loader.lookup import PlanLookupError
    from .loader.reader import Dataset
    from .model.findings import Finding
    from .model.plan import Indicator, Plan
    from .model.status import Level, Progress, Status

_WHERE = {
    "load": "api",
    "verify": "api",
    "compare": "api",
    "check": "api",
    "VerifyRun": "api",
    "progress": "api",
    "ProgressRun": "api",
    "paths": "api",
    "Trajectory": "analysis.paths",
    "Progress": "model.status",
    "Dataset": "loader.reader",
    "DataPathError": "loader.files",
    "PlanLookupError": "loader.lookup",
    "Finding": "model.findings",
    "Level": "model.status",
    "Status": "model.status",
    "Plan": "model.plan",
    "Indicator": "model.plan",
    "GrowthResult": "analysis.rates",
    "Comparison": "analysis.comparison",
    "Rule": "checks.base",
    "RULES": "checks.registry",
}

__all__ = [
    "RULES",
    "Comparison",
    "DataPathError",
    "Dataset",
    "Finding",
    "GrowthResult",
    "Indicator",
    "Level",
    "Plan",
    "PlanLookupError",
    "Progress",
    "ProgressRun",
    "Rule",
    "Status",
    "Trajectory",
    "VerifyRun",
    "__version__",
    "check",
    "compare",
    "load",
    "paths",
    "progress",
    "verify",
]


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'plancheck' has no attribute {name!r}")

"""``plancheck calc``'s output: one stated figure's verdict, as ``verify`` words it."""

from __future__ import annotations

from ..api import CalcRun
from ..model.jsonvalue import JsonObject
from .text import clean, json_text

_PLAN_FIELDS = ("plan", "indicator", "name", "shape", "binding", "group", "file", "line", "source")


def plain(run: CalcRun) -> str:
    """``level [rule] message`` as ``verify --format plain`` prints the finding (without a file's place);
    ``consistent: message`` where the figures fit."""
    if run.findings:
        return "".join(f"{f.shown_level} [{f.rule}] {clean(f.message)}\n" for f in run.findings)
    return f"{run.result.status.value}: {clean(run.message)}\n"


def as_json(run: CalcRun) -> str:
    """The result as ``verify --format json`` gives it (without the plan's fields), its message and
    findings."""
    result: JsonObject = {k: v for k, v in run.result.as_dict().items() if k not in _PLAN_FIELDS}
    doc = {
        "result": result,
        "message": run.message,
        "findings": [{"level": f.shown_level, "rule": f.rule, "message": f.message} for f in run.findings],
    }
    return json_text(doc)

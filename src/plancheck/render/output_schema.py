"""The JSON Schema of the reports ``validate`` and ``verify`` write with ``--format json``.

Printed figures are strings, by design: ``"3.20"`` keeps the precision the plan prints, which is
data (it decides the rounding interval). Computed values are numbers, rounded to
``JSON_SIGNIFICANT`` significant digits (``arith/numbers.py``), null where there is none or a range is
open. ``plancheck schema --report`` prints this schema; ``schema/report.schema.json`` is its committed
copy, and the tests validate every report of the bundled data and of the hostile corpus against it.
"""

from __future__ import annotations

from typing import Any

from ..arith.numbers import JSON_SIGNIFICANT
from ..model.findings import ACCEPTED
from ..model.status import CLAIM_STATUSES, LEVELS, RATE_STATUSES, Unchecked

Schema = dict[str, Any]

DESCRIPTION = (
    "What plancheck validate and verify write with --format json. Printed figures are strings, as the plan "
    "prints them (3.20 keeps its precision); computed values are numbers rounded to "
    f"{JSON_SIGNIFICANT} significant digits, null where there is none or a range is open."
)

TEXT: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
BOOL: Schema = {"type": "boolean"}
PRINTED: Schema = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": "A figure as printed."}
COMPUTED: Schema = {
    "type": ["number", "null"],
    "description": f"A computed value, rounded to {JSON_SIGNIFICANT} significant digits; null: none, or an open end.",
}


def _null(schema: Schema) -> Schema:
    """``schema`` or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Schema], description: str = "", optional: tuple[str, ...] = ()) -> Schema:
    out: Schema = {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


SOURCE = _null(
    _object(
        {"document": TEXT, "line": INT, "url": _null(TEXT)},
        "Where the figure is printed in the plan's own text: its source document, the line, the plan's address.",
    )
)
RANGE = _object(
    {"value": COMPUTED, "low": COMPUTED, "high": COMPUTED, "unit": TEXT},
    "A computed rate or change: its value from the printed figures and its range within their rounding.",
)

RESULT = _object(
    {
        "plan": TEXT,
        "indicator": TEXT,
        "name": TEXT,
        "check": {"enum": ["growth", "total"], "description": "A stated annual rate, or a stated 累计 change."},
        "shape": TEXT,
        "binding": _null({"enum": ["binding", "indicative"]}),
        "group": _null(TEXT),
        "status": {"enum": [s.value for s in RATE_STATUSES]},
        "reason": _null({"enum": [u.value for u in Unchecked]}),
        "baseline": _null(_object({"year": INT, "value": PRINTED})),
        "target": _null(_object({"year": INT, "value": PRINTED, "qualifier": _null(TEXT)})),
        "stated": _null(_object({"value": PRINTED, "unit": TEXT, "qualifier": _null(TEXT)})),
        "years": _null(INT),
        "computed": _null(RANGE),
        "implied_target": COMPUTED,
        "implied_baseline": COMPUTED,
        "units_off": COMPUTED,
        "other_reading": _null(
            _object(
                {"unit": TEXT, "low": COMPUTED, "high": COMPUTED, "fits": BOOL},
                "The stated figure read in the other unit (% for pp, or pp for %): the range it would need.",
            )
        ),
        "file": _null(TEXT),
        "line": _null(INT),
        "source": SOURCE,
    },
    "One stated figure checked against its baseline and target.",
)

CLAIM = _object(
    {
        "plan": TEXT,
        "claim": TEXT,
        "subject": TEXT,
        "key": _null(TEXT),
        "status": {"enum": [s.value for s in CLAIM_STATUSES]},
        "start": _object({"year": INT, "value": _null(PRINTED)}),
        "end": _object({"year": INT, "value": _null(PRINTED)}),
        "change": _null(
            _object({"value": TEXT, "unit": TEXT, "per_year": BOOL, "qualifier": _null(TEXT), "printed": _null(TEXT)})
        ),
        "computed": RANGE,
        "implied_year": _null(INT),
        "equivalent": BOOL,
        "source": SOURCE,
    },
    "One check of a claim of the plan's prose (a change between two values).",
)

FACT = _object({"key": TEXT, "value": COMPUTED, "source": TEXT})
IDENTITY = _object(
    {
        "identity": TEXT,
        "quantity": TEXT,
        "quantity_en": _null(TEXT),
        "unit": TEXT,
        "plan": TEXT,
        "year": INT,
        "value": COMPUTED,
        "low": COMPUTED,
        "high": COMPUTED,
        "numerator": FACT,
        "denominator": FACT,
    },
    "A quantity an identity of the catalogue implies from a plan's figures (GDP = R&D spending / intensity).",
)

FINDING = _object(
    {
        "file": TEXT,
        "line": INT,
        "column": INT,
        "level": {"enum": [*LEVELS, ACCEPTED]},
        "rule": TEXT,
        "plan": _null(TEXT),
        "indicator": _null(TEXT),
        "message": TEXT,
        "source": SOURCE,
        "rule_level": {"enum": list(LEVELS), "description": "An accepted finding's own level."},
        "accepted": {"type": "string", "description": "Why the data accepts it."},
    },
    "Something wrong (or worth knowing), at its place in the data file.",
    optional=("rule_level", "accepted"),
)

COUNTS = _object(dict.fromkeys((*LEVELS, ACCEPTED), INT))


def _counts(names: list[str]) -> Schema:
    return _object(dict.fromkeys(names, INT))


VERIFY_SUMMARY = _object(
    {
        "plans": INT,
        "indicators": INT,
        "checks": INT,
        "statuses": _counts([s.value for s in RATE_STATUSES]),
        "claims": _counts([s.value for s in CLAIM_STATUSES]),
        "findings": COUNTS,
    }
)
VALIDATE_SUMMARY = _object({"files": INT, "findings": COUNTS})


def _list(item: Schema) -> Schema:
    return {"type": "array", "items": item}


def report_schema() -> Schema:
    """The schema of ``validate --format json`` and ``verify --format json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "plancheck report",
        "description": DESCRIPTION,
        "oneOf": [
            _object(
                {
                    "summary": VERIFY_SUMMARY,
                    "results": _list(RESULT),
                    "claims": _list(CLAIM),
                    "identities": _list(IDENTITY),
                    "findings": _list(FINDING),
                },
                "plancheck verify --format json",
            ),
            _object({"summary": VALIDATE_SUMMARY, "findings": _list(FINDING)}, "plancheck validate --format json"),
        ],
    }

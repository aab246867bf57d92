"""pydantic's validation errors, said as a person would fix them, at the line of the value."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..arith.printed import ascii_figure, is_printed
from ..model.findings import Finding, Fix
from ..model.notation import split_qualifier, suggest_choice
from ..model.plan import PlanFile
from ..model.positions import Pos, YamlPath
from ..model.status import Level
from .events import Document

_TYPE_WORDS = {
    "int": "a whole number",
    "bool": "true or false",
    "str": "text",
    "dict": "a mapping of fields",
    "list": "a list",
    "float": "a number",
    "date": "a date (YYYY-MM-DD)",
}


@dataclass(frozen=True)
class SchemaError:
    """One validation error: where to report it, what to say, and the value's path in the document."""

    pos: Pos
    rule: str
    message: str
    path: YamlPath  # the value (or, for a missing field, the mapping that lacks it)
    missing: YamlPath | None = None  # the missing field's own path
    fix: Fix | None = None

    def finding(self, file: str) -> Finding:
        return Finding(file, self.pos.line, self.pos.column, Level.ERROR, self.rule, self.message, fix=self.fix)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _model_at(loc: YamlPath, root: type[BaseModel]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _unwrap(arg)
        if found is not None:
            return found
    return None


def schema_errors(err: ValidationError, doc: Document, root: type[BaseModel] = PlanFile) -> list[SchemaError]:
    """Each error of ``err`` once, at the line of the value (or of the mapping missing a field)."""
    out = []
    suggested: set[YamlPath] = set()  # fields an unknown-field message already proposes
    for e in err.errors(include_url=False):
        loc: YamlPath = tuple(p for p in e["loc"] if isinstance(p, (int, str)))
        kind, value = e["type"], e.get("input")
        field_name = next((p for p in reversed(loc) if isinstance(p, str)), "file")
        path = loc
        fix: Fix | None = None
        if kind == "missing":
            parent = loc[:-1]
            where = doc.key_pos(parent) if parent else doc.pos(())
            inside = f" in '{parent[-1]}'" if parent and isinstance(parent[-1], str) else ""
            rule, message, path = "missing-field", f"missing field '{field_name}'{inside}: add `{field_name}:`", parent
        elif kind == "extra_forbidden":
            where = doc.key_pos(loc)
            model = _model_at(loc[:-1], root)
            known = sorted(f.alias or name for name, f in model.model_fields.items()) if model else []
            close = difflib.get_close_matches(field_name, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
            if field_name.isdigit():
                hint = (
                    "a comma inside { } separates fields: write numbers without thousands separators (1000, not 1,000)"
                )
                fix = _separator_fix(doc, loc)
            rule, message = "unknown-field", f"unknown field '{field_name}': {hint}"
            if close:
                suggested.add((*loc[:-1], close[0]))
        else:
            where = doc.pos(loc)
            hint, fix = _choice_hint(loc, field_name, value, root) if kind == "literal_error" else ("", None)
            rule, message = _value_message(kind, e, loc, field_name, value, hint)
            if kind == "value_error" and isinstance(value, str):
                message, fix = _figure_fix(doc, loc, field_name, value, message)
        out.append(SchemaError(where, rule, message, path, loc if kind == "missing" else None, fix))
    # A missing 'category' next to an unknown 'categry' is one mistake, said once.
    return [f for f in out if f.missing not in suggested]


INVALID, WRONG_TYPE = "invalid-value", "wrong-type"


def _choices(annotation: Any) -> tuple[str, ...]:
    """The values of the Literal inside a field's annotation (``Qualifier | None`` → at_least, ...)."""
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    return tuple(c for arg in typing.get_args(annotation) for c in _choices(arg))


def _choice_hint(loc: YamlPath, field_name: str, value: Any, root: type[BaseModel]) -> tuple[str, Fix | None]:
    """``: did you mean at_least? (以上 is written qualifier: at_least)`` for a value the field does not
    have; and the fix, when the value is a word the plan prints for it (a misspelling is only a guess)."""
    model = _model_at(loc[:-1], root)
    if model is None or not isinstance(value, str):
        return "", None
    named = [f.annotation for name, f in model.model_fields.items() if field_name in (name, f.alias)]
    if not named:
        return "", None
    found = suggest_choice(value, _choices(named[0]))
    if found is None:
        return "", None
    choice, word = found
    if not word:
        return f": did you mean {choice}?", None
    return f": did you mean {choice}? ({word} is written {field_name}: {choice})", Fix(value, choice)


def _figure_fix(doc: Document, loc: YamlPath, field_name: str, value: str, message: str) -> tuple[str, Fix | None]:
    """A figure written with full-width digits, a percent sign, thousands separators, or its qualifier
    word (``1000以上``): the message and the fix that writes it plainly."""
    split = split_qualifier(value)
    if split is not None:
        figure = split[0] if is_printed(split[0]) else ascii_figure(split[0])
        if figure is not None:
            qualifier = split[1]
            said = (
                f"{field_name}: {value!r} holds its qualifier: write {field_name}: {figure} and qualifier: {qualifier}"
            )
            mapping = _data_at(doc.data, loc[:-1])
            if field_name == "value" and isinstance(mapping, dict) and "qualifier" not in mapping:
                return said, Fix(value, figure, qualifier=qualifier)
            return said, None
    figure = ascii_figure(value)
    return message, Fix(value, figure) if figure is not None else None


def _separator_fix(doc: Document, loc: YamlPath) -> Fix | None:
    """``{value: 1,000}`` reads as ``value: 1`` and a field ``000``: the fix removes the comma, where
    the field before holds one to three digits and this one three (with no value of its own)."""
    mapping = _data_at(doc.data, loc[:-1])
    key = loc[-1]
    if not isinstance(mapping, dict) or not isinstance(key, str) or len(key) != 3 or mapping.get(key) is not None:
        return None
    keys = list(mapping)
    before = mapping.get(keys[keys.index(key) - 1]) if keys.index(key) > 0 else None
    if not (isinstance(before, str) and before.isdigit() and len(before) <= 3 and before.isascii()):
        return None
    return Fix("," + key, key, token=False, offset=-1)


def _data_at(data: Any, path: YamlPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _value_message(kind: str, e: Any, loc: YamlPath, field_name: str, value: Any, hint: str = "") -> tuple[str, str]:
    """The rule and message of a value the schema refuses."""
    msg: str = e["msg"]
    if kind == "value_error":
        if loc and isinstance(loc[-1], int):  # a model-level rule of a list item
            return INVALID, msg.removeprefix("Value error, ")
        return INVALID, f"{field_name}: {msg.removeprefix('Value error, ')}" if loc else msg
    if kind in ("model_type", "model_attributes_type", "dict_type") and not loc:
        return WRONG_TYPE, "the file must be a mapping with `plans:` at the top"
    if kind.endswith(("_type", "_parsing")) and not kind.startswith("date"):
        base = "dict" if kind.startswith("model") else kind.split("_")[0]
        return WRONG_TYPE, f"{field_name}: expected {_TYPE_WORDS.get(base, base)}, got {_describe(value)}"
    if kind.startswith("date"):
        return INVALID, f"{field_name}: {_describe(value)} is not a date: write YYYY-MM-DD"
    if kind == "literal_error":
        return INVALID, f"{field_name}: {_describe(value)} is not one of {e['ctx']['expected']}{hint}"
    if kind == "string_pattern_mismatch":
        return INVALID, f"{field_name}: {_describe(value)} is not a valid id (lower-case ASCII letters, digits and '-')"
    if kind == "too_short":
        return INVALID, f"{field_name}: must not be empty"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = e["ctx"].get("ge", e["ctx"].get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return INVALID, f"{field_name}: must be {word} {bound}, not {_describe(value)}"
    return INVALID, f"{field_name}: {msg}"

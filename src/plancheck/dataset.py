"""From paths to validated plans: read, compose, validate, and keep every position.

A file that does not parse or does not fit the schema is not an exception: each problem becomes a
``Finding`` at its line, and the plans that did validate are still returned.
"""

from __future__ import annotations

import difflib
import functools
import os
import stat
import typing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .findings import ERROR, Finding
from .models import Plan, PlanFile
from .yamlload import Document, load_bytes

ENV_DATA = "PLANCHECK_DATA"
YAML_SUFFIXES = (".yaml", ".yml")


class DataPathError(Exception):
    """A path the command cannot use at all (missing, unreadable, no data in it): exit code 2."""


@dataclass(frozen=True)
class Loc:
    """Where a model came from: file, composed document, and its path inside that document."""

    file: str
    doc: Document
    path: tuple[Any, ...]


@dataclass
class Dataset:
    plans: list[Plan] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)  # catalogue entries: the bundled ones, then the data's
    identities: list[Any] = field(default_factory=list)

    @functools.cached_property
    def catalogue(self):
        """The indicator catalogue: the bundled entries and identities, then the data's own."""
        from .catalogue import Index

        return Index(self.entries, self.identities)


def where(model: Any, *sub: Any, key: bool = False) -> tuple[str, int, int]:
    """File, line and column of a model's field (``where(ind, "target", "year")``)."""
    loc: Loc = model._loc
    if loc is None:
        return ("<memory>", 1, 1)
    path = loc.path + sub
    pos = loc.doc.key_pos(path) if key else loc.doc.pos(path)
    return (loc.file, pos.line, pos.column)


# --------------------------------------------------------------------------- paths


def bundled_data() -> Path:
    """The data shipped with plancheck (inside the package once installed, else the repo's data/)."""
    packaged = resources.files("plancheck") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data"


def default_paths() -> list[Path]:
    """$PLANCHECK_DATA, else the bundled plans (the bundled catalogue is read on its own, once)."""
    env = os.environ.get(ENV_DATA, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    return [bundled_data() / "targets.yaml"]


def display_name(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def collect_files(paths: list[Path]) -> list[Path]:
    """Expand directories into their *.yaml files; refuse what cannot be used, with the reason."""
    files: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = Path(os.path.realpath(path))  # unlike Path.resolve, never raises on a symlink loop
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise DataPathError(f"{path}: no such file or directory") from None
        except OSError as err:  # a symlink loop, a name too long, no permission on a parent
            raise DataPathError(f"{path}: cannot be opened ({err.strerror})") from None
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(names) if n.endswith(YAML_SUFFIXES)]
            if not found:
                raise DataPathError(f"{path}: no *.yaml or *.yml files in this directory")
            for f in found:
                add(f)
        elif stat.S_ISREG(st.st_mode):
            add(path)
        else:
            raise DataPathError(f"{path}: not a regular file or directory")
    return files


# --------------------------------------------------------------------------- loading


def load(paths: list[Path] | None = None) -> Dataset:
    """Load and validate every plan file under ``paths`` (default: PLANCHECK_DATA or the bundled data)."""
    files = collect_files(paths if paths else default_paths())
    bundled = bundled_catalogue()
    data = Dataset(entries=list(bundled.catalogue), identities=list(bundled.identities))
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise DataPathError(f"{path}: cannot be read ({err.strerror})") from None
        name = display_name(path)
        data.files.append(name)
        plans, findings = load_file(raw, name, data)
        data.plans += plans
        data.findings += findings
    data.findings += _duplicate_plan_ids(data.plans)
    data.findings += _catalogue_keys(data)
    data.findings.sort()
    return data


@functools.cache
def bundled_catalogue():
    """The bundled indicator catalogue (read once)."""
    from .catalogue import Catalogue

    path = bundled_data() / "indicators.yaml"
    doc = load_bytes(path.read_bytes()).documents[0].data if path.is_file() else None
    return Catalogue.model_validate(doc) if doc else Catalogue.model_construct(catalogue=[], identities=[])


def _catalogue_keys(data: Dataset) -> list[Finding]:
    index = data.catalogue
    out = []
    for plan in data.plans:
        for ind in plan.indicators:
            if ind.key is not None and ind.key not in index.entries:
                file, line, col = where(ind, "key")
                close = difflib.get_close_matches(ind.key, list(index.entries), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "add it to the catalogue, or write `local: true`"
                out.append(Finding(file, line, col, ERROR, "unknown-key",
                                   f"catalogue key '{ind.key}' is not in the indicator catalogue: {hint}",
                                   plan.id, ind.id))
    return out


def load_file(raw: bytes, name: str, into: Dataset | None = None) -> tuple[list[Plan], list[Finding]]:
    """Parse and validate one file's bytes; ``name`` is how findings refer to the file.

    A document whose top-level key is ``catalogue`` is an indicator catalogue: its entries and
    identities are added to ``into``.
    """
    result = load_bytes(raw)
    findings = [Finding(name, p.line, p.column, ERROR, p.rule, p.message) for p in result.problems]
    problem_lines = {p.line for p in result.problems} | result.quiet_lines
    if not result.documents and not result.problems:
        findings.append(Finding(name, 1, 1, ERROR, "empty-file",
                                "the file holds no YAML data: a plan file starts with `plans:`"))
    plans: list[Plan] = []
    for doc in result.documents:
        if isinstance(doc.data, dict) and "catalogue" in doc.data:
            findings += _catalogue_document(doc, name, into)
            continue
        try:
            parsed = PlanFile.model_validate(doc.data).plans
            valid = [(i, plan, list(range(len(plan.indicators))), list(range(len(plan.claims))))
                     for i, plan in enumerate(parsed)]
        except ValidationError as err:
            errors = _validation_findings(err, doc, name)
            for f in errors:
                if f.line in problem_lines:
                    continue  # the loader already said what is wrong on this line
                if _span_lost_lines(doc, f, result.blanked_lines):
                    continue  # an artefact of a line the syntax error made unreadable
                findings.append(f)
            valid = _recover(doc, errors)
        for i, plan, rows, claim_rows in valid:
            plan._loc = Loc(name, doc, ("plans", i))
            for j, indicator in zip(rows, plan.indicators):
                indicator._loc = Loc(name, doc, ("plans", i, "indicators", j))
            for j, claim in zip(claim_rows, plan.claims):
                claim._loc = Loc(name, doc, ("plans", i, "claims", j))
            plans.append(plan)
            findings += _plan_findings(plan)
    return plans, findings


def _catalogue_document(doc: Document, name: str, into: Dataset | None) -> list[Finding]:
    from .catalogue import Catalogue

    try:
        catalogue = Catalogue.model_validate(doc.data)
    except ValidationError as err:
        return _validation_findings(err, doc, name, Catalogue)
    if into is not None:
        into.entries.extend(catalogue.catalogue)
        into.identities.extend(catalogue.identities)
    return []


def _recover(doc: Document, errors: list[Finding]) -> list[tuple[int, Plan, list[int], list[int]]]:
    """The plans of a file that failed validation, without their invalid indicators and claims.

    So one bad row is reported without hiding the rest of its plan, or the other plans, from the checks.
    Returns each plan's index in the file, the plan, and the file's index of each kept indicator and claim.
    """
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("plans"), list):
        return []
    bad = [f.figures.get("path", ()) for f in errors]
    recovered = []
    for i, item in enumerate(data["plans"]):
        here = [p for p in bad if p[:2] == ("plans", i)]
        if not isinstance(item, dict) or any(len(p) < 4 or p[2] not in ("indicators", "claims") for p in here):
            continue  # a problem in the plan's own fields: it cannot be checked
        bad_claims = {p[3] for p in here if p[2] == "claims"}
        here = [p for p in here if p[2] == "indicators"]
        broken = {p[3] for p in here}
        rows = item.get("indicators")
        if not isinstance(rows, list):
            continue
        keep = [j for j in range(len(rows)) if j not in broken]
        if not keep:
            continue
        claims = item.get("claims")
        fixed = {**item, "indicators": [rows[j] for j in keep]}
        keep_claims: list[int] = []
        if isinstance(claims, list):
            keep_claims = [j for j in range(len(claims)) if j not in bad_claims]
            fixed["claims"] = [claims[j] for j in keep_claims]
        try:
            plan = Plan.model_validate(fixed)
        except ValidationError:
            continue
        recovered.append((i, plan, keep, keep_claims))
    return recovered


def _span_lost_lines(doc: Document, finding: Finding, blanked: set[int]) -> bool:
    path = finding.figures.get("path", ())
    span = doc.spans.get(path)
    if span is None and path in doc.positions:  # a scalar: its own line
        span = (doc.positions[path].line, doc.positions[path].line)
    return bool(span and any(span[0] <= line <= span[1] + 1 for line in blanked))


# --------------------------------------------------------------------------- validation messages

_TYPE_WORDS = {
    "int": "a whole number", "bool": "true or false", "str": "text", "dict": "a mapping of fields",
    "list": "a list", "float": "a number", "date": "a date (YYYY-MM-DD)",
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)


def _model_at(loc: tuple[Any, ...], root: type[BaseModel] = PlanFile) -> type[BaseModel] | None:
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


def _validation_findings(err: ValidationError, doc: Document, name: str,
                         root: type[BaseModel] = PlanFile) -> list[Finding]:
    out = []
    suggested: set[tuple[Any, ...]] = set()  # fields an unknown-field message already proposes
    for e in err.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if isinstance(p, (int, str)))
        kind, value = e["type"], e.get("input")
        field_name = next((p for p in reversed(loc) if isinstance(p, str)), "file")
        if kind == "missing":
            parent = loc[:-1]
            where_ = doc.key_pos(parent) if parent else doc.pos(())
            inside = f" in '{parent[-1]}'" if parent and isinstance(parent[-1], str) else ""
            rule, message, path = "missing-field", f"missing field '{field_name}'{inside}: add `{field_name}:`", parent
        elif kind == "extra_forbidden":
            where_ = doc.key_pos(loc)
            model = _model_at(loc[:-1], root)
            known = sorted(model.model_fields) if model else []
            close = difflib.get_close_matches(field_name, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
            if field_name.isdigit():
                hint = ("a comma inside { } separates fields: write numbers without thousands separators "
                        "(1000, not 1,000)")
            rule, message, path = "unknown-field", f"unknown field '{field_name}': {hint}", loc
            if close:
                suggested.add(loc[:-1] + (close[0],))
        else:
            where_ = doc.pos(loc)
            rule, path = "invalid-value", loc
            msg = e["msg"]
            if kind == "value_error":
                message = f"{field_name}: {msg.removeprefix('Value error, ')}" if loc else msg
                if loc and isinstance(loc[-1], int):  # a model-level rule of a list item
                    message = msg.removeprefix("Value error, ")
            elif kind in ("model_type", "model_attributes_type", "dict_type") and not loc:
                rule, message = "wrong-type", "the file must be a mapping with `plans:` at the top"
            elif kind.endswith(("_type", "_parsing")) and not kind.startswith("date"):
                base = kind.split("_")[0]
                if kind.startswith("model"):
                    base = "dict"
                rule = "wrong-type"
                message = f"{field_name}: expected {_TYPE_WORDS.get(base, base)}, got {_describe(value)}"
            elif kind.startswith("date"):
                message = f"{field_name}: {_describe(value)} is not a date: write YYYY-MM-DD"
            elif kind == "literal_error":
                message = f"{field_name}: {_describe(value)} is not one of {e['ctx']['expected']}"
            elif kind == "string_pattern_mismatch":
                message = f"{field_name}: {_describe(value)} is not a valid id (lower-case ASCII letters, digits and '-')"
            elif kind == "too_short":
                message = f"{field_name}: must not be empty"
            elif kind in ("greater_than_equal", "less_than_equal"):
                bound = e["ctx"].get("ge", e["ctx"].get("le"))
                word = "at least" if kind == "greater_than_equal" else "at most"
                message = f"{field_name}: must be {word} {bound}, not {_describe(value)}"
            else:
                message = f"{field_name}: {msg}"
        out.append(Finding(name, where_.line, where_.column, ERROR, rule, message,
                           figures={"path": path, "missing": loc if kind == "missing" else None}))
    # A missing 'category' next to an unknown 'categry' is one mistake, said once.
    return [f for f in out if f.figures["missing"] not in suggested]


def _plan_findings(plan: Plan) -> list[Finding]:
    """Checks of a single plan that need more than one field: year order, unique indicator ids."""
    out = []
    seen: dict[str, int] = {}
    for ind in plan.indicators:
        file, line, col = where(ind, "id")
        if ind.id in seen:
            out.append(Finding(file, line, col, ERROR, "duplicate-id",
                               f"indicator id '{ind.id}' is used twice in plan '{plan.id}' (first at line "
                               f"{seen[ind.id]}): give each indicator its own id", plan.id, ind.id))
        else:
            seen[ind.id] = line
        if ind.baseline and ind.target and ind.target.year <= ind.baseline.year:
            file, line, col = where(ind, "target", "year")
            out.append(Finding(file, line, col, ERROR, "year-order",
                               f"target year {ind.target.year} is not after the baseline year "
                               f"{ind.baseline.year}: check both years against the source",
                               plan.id, ind.id))
    return out


def _duplicate_plan_ids(plans: list[Plan]) -> list[Finding]:
    out, seen = [], {}
    for plan in plans:
        file, line, col = where(plan, "id")
        if plan.id in seen:
            out.append(Finding(file, line, col, ERROR, "duplicate-id",
                               f"plan id '{plan.id}' is used twice (first at {seen[plan.id]}): plan ids "
                               "must be unique across the data", plan.id))
        else:
            seen[plan.id] = f"{file}:{line}"
    return out


# --------------------------------------------------------------------------- naming plans


class PlanLookupError(Exception):
    """An unknown or ambiguous plan name: exit code 2."""

    def __init__(self, message: str, candidates: list[str], ambiguous: bool = False):
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous


def _names(plan: Plan) -> set[str]:
    names = {plan.id, *plan.aliases, plan.region.zh, plan.region.en}
    stripped = plan.region.zh.rstrip("市县区")
    if stripped:
        names.add(stripped)
    return {n.casefold() for n in names}


def describe_plan(plan: Plan) -> str:
    return f"{plan.id} ({plan.region.zh} {plan.period.first}–{plan.period.last}, {plan.title.zh})"


def find_plan(plans: list[Plan], name: str) -> Plan:
    """A plan by id, alias or region name (Chinese or English, any case)."""
    key = name.strip().casefold()
    for plan in plans:
        if plan.id == key:
            return plan
    matches = [p for p in plans if key in _names(p)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = [describe_plan(p) for p in matches]
        raise PlanLookupError(f"'{name}' names {len(matches)} plans; use one of their ids:", listed,
                              ambiguous=True)
    every = sorted({n for p in plans for n in _names(p)})
    close = difflib.get_close_matches(key, every, n=5, cutoff=0.5)
    hint = (f"closest names: {', '.join(close)}" if close else
            f"known plans: {', '.join(p.id for p in plans)}")
    raise PlanLookupError(f"no plan is named '{name}'; {hint} (see `plancheck list`)",
                          [p.id for p in plans])


def in_files(plans: list[Plan], files: list[str]) -> list[Plan]:
    """The plans defined in ``files`` (display names, as findings give them)."""
    return [p for p in plans if p._loc is not None and p._loc.file in files]


def select(plans: list[Plan], names: list[str]) -> list[Plan]:
    """Plans named on the command line, in that order; all plans when no name is given."""
    if not names:
        return list(plans)
    chosen: list[Plan] = []
    for name in names:
        plan = find_plan(plans, name)
        if plan not in chosen:
            chosen.append(plan)
    return chosen

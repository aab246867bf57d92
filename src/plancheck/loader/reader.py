"""From paths to validated plans: read, validate, and record where every model was written.

A file that does not parse or does not fit the schema is not an exception: each problem becomes a
``Finding`` at its line, and the plans that did validate are still returned.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from ..model.catalogue import Catalogue, Entry, Identity, Index, PartWhole
from ..model.findings import Finding
from ..model.plan import Outturn, OutturnFile, Plan, PlanFile
from ..model.positions import Loc
from ..model.status import Level
from .cache import Cache
from .events import Document, load_bytes
from .files import (
    UNREADABLE,
    Collected,
    DataPathError,
    FileProblem,
    bundled_data,
    collect_files,
    default_paths,
    display_name,
    read_file,
)
from .schema_errors import SchemaError, schema_errors


@dataclass
class Dataset:
    """Everything read from the data: the plans that validated, the problems, the files, the catalogue."""

    plans: list[Plan] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # catalogue entries: the bundled ones, then the data's
    identities: list[Identity] = field(default_factory=list)
    part_whole: list[PartWhole] = field(default_factory=list)
    outturns: list[Outturn] = field(default_factory=list)  # the entries of outturn files, as read
    glossary: dict[str, str] = field(default_factory=dict)  # the catalogues' English for places

    def add(self, part: Dataset) -> None:
        """Take in what one file's part adds besides its plans: findings, catalogue, outturns."""
        self.findings += part.findings
        self.entries += part.entries
        self.identities += part.identities
        self.part_whole += part.part_whole
        self.outturns += part.outturns
        self.glossary.update(part.glossary)

    @functools.cached_property
    def catalogue(self) -> Index:
        """The indicator catalogue: the bundled entries and identities, then the data's own."""
        return Index(self.entries, self.identities, self.glossary, self.part_whole)


class RegionHead(NamedTuple):
    """A plan's region as plain values (cheaper to unpickle than the model): its names, its parent
    and the regions below it."""

    zh: str
    en: str
    parent: str | None
    subregions: tuple[str, ...]


@dataclass(frozen=True)
class PlanHead:
    """What relates a plan to the others, known without reading the plan whole: its id and names, its
    region, and how much it holds."""

    id: str
    aliases: tuple[str, ...]
    region: RegionHead
    indicators: int

    @classmethod
    def of(cls, plan: Plan) -> PlanHead:
        r = plan.region
        region = RegionHead(r.zh, r.en, r.parent, tuple(r.subregions))
        return cls(plan.id, tuple(plan.aliases), region, len(plan.indicators))


@dataclass(frozen=True)
class Stdin:
    """A file's content read from standard input (an editor's unsaved buffer), under a name: it stands
    in for the file of that name where the data has one, and is added to the data otherwise."""

    name: str
    raw: bytes


def read(
    paths: list[Path] | None = None,
    stdin: Stdin | None = None,
    cache: Cache | None = None,
    *,
    jobs: int | None = None,
) -> Dataset:
    """Read and validate every plan file under ``paths`` (default: PLANCHECK_DATA or the bundled data).

    A file named in ``paths`` that cannot be read raises ``DataPathError``; one found in a directory
    is reported as an ``unreadable-file`` finding, and the other files are still read. ``cache``:
    where a file read before with the same name and bytes is taken from instead (loader/cache.py).
    ``jobs``: processes to read the files not in the cache with (``jobs_for`` by default:
    ``$PLANCHECK_JOBS``, else one); the result is the same.
    """
    collected, files, stdin = _gather(paths, stdin)
    data = _with_bundled_catalogue()
    data.findings += collected.problems
    for name, part in zip((n for n, _ in files), _parts(files, cache, jobs), strict=True):
        data.files.append(name)
        data.plans += part.plans
        data.add(part)
    if stdin is not None:  # a new file, not yet on disk
        name = stdin.name if stdin.name.startswith("<") else display_name(Path(stdin.name))
        data.files.append(name)
        plans, findings = load_file(stdin.raw, name, data)
        data.plans += plans
        data.findings += findings
    data.findings += attach_outturns(data.plans, data.outturns)
    data.findings.sort()
    return data


def _with_bundled_catalogue() -> Dataset:
    bundled = bundled_catalogue()
    return Dataset(
        entries=list(bundled.catalogue),
        identities=list(bundled.identities),
        part_whole=list(bundled.part_whole),
        glossary=dict(bundled.glossary),
    )


def _gather(paths: list[Path] | None, stdin: Stdin | None) -> tuple[Collected, list[tuple[str, bytes]], Stdin | None]:
    """The files to read, by name, with their bytes (``stdin`` standing in for the file of its name),
    the problems of the paths, and ``stdin`` where it stands in for no file (a new file)."""
    given = paths if paths else ([] if stdin else default_paths())
    collected = collect_files(given) if given else Collected()
    stand_in = os.path.realpath(stdin.name) if stdin else None
    named = set(given)
    files: list[tuple[str, bytes]] = []
    for path in collected.files:
        name = display_name(path)
        if stdin is not None and os.path.realpath(path) == stand_in:
            raw, stdin = stdin.raw, None
        else:
            try:
                raw = read_file(path)
            except FileProblem as err:
                if path in named:
                    raise DataPathError(f"{path}: {err}") from None
                collected.problems.append(Finding(name, 1, 1, Level.ERROR, UNREADABLE, f"this file {err}"))
                continue
        files.append((name, raw))
    return collected, files, stdin


@dataclass
class Surveyed:
    """One file as ``survey`` finds it: its name, bytes and cache key, what reading it gave but its
    plans, and its plans' heads; the plans themselves are read when asked for."""

    name: str
    raw: bytes
    key: str
    part: Dataset  # its findings, and what it adds to the catalogue; no plans
    heads: list[PlanHead]
    plans: list[Plan] | None = None  # read, or taken from the cache, when first asked for


@dataclass
class Survey:
    """Every file of the data, each with its plans' heads but not (yet) its plans; and, as ``read``
    gives it, all the data adds to the catalogue and the problems of the paths."""

    data: Dataset  # no plans: the files' names, their findings, the catalogue and outturns they add
    files: list[Surveyed]
    cache: Cache
    problems: list[Finding]  # of the paths, in no file read (a directory that cannot be listed ...)

    def plans(self, file: Surveyed) -> list[Plan]:
        """The file's plans: from the cache, else read again (an entry removed by another run)."""
        if file.plans is None:
            part = _from_cache(self.cache.get(file.key))
            file.plans = part.plans if part is not None else _load_part(file.raw, file.name).plans
        return file.plans


def survey(paths: list[Path] | None, cache: Cache, *, jobs: int | None = None) -> Survey:
    """Every plan file under ``paths`` as ``read`` reads it, but with each plan's head only where the
    cache holds the file (its plans are unpickled when ``Survey.plans`` asks for them); the files not
    in the cache are read, and stored in it. Raises ``DataPathError`` as ``read`` does."""
    collected, files, _ = _gather(paths, None)
    keys = [cache.key(name, raw) for name, raw in files]
    heads: list[tuple[Dataset, list[PlanHead]] | None] = []
    for key in keys:
        entry = cache.get(key, parts=1)
        heads.append(_from_head(entry[0]) if entry else None)
    parts: list[Dataset | None] = [None if h is None else h[0] for h in heads]
    for i in _read_missing(files, parts, keys, cache, jobs):
        part = parts[i]
        assert part is not None
        heads[i] = (part, [PlanHead.of(p) for p in part.plans])
    data = _with_bundled_catalogue()
    data.findings += collected.problems
    surveyed = []
    for (name, raw), key, head in zip(files, keys, heads, strict=True):
        assert head is not None
        part, plan_heads = head
        data.files.append(name)
        data.add(part)
        plans = part.plans if part.plans or not plan_heads else None
        surveyed.append(Surveyed(name, raw, key, part, plan_heads, plans))
    return Survey(data, surveyed, cache, collected.problems)


ENV_JOBS = "PLANCHECK_JOBS"


def jobs_for(env: dict[str, str] | os._Environ[str] = os.environ) -> int:
    """How many processes read the files: ``$PLANCHECK_JOBS`` where it is a number, else one.

    One by default, as measured: on 2 cores, 517 files of 10,000 indicators took longer in two
    processes than in one (the plans, sent back to the main process, cost as much to unpickle as
    half the reading saves); with more cores it may pay, which ``benchmarks/run.py`` shows."""
    given = env.get(ENV_JOBS, "").strip()
    return int(given) if given.isdigit() and int(given) > 0 else 1


def _load_part(raw: bytes, name: str) -> Dataset:
    """One file read into a data set of its own: its plans and findings, and what a catalogue or an
    outturn file in it adds."""
    part = Dataset()
    part.plans, part.findings = load_file(raw, name, part)
    return part


def _load_parts(chunk: list[tuple[str, bytes]]) -> list[Dataset]:
    return [_load_part(raw, name) for name, raw in chunk]


def _parts(files: list[tuple[str, bytes]], cache: Cache | None, jobs: int | None) -> list[Dataset]:
    """Each file as read, in order: from the cache where it holds the file, else read here or, for
    many files, in several processes at once (each file is read by itself, so the order and the
    result do not depend on how the work is shared)."""
    keys = [cache.key(name, raw) if cache is not None else None for name, raw in files]
    parts: list[Dataset | None] = [_from_cache(cache.get(k)) if cache and k else None for k in keys]
    _read_missing(files, parts, keys, cache, jobs)
    return [p for p in parts if p is not None]


def _read_missing(
    files: list[tuple[str, bytes]],
    parts: list[Dataset | None],
    keys: Sequence[str | None],
    cache: Cache | None,
    jobs: int | None,
) -> list[int]:
    """Read each file that has no part yet (in processes where ``jobs`` says so), and store it in the
    cache; the indexes of the files read."""
    todo = [i for i, part in enumerate(parts) if part is None]
    workers = jobs if jobs is not None else jobs_for()
    if workers > 1 and len(todo) > 1:
        read_parts = _in_processes([files[i] for i in todo], workers)
    else:
        read_parts = [_load_part(files[i][1], files[i][0]) for i in todo]
    for i, part in zip(todo, read_parts, strict=True):
        parts[i] = part
        key = keys[i]
        if cache is not None and key is not None:
            cache.put(key, _head(part), part.plans)
    return todo


def _head(part: Dataset) -> tuple[Any, ...]:
    """What a cache entry holds before the plans: all that reading the file gave but the plans, and
    each plan's head."""
    return (
        part.findings,
        part.entries,
        part.identities,
        part.part_whole,
        part.outturns,
        list(part.glossary.items()),
        [PlanHead.of(p) for p in part.plans],
    )


def _in_processes(files: list[tuple[str, bytes]], workers: int) -> list[Dataset]:
    """``_load_part`` of each file, in ``workers`` processes, a few files to a task, in order."""
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(32, len(files) // (workers * 4)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [part for done in pool.map(_load_parts, chunks) for part in done]


def _from_head(head: Any) -> tuple[Dataset, list[PlanHead]] | None:
    """The part (without its plans) and the plans' heads a cache entry's head holds (None for one of
    another shape)."""
    if not isinstance(head, tuple) or len(head) != 7 or not all(isinstance(x, list) for x in head):
        return None
    findings, entries, identities, part_whole, outturns, glossary, heads = head
    part = Dataset(findings=findings, entries=entries, identities=identities, part_whole=part_whole, outturns=outturns)
    part.glossary = dict(glossary)
    return part, heads


def _from_cache(entry: tuple[Any, ...] | None) -> Dataset | None:
    """The data set a cache entry holds (None for none, or one of another shape)."""
    if entry is None or len(entry) != 2 or not isinstance(entry[1], list):
        return None
    read = _from_head(entry[0])
    if read is None:
        return None
    read[0].plans = entry[1]
    return read[0]


UNKNOWN_OUTTURN = "unknown-outturn"


def attach_outturns(plans: list[Plan], outturns: list[Outturn]) -> list[Finding]:
    """Add each outturn file entry's observations to the indicator it names; a plan or indicator that
    is not in the data is an error at its place, with the closest name."""
    by_name: dict[str, Plan] = {}
    for plan in plans:
        for name in (plan.id, *plan.aliases):
            by_name.setdefault(name, plan)
    findings: list[Finding] = []
    for entry in outturns:
        named = by_name.get(entry.plan)
        if named is None:
            close = difflib.get_close_matches(entry.plan, sorted(by_name), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "read the plan's file too, or correct the id"
            message = f"outturns for plan '{entry.plan}', which is not in the data read: {hint}"
            findings.append(_at(entry, "plan", message))
            continue
        plan = named
        ind = next((i for i in plan.indicators if i.id == entry.indicator), None)
        if ind is None:
            ids = [i.id for i in plan.indicators]
            close = difflib.get_close_matches(entry.indicator, ids, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "`plancheck show " + plan.id + "` lists its indicators"
            message = f"plan {plan.id} has no indicator '{entry.indicator}': {hint}"
            findings.append(_at(entry, "indicator", message))
            continue
        ind.observed.extend(entry.observed)
    return findings


def _at(entry: Outturn, part: str, message: str) -> Finding:
    return Finding.at(entry.place(part), Level.ERROR, UNKNOWN_OUTTURN, message, entry.plan, entry.indicator)


@functools.cache
def bundled_catalogue() -> Catalogue:
    """The bundled indicator catalogue (read once)."""
    path = bundled_data() / "indicators.yaml"
    doc = load_bytes(path.read_bytes()).documents[0].data if path.is_file() else None
    if not doc:
        return Catalogue.model_construct(catalogue=[], identities=[], part_whole=[], glossary={})
    return Catalogue.model_validate(doc)


def bundled_index() -> Index:
    bundled = bundled_catalogue()
    return Index(bundled.catalogue, bundled.identities, bundled.glossary, bundled.part_whole)


def load_file(raw: bytes, name: str, into: Dataset | None = None) -> tuple[list[Plan], list[Finding]]:
    """Parse and validate one file's bytes; ``name`` is how findings refer to the file.

    A document whose top-level key is ``catalogue`` is an indicator catalogue: its entries and
    identities are added to ``into``.
    """
    result = load_bytes(raw)
    findings = [Finding(name, p.line, p.column, Level.ERROR, p.rule, p.message, fix=p.fix) for p in result.problems]
    problem_lines = {p.line for p in result.problems} | result.quiet_lines
    if not result.documents and not result.problems:
        findings.append(
            Finding(
                name, 1, 1, Level.ERROR, "empty-file", "the file holds no YAML data: a plan file starts with `plans:`"
            )
        )
    plans: list[Plan] = []
    for doc in result.documents:
        if isinstance(doc.data, dict) and "catalogue" in doc.data:
            findings += _catalogue_document(doc, name, into)
            continue
        if isinstance(doc.data, dict) and "outturns" in doc.data and "plans" not in doc.data:
            findings += _outturn_document(doc, name, into)
            continue
        outturns: list[tuple[int, Outturn]] = []
        try:
            parsed_file = PlanFile.model_validate(doc.data)
            parsed = parsed_file.plans
            outturns = list(enumerate(parsed_file.outturns))
            valid = [
                (i, plan, list(range(len(plan.indicators))), list(range(len(plan.claims))))
                for i, plan in enumerate(parsed)
            ]
        except ValidationError as err:
            errors = schema_errors(err, doc)
            for e in errors:
                if e.pos.line in problem_lines:
                    continue  # the loader already said what is wrong on this line
                if _span_lost_lines(doc, e, result.blanked_lines):
                    continue  # an artefact of a line the syntax error made unreadable
                findings.append(e.finding(name))
            valid = _recover(doc, errors)
            outturns = _recover_outturns(doc)
        for i, plan, rows, claim_rows in valid:
            plan.locate(Loc(name, doc.source, ("plans", i)))
            for j, indicator in zip(rows, plan.indicators, strict=False):
                indicator.locate(Loc(name, doc.source, ("plans", i, "indicators", j)))
                for k, obs in enumerate(indicator.observed):
                    obs.locate(Loc(name, doc.source, ("plans", i, "indicators", j, "observed", k)))
            for j, claim in zip(claim_rows, plan.claims, strict=False):
                claim.locate(Loc(name, doc.source, ("plans", i, "claims", j)))
            plans.append(plan)
        for k, entry in outturns:
            _locate_outturn(entry, Loc(name, doc.source, ("outturns", k)))
        if into is not None:
            into.outturns.extend(entry for _, entry in outturns)
    return plans, findings


def _locate_outturn(entry: Outturn, loc: Loc) -> None:
    entry.locate(loc)
    for m, obs in enumerate(entry.observed):
        obs.locate(Loc(loc.file, loc.source, (*loc.path, "observed", m)))


def _recover_outturns(doc: Document) -> list[tuple[int, Outturn]]:
    """The outturn entries of a file that failed validation that are valid by themselves."""
    items = doc.data.get("outturns") if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    kept = []
    for k, item in enumerate(items):
        try:
            kept.append((k, Outturn.model_validate(item)))
        except ValidationError:
            continue  # reported with the file's other problems
    return kept


def _catalogue_document(doc: Document, name: str, into: Dataset | None) -> list[Finding]:
    try:
        catalogue = Catalogue.model_validate(doc.data)
    except ValidationError as err:
        return [e.finding(name) for e in schema_errors(err, doc, Catalogue)]
    if into is not None:
        into.entries.extend(catalogue.catalogue)
        into.identities.extend(catalogue.identities)
        into.part_whole.extend(catalogue.part_whole)
        into.glossary.update(catalogue.glossary)
    return []


def _outturn_document(doc: Document, name: str, into: Dataset | None) -> list[Finding]:
    try:
        parsed = OutturnFile.model_validate(doc.data)
    except ValidationError as err:
        return [e.finding(name) for e in schema_errors(err, doc, OutturnFile)]
    for k, entry in enumerate(parsed.outturns):
        _locate_outturn(entry, Loc(name, doc.source, ("outturns", k)))
        for obs in entry.observed:
            # an observation without its own source is from the file's publication
            obs.source = obs.source or parsed.source
            obs.url = obs.url or parsed.url
    if into is not None:
        into.outturns.extend(parsed.outturns)
    return []


def _recover(doc: Document, errors: list[SchemaError]) -> list[tuple[int, Plan, list[int], list[int]]]:
    """The plans of a file that failed validation, without their invalid indicators and claims.

    So one bad row is reported without hiding the rest of its plan, or the other plans, from the checks.
    Returns each plan's index in the file, the plan, and the file's index of each kept indicator and claim.
    """
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("plans"), list):
        return []
    bad = [e.path for e in errors]
    recovered = []
    for i, item in enumerate(data["plans"]):
        here = [p for p in bad if p[:2] == ("plans", i)]
        if not isinstance(item, dict) or any(len(p) < 4 or p[2] not in ("indicators", "claims") for p in here):
            continue  # a problem in the plan's own fields: it cannot be checked
        bad_claims = {p[3] for p in here if p[2] == "claims"}
        broken = {p[3] for p in here if p[2] == "indicators"}
        rows = item.get("indicators")
        if not isinstance(rows, list):
            continue
        keep = [j for j in range(len(rows)) if j not in broken]
        if not keep:
            continue
        claims = item.get("claims")
        fixed: dict[str, Any] = {**item, "indicators": [rows[j] for j in keep]}
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


def _span_lost_lines(doc: Document, error: SchemaError, blanked: set[int]) -> bool:
    span = doc.spans.get(error.path)
    line = doc.source.line(error.path) if span is None else None
    if line is not None:  # a scalar: its own line
        span = (line, line)
    return bool(span and any(span[0] <= line <= span[1] + 1 for line in blanked))

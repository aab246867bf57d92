"""Re-checking from the cache: only the files whose checks' inputs changed are checked again.

What ``verify`` finds in a file depends on the file's plans, on the catalogue, the settings and the
English for places the whole data gives, and on the plans its plans are compared with: those of the
same region (successive plans), of the parent region and of the regions below (hierarchy). So each
file's findings, with the counts of verify's summary, are stored in the cache under a digest of all
of that: the file's bytes, the bytes of the files of its related plans, and what every file adds to
the catalogue. A re-check takes from the cache the findings of every file whose digest is unchanged,
without unpickling its plans, and checks again, together, the files whose digest changed with the
plans related to them. A finding about a plan stands in the plan's file, so each file's findings are
those of the run located in it.

Where the data relates plans across files in other ways, everything is checked as before:
outturns (an outturn file adds observations to plans elsewhere), a plan id used twice, two files of
one display name, or a finding that stands in no file checked.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .arith.interval import DEFAULT, Policy
from .checks.pipeline import Tally, data_findings, run_checks, summary, tally
from .loader.cache import Cache, code_digest
from .loader.reader import Dataset, Survey, Surveyed, survey
from .model.catalogue import Index
from .model.findings import Finding
from .model.plan import Plan
from .model.words import Lang, Words

if TYPE_CHECKING:
    from .analysis.claims import ClaimResult
    from .analysis.rates import GrowthResult

PREFIX = "checks-"  # the names of the cache entries of a file's findings (a file's own are digests alone)


@dataclass
class Recheck:
    """What a re-check finds: the data as surveyed (its files, its catalogue; no plans), every
    finding (before any settings choose), the summary of the plans checked, and how many files
    were checked again rather than taken from the cache."""

    data: Dataset
    findings: list[Finding]
    summary: dict[str, object]
    checked: int


def recheck(
    paths: list[Path] | None,
    cache: Cache,
    *,
    policy: Policy = DEFAULT,
    lang: Lang = "zh",
    jobs: int | None = None,
) -> Recheck | None:
    """Every plan under ``paths`` checked as ``api.verify`` checks them all, with each file's findings
    taken from ``cache`` where their inputs are unchanged; None where the data cannot be re-checked
    file by file (then check it whole). Raises ``DataPathError`` as ``api.load`` does."""
    found = survey(paths, cache, jobs=jobs)
    files = found.files
    names = [f.name for f in files]
    ids = [h.id for f in files for h in f.heads]
    if found.data.outturns or len(set(ids)) < len(ids) or len(set(names)) < len(names):
        return None
    index = found.data.catalogue
    words = Words(lang, index, [h for f in files for h in f.heads])
    context = _context(found.data, policy, lang, words)
    related = _related(files)
    keys = [_result_key(context, files, i, related[i]) for i in range(len(files))]
    stored: list[tuple[list[Finding], Tally] | None] = [_stored(cache.get(k)) for k in keys]
    todo = [i for i, s in enumerate(stored) if s is None]
    if todo:
        fresh = _check(found, todo, related, index, policy, words)
        if fresh is None:
            return None
        for i in todo:
            stored[i] = fresh[i]
            cache.put(keys[i], *fresh[i])
    findings = list(found.problems)
    tallies = []
    for s in stored:
        assert s is not None
        findings += s[0]
        tallies.append(s[1])
    return Recheck(found.data, sorted(findings), summary(tallies), len(todo))


def _context(data: Dataset, policy: Policy, lang: Lang, words: Words) -> str:
    """A digest of what every file's findings depend on besides the plans they are compared with:
    plancheck's code, the settings that change findings, the catalogue (the bundled one and what
    the data adds, English for places included), and the English the plans give their regions."""
    digest = hashlib.sha256(f"{code_digest()}\0{policy!r}\0{lang}\0".encode())
    catalogue = (data.entries, data.identities, data.part_whole, sorted(data.glossary.items()))
    digest.update(repr(catalogue).encode())
    digest.update(repr(sorted(words.glossary.items())).encode())
    return digest.hexdigest()


def _related(files: list[Surveyed]) -> list[set[int]]:
    """For each file, the files whose plans its plans are compared with (itself included): plans of
    the same region, of the parent region, of the regions below (by their parent or as subregions)."""
    by_region: dict[str, set[int]] = {}
    by_parent: dict[str, set[int]] = {}
    for i, f in enumerate(files):
        for h in f.heads:
            by_region.setdefault(h.region.zh, set()).add(i)
            if h.region.parent:
                by_parent.setdefault(h.region.parent, set()).add(i)
    out = []
    for i, f in enumerate(files):
        mine = {i}
        for h in f.heads:
            r = h.region
            for name in (r.zh, r.parent, *r.subregions):
                mine |= by_region.get(name or "", set())
            mine |= by_parent.get(r.zh, set())
        out.append(mine)
    return out


def _result_key(context: str, files: list[Surveyed], i: int, related: Iterable[int]) -> str:
    digest = hashlib.sha256(f"{context}\0{files[i].key}\0".encode())
    for key in sorted(files[j].key for j in related):
        digest.update(key.encode())
    return PREFIX + digest.hexdigest()


def _stored(entry: tuple[object, ...] | None) -> tuple[list[Finding], Tally] | None:
    """A file's findings and tally as its entry holds them (None for none, or one of another shape)."""
    if entry is None or len(entry) != 2:
        return None
    findings, counts = entry
    if not isinstance(findings, list) or not isinstance(counts, Counter):
        return None
    return findings, counts


def _check(
    found: Survey,
    todo: list[int],
    related: list[set[int]],
    index: Index,
    policy: Policy,
    words: Words,
) -> dict[int, tuple[list[Finding], Tally]] | None:
    """The findings and tally of each file in ``todo``, from one run of every check over the plans of
    those files and of the files related to them (in the data's order, as a run over all would
    have them); None if a finding stands in no file of the run."""
    files = found.files
    group = sorted(set(todo).union(*(related[i] for i in todo)))
    owner: dict[int, int] = {}
    plans: list[Plan] = []
    for j in group:
        mine = found.plans(files[j])
        plans += mine
        owner.update({id(p): j for p in mine})
    read = [f for j in group for f in files[j].part.findings]
    checked = run_checks(plans, index, read + data_findings(plans, index), policy, words)
    by_file = {files[j].name: j for j in group}
    findings: dict[int, list[Finding]] = {j: [] for j in group}
    for f in checked.findings:
        where = by_file.get(f.file or "")
        if where is None:
            return None
        findings[where].append(f)
    plans_in: dict[int, list[Plan]] = {j: [] for j in group}
    results_in: dict[int, list[GrowthResult]] = {j: [] for j in group}
    claims_in: dict[int, list[ClaimResult]] = {j: [] for j in group}
    for p in plans:
        plans_in[owner[id(p)]].append(p)
    for r in checked.results:
        results_in[owner[id(r.plan)]].append(r)
    for c in checked.claims:
        claims_in[owner[id(c.plan)]].append(c)
    return {i: (findings[i], tally(plans_in[i], results_in[i], claims_in[i])) for i in todo}

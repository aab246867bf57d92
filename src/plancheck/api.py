"""The library API, and the one place the pipeline is put together.

    files ──load──▶ models ──analysis──▶ results ──checks──▶ findings ──render──▶ text

``load`` reads the data and runs the checks of the data as read; ``verify`` computes every result
of the chosen plans and runs every check over them; ``compare`` lines plans up side by side. The
command line calls these three and hands what they return to a reporter.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .arith.interval import DEFAULT, Policy
from .arith.printed import check_printed
from .checks.base import Context
from .checks.pipeline import data_findings as checks_of_data
from .checks.pipeline import run_checks, tally
from .checks.pipeline import summary as summarise
from .checks.policy import choose as choose_findings
from .extract.cells import parse_amount
from .loader.cache import Cache
from .loader.lookup import in_files, select
from .loader.reader import Dataset, Stdin, bundled_index, read
from .model.catalogue import Index
from .model.citations import cite
from .model.findings import Finding, count_levels
from .model.notation import STATED_UNIT_SUFFIXES
from .model.plan import FIRST_YEAR, LAST_YEAR, Plan
from .model.settings import Settings
from .model.words import Lang, Words

if TYPE_CHECKING:  # the analysis (numpy) is imported when first computed, so that `list` starts lean
    from .analysis.claims import ClaimResult
    from .analysis.comparison import Comparison
    from .analysis.facts import IdentityValue
    from .analysis.paths import Trajectory
    from .analysis.progress import ProgressResult
    from .analysis.rates import GrowthResult
    from .loader.fixes import FixResult

PathLike = str | os.PathLike[str]


def load(
    paths: PathLike | Sequence[PathLike] | None = None,
    *,
    stdin: Stdin | None = None,
    cache: Cache | None = None,
    jobs: int | None = None,
) -> Dataset:
    """Read and validate plan files (a file, a directory of *.yaml, or several); by default
    ``$PLANCHECK_DATA``, else the bundled data. Problems in the files are findings, not exceptions;
    a path that cannot be used at all raises ``DataPathError``. ``stdin``: a file's content given
    directly, standing in for the file of its name (an editor's unsaved buffer). ``cache``: take each
    file read before with the same name and bytes from it (``open_cache()``; none by default).
    ``jobs``: processes to read the files with (default: ``$PLANCHECK_JOBS``, else one); the data
    set is the same whatever the number."""
    data = read(_given(paths), stdin, cache, jobs=jobs)
    data.findings = cite(data.findings + checks_of_data(data.plans, data.catalogue), data.plans)
    data.findings.sort()
    return data


def _given(paths: PathLike | Sequence[PathLike] | None) -> list[Path] | None:
    """The paths given, as a list (None for none: the default data)."""
    if paths is None:
        return None
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths] or None


def paths_around(files: Sequence[Path], data: Sequence[Path] | None = None, new: Path | None = None) -> list[Path]:
    """What to read to check ``files``: the files, and ``data`` or else their directories, so that
    cross-file checks (a plan id used twice, a county against its city) still see everything.
    ``new``: one of the files that need not be on disk (an editor's new buffer, given on standard
    input); it brings only its directory."""
    context = data or sorted({f.parent for f in files if os.path.isdir(f.parent)})
    return [*context, *(f for f in files if f != new or os.path.lexists(f))]


@dataclass
class VerifyRun:
    """What ``verify`` finds: a result per stated figure, per claim check and per implied quantity,
    every finding, and counts of each."""

    plans: list[Plan]
    results: list[GrowthResult]
    findings: list[Finding]
    summary: dict[str, object] = field(default_factory=dict)
    claims: list[ClaimResult] = field(default_factory=list)
    identities: list[IdentityValue] = field(default_factory=list)


def check(
    plans: list[Plan],
    index: Index | None = None,
    data_findings: Sequence[Finding] = (),
    policy: Policy = DEFAULT,
    lang: Lang = "zh",
) -> VerifyRun:
    """Compute and check ``plans``; ``data_findings`` (from loading) are reported with the rest.

    ``index`` is the indicator catalogue (``Dataset.catalogue``); the bundled one by default.
    ``policy``: how printed figures are read (the rounding rule, the band of 左右). ``lang``: the
    language of the names, units and places in the findings' messages (model/words.py).
    """
    index = index or bundled_index()
    done = run_checks(plans, index, data_findings, policy, Words(lang, index, plans))
    rates, claims, findings = done.results, done.claims, done.findings
    summary = {**summarise([tally(plans, rates, claims)]), "findings": count_levels(findings)}
    return VerifyRun(plans, rates, findings, summary, claims, done.identities)


def choose(findings: Sequence[Finding], settings: Settings | None) -> list[Finding]:
    """The findings a configuration reports (its ``select``, ``ignore`` and ``per_file_ignores``)."""
    if settings is None:
        return list(findings)
    return choose_findings(findings, settings.select, settings.ignore, settings.per_file_ignores, settings.relative)


@dataclass
class Repair:
    """One file's mechanical repairs (``plancheck validate --fix``): where it is, its name in
    findings, and its bytes before and after."""

    path: Path | None  # None: standard input
    name: str
    result: FixResult


def repair(paths: Sequence[PathLike], stdin: Stdin | None = None) -> list[Repair]:
    """The repairs of every plan file under ``paths`` (and of ``stdin``), without writing anything.
    A path that cannot be used raises ``DataPathError``; a file that cannot be read is left out."""
    from .loader.files import FileProblem, collect_files, display_name, read_file
    from .loader.fixes import fix_bytes

    out = []
    for path in collect_files([Path(p) for p in paths]).files:
        try:
            raw = read_file(path)
        except FileProblem:
            continue  # validate reports it
        name = display_name(path)
        out.append(Repair(path, name, fix_bytes(raw, name)))
    if stdin is not None:
        out.append(Repair(None, stdin.name, fix_bytes(stdin.raw, stdin.name)))
    return out


def check_sources(data: Dataset, directory: PathLike) -> list[Finding]:
    """Each cited figure against its line of the plan's source document, read from ``directory``
    (``source-line``, ``source-document``). Raises ``DataPathError`` if it is not a directory."""
    from .checks import sources
    from .loader.sources import read_sources

    documents = read_sources(Path(directory), (p.source for p in data.plans if p.source is not None))
    ctx = Context(data.plans, data.catalogue, sources=documents)
    return sorted(cite(sources.check(ctx), data.plans))


def validate(data: Dataset, settings: Settings | None = None, *, sources: PathLike | None = None) -> list[Finding]:
    """The problems of the data as read, as a configuration reports them; with ``sources`` (the
    directory of the plans' source documents), every cited figure checked against its line too."""
    found = list(data.findings)
    if sources is not None:
        found = sorted(found + check_sources(data, sources))
    return choose(found, settings)


def verify(
    data: Dataset,
    plans: Sequence[str] = (),
    *,
    files: Sequence[str] = (),
    settings: Settings | None = None,
    lang: Lang = "zh",
) -> VerifyRun:
    """Check the plans named (by id, alias or region name; every plan when none is named).

    ``files`` (display names, as ``Dataset.files`` has them): check only the plans defined in these
    files and report only their findings; the rest of the data was read for cross-file checks.
    ``settings``: report only the rules it selects. Raises ``PlanLookupError`` for an unknown or
    ambiguous name. ``lang``: the language of names, units and places in the messages.
    """
    chosen = select(data.plans, list(plans))
    if files:
        chosen = in_files(chosen, list(files))
    run = check(chosen, data.catalogue, data.findings, settings.policy if settings else DEFAULT, lang)
    if files:
        run.findings = [f for f in run.findings if f.file in files]
    run.findings = choose(run.findings, settings)
    run.summary["findings"] = count_levels(run.findings)
    return run


def recheck(
    paths: PathLike | Sequence[PathLike] | None = None,
    *,
    cache: Cache,
    settings: Settings | None = None,
    lang: Lang = "zh",
    jobs: int | None = None,
) -> tuple[Dataset, VerifyRun] | None:
    """``verify`` of every plan under ``paths`` (read as ``load`` reads them), checking again only the
    files whose findings' inputs changed since ``cache`` last saw them (plancheck/incremental.py).

    Returns the data as surveyed (its files and catalogue, no plans) and a run with the findings and
    the summary but no results (``verify`` gives those); None where the data cannot be re-checked
    file by file (outturns, a plan id used twice): then load it and ``verify`` it whole."""
    from .incremental import recheck as check_changed

    policy = settings.policy if settings else DEFAULT
    done = check_changed(_given(paths), cache, policy=policy, lang=lang, jobs=jobs)
    if done is None:
        return None
    run = VerifyRun([], [], choose(done.findings, settings), done.summary)
    run.summary["findings"] = count_levels(run.findings)
    return done.data, run


def compare(data: Dataset, plans: Sequence[str], *, shared: bool = False, policy: Policy = DEFAULT) -> Comparison:
    """Plans side by side, one row per catalogue indicator; ``shared``: only rows that two or more of
    the plans set, with their look-alikes. Raises ``PlanLookupError`` for an unknown name."""
    from .analysis.comparison import compare as compare_plans
    from .analysis.comparison import shared_rows

    result = compare_plans(select(data.plans, list(plans)), data.catalogue, policy)
    if shared:
        result.rows = shared_rows(result)
    return result


def paths(data: Dataset, plans: Sequence[str] = (), *, policy: Policy = DEFAULT) -> list[Trajectory]:
    """The year-by-year path of every target with a baseline, in the plans named (every plan when none
    is named): compound for a pace in %, linear in points; beside it, where the stated annual rate
    does not fit, the path that rate gives. Raises ``PlanLookupError`` for an unknown name."""
    from .analysis.paths import trajectories
    from .analysis.rates import results

    return trajectories(results(select(data.plans, list(plans)), policy))


@dataclass
class ProgressRun:
    """What ``progress`` finds: one result per indicator with outturns, and counts of each verdict."""

    plans: list[Plan]
    results: list[ProgressResult]
    summary: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"summary": self.summary, "results": [r.as_dict() for r in self.results]}


def progress(data: Dataset, plans: Sequence[str] = (), *, policy: Policy = DEFAULT) -> ProgressRun:
    """Each target of the plans named (every plan by default) that has outturns, against them: the
    observed pace since the baseline, the pace the target needs, their ratio and its verdict.
    Raises ``PlanLookupError`` for an unknown or ambiguous name."""
    from .analysis.progress import evaluate, summary

    chosen = select(data.plans, list(plans))
    results = evaluate(chosen, data.catalogue, policy)
    return ProgressRun(chosen, results, {"plans": len(chosen), **summary(results)})


class CalcInputError(ValueError):
    """A figure given to ``calc`` that cannot be read: the message says which and what to write."""


@dataclass
class CalcRun:
    """What ``calc`` finds for one stated figure: the result as ``verify`` computes it, its finding
    (none where it fits) and the line that describes it."""

    result: GrowthResult
    findings: list[Finding]
    message: str


def _calc_figure(what: str, text: str, qualifier: str | None) -> tuple[str, str | None]:
    """A baseline or target typed as a number, with a qualifier word where given (3.2以上, ≥3.2)."""
    amount = parse_amount(text)
    if amount is None or amount.upper is not None or amount.scale or amount.unit not in (None, "%", "％"):
        raise CalcInputError(f"{what} {text!r} is not a number: give it as printed, such as 2.73 or 3.2以上")
    try:
        value = check_printed(amount.value)
    except ValueError as e:
        raise CalcInputError(f"{what}: {e}") from None
    if qualifier and amount.qualifier and qualifier != amount.qualifier:
        raise CalcInputError(f"{what} {text!r} says {amount.qualifier}, but its qualifier option says {qualifier}")
    return value, qualifier or amount.qualifier


def _calc_stated(text: str, qualifier: str | None) -> tuple[str, str, str | None]:
    """The stated figure, its unit from the suffix (compound % a year where it has none) and qualifier."""
    s = text.strip()
    unit = "percent"
    for suffix in sorted(STATED_UNIT_SUFFIXES, key=len, reverse=True):
        if s.lower().endswith(suffix):
            s, unit = s[: -len(suffix)].strip(), STATED_UNIT_SUFFIXES[suffix]
            break
    for word in ("以上", "以下", "以内", "左右"):  # 5%以上: the qualifier after the unit
        if unit == "percent" and s == text.strip() and s.endswith("%" + word):
            s = s[: -len(word) - 1] + word
    if s and s[-1].isalpha() and s[-1].isascii():
        raise CalcInputError(
            f"stated rate {text!r} has an unknown unit: write % (compound a year), pp (percentage points "
            "a year) or x (a multiple over the span), such as 5%, 0.05pp or 2x"
        )
    value, qual = _calc_figure("stated rate", s, qualifier)
    return value, unit, qual


def calc(
    baseline: str,
    target: str,
    years: tuple[int, int],
    stated: str,
    *,
    total: bool = False,
    baseline_qualifier: str | None = None,
    target_qualifier: str | None = None,
    stated_qualifier: str | None = None,
    policy: Policy = DEFAULT,
) -> CalcRun:
    """Check one stated growth (or, with ``total``, a change over the whole span; a multiple always is)
    against a baseline and a target, as ``verify`` checks a row of a plan file. Figures are text as
    printed (``"3.20"``); raises ``CalcInputError`` for a figure or span that cannot be read."""
    first, last = years
    if not FIRST_YEAR <= first <= LAST_YEAR or not FIRST_YEAR <= last <= LAST_YEAR:
        raise CalcInputError(f"years {first}-{last}: give years from {FIRST_YEAR} to {LAST_YEAR}")
    if last <= first:
        raise CalcInputError(f"years {first}-{last}: the baseline's year must come before the target's")
    b, bq = _calc_figure("baseline", baseline, baseline_qualifier)
    t, tq = _calc_figure("target", target, target_qualifier)
    if t.startswith("-"):
        raise CalcInputError(f"target {target!r}: a target level is not negative")
    s, unit, sq = _calc_stated(stated, stated_qualifier)
    kind = "total" if total or unit == "times" else "growth"
    figure = {"value": s, "unit": unit, "qualifier": sq, "line": 3}
    indicator = {
        "id": "calc",
        "name": "calc",
        "unit": "%" if unit == "pp" else "",
        "local": True,
        "baseline": {"year": first, "value": b, "qualifier": bq, "line": 1},
        "target": {"year": last, "value": t, "qualifier": tq, "line": 2},
        kind: figure,
    }
    try:
        plan = Plan.model_validate(
            {
                "id": "calc",
                "title": {"zh": "calc"},
                "region": {"zh": "calc", "en": "calc", "level": "county"},
                "issuer": "calc",
                "period": {"first": first + 1, "last": last},
                "source": "calc",
                "indicators": [indicator],
            }
        )
    except ValidationError as e:
        raise CalcInputError(f"the figures cannot be checked: {e.errors()[0]['msg']}") from None
    from .analysis.rates import results
    from .checks import consistency, direction

    (result,) = results([plan], policy)
    if result.reason is not None:
        raise CalcInputError(f"cannot compute: {result.reason.value}")
    found = [*direction.check(Context([plan], bundled_index(), [result], policy=policy))]
    found += consistency.findings([result])  # none where the sign alone is wrong: direction says it
    return CalcRun(result, found, consistency.message(result))

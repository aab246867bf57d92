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

from .arith.interval import DEFAULT, Policy
from .checks.base import Context
from .checks.data import DATA_CHECKS
from .checks.policy import choose as choose_findings
from .loader.lookup import in_files, select
from .loader.reader import Dataset, Stdin, bundled_index, read
from .model.catalogue import Index
from .model.findings import Finding, count_levels
from .model.plan import Plan
from .model.settings import Settings
from .model.status import CLAIM_STATUSES, RATE_STATUSES, Status

if TYPE_CHECKING:  # the analysis (numpy) is imported when first computed, so that `list` starts lean
    from .analysis.claims import ClaimResult
    from .analysis.comparison import Comparison
    from .analysis.facts import IdentityValue
    from .analysis.rates import GrowthResult

PathLike = str | os.PathLike[str]


def load(paths: PathLike | Sequence[PathLike] | None = None, *, stdin: Stdin | None = None) -> Dataset:
    """Read and validate plan files (a file, a directory of *.yaml, or several); by default
    ``$PLANCHECK_DATA``, else the bundled data. Problems in the files are findings, not exceptions;
    a path that cannot be used at all raises ``DataPathError``. ``stdin``: a file's content given
    directly, standing in for the file of its name (an editor's unsaved buffer)."""
    if paths is None:
        given: list[Path] = []
    elif isinstance(paths, (str, os.PathLike)):
        given = [Path(paths)]
    else:
        given = [Path(p) for p in paths]
    data = read(given or None, stdin)
    ctx = Context(data.plans, data.catalogue)
    for check in DATA_CHECKS:
        data.findings.extend(check(ctx))
    data.findings.sort()
    return data


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
    plans: list[Plan], index: Index | None = None, data_findings: Sequence[Finding] = (), policy: Policy = DEFAULT
) -> VerifyRun:
    """Compute and check ``plans``; ``data_findings`` (from loading) are reported with the rest.

    ``index`` is the indicator catalogue (``Dataset.catalogue``); the bundled one by default.
    ``policy``: how printed figures are read (the rounding rule, the band of 左右).
    """
    from .analysis.claims import evaluate as evaluate_claims
    from .analysis.facts import gather, identities
    from .analysis.rates import results
    from .checks.policy import accept
    from .checks.registry import CHECKS, RULES

    index = index or bundled_index()
    rates = results(plans, policy)
    claims = evaluate_claims(plans, policy)
    facts = gather(plans, index, claims, policy)
    ctx = Context(plans, index, rates, claims, facts, identities(facts, index), policy)
    findings = list(data_findings)
    for run_check in CHECKS:
        findings.extend(run_check(ctx))
    findings = accept(findings, plans, RULES)
    summary: dict[str, object] = {
        "plans": len(plans),
        "indicators": sum(len(p.indicators) for p in plans),
        "checks": sum(1 for r in rates if r.status is not Status.UNCHECKED),
        "statuses": {s.value: sum(1 for r in rates if r.status is s) for s in RATE_STATUSES},
        "claims": {s.value: sum(1 for c in claims if c.status is s) for s in CLAIM_STATUSES},
        "findings": count_levels(findings),
    }
    return VerifyRun(plans, rates, findings, summary, claims, ctx.identity_values)


def choose(findings: Sequence[Finding], settings: Settings | None) -> list[Finding]:
    """The findings a configuration reports (its ``select``, ``ignore`` and ``per_file_ignores``)."""
    if settings is None:
        return list(findings)
    return choose_findings(findings, settings.select, settings.ignore, settings.per_file_ignores, settings.relative)


def validate(data: Dataset, settings: Settings | None = None) -> list[Finding]:
    """The problems of the data as read, as a configuration reports them."""
    return choose(data.findings, settings)


def verify(
    data: Dataset, plans: Sequence[str] = (), *, files: Sequence[str] = (), settings: Settings | None = None
) -> VerifyRun:
    """Check the plans named (by id, alias or region name; every plan when none is named).

    ``files`` (display names, as ``Dataset.files`` has them): check only the plans defined in these
    files and report only their findings; the rest of the data was read for cross-file checks.
    ``settings``: report only the rules it selects. Raises ``PlanLookupError`` for an unknown or
    ambiguous name.
    """
    chosen = select(data.plans, list(plans))
    if files:
        chosen = in_files(chosen, list(files))
    run = check(chosen, data.catalogue, data.findings, settings.policy if settings else DEFAULT)
    if files:
        run.findings = [f for f in run.findings if f.file in files]
    run.findings = choose(run.findings, settings)
    run.summary["findings"] = count_levels(run.findings)
    return run


def compare(data: Dataset, plans: Sequence[str], *, shared: bool = False, policy: Policy = DEFAULT) -> Comparison:
    """Plans side by side, one row per catalogue indicator; ``shared``: only rows that two or more of
    the plans set, with their look-alikes. Raises ``PlanLookupError`` for an unknown name."""
    from .analysis.comparison import compare as compare_plans
    from .analysis.comparison import shared_rows

    result = compare_plans(select(data.plans, list(plans)), data.catalogue, policy)
    if shared:
        result.rows = shared_rows(result)
    return result

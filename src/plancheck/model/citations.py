"""Where each figure stands in the plan's own text, and whether it is really printed there.

Every figure, claim value, text target and indicator name of a plan may carry the ``line:`` of the
plan's source document (``source:``) it is printed on. ``cite`` gives each finding the citation of the
figure it is about, so that reports name the source line beside the YAML position;
``check_line`` is the test that the figure's digits stand on its cited line, which ``validate
--sources DIR`` runs against the user's own source files (and the test suite against the bundled
data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from pydantic import BaseModel

from .base import Located
from .findings import Finding
from .plan import Claim, Indicator, Plan
from .positions import Citation, Loc, Place

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Cited:
    """One cited thing of a plan: its owner (an indicator or a claim), its path there, the model."""

    owner: Indicator | Claim
    path: Path_
    item: BaseModel

    @property
    def line(self) -> int | None:
        line = getattr(self.item, "line", None)
        return line if isinstance(line, int) else None

    @property
    def value(self) -> str | None:
        """The figure as printed in the data (None for a text target or a relation)."""
        value = getattr(self.item, "value", None)
        return value if isinstance(value, str) else None

    @property
    def document(self) -> str | None:
        """The document this figure's line is of, where it names its own (an outturn taken from a
        statistical bulletin); None: the plan's source."""
        source = getattr(self.item, "source", None)
        return source if isinstance(source, str) else None

    @property
    def where(self) -> str:
        """``rd-intensity growth``, ``rd-intensity-2015-2020 changes[0]``: for messages."""
        parts: list[str] = []
        for p in self.path:
            if isinstance(p, int):
                parts[-1] += f"[{p}]"
            else:
                parts.append(p)
        return " ".join([self.owner.id, ".".join(parts)]) if parts else self.owner.id


def cited_parts(plan: Plan) -> Iterator[Cited]:
    """Every figure of the plan that may cite a line: baselines, targets, stated rates, totals,
    restatements, text targets, relations; a claim's ends, changes and their parts."""
    for ind in plan.indicators:
        for part in ("baseline", "target", "growth", "total", "goal", "relative"):
            item = getattr(ind, part)
            if item is not None:
                yield Cited(ind, (part,), item)
        for i, again in enumerate(ind.restated):
            yield Cited(ind, ("restated", i), again)
        for i, seen in enumerate(ind.observed):
            yield Cited(ind, ("observed", i), seen)
    for claim in plan.claims:
        for part in ("start", "end"):
            end = getattr(claim, part)
            if end.value is not None:
                yield Cited(claim, (part,), end)
        for i, change in enumerate(claim.changes):
            if change.value is not None:
                yield Cited(claim, ("changes", i), change)
            for j, fig in enumerate(change.parts):
                yield Cited(claim, ("changes", i, "parts", j), fig)


def figures(plan: Plan) -> Iterator[Cited]:
    """The cited parts that print a number (``cited_parts`` without text targets and relations)."""
    return (c for c in cited_parts(plan) if c.value is not None)


def citation(plan: Plan, line: int | None, document: str | None = None) -> Citation | None:
    """The citation of ``line`` of ``document`` (by default the plan's source, with the plan's url)."""
    if document is not None and document != plan.source:
        return Citation(document, line) if line is not None else None
    if plan.source is None or line is None:
        return None
    return Citation(plan.source, line, plan.url)


def _loc(model: BaseModel) -> Loc | None:
    """Where a located model was read from, without pydantic's slow path for private attributes
    (``cite`` asks it of every figure of the data)."""
    private = model.__pydantic_private__
    return private.get("_loc") if private else None


def _places(loc: Loc, path: Path_, item: BaseModel) -> Iterator[Place]:
    """The places of ``item`` at ``path`` below ``loc``, and of each field it sets (what
    ``Located.place`` gives, computed with the location looked up once)."""
    own = _loc(item) if isinstance(item, Located) else None
    if own is not None:  # where it was written (an outturn file's)
        loc, path = own, ()
    base = loc.path + path
    pos = loc.source.pos
    for sub in ((), *((name,) for name in item.model_fields_set)):
        at = pos(base + sub)
        yield Place(loc.file, at.line, at.column)


class _Places:
    """The citation of each place of the data's cited figures, mapped a plan's indicator or claim at
    a time, as the findings to cite need them: mapping every figure of a large data set costs more
    than checking it."""

    def __init__(self, plans: Iterable[Plan]) -> None:
        self.at: dict[Place, Citation] = {}
        self.by_id: dict[str, Plan] = {}
        self.in_file: dict[str, list[Plan]] = {}  # the plans with a figure written in a file
        for plan in plans:
            if plan.source is None:
                continue
            self.by_id.setdefault(plan.id, plan)
            loc = _loc(plan)
            files = {loc.file} if loc is not None else set()
            for ind in plan.indicators:
                for obs in ind.observed:
                    own = _loc(obs)
                    if own is not None:
                        files.add(own.file)  # an outturn file's value
            for file in files:
                self.in_file.setdefault(file, []).append(plan)
        self.owners: dict[int, list[Indicator | Claim]] = {}  # by id(plan), once a plan is asked for
        self.parts: dict[int, list[Cited]] = {}  # by id(owner)
        self.done: set[int] = set()

    def _owners(self, plan: Plan) -> list[Indicator | Claim]:
        if id(plan) not in self.owners:
            for c in cited_parts(plan):
                self.parts.setdefault(id(c.owner), []).append(c)
            self.owners[id(plan)] = [*plan.indicators, *plan.claims]
        return self.owners[id(plan)]

    def _map(self, plan: Plan, owner: Indicator | Claim) -> None:
        loc = _loc(owner)
        if id(owner) in self.done or loc is None:
            return
        self.done.add(id(owner))
        own = citation(plan, owner.line)
        if own is not None:
            for place in _places(loc, (), owner):
                self.at.setdefault(place, own)
        for c in self.parts.get(id(owner), []):
            cited = citation(plan, c.line, c.document)
            if cited is not None:
                for place in _places(loc, c.path, c.item):
                    self.at[place] = cited

    def find(self, f: Finding) -> Citation | None:
        """The citation of the figure at the finding's place: first among the owners it names (its
        indicator or claim, or those of its plan with the catalogue key it names), then among every
        owner of the plans with a figure in its file; else its indicator's or claim's own line."""
        place = Place(f.file, f.line, f.column)
        plan = self.by_id.get(f.plan or "")
        if plan is not None:
            for owner in self._owners(plan):
                if f.indicator in (owner.id, owner.key):
                    self._map(plan, owner)
        if place not in self.at:
            for other in self.in_file.get(f.file, []):
                for owner in self._owners(other):
                    self._map(other, owner)
        found = self.at.get(place)
        if found is None and plan is not None and f.indicator is not None:
            lines = (o.line for o in self._owners(plan) if o.id == f.indicator)
            found = next((c for c in (citation(plan, line) for line in lines) if c is not None), None)
        return found


def cite(findings: Iterable[Finding], plans: Iterable[Plan]) -> list[Finding]:
    """The findings, each with the citation of the figure it points at (found by its place in the
    YAML), else of its indicator's or claim's own line; findings that already cite keep theirs."""
    findings = list(findings)
    if all(f.source is not None for f in findings):
        return findings
    places = _Places(plans)
    out = []
    for f in findings:
        if f.source is None:
            source = places.find(f)
            if source is not None:
                f = replace(f, source=source)
        out.append(f)
    return out


def number_on(line: str, value: str) -> bool:
    """``value`` printed on ``line`` as a whole number token: 7.4 is not in 17.45, nor 3.2 in 3.25."""
    return re.search(rf"(?<![\d.]){re.escape(value)}(?![\d])", line) is not None


def check_line(line: str, cited: Cited) -> str | None:
    """What is wrong with the figure's cited ``line`` of the source, or None where its digits are there
    (its ``printed`` words where it has them, holding the number; a range's upper end too)."""
    value, printed = cited.value, getattr(cited.item, "printed", None)
    if isinstance(printed, str) and printed:
        if printed not in line:
            return f"{printed!r} is not on it"
        if re.search(r"\d", printed) and value is not None and not number_on(printed, value):
            return f"{value} is not in {printed!r}"
    elif value is not None and not number_on(line, value):
        return f"{value} is not on it"
    upper = getattr(cited.item, "upper", None)
    if isinstance(upper, str) and not number_on(line, upper):
        return f"the range's upper end {upper} is not on it"
    return None

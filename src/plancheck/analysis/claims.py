"""Numeric claims in the prose, checked with the same rounding-aware arithmetic as the tables.

A claim has two ends (a value in a start year and in an end year) and what the plan says about the
change between them. Three situations:

* both ends printed, no change stated: the annual pace they imply is shown (``pace``);
* one end printed and a change: the other end is implied, as an interval over the rounding of the
  printed figures, and shown (``implied``); it then stands in for the missing end in the claim's
  further changes and in the identities;
* both ends known (printed or implied) and a change: checked like a stated growth rate
  (``consistent``, ``rounding``, ``inconsistent``);
* no end printed (累计降低17.7%, 年均降低3.8%): the first change is taken from an index of 100 at the
  start, so its yearly equivalent (or, for a yearly rate, its total) is shown (``implied``,
  ``equivalent``) and the further changes are checked against it.

Both ends of a claim are measurements, so both are rounded intervals (a table's target is exact). A
multiple printed as words (增长一倍, 翻倍, 倍增) is exact; increments printed separately (新增70家、
新增150家) add up, and so do their rounding intervals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..arith import growth
from ..arith.growth import RateUnit
from ..arith.interval import DEFAULT, OPENS_DOWN, OPENS_UP, Interval, Policy, exact, interval
from ..arith.numbers import format_number, format_range, json_number
from ..model.citations import citation
from ..model.jsonvalue import JsonObject
from ..model.notation import RATE_UNIT_SYMBOLS, is_share
from ..model.plan import Change, ChangeUnit, Claim, ClaimValue, Plan
from ..model.status import Status, verdict
from ..model.words import ZH, Words

_ARITH: dict[str, RateUnit] = {"percent": "percent", "pp": "pp", "absolute": "pp", "times": "times"}


def change_amount(ch: Change, target: bool = False, policy: Policy = DEFAULT) -> tuple[str, Interval]:
    """The change as printed (or the sum of its parts) and its interval.

    ``target``: the change leads to a value within the plan's own period, so it is a set value
    (新增100家 for this year), exact like a table's target; otherwise a measurement, rounded.
    """
    if ch.parts:
        total = sum(exact(p.value) for p in ch.parts)
        each = [interval(p.value, measured=not target, policy=policy) for p in ch.parts]
        lows = [b.low_exact for b in each]
        highs = [b.high_exact for b in each]
        bounds = Interval(
            sum(b.low for b in each),
            sum(b.high for b in each),
            any(b.low_open for b in each),
            any(b.high_open for b in each),
            None if None in lows else sum((x for x in lows if x is not None), Fraction(0)),
            None if None in highs else sum((x for x in highs if x is not None), Fraction(0)),
        )
        if ch.qualifier in OPENS_UP:
            bounds = Interval(bounds.low, math.inf, bounds.low_open, True, bounds.low_exact, None)
        return format_number(float(total), max(p.decimals for p in ch.parts)), bounds
    assert ch.value is not None
    words = ch.printed is not None and not any(c.isdigit() for c in ch.printed)
    return ch.value, interval(ch.value, ch.qualifier, measured=not (words or target), policy=policy)


@dataclass
class End:
    """One end of a claim: its value and interval, printed or implied by a change."""

    point: float
    bounds: Interval
    implied: bool = False

    @property
    def low(self) -> float:
        return self.bounds.low

    @property
    def high(self) -> float:
        return self.bounds.high


def _end(v: ClaimValue, plan: Plan, policy: Policy) -> End | None:
    """A printed end: a measurement before the plan's period (rounded), a set target within it (exact)."""
    if v.value is None:
        return None
    return End(float(v.value), interval(v.value, v.qualifier, measured=v.year < plan.period.first, policy=policy))


@dataclass
class ClaimResult:
    plan: Plan
    claim: Claim
    change: int | None  # index of the change in claim.changes; None for a pace
    status: Status  # pace | implied | consistent | rounding | inconsistent
    point: float  # the pace, the implied value, or the change the two ends give
    low: float
    high: float
    unit: str  # percent | pp | absolute | times, or the claim's unit for an implied value
    years: int
    implied_year: int | None = None
    ends: tuple[float, float] | None = None  # the start and end values used (a missing one as implied)
    equivalent: bool = False  # no end printed: the first change's yearly (or total) equivalent
    indexed: bool = False  # no end printed: checked against the first change from an index of 100

    def as_dict(self) -> JsonObject:
        num = json_number
        ch = self.claim.changes[self.change] if self.change is not None else None
        cited = citation(self.plan, ch.line if ch is not None and ch.line is not None else self.claim.line)
        return {
            "plan": self.plan.id,
            "claim": self.claim.id,
            "subject": self.claim.subject,
            "key": self.claim.key,
            "status": self.status.value,
            "start": {"year": self.claim.start.year, "value": self.claim.start.value},
            "end": {"year": self.claim.end.year, "value": self.claim.end.value},
            "change": None
            if ch is None
            else {
                "value": change_amount(ch)[0],
                "unit": ch.unit,
                "per_year": ch.per_year,
                "qualifier": ch.qualifier,
                "printed": ch.printed,
            },
            "computed": {"value": num(self.point), "low": num(self.low), "high": num(self.high), "unit": self.unit},
            "implied_year": self.implied_year,
            "equivalent": self.equivalent,
            "source": None if cited is None else dict(cited.as_dict()),
        }


def _implied(
    known: list[End],
    amounts: list[tuple[float, float, float]],
    units: list[ChangeUnit],
    years: list[int],
    forward: list[bool],
) -> np.ndarray:
    """The missing end of each claim from its known end and its change, vectorised.

    Returns an array of shape (3, m): point, low, high. ``forward`` is True where the end is missing.
    """
    k_pt, k_lo, k_hi = (np.array([getattr(e, a) for e in known]) for a in ("point", "low", "high"))
    c_pt, c_lo, c_hi = (np.array([a[i] for a in amounts]) for i in range(3))
    n = np.array(years, dtype=float)
    fwd = np.array(forward)
    code = np.array([{"percent": 0, "pp": 1, "absolute": 1, "times": 2}[u] for u in units])
    additive = code == 1
    with np.errstate(all="ignore"):

        def factor(c: np.ndarray) -> np.ndarray:  # multiplicative change over the span, never below 0
            out: np.ndarray = np.maximum(np.where(code == 0, np.power(np.maximum(1 + c / 100, 0.0), n), c), 0.0)
            return out

        def step(c: np.ndarray) -> np.ndarray:  # additive change over the span
            out: np.ndarray = c * n
            return out

        # forward: end = start ∘ change; backward: start = end ∘⁻¹ change (monotone in both)
        pt = np.where(
            fwd,
            np.where(additive, k_pt + step(c_pt), k_pt * factor(c_pt)),
            np.where(additive, k_pt - step(c_pt), k_pt / factor(c_pt)),
        )
        lo = np.where(
            fwd,
            np.where(additive, k_lo + step(c_lo), k_lo * factor(c_lo)),
            np.where(additive, k_lo - step(c_hi), k_lo / factor(c_hi)),
        )
        hi = np.where(
            fwd,
            np.where(additive, k_hi + step(c_hi), k_hi * factor(c_hi)),
            np.where(additive, k_hi - step(c_lo), k_hi / factor(c_lo)),
        )
    lo = np.where(np.isnan(lo), -np.inf, lo)
    hi = np.where(np.isnan(hi), np.inf, hi)
    # a factor of 0 (a fall of 100%) turns the order of the ends round: never show an inverted range
    stacked: np.ndarray = np.vstack([pt, np.minimum(lo, hi), np.maximum(lo, hi)])
    return stacked


def _pace_results(
    items: list[tuple[Plan, Claim]], ends: dict[int, list[End | None]], policy: Policy
) -> list[ClaimResult]:
    """Two printed ends and nothing stated: the pace between them."""
    paces = []
    for p, c in items:
        start, end = ends[id(c)]
        if not c.changes and start is not None and end is not None:
            paces.append((p, c, start, end))
    if not paces:
        return []
    cases = [
        growth.Case(
            baseline=c.start.value or start.point,
            target=c.end.value or end.point,
            years=c.end.year - c.start.year,
            stated=None,
            unit="pp" if is_share(c.unit) else "percent",
            target_bounds=end.bounds,
        )
        for _, c, start, end in paces
    ]
    out = growth.evaluate(cases, policy)
    return [
        ClaimResult(
            p,
            c,
            None,
            Status.PACE,
            float(out.point[i]),
            float(out.low[i]),
            float(out.high[i]),
            cases[i].unit,
            cases[i].years,
        )
        for i, (p, c, _, _) in enumerate(paces)
    ]


INDEX = 100  # the start of a claim that prints no value: its changes are read as an index from 100


def evaluate(plans: list[Plan], policy: Policy = DEFAULT) -> list[ClaimResult]:
    """Every claim check: paces, implied values (which then stand in for the missing end), verdicts."""
    items = [(p, c) for p in plans for c in p.claims]
    ends: dict[int, list[End | None]] = {id(c): [_end(c.start, p, policy), _end(c.end, p, policy)] for p, c in items}
    for _, c in items:
        if ends[id(c)] == [None, None]:
            ends[id(c)][0] = End(INDEX, interval(str(INDEX), measured=False, policy=policy), implied=True)
    results = _pace_results(items, ends, policy)

    rounds = max((len(c.changes) for _, c in items), default=0)
    for k in range(rounds):
        todo = [(p, c) for p, c in items if len(c.changes) > k]
        missing = [(p, c) for p, c in todo if None in ends[id(c)]]
        both = []
        for p, c in todo:
            start, end = ends[id(c)]
            if start is not None and end is not None:
                both.append((p, c, start, end))
        if missing:  # after `both` is taken: a value implied now is checked from the next change on
            results += _implied_results(missing, k, ends, policy)
        if both:
            results += _checked_results(both, k, policy)
    return results


def _implied_results(
    missing: list[tuple[Plan, Claim]], k: int, ends: dict[int, list[End | None]], policy: Policy
) -> list[ClaimResult]:
    """One end printed and the k-th change: the other end, which then stands in for it."""
    known: list[End] = []
    amounts: list[tuple[float, float, float]] = []
    units: list[ChangeUnit] = []
    years: list[int] = []
    forward: list[bool] = []
    for p, c in missing:
        ch = c.changes[k]
        start, end = ends[id(c)]
        present = start or end
        assert present is not None  # a claim prints at least one end (the model says so)
        known.append(present)
        text, bounds = change_amount(ch, target=c.end.year >= p.period.first, policy=policy)
        amounts.append((float(text), bounds.low, bounds.high))
        units.append(ch.unit)
        years.append(c.end.year - c.start.year if ch.per_year else 1)
        forward.append(end is None)
    out = _implied(known, amounts, units, years, forward)
    results = []
    for i, (p, c) in enumerate(missing):
        value = End(float(out[0, i]), Interval(float(out[1, i]), float(out[2, i])), implied=True)
        ends[id(c)][1 if forward[i] else 0] = value
        if _indexed(c):
            results.append(_equivalent(p, c, k, value))
            continue
        year = c.end.year if forward[i] else c.start.year
        results.append(
            ClaimResult(
                p,
                c,
                k,
                Status.IMPLIED,
                value.point,
                value.low,
                value.high,
                c.unit,
                c.end.year - c.start.year,
                implied_year=year,
            )
        )
    return results


def _indexed(c: Claim) -> bool:
    return c.start.value is None and c.end.value is None


def _equivalent(p: Plan, c: Claim, k: int, end: End) -> ClaimResult:
    """A claim with no printed end: its k-th change as the other measure, from the index it implies.

    A change over the span is shown as its yearly equivalent, a yearly rate as its total: compound
    for % and multiples, (end − start)/n for points and the claim's own unit.
    """
    ch = c.changes[k]
    n = c.end.year - c.start.year
    additive = ch.unit in ("pp", "absolute")
    with np.errstate(all="ignore"):
        index = np.array([end.point, end.low, end.high])
        if additive:
            shown = index - INDEX if ch.per_year else (index - INDEX) / n
        else:
            ratio = np.maximum(index / INDEX, 0.0)
            shown = (ratio - 1) * 100 if ch.per_year else (np.power(ratio, 1 / n) - 1) * 100
    unit = ch.unit if additive else "percent"
    point, low, high = (float(x) for x in shown)
    return ClaimResult(p, c, k, Status.IMPLIED, point, low, high, unit, n, equivalent=True)


def _checked_results(both: list[tuple[Plan, Claim, End, End]], k: int, policy: Policy) -> list[ClaimResult]:
    """Both ends known (printed or implied) and the k-th change: checked like a stated rate."""
    cases = []
    for p, c, start, end in both:
        ch = c.changes[k]
        text, bounds = change_amount(ch, target=c.end.year >= p.period.first, policy=policy)
        cases.append(
            growth.Case(
                baseline=start.point if start.implied or c.start.value is None else c.start.value,
                target=end.point if end.implied or c.end.value is None else c.end.value,
                years=c.end.year - c.start.year if ch.per_year else 1,
                stated=text,
                unit=_ARITH[ch.unit],
                target_qualifier=c.end.qualifier if not end.implied else None,
                stated_qualifier=ch.qualifier,
                baseline_bounds=start.bounds,
                target_bounds=end.bounds,
                stated_bounds=bounds,
            )
        )
    out = growth.evaluate(cases, policy)
    return [
        ClaimResult(
            p,
            c,
            k,
            verdict(bool(out.exact_ok[i]), bool(out.full_ok[i])),
            float(out.point[i]),
            float(out.low[i]),
            float(out.high[i]),
            c.changes[k].unit,
            cases[i].years,
            ends=(start.point, end.point),
            indexed=_indexed(c),
        )
        for i, (p, c, start, end) in enumerate(both)
    ]


def describe(r: ClaimResult, words: Words = ZH) -> str:
    """A sentence for a finding or a table cell; ``words``: the language of its names and units."""
    c = r.claim
    subject = words.subject(c)

    def amount(value: str) -> str:
        return words.amount(value, c.unit)

    if r.status is Status.PACE:
        unit = "pp" if r.unit == "pp" else "%"
        return (
            f"{subject}: from {amount(c.start.value or '?')} ({c.start.year}) to {amount(c.end.value or '?')} "
            f"({c.end.year}) is {format_number(r.point, 2)}{' ' if unit == 'pp' else ''}{unit} a year"
        )
    assert r.change is not None
    ch = c.changes[r.change]
    printed = ch.printed or (change_amount(ch)[0] + RATE_UNIT_SYMBOLS[ch.unit])
    if ch.parts:
        printed = " + ".join(p.printed or p.value for p in ch.parts)
    said = words.change(ch, printed, c.unit)
    if r.equivalent:
        first, last = c.start.year, c.end.year
        lo, hi = format_range(r.low, r.high, 3)
        measure = "in total" if ch.per_year else "a year"
        if not math.isfinite(r.point):
            return f"{subject}: {said} over {first}–{last} has no equivalent: it is too large to compute"
        point = format_number(r.point, 2)
        shown = amount(point) if r.unit == "absolute" else point + RATE_UNIT_SYMBOLS[r.unit]
        return f"{subject}: {said} over {first}–{last} is {shown} {measure} ({lo} to {hi})"
    if r.status is Status.IMPLIED:
        backward = r.implied_year == c.start.year
        known = c.end if backward else c.start
        mark = {"at_least": "≥", "more_than": ">"}.get(known.qualifier or "", "")
        # an open change (翻倍 = at least ×2) bounds the implied end on one side only
        opens_up = ch.qualifier in OPENS_UP
        opens_down = ch.qualifier in OPENS_DOWN
        upper_only = (opens_up and backward) or (opens_down and not backward) or math.isinf(r.low)
        lower_only = (opens_up and not backward) or (opens_down and backward) or math.isinf(r.high)
        known_text = mark + amount(known.value or "?")
        if not math.isfinite(r.point):
            why = "a fall of 100% leaves nothing to grow from" if backward else "it is too large to compute"
            return f"{subject}: {known_text} in {known.year} and {said} imply no value for {r.implied_year}: {why}"
        if lower_only and not upper_only:
            value = f"at least {amount(format_number(r.low, 2))}"
        elif upper_only and not lower_only:
            value = f"at most {amount(format_number(r.high, 2))}"
        else:
            lo, hi = format_range(r.low, r.high, 3)
            value = f"{amount(format_number(r.point, 2))} ({lo} to {hi} within rounding)"
        return f"{subject}: {known_text} in {known.year} and {said} imply {value} in {r.implied_year}"
    used = r.ends or (math.nan, math.nan)
    start = c.start.value or f"{format_number(used[0], 2)} (implied)"
    end = c.end.value or f"{format_number(used[1], 2)} (implied)"
    span = f"{start} ({c.start.year}) → {end} ({c.end.year})"
    if r.indexed:
        opening = c.changes[0]
        first_words = words.change(
            opening, opening.printed or change_amount(opening)[0] + RATE_UNIT_SYMBOLS[opening.unit], c.unit
        )
        span = f"{first_words} ({c.start.year}–{c.end.year})"
    point = format_number(r.point, 3)
    gives = amount(point) if r.unit == "absolute" else point + RATE_UNIT_SYMBOLS[r.unit]
    rng = "{} to {}".format(*format_range(r.low, r.high, 3))
    if r.status is Status.CONSISTENT:
        return f"{subject}: {said} fits {span} ({gives})"
    if r.status is Status.ROUNDING:
        return f"{subject}: {said} fits {span} only within the rounding of the figures ({gives}; {rng})"
    return (
        f"{subject}: {said} does not fit {span}: the figures give {gives} ({rng} within their "
        "rounding); check the figures and their years against the source"
    )

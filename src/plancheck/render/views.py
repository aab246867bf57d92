"""Views for people: the plan listing, the plan view and verify's tables (rich); plain dicts for JSON."""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..arith.numbers import format_number, format_range
from ..arith.printed import decimals
from ..model import forms
from ..model.notation import RATE_UNIT_SYMBOLS, qualified
from ..model.plan import Change, ClaimValue, Plan
from ..model.status import Status, Unchecked
from ..model.words import ZH, Words
from .text import clean

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from ..analysis.claims import ClaimResult
    from ..analysis.facts import IdentityValue
    from ..analysis.rates import GrowthResult
    from ..api import VerifyRun
    from ..model.settings import Settings
    from .console import Fitted


def plan_counts(plan: Plan) -> tuple[int, int]:
    """(indicators, targets): every indicator, and those of them that set a target value."""
    return len(plan.indicators), sum(1 for i in plan.indicators if i.target is not None)


def list_rows(plans: list[Plan]) -> list[dict[str, Any]]:
    rows = []
    for p in plans:
        n_ind, n_tgt = plan_counts(p)
        rows.append(
            {
                "id": p.id,
                "aliases": list(p.aliases),
                "region": p.region.zh,
                "region_en": p.region.en,
                "level": p.region.level,
                "period": f"{p.period.first}–{p.period.last}",
                "issuer": p.issuer,
                "indicators": n_ind,
                "targets": n_tgt,
                "title": p.title.zh,
            }
        )
    return rows


def _row(*cells: str | Text | None) -> list[str | Text]:
    """A row of a table; every string in it comes from the data and is cleaned of control characters."""
    return ["" if c is None else clean(c) if isinstance(c, str) else c for c in cells]


def list_table(plans: list[Plan]) -> list[RenderableType]:
    from .console import Column, Fitted

    columns = [
        Column("id"),
        Column("aliases", wrap=True, drop=2),
        Column("region", wrap=True),
        Column("level", drop=3),
        Column("period"),
        Column("issuer", drop=1),
        Column("indicators", "right"),
        Column("targets", "right"),
    ]
    rows = [
        _row(
            r["id"],
            " ".join(r["aliases"]),
            f"{r['region']} {r['region_en']}",
            r["level"],
            r["period"],
            r["issuer"],
            str(r["indicators"]),
            str(r["targets"]),
        )
        for r in list_rows(plans)
    ]
    if not any(p.aliases for p in plans):  # no column of nothing
        columns.pop(1)
        rows = [row[:1] + row[2:] for row in rows]
    return [Fitted(columns, rows)]


def show_dict(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json", exclude_none=True)


def show_table(plan: Plan, words: Words = ZH) -> list[RenderableType]:
    """The plan's head, its indicators and its claims, in the language of ``words``."""
    from rich.text import Text

    from .console import Column, Fitted, Prose, Row, Section

    head = Text()
    titles = [plan.title.en, plan.title.zh] if words.en and plan.title.en else [plan.title.zh, plan.title.en]
    head.append(f"{clean(titles[0] or '')}\n", style="bold")
    if titles[1]:
        head.append(f"{clean(titles[1])}\n")
    region = plan.region.en if words.en else f"{plan.region.zh} {plan.region.en}"
    parent = f", in {words.place(plan.region.parent)}" if plan.region.parent else ""
    issuer = words.place(plan.issuer) if plan.issuer else "issuer not given"
    head.append(
        clean(
            f"{plan.id} · {region} ({plan.region.level}{parent}) · "
            f"{plan.period.first}–{plan.period.last} · {issuer}"
            f"{' · issued ' + plan.issued.isoformat() if plan.issued else ''} · source {plan.source or 'not given'}"
        )
    )
    plain_rows = all(i.shape in ("level", "share") and not i.binding for i in plan.indicators)
    columns = [
        Column("indicator", wrap=True, floor=20),
        Column("unit"),
        Column("baseline", "right"),
        Column("target", "right"),
        Column("stated growth", "right"),
        Column("line", "right", drop=1),
    ]
    if not plain_rows:  # a national table's rows: say what each is
        columns.insert(1, Column("row", drop=2))
    rows: list[Row] = []
    group = None
    for ind in plan.indicators:
        if ind.group and ind.group != group:
            group = ind.group
            rows.append(Section(clean(words.place(group))))
        name = words.name(ind)
        if ind.scope:
            name += f" [{words.place(ind.scope)}]"
        if ind.aspirational:
            name += f" ({words.word('力争')})"
        unit = words.unit(ind.unit)
        stated = " ".join(x for x in (forms.stated(ind.growth, unit), forms.stated(ind.total, unit)) if x)
        cells = [name, unit, forms.baseline(ind.baseline), forms.aim(ind), stated, forms.source_lines(ind)]
        if not plain_rows:
            cells.insert(1, forms.shape(ind))
        rows.append(_row(*cells))
    n_ind, n_tgt = plan_counts(plan)
    foot = Prose(
        f"{n_ind} indicator{'' if n_ind == 1 else 's'}, {n_tgt} with a target value. "
        "≥ at least · > more than · ≤ at most · ≈ about · + increment · Σ cumulative"
    )
    out: list[RenderableType] = [Prose(head), Fitted(columns, rows), foot]
    if plan.claims:
        claim_columns = [
            Column("claim", wrap=True, floor=20),
            Column("start"),
            Column("end"),
            Column("change", wrap=True),
            Column("line", "right", drop=1),
        ]
        claim_rows: list[Row] = []
        for claim in plan.claims:
            changes = "; ".join(words.change(ch, _change(ch), claim.unit) for ch in claim.changes) or "—"
            claim_rows.append(
                _row(
                    f"{words.subject(claim)} ({words.unit(claim.unit)})",
                    _end(claim.start),
                    _end(claim.end),
                    changes,
                    str(claim.line or "—"),
                )
            )
        out += [
            Fitted(claim_columns, claim_rows, title="claims in the prose"),
            Prose(
                f"{len(plan.claims)} claim{'' if len(plan.claims) == 1 else 's'}; "
                "`?`: a value the plan does not print (verify shows it)."
            ),
        ]
    return out


def _end(v: ClaimValue) -> str:
    return f"{v.year}: {qualified(v.value, v.qualifier)}" if v.value else f"{v.year}: ?"


def _change(ch: Change) -> str:
    if ch.parts:
        return " + ".join(p.printed or p.value for p in ch.parts)
    assert ch.value is not None
    return ch.printed or ch.value + RATE_UNIT_SYMBOLS[ch.unit]


_SHAPE_REASONS = frozenset(
    {
        Unchecked.RATE_ROW,
        Unchecked.YEARLY_BOUND,
        Unchecked.TEXT_TARGET,
        Unchecked.RELATIVE_TARGET,
        Unchecked.NOT_COMPARABLE_PRICES,
    }
)
_REASON_TEXT: dict[Unchecked | None, str] = {
    Unchecked.NOT_STATED: "– not stated",
    Unchecked.RATE_ROW: "– a rate",
    Unchecked.YEARLY_BOUND: "– yearly bound",
    Unchecked.TEXT_TARGET: "– in words",
    Unchecked.RELATIVE_TARGET: "– relative",
    Unchecked.NOT_COMPARABLE_PRICES: "– real vs nominal",
}

_STYLE = {
    Status.CONSISTENT: "green",
    Status.ROUNDING: "cyan",
    Status.INCONSISTENT: "bold red",
    Status.UNCHECKED: "dim",
    Status.IMPLIED: "",
    Status.PACE: "",
}
_VERDICT_TEXT = {
    Status.CONSISTENT: "✓ consistent",
    Status.ROUNDING: "≈ rounding",
    Status.INCONSISTENT: "✗ inconsistent",
    Status.IMPLIED: "→ implied",
    Status.PACE: "→ pace",
}


def _compact_range(low: float, high: float, digits: int) -> str:
    if math.isinf(high) and math.isinf(low):
        return "any"
    if math.isinf(high):
        return "≥" + format_number(low, digits)
    if math.isinf(low):
        return "≤" + format_number(high, digits)
    lo, hi = format_range(low, high, digits)
    return lo if lo == hi else f"{lo}–{hi}"


def verify_shown(results: list[GrowthResult]) -> list[GrowthResult]:
    """The results a verify table lists: a rate stated or computed, or a row of a shape of its own."""
    return [r for r in results if r.point is not None or r.stated is not None or r.reason in _SHAPE_REASONS]


def verify_cells(r: GrowthResult, words: Words = ZH) -> tuple[str, str, str, str, str, str, str]:
    """One row of a verify table: indicator, baseline → target, years, stated, computed, range, verdict."""
    ind = r.indicator
    name = words.name(ind)
    unit = words.unit(ind.unit)
    b, tg, s = r.baseline, r.target, r.stated
    target = forms.aim(ind).split(": ", 1)[-1] if tg else forms.aim(ind)
    base = forms.baseline(b).split(": ", 1)[-1] if b else ""
    span = f"{base} → {target}" if b else target
    years = f"{b.year}–{tg.year}" if b and tg else (str(tg.year) if tg else "")
    suffix = " total" if r.kind == "total" and tg is not None else ""
    stated = forms.stated(s, unit).removesuffix("/yr") if s is not None else ""  # a year: see below
    digits = max(decimals(s.value) + 1, 2) if s else 2
    computed = rng = ""
    if r.point is not None and r.unit is not None and r.low is not None and r.high is not None:
        symbol = (" " + unit if words.en else unit) if r.unit == "absolute" else RATE_UNIT_SYMBOLS[r.unit]
        computed = format_number(r.point, digits) + symbol + suffix
        rng = _compact_range(r.low, r.high, digits)
    verdict = _VERDICT_TEXT.get(r.status) or _REASON_TEXT.get(r.reason, f"– {r.reason}")
    return name, span, years, stated, computed, rng, verdict


def verify_tables(run: VerifyRun, words: Words = ZH) -> list[RenderableType]:
    """One table per plan: every indicator with a stated rate or an implied pace, then its coverage."""
    from rich.text import Text

    from .console import Column, Fitted, Prose, Row

    columns = [
        Column("indicator", wrap=True, floor=20),
        Column("baseline → target", "right", drop=3),
        Column("years", drop=1),
        Column("stated", "right"),
        Column("computed", "right"),
        Column("range", "right", drop=2),
        Column("verdict", key=None),
    ]
    out: list[RenderableType] = []
    for plan in run.plans:
        results = [r for r in run.results if r.plan is plan]
        shown = verify_shown(results)
        title = plan.title.en if words.en and plan.title.en else plan.title.zh
        out.append(Prose(clean(f"{plan.id} · {title} · {plan.period.first}–{plan.period.last}"), "bold"))
        if shown:
            rows: list[Row] = []
            for r in shown:
                cells = verify_cells(r, words)
                rows.append(_row(*cells[:-1], Text(cells[-1], style=_STYLE[r.status])))
            out.append(Fitted(columns, rows, head=(6,)))
        counts = Counter(r.status for r in results)
        reasons = Counter(str(r.reason) for r in results if r.status is Status.UNCHECKED)
        checked = sum(counts[s] for s in (Status.CONSISTENT, Status.ROUNDING, Status.INCONSISTENT))
        line = (
            f"{checked} checked ({counts[Status.CONSISTENT]} consistent, {counts[Status.ROUNDING]} within "
            f"rounding, {counts[Status.INCONSISTENT]} inconsistent); {counts[Status.UNCHECKED]} not checkable"
        )
        if reasons:
            line += ": " + ", ".join(f"{reason} {n}" for reason, n in reasons.most_common())
        out.append(Prose(line))
        if not plan.claims:
            out.append(Text(""))
        claims = [c for c in run.claims if c.plan is plan]
        if claims:
            out.append(claims_table(claims, words))
        implied = [v for v in run.identities if v.plan is plan]
        if implied:
            out.append(Prose("implied quantities", "bold"))
            for v in implied:
                out.append(
                    Prose(
                        clean(
                            f"  {_quantity(v, words)} {v.year}: "
                            f"{words.amount(format_number(v.point, 1), v.identity.unit)} = {v.numerator.key} "
                            f"{format_number(v.numerator.point, 4)} ÷ {v.denominator.key} "
                            f"{format_number(v.denominator.point, 4)}{'%' if v.identity.scale == 100 else ''}"
                        ),
                        indent=2,
                        hang=4,
                    )
                )
            out.append(Text(""))
    out.append(
        Prose(
            "stated and computed rates are a year (compound % for levels, percentage points for "
            "shares) unless marked total; range: what the figures allow within their rounding"
        )
    )
    return out


def _quantity(v: IdentityValue, words: Words) -> str:
    ident = v.identity
    if words.en and ident.quantity_en:
        return ident.quantity_en
    return f"{ident.quantity} ({ident.quantity_en})" if ident.quantity_en else ident.quantity


def claims_table(results: list[ClaimResult], words: Words = ZH) -> Fitted:
    """The plan's prose claims: each check, implied value or pace, in a sentence, with its verdict."""
    from rich.text import Text

    from ..analysis.claims import describe
    from .console import Column, Fitted, Row

    rows: list[Row] = [_row(describe(r, words), Text(_VERDICT_TEXT[r.status], style=_STYLE[r.status])) for r in results]
    return Fitted(
        [Column("claim", wrap=True, floor=30), Column("verdict", key=None)], rows, title="claims in the prose"
    )


def settings_rows(settings: Settings) -> list[dict[str, str]]:
    """What ``plancheck config`` shows: each setting, its value, and where it came from."""

    def shown(value: object) -> str:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "—"
        if isinstance(value, dict):
            return "; ".join(f"{k}: {', '.join(v)}" for k, v in value.items()) or "—"
        return str(value)

    defaults = {"data": "the bundled data", "select": "all rules", "catalogue": "the bundled catalogue only"}
    rows = [
        {
            "setting": "config file",
            "value": str(settings.file) if settings.file else "none found",
            "from": "found upwards from the data" if settings.file else "default",
        }
    ]
    for name in (
        "data",
        "catalogue",
        "select",
        "ignore",
        "per_file_ignores",
        "fail_on",
        "min_level",
        "rounding",
        "about_band",
    ):
        value = getattr(settings, name)
        origin = settings.origin.get(name)
        text = shown(value) if origin or value else defaults.get(name, shown(value))
        rows.append({"setting": name.replace("_", "-"), "value": text, "from": clean(origin or "default")})
    return rows

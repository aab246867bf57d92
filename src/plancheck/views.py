"""The plan listing and the plan view: rich tables for people, plain dicts for JSON."""

from __future__ import annotations

from typing import Any

from . import fmt
from .models import Plan


def plan_counts(plan: Plan) -> tuple[int, int]:
    """(indicators, targets): every indicator, and those of them that set a target value."""
    return len(plan.indicators), sum(1 for i in plan.indicators if i.target is not None)


def list_rows(plans: list[Plan]) -> list[dict[str, Any]]:
    rows = []
    for p in plans:
        n_ind, n_tgt = plan_counts(p)
        rows.append({
            "id": p.id, "region": p.region.zh, "region_en": p.region.en, "level": p.region.level,
            "period": f"{p.period.first}–{p.period.last}", "issuer": p.issuer,
            "indicators": n_ind, "targets": n_tgt, "title": p.title.zh,
        })
    return rows


def list_table(plans: list[Plan]) -> list[Any]:
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for col in ("id", "region", "level", "period", "issuer", "indicators", "targets"):
        t.add_column(col, justify="right" if col in ("indicators", "targets") else "left",
                     no_wrap=col in ("id", "period", "level"), overflow="fold")
    for r in list_rows(plans):
        t.add_row(r["id"], f"{r['region']} {r['region_en']}", r["level"], r["period"], r["issuer"],
                  str(r["indicators"]), str(r["targets"]))
    return [t]


def show_dict(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json", exclude_none=True)


def show_table(plan: Plan, lang: str = "zh") -> list[Any]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    head = Text()
    head.append(f"{plan.title.zh}\n", style="bold")
    if plan.title.en:
        head.append(f"{plan.title.en}\n")
    head.append(f"{plan.id} · {plan.region.zh} {plan.region.en} ({plan.region.level}"
                f"{', in ' + plan.region.parent if plan.region.parent else ''}) · "
                f"{plan.period.first}–{plan.period.last} · {plan.issuer}"
                f"{' · issued ' + plan.issued.isoformat() if plan.issued else ''} · source {plan.source}")
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for col, just in (("indicator", "left"), ("unit", "left"), ("baseline", "right"),
                      ("target", "right"), ("stated growth", "right"), ("line", "right")):
        t.add_column(col, justify=just, overflow="fold", no_wrap=col != "indicator")  # type: ignore[arg-type]
    for ind in plan.indicators:
        name = ind.name_en if lang == "en" and ind.name_en else ind.name
        if ind.scope:
            name += f" [{ind.scope}]"
        if ind.aspirational:
            name += " (力争)"
        stated = fmt.growth(ind.growth) or fmt.growth(ind.total)
        t.add_row(name, ind.unit, fmt.baseline(ind.baseline), fmt.target(ind.target), stated,
                  fmt.source_lines(ind))
    n_ind, n_tgt = plan_counts(plan)
    foot = Text(f"{n_ind} indicators, {n_tgt} with a target value. "
                "≥ at least · > more than · ≤ at most · ≈ about · + increment · Σ cumulative")
    return [head, t, foot]

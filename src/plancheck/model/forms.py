"""Short forms of a plan's figures, as messages and tables show them: ``2020: ≥1000``, ``22%/yr``."""

from __future__ import annotations

from .notation import qualified, rate
from .plan import Baseline, Growth, Indicator, Target, Total


def target(t: Target | None) -> str:
    """``2025: ≥1000``; an increment is ``+``, a cumulative sum ``Σ``, a yearly target ends ``/yr``."""
    if t is None:
        return ""
    value = f"{t.value}–{t.upper}" if t.upper else t.value
    text = qualified(value, t.qualifier)
    if t.kind == "increment":
        text = "+" + text
    elif t.kind == "cumulative":
        text = "Σ" + text
    if t.per_year:
        text += "/yr"
    return f"{t.year}: {text}"


def baseline(b: Baseline | None) -> str:
    """``2020: 3.34``; ``*`` where the table marks the cell as another year's data."""
    if b is None:
        return ""
    return f"{b.year}: {qualified(b.value, b.qualifier)}{'*' if b.other_year else ''}{_unit(b.unit)}"


def figure(f: Baseline | Target) -> str:
    """A baseline or target as printed, with its own unit where it has one: ``3.5 万亿元``."""
    return f"{f.value}{_unit(f.unit)}"


def _unit(unit: str | None) -> str:
    return f" {unit}" if unit else ""


def stated(g: Growth | Total | None, row_unit: str = "") -> str:
    """``≥15%/yr`` for a stated annual growth, ``0.62 pp total`` for a stated total, ``〔13.5〕% fall``
    for a cumulative fall."""
    if g is None:
        return ""
    symbol = row_unit if g.unit == "absolute" else rate("", g.unit)
    if isinstance(g, Growth):
        return qualified(g.value, g.qualifier) + symbol + "/yr"
    fall = " fall" if g.direction == "down" else ""
    return f"〔{qualified(g.value, g.qualifier)}〕{symbol}{fall}"


def aim(ind: Indicator) -> str:
    """The row's target: a level (``2025: ≥1000``), or its words, or its relation to another row."""
    if ind.target is not None:
        return target(ind.target)
    if ind.goal is not None:
        return ind.goal.text
    if ind.relative is not None:
        return ind.relative.printed or f"{ind.relative.relation} {ind.relative.to}"
    return ""


BINDING = {"binding": "约束性", "indicative": "预期性"}


def shape(ind: Indicator) -> str:
    """What the row is, with 约束性/预期性 where the plan marks it: ``rate · 预期性``."""
    mark = BINDING.get(ind.binding or "", "")
    return f"{ind.shape} · {mark}" if mark else ind.shape


def source_lines(ind: Indicator) -> str:
    """The source lines of an indicator's figures: ``35,36,37``."""
    figures = (ind.baseline, ind.target, ind.growth, ind.total, ind.goal, ind.relative)
    lines = [f.line for f in figures if f is not None]
    return ",".join(str(n) for n in dict.fromkeys(lines))

"""Short human forms of figures, shared by every view."""

from __future__ import annotations

from .models import QUALIFIER_SYMBOLS, Baseline, Growth, Indicator, Target, Total


def qualified(value: str, qualifier: str | None) -> str:
    return f"{QUALIFIER_SYMBOLS[qualifier]}{value}" if qualifier else value


def target(t: Target | None) -> str:
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
    return f"{b.year}: {b.value}" if b else ""


def growth(g: Growth | Total | None) -> str:
    if g is None:
        return ""
    unit = {"percent": "%", "pp": " pp", "times": "×"}[g.unit]
    return qualified(g.value, g.qualifier) + unit + ("/yr" if isinstance(g, Growth) else " total")


def source_lines(ind: Indicator) -> str:
    lines = [f.line for f in (ind.baseline, ind.target, ind.growth, ind.total) if f is not None]
    return ",".join(str(n) for n in dict.fromkeys(lines))

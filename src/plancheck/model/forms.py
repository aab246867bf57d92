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
    return f"{b.year}: {b.value}" if b else ""


def stated(g: Growth | Total | None) -> str:
    """``≥15%/yr`` for a stated annual growth, ``0.62 pp total`` for a stated total."""
    if g is None:
        return ""
    return rate(qualified(g.value, g.qualifier), g.unit) + ("/yr" if isinstance(g, Growth) else " total")


def source_lines(ind: Indicator) -> str:
    """The source lines of an indicator's figures: ``35,36,37``."""
    lines = [f.line for f in (ind.baseline, ind.target, ind.growth, ind.total) if f is not None]
    return ",".join(str(n) for n in dict.fromkeys(lines))

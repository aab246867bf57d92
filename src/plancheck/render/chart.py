"""Charts of paths (``plancheck chart``, and the charts of ``plancheck report``), with matplotlib.

matplotlib is an optional extra (``pip install 'plancheck[report]'``): ``require`` says how to get it
when it is missing. Each chart shows the baseline, the planned path, the target, the observations
where there are any, and where the stated annual rate does not fit, the path that rate gives.

Chinese names are drawn with a CJK font when one is installed (``cjk_font``); without one every
label is in English (the indicator's ``name_en``, the region's English name), and a unit in Chinese
is left out, so that no label is ever drawn as empty boxes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..analysis.paths import Trajectory
from ..arith.numbers import format_number
from ..model.catalogue import observed_value
from ..model.notation import qualified
from .paths import pace_text, stated_text, values_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PREFERRED_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
)
"""Fonts with simplified Chinese, best first; any other installed font that has the glyphs comes after."""

SAMPLE = "规划比重经费每万人发明专利技术交易额嘉兴德清海宁桐乡"
"""Characters every chosen font must have (common ones of the bundled names)."""

_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")

MISSING = "charts need matplotlib: pip install 'plancheck[report]'"


class ChartUnavailable(Exception):
    """matplotlib cannot be imported: the message says how to install it."""


def require() -> None:
    """Raise ``ChartUnavailable`` (with how to install it) when matplotlib cannot be imported."""
    try:
        import matplotlib  # noqa: F401
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError:
        raise ChartUnavailable(MISSING) from None


def _installed_fonts() -> list[tuple[str, str]]:
    """(family name, file) of every font matplotlib knows."""
    from matplotlib import font_manager

    return [(f.name, f.fname) for f in font_manager.fontManager.ttflist]


def _has_glyphs(path: str, text: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(ch) in charmap for ch in text)


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese (``PREFERRED_FONTS`` first), or None."""
    fonts = _installed_fonts()
    rank = {name: i for i, name in enumerate(PREFERRED_FONTS)}
    candidates = sorted(
        {(name, path) for name, path in fonts if name in rank or "CJK" in name or "Han" in name or "Hei" in name},
        key=lambda f: (rank.get(f[0], len(rank)), f[0], f[1]),
    )
    for name, path in candidates:
        if _has_glyphs(path, SAMPLE):
            return name
    return None


@dataclass
class Labels:
    """The words of a chart, in Chinese where a font draws it, else in English."""

    font: str | None
    lang: str = "zh"

    @property
    def chinese(self) -> bool:
        return self.font is not None and self.lang == "zh"

    def safe(self, text: str) -> str:
        """``text`` as the chart can draw it: without a CJK font, CJK characters left out."""
        if self.font is not None:
            return text
        return re.sub(r"\s{2,}", " ", _CJK.sub("", text)).strip(" ()·[]")

    def indicator(self, t: Trajectory) -> str:
        ind = t.indicator
        text = ind.name if self.chinese or not ind.name_en else ind.name_en
        if not self.chinese and not ind.name_en:
            text = ind.id
        if ind.scope:
            text += f" [{ind.scope}]"
        return self.safe(text)

    def plan(self, t: Trajectory) -> str:
        p = t.plan
        region = p.region.zh if self.chinese else p.region.en
        return self.safe(f"{region} {p.period.first}–{p.period.last}")

    def unit(self, t: Trajectory) -> str:
        return self.safe(t.indicator.unit)


@dataclass
class Observed:
    """Outturns to draw on a path, (year, value) pairs, where they are not the indicator's ``observed``."""

    points: list[tuple[int, float]] = field(default_factory=list)


def _draw(ax: Axes, t: Trajectory, labels: Labels, observed: Observed | None, *, small: bool) -> None:
    from matplotlib.ticker import MaxNLocator

    ind = t.indicator
    assert ind.baseline is not None
    assert ind.target is not None
    shown = values_text(t, t.planned)
    size = 7 if small else 9
    ax.plot(t.years, t.planned, "-o", color="#1f5fa8", ms=3 if small else 4, lw=1.8, label=f"planned {pace_text(t)}")
    ax.plot(
        t.years[0], t.planned[0], "s", color="#333333", ms=6 if small else 8, label=f"baseline {t.years[0]}: {shown[0]}"
    )
    aim = qualified(shown[-1], ind.target.qualifier)
    ax.plot(
        t.years[-1], t.planned[-1], "*", color="#1a8a3a", ms=11 if small else 15, label=f"target {t.years[-1]}: {aim}"
    )
    if t.stated is not None and all(math.isfinite(v) for v in t.stated):
        reached = values_text(t, t.stated)[-1]
        ax.plot(
            t.years,
            t.stated,
            "--x",
            color="#c8102e",
            lw=2,
            ms=4 if small else 5,
            label=f"{stated_text(t)}: reaches {reached} in {t.years[-1]}",
        )
        ax.annotate(
            "",
            xy=(t.years[-1], t.planned[-1]),
            xytext=(t.years[-1], t.stated[-1]),
            arrowprops={"arrowstyle": "<->", "color": "#c8102e", "lw": 1.2},
        )
        ax.text(
            t.years[-1] - 0.15,
            (t.planned[-1] + t.stated[-1]) / 2,
            f"short by {format_number(abs(t.planned[-1] - t.stated[-1]), t.digits)}",
            color="#c8102e",
            ha="right",
            va="center",
            fontsize=size,
        )
    if observed is None:  # the indicator's own outturns (observed:, or an outturn file's)
        seen = ((o.year, observed_value(o, ind)) for o in ind.observed)  # in the row's unit
        observed = Observed([(year, float(v)) for year, v in seen if v is not None])
    if observed.points:
        ax.plot(
            [y for y, _ in observed.points],
            [v for _, v in observed.points],
            "o",
            mfc="white",
            mec="black",
            mew=1.5,
            ms=6 if small else 7,
            label="observed",
            zorder=5,
        )
    ax.set_title(labels.indicator(t), fontsize=9 if small else 12, loc="left", wrap=True)
    unit = labels.unit(t)
    if unit:
        ax.set_ylabel(unit, fontsize=size)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=size)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=size - 1 if small else size, loc="best", frameon=False)


def figure(
    paths: Sequence[Trajectory],
    *,
    lang: str = "zh",
    font: str | None = None,
    observed: dict[tuple[str, str], Observed] | None = None,
    size: tuple[float, float] = (8, 5),
) -> Figure:
    """One chart for one path; small multiples, three a row, for several. ``font``: the CJK font to
    use (default: ``cjk_font()``)."""
    import matplotlib

    family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": family}):  # every text made here keeps this family
        return _figure(paths, Labels(font, lang), observed or {}, size)


def _figure(
    paths: Sequence[Trajectory], labels: Labels, observed: dict[tuple[str, str], Observed], size: tuple[float, float]
) -> Figure:
    from matplotlib.figure import Figure

    one = len(paths) == 1
    cols = 1 if one else min(3, len(paths))
    rows = math.ceil(len(paths) / cols)
    fig = Figure(figsize=size if one else (4.6 * cols, 3.6 * rows), layout="constrained")
    for i, t in enumerate(paths):
        ax = fig.add_subplot(rows, cols, i + 1)
        _draw(ax, t, labels, observed.get((t.plan.id, t.indicator.id)), small=not one)
    plans = list(dict.fromkeys(labels.plan(t) for t in paths))
    head = "; ".join(plans)
    if one and paths[0].stated is not None:
        head += " · the stated rate does not reach the target"
    fig.suptitle(head, fontsize=10 if one else 12, ha="left", x=0.01)
    return fig


def render(
    paths: Sequence[Trajectory],
    fmt: str,
    *,
    lang: str = "zh",
    observed: dict[tuple[str, str], Observed] | None = None,
    size: tuple[float, float] = (8, 5),
) -> bytes:
    """The chart as PNG or SVG bytes (SVG with its glyphs as outlines: it needs no font to show)."""
    import matplotlib

    font = cjk_font()
    fig = figure(paths, lang=lang, font=font, observed=observed, size=size)
    buffer = io.BytesIO()
    family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "plancheck", "font.family": family}):
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None})
        else:
            fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def inline_svg(
    paths: Sequence[Trajectory], *, lang: str = "zh", observed: dict[tuple[str, str], Observed] | None = None
) -> str:
    """The chart as an ``<svg>`` element to put inside an HTML page (no XML prolog, no doctype), at a
    size that keeps its words legible in a column of a page."""
    text = render(paths, "svg", lang=lang, observed=observed, size=(5.0, 3.6)).decode("utf-8")
    return text[text.index("<svg") :]

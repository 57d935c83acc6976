"""A chart per fact the sources disagree on: each figure as the interval it stands for (its
written precision and qualifier) in US dollars, on one axis, drawn by matplotlib as SVG to
inline in the page. matplotlib is imported when the first chart is drawn."""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ..models import Figure

QUALIFIER_WORDS = {"exact": "as written", "approximately": "about", "more_than": "more than", "at_least": "at least",
                   "less_than": "less than", "at_most": "at most", "range": "range", "vague": "vague"}
LOG_RATIO = 8.0  # the axis is logarithmic when the largest value is this many times the smallest
LABEL_CHARS = 60
LABEL_INCHES_PER_CHAR = 0.062  # tick labels at 8 points, DejaVu Sans: about 4.5 points a character
PLOT_INCHES, ROW_INCHES = 4.6, 0.5


@dataclass(frozen=True)
class Bar:
    """One figure on the chart: its label and the words under it (qualifier, conversion),
    its interval in USD (high None: unbounded), the article it comes from (its colour),
    and whether it belongs to another fact (a part, a change's implied value)."""

    label: str
    note: str
    low: float
    high: float | None
    point: float | None
    source: str
    other: bool = False


def bar(fig: Figure, label: str, other: bool = False) -> Bar | None:
    """The figure as a bar; None when it has no USD value (no reference rate)."""
    if fig.usd is None:
        return None
    usd = fig.usd
    point = fig.value / usd.rate if fig.value is not None else None
    return Bar(label, conversion(fig), usd.low, usd.high, point, fig.doc_id, other)


def conversion(fig: Figure) -> str:
    """'more than; CNY 6.863 per USD (2026)'; the qualifier alone for USD."""
    words = QUALIFIER_WORDS.get(fig.qualifier, fig.qualifier)
    if fig.usd is None:
        return f"{words}; no reference rate for {fig.currency or 'an undecided currency'}"
    if fig.currency == "USD":
        return words
    return f"{words}; {fig.currency} {fig.usd.rate:.4g} per USD ({fig.usd.year or 'latest'})"


def short_usd(value: float) -> str:
    """'$20bn', '$1.5tn', '$400m', '$900' for axis ticks."""
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= scale:
            return f"${value / scale:g}{word}"
    return f"${value:g}"


class Charts:
    """Draws charts, one figure reused for all of them (matplotlib is imported when the
    first one is drawn)."""

    def __init__(self) -> None:
        self._figure: Any = None

    def draw(self, title: str, bars: list[Bar], salt: str) -> str:
        """The bars on one USD axis, coloured by article, as an inline SVG element (no XML
        prolog, ids salted so that several charts share a page)."""
        import matplotlib
        from matplotlib.figure import Figure as Canvas
        from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

        finite = [v for b in bars for v in (b.low, b.high, b.point) if v is not None and v > 0]
        lo, hi = (min(finite), max(finite)) if finite else (1.0, 10.0)
        log = hi / lo >= LOG_RATIO
        left, right = (lo / 1.8, hi * 1.8) if log else (max(lo - (hi - lo) * 0.25, 0.0), hi + (hi - lo) * 0.25 + hi * 0.02)
        rows = list(reversed(bars))
        labels = [f"{_short(b.label)}\n{b.note}" for b in rows]
        left_inches = 0.25 + LABEL_INCHES_PER_CHAR * max(len(line) for text in labels for line in text.split("\n"))
        height = 0.95 + ROW_INCHES * len(bars)
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt, "text.parse_math": False,
                                    "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}):
            palette = matplotlib.colormaps["tab10"].colors
            colour = {s: palette[i % len(palette)] for i, s in enumerate(dict.fromkeys(b.source for b in bars))}
            if self._figure is None:
                self._figure = Canvas()
            figure = self._figure
            figure.clear()
            figure.set_size_inches(left_inches + PLOT_INCHES, height)
            figure.subplots_adjust(left=left_inches / (left_inches + PLOT_INCHES), right=0.97, top=1 - 0.4 / height,
                                   bottom=0.55 / height)
            ax = figure.add_subplot()
            if log:
                ax.set_xscale("log")
            colors = [(*colour[b.source][:3], 0.45 if b.other else 0.85) for b in rows]
            ax.hlines(range(len(rows)), [left if b.low <= 0 else b.low for b in rows],
                      [right if b.high is None else b.high for b in rows], colors=colors, linewidth=7)
            for marker, ends in ((">", [(right, y) for y, b in enumerate(rows) if b.high is None]),
                                 ("<", [(left, y) for y, b in enumerate(rows) if b.low <= 0])):
                if ends:
                    ax.scatter(*zip(*ends), marker=marker, s=60, c=[colors[y] for _, y in ends], zorder=3, clip_on=False)
            points = [(b.point, y) for y, b in enumerate(rows) if b.point is not None]
            if points:
                ax.scatter(*zip(*points), s=36, c=[colors[y][:3] for _, y in points], edgecolors="#222222", zorder=4)
            ax.set_xlim(left, right)
            ax.set_ylim(-0.6, len(bars) - 0.4)
            ax.set_yticks(range(len(bars)), labels, fontsize=8)
            ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0), numticks=8) if log else MaxNLocator(6))
            ax.xaxis.set_minor_locator(NullLocator())
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: short_usd(v) if v > 0 else "0"))
            ax.grid(axis="x", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.set_title(title, loc="left", fontsize=10, y=1.0, pad=8)  # a fixed place: no layout pass
            ax.set_xlabel("US dollars" + (" (logarithmic axis)" if log else ""))
            out = io.StringIO()
            figure.savefig(out, format="svg", metadata={"Date": None})
        svg = out.getvalue()
        return svg[svg.index("<svg"):]


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"

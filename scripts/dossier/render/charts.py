"""Bar charts for the register's dashboard: geometry computed here, SVG markup in templates."""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 300
PLOT_WIDTH = 380
RIGHT_MARGIN = 40


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar."""

    key: str
    """What the segment counts, e.g. a status; also its CSS class suffix."""
    value: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    y: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart, each bar stacked from segments, ready for the SVG template."""

    title: str
    description: str
    bars: tuple[Bar, ...]
    keys: tuple[str, ...]
    """Segment keys in legend order."""
    width: int
    height: int
    label_width: int


def stacked_bar_chart(
    title: str,
    description: str,
    rows: list[tuple[str, dict[str, int]]],
    keys: tuple[str, ...],
) -> BarChart:
    """Bars for `rows` of (label, {key: value}), scaled so the longest bar fills the plot."""
    longest = max((sum(values.values()) for _, values in rows), default=0) or 1
    scale = PLOT_WIDTH / longest
    bars = []
    for index, (label, values) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for key in keys:
            value = values.get(key, 0)
            if value:
                segments.append(Segment(key, value, x, value * scale))
                x += value * scale
        bars.append(
            Bar(label, sum(values.values()), index * (BAR_HEIGHT + BAR_GAP), tuple(segments))
        )
    height = max(len(rows), 1) * (BAR_HEIGHT + BAR_GAP)
    return BarChart(
        title,
        description,
        tuple(bars),
        keys,
        LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN,
        height,
        LABEL_WIDTH,
    )

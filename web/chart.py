"""The stance timeline as server-side SVG geometry: one stacked bar chart per aspect, a bar
per year, a block per label. The template draws it; no JavaScript, nothing from a CDN."""

from __future__ import annotations

from dataclasses import dataclass

from fiche_search import StanceCounts
from fiche_search.surface import TIMELINE_LABELS

HEIGHT = 180  # plot area
TOP = 10
BOTTOM = 30  # room for the year labels
LEFT = 34  # room for the axis numbers
BAR = 26
GAP = 12


@dataclass
class Block:
    x: int
    y: float
    width: int
    height: float
    label: str
    count: int
    group: str  # as the reader sees it: "2024", "undated"


@dataclass
class Tick:
    y: float
    value: int


@dataclass
class AxisLabel:
    x: float
    text: str


@dataclass
class Chart:
    aspect: str
    width: int
    height: int
    blocks: list[Block]
    ticks: list[Tick]
    groups: list[AxisLabel]
    baseline: float


def timeline_charts(counts: StanceCounts) -> list[Chart]:
    groups = counts.groups
    return [_chart(counts, aspect, groups) for aspect in TIMELINE_LABELS]


def _chart(counts: StanceCounts, aspect: str, groups: list[str | None]) -> Chart:
    labels = TIMELINE_LABELS[aspect]
    totals = [sum(counts.count(g, aspect, lb) for lb in labels) for g in groups]
    top = max(totals, default=0) or 1
    scale = HEIGHT / top
    baseline = TOP + HEIGHT
    blocks, axis = [], []
    for i, group in enumerate(groups):
        x = LEFT + GAP + i * (BAR + GAP)
        y = float(baseline)
        for label in labels:
            n = counts.count(group, aspect, label)
            if n:
                y -= n * scale
                height = round(n * scale, 1)
                blocks.append(
                    Block(x, round(y, 1), BAR, height, label, n, counts.group_name(group))
                )
        axis.append(AxisLabel(x + BAR / 2, counts.group_name(group)))
    ticks = [Tick(round(baseline - v * scale, 1), v) for v in _tick_values(top)]
    width = LEFT + GAP + max(len(groups), 1) * (BAR + GAP)
    return Chart(aspect, width, TOP + HEIGHT + BOTTOM, blocks, ticks, axis, baseline)


def _tick_values(top: int) -> list[int]:
    step = max(1, -(-top // 4))  # about four whole-number ticks
    return list(range(0, top + 1, step))

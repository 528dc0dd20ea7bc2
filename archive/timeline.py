"""The archive's timeline as an SVG bar chart: one bar per month, each a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

CHART_HEIGHT = 80
MAX_BAR_WIDTH = 18


@dataclass(frozen=True)
class Bar:
    month: dt.date
    count: int
    x: float
    y: float
    width: float
    height: float
    url: str

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}: {self.count} article{'s' if self.count != 1 else ''}"


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    width: int
    height: int
    total: int

    @property
    def first(self) -> dt.date | None:
        return self.bars[0].month if self.bars else None

    @property
    def last(self) -> dt.date | None:
        return self.bars[-1].month if self.bars else None


def build_timeline(months: list[tuple[dt.date, int]], *, width: int = 720) -> Timeline:
    """Lay out bars for ``(month, count)`` pairs; empty months keep their place."""
    if not months:
        return Timeline([], width, CHART_HEIGHT, 0)
    slot = width / len(months)
    bar_width = max(min(slot * 0.8, MAX_BAR_WIDTH), 1)
    peak = max(count for _, count in months) or 1
    bars = []
    for index, (month, count) in enumerate(months):
        height = round(CHART_HEIGHT * count / peak, 1) if count else 0
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(index * slot + (slot - bar_width) / 2, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(bar_width, 1),
                height=height,
                url=reverse(
                    "archive:article-month", kwargs={"year": month.year, "month": month.month}
                ),
            )
        )
    return Timeline(bars, width, CHART_HEIGHT, sum(count for _, count in months))

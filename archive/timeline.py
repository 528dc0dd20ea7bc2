"""The archive's timeline as an SVG bar chart: one bar per month, each a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    bars: list[Bar]  # the months with articles: the others are gaps between bars
    width: int
    height: int
    total: int
    query: str = ""  # the page's filters, carried into each month's link
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def svg_bars(self) -> str:
        """The bars as SVG links, the page's own filters (``query``) on each link.

        Built here, not in a template loop: decades of months made that loop the
        slowest part of a page. Only the texts are escaped (the query once for
        all bars); the rest are numbers.
        """
        query = escape(self.query)
        links = []
        for bar in self.bars:
            label = escape(bar.label)
            links.append(
                f'<a href="{escape(bar.url)}{query}" aria-label="{label}">'
                f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}">'
                f"<title>{label}</title></rect></a>"
            )
        return mark_safe("".join(links))


def build_timeline(
    months: list[tuple[dt.date, int]], *, width: int = 720, query: str = ""
) -> Timeline:
    """Lay out bars for ``(month, count)`` pairs; empty months keep their place.

    Only months with articles get a bar: an entity named in a few months of a
    fifty-year archive would otherwise build hundreds of empty ones per page.
    """
    if not months:
        return Timeline([], width, CHART_HEIGHT, 0, query)
    slot = width / len(months)
    bar_width = max(min(slot * 0.8, MAX_BAR_WIDTH), 1)
    peak = max(count for _, count in months) or 1
    # One reverse() for all bars: decades of months made it a cost of its own.
    pattern = reverse("archive:article-month", kwargs={"year": 1999, "month": 12})
    prefix, suffix = pattern.split("1999/12", 1)
    bars = []
    for index, (month, count) in enumerate(months):
        if not count:
            continue
        height = round(CHART_HEIGHT * count / peak, 1)
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(index * slot + (slot - bar_width) / 2, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(bar_width, 1),
                height=height,
                url=f"{prefix}{month.year}/{month.month}{suffix}",
            )
        )
    total = sum(count for _, count in months)
    return Timeline(bars, width, CHART_HEIGHT, total, query, months[0][0], months[-1][0])

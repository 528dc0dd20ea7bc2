"""The archive's timeline as an SVG bar chart: one bar per month, each a link.

Under the bars, an axis labels years, or months when the range is short. The
labels are a second SVG without a viewBox, placed by percentage: the bars' SVG
is stretched to any width (``preserveAspectRatio="none"``), which would stretch
text too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

CHART_HEIGHT = 80
MAX_BAR_WIDTH = 18
# A month with one article next to one with hundreds still shows: 3 of the chart's
# 80 units (the stylesheet draws it 80 px high).
MIN_BAR_HEIGHT = 3
# Ranges of fewer months than this are labelled by month, longer ones by year.
SHORT_RANGE = 18
# At most this many labels, so they fit a phone's width; the steps between them.
MAX_LABELS = 8
MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


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
class Tick:
    """A place on the axis: a month's label under its bar, or a year's from its January."""

    month: dt.date
    label: str  # "2021" or "Apr"; empty for a year's rule too near the end to label
    x: float  # in the chart's units
    position: float  # the same place, as a percentage of the chart's width
    centred: bool = False  # under a bar (months), rather than from a rule (years)
    year: str = ""  # under a month's label: its year, on the first label of each year


@dataclass(frozen=True)
class Period:
    """A row of the chart's text alternative: a year's or a month's articles."""

    label: str
    count: int


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]  # the months with articles: the others are gaps between bars
    width: int
    height: int
    total: int
    query: str = ""  # the page's filters, carried into each month's link
    first: dt.date | None = None
    last: dt.date | None = None
    ticks: tuple[Tick, ...] = ()
    periods: tuple[Period, ...] = ()  # by year, or by month when labelled by month
    by_month: bool = False

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

    @property
    def svg_rules(self) -> str:
        """A faint vertical line where each labelled year begins, behind the bars."""
        return mark_safe(
            "".join(
                f'<line class="rule" x1="{tick.x}" x2="{tick.x}" y1="0" y2="{self.height}"'
                ' vector-effect="non-scaling-stroke"></line>'
                for tick in self.ticks
                if not tick.centred
            )
        )

    @property
    def svg_axis(self) -> str:
        """The labels as SVG text placed by percentage, for the axis's own SVG."""
        texts = []
        for tick in self.ticks:
            if not tick.label:
                continue
            if tick.centred:
                place = f'x="{tick.position}%" text-anchor="middle"'
            else:  # just right of the year's rule
                place = f'x="{tick.position}%" dx="3"'
            texts.append(f'<text {place} y="1.1em">{escape(tick.label)}</text>')
            if tick.year:
                texts.append(f'<text {place} y="2.3em">{escape(tick.year)}</text>')
        return mark_safe("".join(texts))


def axis_ticks(months: list[dt.date], *, width: float) -> list[Tick]:
    """Where the axis under bars for these consecutive ``months`` is labelled.

    Fewer than ``SHORT_RANGE`` months: month names centred under their bars
    (every one, or every 2nd, 3rd or 6th month of the year), each year written
    under its first label. Longer ranges: years (every one, or every 2nd, 5th,
    10th...), each from a rule where its January begins; the range's first year
    too when it starts later in the year and there is room before the next label.
    At most ``MAX_LABELS`` labels; a year's rule too near the right-hand end for
    its label keeps the rule, unlabelled.
    """
    if not months:
        return []
    slot = width / len(months)
    gap = width / MAX_LABELS  # the room a label needs

    def tick(index: int, label: str, *, centred: bool = False, year: str = "") -> Tick:
        x = (index + 0.5) * slot if centred else index * slot
        return Tick(months[index], label, round(x, 1), round(100 * x / width, 2), centred, year)

    if len(months) < SHORT_RANGE:
        step = _step(MONTH_STEPS, [month.month - 1 for month in months])
        ticks, last_year = [], None
        for index, month in enumerate(months):
            if (month.month - 1) % step == 0:
                year = str(month.year) if month.year != last_year else ""
                ticks.append(tick(index, f"{month:%b}", centred=True, year=year))
                last_year = month.year
        return ticks

    step = _step(YEAR_STEPS, [month.year for month in months if month.month == 1])
    ticks = [
        tick(index, str(month.year))
        for index, month in enumerate(months)
        if month.month == 1 and month.year % step == 0
    ]
    if months[0].month != 1 and (not ticks or ticks[0].x >= gap):
        ticks.insert(0, tick(0, str(months[0].year)))
    return [
        tick if tick.x <= width - gap else Tick(tick.month, "", tick.x, tick.position)
        for tick in ticks
    ]


def _step(steps: tuple[int, ...], values: list[int]) -> int:
    """The smallest step that labels at most ``MAX_LABELS`` of ``values``."""
    for step in steps:
        if sum(1 for value in values if value % step == 0) <= MAX_LABELS:
            return step
    return steps[-1]


def summary_periods(months: list[tuple[dt.date, int]], *, by_month: bool) -> list[Period]:
    """The counts as a short list for screen readers: by month, or by year."""
    if by_month:
        return [Period(f"{month:%B %Y}", count) for month, count in months]
    years: Counter[int] = Counter()
    for month, count in months:
        years[month.year] += count
    return [Period(str(year), count) for year, count in sorted(years.items())]


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
        height = max(round(CHART_HEIGHT * count / peak, 1), MIN_BAR_HEIGHT)
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
    by_month = len(months) < SHORT_RANGE
    return Timeline(
        bars,
        width,
        CHART_HEIGHT,
        total,
        query,
        months[0][0],
        months[-1][0],
        ticks=tuple(axis_ticks([month for month, _ in months], width=width)),
        periods=tuple(summary_periods(months, by_month=by_month)),
        by_month=by_month,
    )

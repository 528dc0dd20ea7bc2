"""The timeline's bars and axis, laid out from hand-written month counts."""

from __future__ import annotations

import datetime as dt

from archive.timeline import (
    CHART_HEIGHT,
    MAX_LABELS,
    MIN_BAR_HEIGHT,
    Period,
    axis_ticks,
    build_timeline,
    summary_periods,
)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def labels(ticks) -> list[str]:
    return [tick.label for tick in ticks if tick.label]


def test_a_long_range_is_labelled_by_year_from_each_january():
    months = months_between(dt.date(2021, 4, 1), dt.date(2025, 10, 1))  # 55 months
    ticks = axis_ticks(months, width=550)

    assert labels(ticks) == ["2021", "2022", "2023", "2024", "2025"]
    # The first year from the start of the range; the others from their January.
    assert [(tick.month, tick.x, tick.position) for tick in ticks[:2]] == [
        (dt.date(2021, 4, 1), 0, 0),
        (dt.date(2022, 1, 1), 90, 16.36),
    ]
    assert not any(tick.centred or tick.year for tick in ticks)


def test_a_short_range_is_labelled_by_month_under_each_bar_with_its_year_once():
    months = months_between(dt.date(2024, 11, 1), dt.date(2025, 2, 1))
    ticks = axis_ticks(months, width=400)

    assert [(tick.label, tick.year) for tick in ticks] == [
        ("Nov", "2024"),
        ("Dec", ""),
        ("Jan", "2025"),
        ("Feb", ""),
    ]
    assert [tick.position for tick in ticks] == [12.5, 37.5, 62.5, 87.5]
    assert all(tick.centred for tick in ticks)


def test_seventeen_months_are_labelled_by_month_and_eighteen_by_year():
    short = months_between(dt.date(2024, 1, 1), dt.date(2025, 5, 1))
    long = months_between(dt.date(2024, 1, 1), dt.date(2025, 6, 1))
    assert (len(short), len(long)) == (17, 18)

    assert labels(axis_ticks(short, width=720)) == ["Jan", "Apr", "Jul", "Oct", "Jan", "Apr"]
    assert labels(axis_ticks(long, width=720)) == ["2024", "2025"]


def test_a_full_year_labels_every_other_month():
    ticks = axis_ticks(months_between(dt.date(2025, 1, 1), dt.date(2025, 12, 1)), width=720)
    assert labels(ticks) == ["Jan", "Mar", "May", "Jul", "Sep", "Nov"]
    assert [tick.year for tick in ticks] == ["2025", "", "", "", "", ""]


def test_decades_label_round_years_and_no_more_than_fit():
    months = months_between(dt.date(1995, 1, 1), dt.date(2024, 12, 1))
    ticks = axis_ticks(months, width=720)
    assert labels(ticks) == ["1995", "2000", "2005", "2010", "2015", "2020"]

    century = months_between(dt.date(1901, 1, 1), dt.date(2024, 12, 1))
    assert len(labels(axis_ticks(century, width=720))) <= MAX_LABELS


def test_the_first_year_is_labelled_only_when_there_is_room_before_the_next():
    # December 2021 then January 2022: "2021" would sit on top of "2022".
    months = months_between(dt.date(2021, 12, 1), dt.date(2024, 6, 1))
    assert labels(axis_ticks(months, width=720))[0] == "2022"


def test_a_year_too_near_the_end_keeps_its_rule_but_no_label():
    months = months_between(dt.date(2023, 1, 1), dt.date(2025, 2, 1))  # 2025 at 92%
    ticks = axis_ticks(months, width=720)
    assert [tick.label for tick in ticks] == ["2023", "2024", ""]

    timeline = build_timeline([(month, 1) for month in months])
    assert timeline.svg_rules.count("<line") == 3
    assert ">2025<" not in timeline.svg_axis


def test_a_month_with_one_article_beside_hundreds_keeps_a_visible_bar():
    timeline = build_timeline(
        [(dt.date(2025, 1, 1), 300), (dt.date(2025, 2, 1), 0), (dt.date(2025, 3, 1), 1)]
    )
    big, small = timeline.bars  # no bar for the empty month
    assert big.height == CHART_HEIGHT and big.y == 0
    assert small.height == MIN_BAR_HEIGHT >= 2
    assert small.y == CHART_HEIGHT - MIN_BAR_HEIGHT  # standing on the baseline
    assert "<title>March 2025: 1 article</title>" in timeline.svg_bars


def test_the_axis_is_text_placed_by_percentage():
    timeline = build_timeline([(dt.date(2025, 4, 1), 2), (dt.date(2025, 5, 1), 1)])
    assert timeline.by_month
    assert timeline.svg_axis == (
        '<text x="25.0%" text-anchor="middle" y="1.1em">Apr</text>'
        '<text x="25.0%" text-anchor="middle" y="2.3em">2025</text>'
        '<text x="75.0%" text-anchor="middle" y="1.1em">May</text>'
    )
    assert timeline.svg_rules == ""  # rules mark years only


def test_the_text_alternative_sums_years_or_lists_months():
    months = [(month, 1) for month in months_between(dt.date(2021, 11, 1), dt.date(2023, 6, 1))]
    assert summary_periods(months, by_month=False) == [
        Period("2021", 2),
        Period("2022", 12),
        Period("2023", 6),
    ]
    short = [(dt.date(2025, 4, 1), 3), (dt.date(2025, 5, 1), 0)]
    assert summary_periods(short, by_month=True) == [Period("April 2025", 3), Period("May 2025", 0)]

    timeline = build_timeline(months)
    assert not timeline.by_month and len(timeline.periods) == 3


def test_no_months_no_ticks():
    assert axis_ticks([], width=720) == []
    timeline = build_timeline([])
    assert timeline.ticks == () and timeline.periods == () and timeline.svg_axis == ""

"""The first publisher named when the times say so, and the doubt stated when not."""

from __future__ import annotations

import datetime as dt

from archive.copies.first import TIE, UNKNOWN, Published, first_publisher

DAY = dt.date(2022, 3, 1)


def at(hour: int, offset_hours: int = 0) -> dt.datetime:
    return dt.datetime(2022, 3, 1, hour, tzinfo=dt.timezone(dt.timedelta(hours=offset_hours)))


def test_the_earliest_moment_wins_time_zones_respected():
    # 09:00 in Washington (UTC-5) is 14:00 UTC: after 12:00 in Doha (UTC+3, 09:00 UTC).
    copies = [Published(1, DAY, at(9, -5)), Published(2, DAY, at(12, 3))]
    assert first_publisher(copies) == (2, "")


def test_the_same_moment_is_a_tie():
    copies = [Published(1, DAY, at(9)), Published(2, DAY, at(9)), Published(3, DAY, at(12))]
    assert first_publisher(copies) == (1, TIE)


def test_a_date_without_a_time_on_the_same_day_leaves_it_unknown():
    copies = [Published(1, DAY, at(9)), Published(2, DAY, None)]
    assert first_publisher(copies)[1] == UNKNOWN
    assert first_publisher([Published(1, DAY, at(9)), Published(2, None, None)])[1] == UNKNOWN


def test_days_apart_decide_it_even_without_times():
    copies = [Published(1, DAY + dt.timedelta(days=3), None), Published(2, DAY, None)]
    assert first_publisher(copies) == (2, "")
    assert first_publisher([]) == (None, "")

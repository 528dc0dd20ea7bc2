from __future__ import annotations

import datetime as dt

import pytest

from archive.ingest.dates import DateError, match_dateline, parse_date

NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)
PLUS_4 = dt.timezone(dt.timedelta(hours=4))


@pytest.mark.parametrize(
    ("text", "date", "moment"),
    [
        ("2025-04-29", dt.date(2025, 4, 29), None),
        (
            "2025-04-29T17:43:00+04:00",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 17, 43, tzinfo=PLUS_4),
        ),
        (
            "2025-04-29T13:43:00Z",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 13, 43, tzinfo=dt.UTC),
        ),
        (
            "2025-04-29T13:43:00.250+0000",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 13, 43, tzinfo=dt.UTC),
        ),
        (
            "29 April 2025 17:43 (UTC+04:00)",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 17, 43, tzinfo=PLUS_4),
        ),
        ("April 29, 2025", dt.date(2025, 4, 29), None),
        ("29 April 2025", dt.date(2025, 4, 29), None),
        ("Sept 3, 2021", dt.date(2021, 9, 3), None),
        (
            "Tue, 29 Apr 2025 17:43:00 +0000",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 17, 43, tzinfo=dt.UTC),
        ),
        (
            "Tue, 29 Apr 2025 17:43:00 +0400",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 17, 43, tzinfo=PLUS_4),
        ),
        # Fallback (dateparser) forms.
        ("Tuesday 29th of April, 2025", dt.date(2025, 4, 29), None),
        ("29.04.2025", dt.date(2025, 4, 29), None),
        (
            "Tue Apr 29 2025 17:43:00 GMT+0400",
            dt.date(2025, 4, 29),
            dt.datetime(2025, 4, 29, 17, 43, tzinfo=PLUS_4),
        ),
    ],
)
def test_supported_forms(text, date, moment):
    parsed = parse_date(text, now=NOW)
    assert parsed is not None
    assert parsed.date == date
    assert parsed.moment == moment
    if moment is not None:
        assert parsed.moment.utcoffset() == moment.utcoffset()


def test_utc_offset_in_parentheses_is_the_local_offset_not_inverted():
    parsed = parse_date("29 April 2025 17:43 (UTC+04:00)", now=NOW)
    assert parsed.moment.astimezone(dt.UTC) == dt.datetime(2025, 4, 29, 13, 43, tzinfo=dt.UTC)
    assert parsed.moment.utcoffset() == dt.timedelta(hours=4)


@pytest.mark.parametrize(
    "text", ["2025-04-29 17:43", "29 April 2025 17:43", "Tue, 29 Apr 2025 17:43:00 -0000"]
)
def test_a_time_without_a_zone_gives_only_the_date(text):
    parsed = parse_date(text, now=NOW)
    assert parsed.date == dt.date(2025, 4, 29)
    assert parsed.moment is None


@pytest.mark.parametrize("text", [None, "", "   \n "])
def test_no_date_is_none_not_invented(text):
    assert parse_date(text, now=NOW) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "impossible date"),
        ("30 February 2025", "impossible date"),
        ("February 30, 2025", "impossible date"),
        ("Sun, 30 Feb 2025 10:00:00 +0000", "impossible date"),
        ("2025-04-29T25:10:00Z", "impossible time"),
        ("1799-12-31", "before 1800"),
        ("2025-06-03", "future"),
        ("2025-06-02T13:00:00+00:00", "future"),
        ("April 2025", "incomplete"),
        ("yesterday", "unrecognised"),
        ("3 days ago", "unrecognised"),
        ("not a date", "unrecognised"),
        (20250429, "expected a date string"),
    ],
)
def test_untrustworthy_dates_are_rejected_with_a_reason(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text, now=NOW)


def test_up_to_a_day_ahead_is_allowed_for_time_zones():
    assert parse_date("2025-06-02", now=NOW).date == dt.date(2025, 6, 2)
    assert parse_date("2025-06-02T11:00:00+00:00", now=NOW) is not None


def test_dateline_at_start_of_line_returns_the_rest():
    parsed, rest = match_dateline("29 April 2025 17:43 (UTC+04:00) By Laman Ismayilova", now=NOW)
    assert parsed.moment == dt.datetime(2025, 4, 29, 17, 43, tzinfo=PLUS_4)
    assert rest == "By Laman Ismayilova"


def test_prose_that_starts_with_a_date_is_not_a_dateline():
    assert match_dateline("29 April 2025 was a busy day in Baku.", now=NOW) is None
    assert match_dateline("On 29 April 2025 the talks began.", now=NOW) is None

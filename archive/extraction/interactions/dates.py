"""When an encounter happened or is to happen, from the words of its sentence."""

from __future__ import annotations

import datetime as dt
import re

# What makes an encounter planned: a verb's ("will meet"), said of its subject, or
# a time to come anywhere before the clause's end ("Next week, Blinken travels to").
PLANNED_RE = re.compile(
    r"\b(?:will|shall|to be|is expected to|are expected to|is scheduled to|are scheduled to|"
    r"plans to|plan to|is set to|are set to)\b"
)


COMING_RE = re.compile(r"\b(?:upcoming|next week|tomorrow)\b", re.IGNORECASE)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


_DAY_RE = re.compile(
    r"\b(?:(?P<rel>today|yesterday|tomorrow)|on (?P<weekday>" + "|".join(_WEEKDAYS) + r")"
    r"|(?:on )?(?P<month>"
    + "|".join(_MONTHS)
    + r") (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?"
    r"|(?:on )?(?P<day2>\d{1,2}) (?P<month2>" + "|".join(_MONTHS) + r")(?: (?P<year2>\d{4}))?)\b",
    re.IGNORECASE,
)


_DAY_OF_RE = re.compile(r"(?:\b(?:the|their|its|his|her|our|this|that)|['’]s)\s+$")


def date_of(sentence: str, published: dt.date | None, *, planned: bool) -> tuple:
    """The day the sentence gives, and how precise: "day", or "reported"."""
    if published is None:
        return None, ""
    # Not a day that names something else: "the March 24 NATO Summit".
    m = next(
        (d for d in _DAY_RE.finditer(sentence) if not _DAY_OF_RE.search(sentence, 0, d.start())),
        None,
    )
    if m is None:
        return (None, "") if planned else (published, "reported")
    if m["rel"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        return published + dt.timedelta(days=shift), "day"
    if m["weekday"]:
        wanted = _WEEKDAYS.index(m["weekday"].lower())
        delta = (published.weekday() - wanted) % 7
        day = published - dt.timedelta(days=delta)
        if planned and delta:
            day += dt.timedelta(days=7)
        return day, "day"
    month = _MONTHS.index((m["month"] or m["month2"]).lower()) + 1
    day_of_month = int(m["day"] or m["day2"])
    year = int(m["year"] or m["year2"] or published.year)
    try:
        day = dt.date(year, month, day_of_month)
    except ValueError:
        return (None, "") if planned else (published, "reported")
    if not (m["year"] or m["year2"]) and not planned and (day - published).days > 31:
        day = day.replace(year=year - 1)  # "on December 30" in a January article
    return day, "day"


# A title that ends with a full date ("Public Schedule – June 25, 2021") is about that
# day, whenever it was posted: a schedule goes out the evening before.
_TITLED_DAY_RE = re.compile(
    r"[–—:-]\s*(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)


def titled_day(title: str, published: dt.date | None) -> dt.date | None:
    """The day a title says the article is about, when it ends with one within two
    days of the article's own."""
    m = _TITLED_DAY_RE.search(title.strip())
    if m is None or published is None:
        return None
    try:
        day = dt.date(int(m["year"]), _MONTHS.index(m["month"].lower()) + 1, int(m["day"]))
    except ValueError:
        return None
    return day if abs((day - published).days) <= 2 else None

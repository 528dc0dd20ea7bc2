"""Publication dates from the strings sources give us.

Known forms are parsed with explicit patterns so their meaning is certain;
``dateparser`` is only a fallback, configured so it never fills in a missing
day, month or year from "today".  A date is never invented: no date in the
input gives ``None``; a date we cannot trust raises ``DateError`` with a reason.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

__all__ = ["DateError", "ParsedDate", "match_dateline", "parse_date"]

# Dates before this are almost certainly typos or epoch-zero placeholders.
MIN_YEAR = 1800
# Sources in time zones ahead of ours legitimately publish "tomorrow".
FUTURE_TOLERANCE = dt.timedelta(days=1)


class DateError(ValueError):
    """A date string that is present but cannot be trusted; the message says why."""


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    # Only set when the input gave a time *and* a zone; a naive time would
    # force us to guess the zone.
    moment: dt.datetime | None = None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?)"
)
# "(UTC+04:00)", "UTC+4", "GMT", "+0400": the offset is the local time's
# offset from UTC, as in ISO 8601 (dateutil's fuzzy parser reads it inverted).
_ZONE = (
    r"(?:\s*\(?\s*(?:(?P<utc>UTC|GMT|Z)\s*)?"
    r"(?P<offset>[+\-−]\d{1,2}(?::?\d{2})?)?\s*\)?)"
)
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"
    rf"(?:{_TIME}{_ZONE}?)?",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"(?:{_TIME}{_ZONE}?)?",
    re.IGNORECASE,
)
_RFC2822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun),\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+"
    r"\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|[a-z]{1,5})",
    re.IGNORECASE,
)
_HAS_TIME = re.compile(r"\b\d{1,2}(?::|h)\d{2}\b|\d\s*[ap]\.?m\b", re.IGNORECASE)


def parse_date(value: object, *, now: dt.datetime | None = None) -> ParsedDate | None:
    """Parse one date string; ``None`` if there is no date at all.

    Raises ``DateError`` for a string that is not a date we recognise, an
    impossible calendar date, a year before 1800 or a date in the future.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise DateError(f"expected a date string, got {type(value).__name__}")
    text = " ".join(value.split())
    if not text:
        return None
    parsed = _parse_known(text, full=True)
    if parsed is None:
        parsed = _parse_fallback(text)
    if parsed is None:
        raise DateError(f"unrecognised date {text!r}")
    return _checked(parsed, text, now)


def match_dateline(line: str, *, now: dt.datetime | None = None) -> tuple[ParsedDate, str] | None:
    """Match a dateline at the start of ``line``; return it and the rest of the line.

    Only the explicit forms are tried: a prose sentence that happens to
    mention a date must not be taken for a dateline by a fuzzy parser.
    """
    text = line.strip()
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match is None:
            continue
        rest = text[match.end() :]
        # "29 April 2025 was a Tuesday" is prose, not a dateline.
        if rest and not re.match(r"\s*(?:$|[|,;–—-]\s|By\s)", rest):
            return None
        parsed = _from_match(match, match.group(0))
        return _checked(parsed, match.group(0), now), rest.lstrip(" |,;–—-")
    return None


def _parse_known(text: str, *, full: bool) -> ParsedDate | None:
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(text) if full else pattern.match(text)
        if match:
            return _from_match(match, text)
    if _RFC2822.fullmatch(text):
        return _from_rfc2822(text)
    return None


def _from_match(match: re.Match[str], text: str) -> ParsedDate:
    parts = match.groupdict()
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    day = _valid_date(int(parts["year"]), month, int(parts["day"]), text)
    if parts.get("hour") is None:
        return ParsedDate(day)
    hour, minute, second = int(parts["hour"]), int(parts["minute"]), int(parts["second"] or 0)
    ampm = (parts.get("ampm") or "").lower()
    if ampm and not 1 <= hour <= 12:
        raise DateError(f"impossible time in {text!r}")
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"impossible time in {text!r}")
    zone = _zone(parts)
    if zone is None:
        return ParsedDate(day)
    return ParsedDate(day, dt.datetime.combine(day, dt.time(hour, minute, second), zone))


def _zone(parts: dict[str, str | None]) -> dt.tzinfo | None:
    offset = parts.get("zone") or parts.get("offset")
    if offset is None:
        return dt.UTC if parts.get("utc") else None
    if offset.upper() == "Z":
        return dt.UTC
    sign = -1 if offset[0] in "-−" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 14 or minutes > 59:
        raise DateError(f"impossible UTC offset {offset!r}")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _valid_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            f"impossible date {text!r} ({year:04d}-{month:02d}-{day:02d} does not exist)"
        ) from None


def _from_rfc2822(text: str) -> ParsedDate:
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError) as error:
        raise DateError(f"impossible date {text!r} ({error})") from None
    if moment.tzinfo is None:
        # RFC 2822's "-0000" means "zone unknown": keep the date only.
        return ParsedDate(moment.date())
    return ParsedDate(moment.date(), moment)


def _parse_fallback(text: str) -> ParsedDate | None:
    import dateparser  # slow to import; most inputs never get here

    settings = {
        # Relative forms ("yesterday") and bare numbers (timestamps) would be
        # resolved against the moment of ingest, i.e. invented.
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
    }
    try:
        result = dateparser.parse(text, settings=settings)
        if result is None:
            # Say why when the string is a date, only an incomplete one.
            settings.pop("REQUIRE_PARTS")
            if dateparser.parse(text, settings=settings) is not None:
                raise DateError(f"incomplete date {text!r}: day, month and year are all required")
    except DateError:
        raise
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if result is None:
        return None
    day = result.date()
    offset = result.utcoffset()
    if offset is None or not _HAS_TIME.search(text):
        return ParsedDate(day)
    return ParsedDate(day, result.replace(tzinfo=dt.timezone(offset)))


def _checked(parsed: ParsedDate, text: str, now: dt.datetime | None) -> ParsedDate:
    if parsed.date.year < MIN_YEAR:
        raise DateError(f"implausible date {text!r}: year {parsed.date.year} is before {MIN_YEAR}")
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    limit = now + FUTURE_TOLERANCE
    moment_late = parsed.moment is not None and parsed.moment > limit
    if moment_late or parsed.date > limit.date():
        raise DateError(f"date {text!r} is in the future (now is {now:%Y-%m-%d %H:%M %Z})")
    return parsed

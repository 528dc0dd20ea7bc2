"""The first publisher of a group of copies, or the honest doubt about it.

A time of publication is known exactly (``published_at``), to the day (a date
in the outlet's own time zone, which may be anywhere from UTC-12 to UTC+14), or
not at all. The first publisher is certain when its copy was out before any
other could have been; otherwise the likeliest is named with the doubt: a tie
(the same moment) or times not known precisely enough.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# A calendar day somewhere on Earth: from 00:00 at UTC+14 to 24:00 at UTC-12.
_DAY_STARTS = dt.timedelta(hours=-14)
_DAY_ENDS = dt.timedelta(hours=36)
_NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)
_EVER = dt.datetime.min.replace(tzinfo=dt.UTC)

TIE = "tie"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Published:
    key: int  # the article's
    date: dt.date | None
    moment: dt.datetime | None  # aware

    def bounds(self) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
        """(earliest, likeliest, latest) moment it can have come out."""
        if self.moment is not None:
            return self.moment, self.moment, self.moment
        if self.date is not None:
            midnight = dt.datetime.combine(self.date, dt.time(), tzinfo=dt.UTC)
            noon = midnight + dt.timedelta(hours=12)
            return midnight + _DAY_STARTS, noon, midnight + _DAY_ENDS
        return _EVER, _NEVER, _NEVER


def first_publisher(copies: list[Published]) -> tuple[int | None, str]:
    """(the key of the first-published copy, "" or why it is in doubt)."""
    if not copies:
        return None, ""
    ordered = sorted(copies, key=lambda copy: (copy.bounds()[1], copy.key))
    first, rest = ordered[0], ordered[1:]
    if not rest:
        return first.key, ""
    if first.moment is not None and any(copy.moment == first.moment for copy in rest):
        return first.key, TIE
    if all(first.bounds()[2] < copy.bounds()[0] for copy in rest):
        return first.key, ""
    return first.key, UNKNOWN

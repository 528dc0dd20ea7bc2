"""Outlets' home time zones, for feeds that stamp their times in UTC.

The State Department's feed stamps a release published at 9 p.m. in Washington as
01:00 the next day, UTC. The release's own page dates it in Washington, and "today"
in its text is the Washington day, so that is the day the archive files it under.
A time given with the outlet's own offset is kept as given; only a UTC stamp from
a host listed in ``fixtures/reference/home_time_zones.json`` is read in the host's
zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.extraction.checks import ReferenceDataError
from archive.extraction.reference import DEFAULT_REFERENCE_DIR

HOME_TIME_ZONES_FILE = "home_time_zones.json"


def load_home_zones(path: str | Path | None = None) -> dict[str, ZoneInfo]:
    """Hosts and their zones (``state.gov`` → America/New_York), checked on load.

    The file is a JSON array of ``{"host": …, "time_zone": …, "why": …}``; a host
    given twice, a host with a scheme or path, or a zone the time-zone database
    does not know is an error naming the file and the entry.
    """
    path = Path(path) if path else DEFAULT_REFERENCE_DIR / HOME_TIME_ZONES_FILE
    zones: dict[str, ZoneInfo] = {}
    problems = []
    for i, record in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        host, name = str(record.get("host", "")).lower(), record.get("time_zone", "")
        where = f"{path}: entry {i} ({host!r})"
        if not host or "/" in host or ":" in host or "." not in host:
            problems.append(f"{where}: expected a host name such as 'state.gov'")
            continue
        if host in zones:
            problems.append(f"{where}: host given twice")
            continue
        try:
            zones[host] = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"{where}: unknown time zone {name!r}")
    if problems:
        raise ReferenceDataError("\n".join(problems))
    return zones


@functools.cache
def _home_zones() -> dict[str, ZoneInfo]:
    return load_home_zones()


def home_zone(url: str, zones: dict[str, ZoneInfo] | None = None) -> ZoneInfo | None:
    """The home zone of the outlet at ``url``: its host or a parent domain listed."""
    zones = _home_zones() if zones is None else zones
    host = (urlsplit(url.strip()).hostname or "").lower()
    while host:
        if host in zones:
            return zones[host]
        host = host.partition(".")[2]
    return None


def local_moment(moment: dt.datetime, url: str) -> dt.datetime:
    """``moment`` as the outlet's clock showed it: in its home zone when the stamp
    is UTC and the outlet has one, else unchanged."""
    if moment.utcoffset() != dt.timedelta(0):
        return moment
    zone = home_zone(url)
    return moment.astimezone(zone) if zone is not None else moment


def outlet_day(moment: dt.datetime, url: str, given: dt.date | None) -> tuple[dt.date | None, int]:
    """The article's date and its outlet's offset from UTC in minutes, from a stamp
    with a zone: the day on the outlet's clock, unless ``given`` is a date the
    record gave apart from the stamp (not the stamp's own day)."""
    local = local_moment(moment, url)
    offset = int(local.utcoffset().total_seconds() // 60)
    day = local.date() if given in (None, moment.date()) else given
    return day, offset

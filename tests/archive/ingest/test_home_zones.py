"""Outlets' home time zones: a UTC stamp from a listed host is read on the outlet's clock."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from archive.extraction.checks import ReferenceDataError
from archive.ingest.home_zones import home_zone, load_home_zones, local_moment

UTC = dt.UTC


def test_the_shipped_list_loads_and_knows_the_state_department():
    zones = load_home_zones()
    assert str(zones["state.gov"]) == "America/New_York"


@pytest.mark.parametrize(
    ("url", "zone"),
    [
        ("https://www.state.gov/secretary-blinkens-call/", "America/New_York"),
        ("https://STATE.GOV/x", "America/New_York"),
        ("https://home.treasury.gov/news/press-releases/jy0001", "America/New_York"),
        ("https://example.org/state.gov/", None),
        ("https://notstate.gov/x", None),
        ("", None),
    ],
)
def test_a_host_or_a_parent_domain_listed_has_its_zone(url, zone):
    found = home_zone(url)
    assert (str(found) if found else None) == zone


def test_a_utc_stamp_from_washington_is_the_washington_day():
    evening = local_moment(dt.datetime(2021, 5, 21, 1, 10, tzinfo=UTC), "https://www.state.gov/a/")
    assert (evening.date(), evening.utcoffset()) == (dt.date(2021, 5, 20), dt.timedelta(hours=-4))
    winter = local_moment(dt.datetime(2022, 1, 4, 3, 0, tzinfo=UTC), "https://www.state.gov/b/")
    assert (winter.date(), winter.utcoffset()) == (dt.date(2022, 1, 3), dt.timedelta(hours=-5))


def test_an_outlets_own_offset_and_an_unlisted_host_are_kept():
    baku = dt.datetime(2021, 4, 6, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    assert local_moment(baku, "https://www.state.gov/a/") is baku
    utc = dt.datetime(2021, 5, 21, 1, 10, tzinfo=UTC)
    assert local_moment(utc, "https://example.org/a/") is utc


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"host": "https://state.gov/", "time_zone": "America/New_York"}, "expected a host"),
        ({"host": "state.gov", "time_zone": "America/Washington"}, "unknown time zone"),
        ({"host": "example.org", "time_zone": "Europe/Paris"}, "host given twice"),
    ],
)
def test_a_bad_entry_is_named_with_its_file_and_place(tmp_path, entry, problem):
    path = tmp_path / "zones.json"
    path.write_text(json.dumps([{"host": "example.org", "time_zone": "UTC"}, entry]))
    with pytest.raises(ReferenceDataError) as raised:
        load_home_zones(path)
    assert f"{path}: entry 1" in str(raised.value) and problem in str(raised.value)

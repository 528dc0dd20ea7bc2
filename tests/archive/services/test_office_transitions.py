"""Office-holder timelines built from the 1,803 State Department releases (May 2021 -
June 2022), checked against the real changes of office in that period."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from archive.models import Office
from conftest import ROOT, read_after_ingest

RELEASES = (
    ROOT.parent
    / "shared/data/state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz"
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not RELEASES.exists(), reason="the shared State Department releases"),
]


@pytest.fixture(scope="module")
def timelines(django_db_setup, django_db_blocker, tmp_path_factory):
    """Each office's tenures, by (title, owner)."""

    def read():
        return {
            (office.title, office.owner.name): [
                Held(t.person.name, t.start, t.end, t.first_seen, t.last_seen, t.source)
                for t in office.tenures.select_related("person").order_by("start", "first_seen")
                if not t.rejected
            ]
            for office in Office.objects.select_related("country", "organisation")
        }

    return read_after_ingest(django_db_blocker, tmp_path_factory.mktemp("whoosh"), [RELEASES], read)


class Held(NamedTuple):
    name: str
    start: dt.date | None
    end: dt.date | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    source: str


def _holder(tenures, day: dt.date) -> set[str]:
    return {
        t.name
        for t in tenures
        if (t.start or t.first_seen) is not None
        and (t.start or t.first_seen) <= day
        and (t.end is None or day < t.end)
    }


def _near(day: dt.date | None, expected: dt.date, days: int) -> bool:
    return day is not None and abs((day - expected).days) <= days


@pytest.mark.parametrize(
    ("office", "before", "after", "change"),
    [
        (
            ("Prime Minister", "Israel"),
            "Benjamin Netanyahu",
            "Naftali Bennett",
            dt.date(2021, 6, 13),
        ),
        (("Prime Minister", "Japan"), "Yoshihide Suga", "Fumio Kishida", dt.date(2021, 10, 4)),
        (
            ("Foreign Minister", "Japan"),
            "Toshimitsu Motegi",
            "Yoshimasa Hayashi",
            dt.date(2021, 11, 10),
        ),
        (("Foreign Minister", "Germany"), "Heiko Maas", "Annalena Baerbock", dt.date(2021, 12, 8)),
        (
            ("Foreign Minister", "United Kingdom"),
            "Dominic Raab",
            "Elizabeth Truss",
            dt.date(2021, 9, 15),
        ),
    ],
)
def test_a_change_of_holder_is_seen_near_the_real_date(timelines, office, before, after, change):
    tenures = timelines.get(office)
    assert tenures, f"no office {office}: {sorted(k for k in timelines if k[0] == office[0])}"
    # By surname: the reference data spells some given names several ways.
    predecessor = max(_all(tenures, before), key=lambda t: _begin(t) < change)
    successor = min(_all(tenures, after), key=lambda t: abs((_begin(t) - change).days))
    # The change is dated as closely as the texts allow: between the last
    # release showing the predecessor in office and the first showing the
    # successor, or at the reference data's date.
    for boundary in (predecessor.end, successor.start or successor.first_seen):
        assert boundary is not None, tenures
        assert _near(boundary, change, days=3) or (
            predecessor.last_seen is not None
            and predecessor.last_seen <= boundary <= successor.first_seen
        ), tenures
    assert {_surname(n) for n in _holder(tenures, change - dt.timedelta(days=60))} <= {
        _surname(before)
    }
    assert {_surname(n) for n in _holder(tenures, successor.first_seen)} == {_surname(after)}


def _surname(name: str) -> str:
    return max(name.split(), key=lambda w: (w in _SURNAMES, 0))


_SURNAMES = {"Netanyahu", "Bennett", "Suga", "Kishida", "Motegi", "Hayashi", "Maas", "Baerbock"}
_SURNAMES |= {"Raab", "Truss", "Lapid"}


def _all(tenures, name: str) -> list[Held]:
    # Japanese names are written in both orders.
    found = [t for t in tenures if _surname(name) in t.name.split()]
    assert found, (name, tenures)
    return found


def _begin(t: Held) -> dt.date:
    return t.start or t.first_seen or dt.date.max


def test_lapid_is_foreign_minister_and_alternate_prime_minister_not_prime_minister(timelines):
    prime = {_surname(t.name) for t in timelines.get(("Prime Minister", "Israel"), [])}
    foreign = {_surname(t.name) for t in timelines.get(("Foreign Minister", "Israel"), [])}
    assert "Lapid" in foreign
    assert "Lapid" not in prime


def test_the_us_secretary_of_state_is_dated_by_history_state_gov(timelines):
    tenures = timelines[("Secretary of State", "United States")]
    blinken = [t for t in tenures if t.name == "Antony J. Blinken"]
    assert [(t.start, t.end, t.source) for t in blinken] == [
        (dt.date(2021, 1, 26), dt.date(2025, 1, 20), "reference")
    ], blinken
    assert blinken[0].first_seen is not None  # the articles' evidence counted on it

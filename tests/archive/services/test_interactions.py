"""One record per encounter across the archive, planned becoming held, editors' word."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from archive.extraction.types import ExtractedEntity
from archive.models import Article, Interaction
from archive.services.interactions import merge_interactions
from archive.services.linking import link_entities

pytestmark = pytest.mark.django_db

_count = 0
D = dt.date


def report(day: dt.date, body: str, title: str = "News") -> Article:
    """An article of ``day`` whose findings are Blinken, Kuleba and Lebedev."""
    global _count
    _count += 1
    article = Article.objects.create(
        title=title, slug=f"a-{_count}", body=body, content_hash=str(_count), published=day
    )
    found = [
        ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
        ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
        ExtractedEntity(kind="person", name="Anna Lebedev", aliases={"Lebedev"}, count=1),
        ExtractedEntity(kind="place", name="Vienna", aliases={"Vienna"}, count=1),
    ]
    link_entities(article, found)
    return article


def records() -> list[tuple]:
    return sorted(
        (
            r.kind,
            r.status,
            r.date,
            tuple(sorted(p.entity.name for p in r.participants.all())),
            r.sources.count(),
        )
        for r in Interaction.objects.all()
    )


PAIR = ("Antony J. Blinken", "Dmytro Kuleba")


def test_one_meeting_reported_twice_is_one_record_with_two_sources():
    report(D(2022, 3, 1), "Secretary Blinken met today with Foreign Minister Kuleba in Vienna.")
    report(D(2022, 3, 1), "Secretary Blinken met with Kuleba on Tuesday in Vienna.")
    assert records() == [("meeting", "held", D(2022, 3, 1), PAIR, 2)]
    assert Interaction.objects.get().place.name == "Vienna"


def test_a_planned_meeting_becomes_held_when_reported_held():
    report(D(2022, 2, 25), "Secretary Blinken will meet with Foreign Minister Kuleba.")
    assert records() == [("meeting", "planned", None, PAIR, 1)]
    report(D(2022, 3, 1), "Secretary Blinken met today with Foreign Minister Kuleba.")
    assert records() == [("meeting", "held", D(2022, 3, 1), PAIR, 2)]


def test_undated_plans_announced_weeks_apart_are_two_encounters():
    # Each announcement is dated by its article, not the record's first by itself.
    report(D(2022, 2, 7), "Secretary Blinken will meet with Foreign Minister Kuleba.")
    report(D(2022, 3, 30), "Secretary Blinken will meet with Foreign Minister Kuleba.")
    assert records() == [("meeting", "planned", None, PAIR, 1)] * 2
    # A few days apart they are one plan, and a plan is no meeting held before it.
    report(D(2022, 4, 2), "Secretary Blinken will meet with Foreign Minister Kuleba.")
    assert sorted(r[4] for r in records()) == [1, 2]
    report(D(2022, 5, 20), "Secretary Blinken met today with Foreign Minister Kuleba.")
    report(D(2022, 5, 25), "Secretary Blinken will meet with Foreign Minister Kuleba.")
    assert [r[:3] for r in records()] == [
        ("meeting", "held", D(2022, 5, 20)),
        ("meeting", "planned", None),
        ("meeting", "planned", None),
        ("meeting", "planned", None),
    ]


def test_calls_between_the_same_two_on_different_days_stay_apart():
    report(D(2022, 3, 1), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    report(D(2022, 3, 8), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    assert [r[2] for r in records()] == [D(2022, 3, 1), D(2022, 3, 8)]


def test_a_report_dated_only_by_its_day_is_no_later_encounter():
    # A readout's title alone ("reported": on or before its day) is not the call
    # another readout dates three days later.
    title = "Secretary Blinken’s Call with Foreign Minister Kuleba"
    report(D(2022, 3, 1), "Text.", title=title)
    report(D(2022, 3, 4), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    assert [r[2] for r in records()] == [D(2022, 3, 1), D(2022, 3, 4)]
    # The day before it, or (time zones) the day after, may be the one it reported.
    report(D(2022, 3, 9), "Text.", title=title)
    report(D(2022, 3, 10), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    assert [r[2] for r in records()] == [D(2022, 3, 1), D(2022, 3, 4), D(2022, 3, 10)]


def test_different_counterparts_on_one_day_are_different_meetings():
    report(D(2022, 3, 1), "Secretary Blinken met today with Foreign Minister Kuleba.")
    report(D(2022, 3, 1), "Secretary Blinken met today with Anna Lebedev.")
    assert len(records()) == 2


def test_reingesting_an_article_leaves_one_source_not_two():
    article = report(D(2022, 3, 1), "Secretary Blinken spoke today with Kuleba.")
    link_entities(
        article,
        [
            ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
        ],
    )
    assert records() == [("call", "held", D(2022, 3, 1), PAIR, 1)]


def test_an_editors_record_survives_reextract_and_a_rejected_one_is_not_made_again():
    report(D(2022, 3, 1), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    report(D(2022, 3, 2), "Secretary Blinken met today with Foreign Minister Kuleba.")
    call = Interaction.objects.get(kind="call")
    call.date, call.edited = D(2022, 2, 28), True
    call.save()
    meeting = Interaction.objects.get(kind="meeting")
    meeting.rejected = True
    meeting.save()
    call_command("reextract", stdout=StringIO(), stderr=StringIO())
    assert Interaction.objects.get(kind="call").date == D(2022, 2, 28)
    assert list(Interaction.objects.filter(kind="meeting").values_list("rejected", flat=True)) == [
        True
    ]


def test_merging_moves_sources_and_participants_to_the_survivor():
    report(D(2022, 3, 1), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    report(D(2022, 3, 5), "Secretary Blinken spoke today with Anna Lebedev.")
    first, second = Interaction.objects.order_by("pk")
    merge_interactions(survivor=first, others=[second])
    (merged,) = Interaction.objects.all()
    assert merged.edited and merged.sources.count() == 2
    assert {p.entity.name for p in merged.participants.all()} == {
        "Antony J. Blinken",
        "Dmytro Kuleba",
        "Anna Lebedev",
    }


def test_merging_two_people_keeps_their_encounters_on_the_survivor():
    report(D(2022, 3, 1), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    report(D(2022, 3, 5), "Secretary Blinken spoke today with Anna Lebedev.")
    from archive.models import Person
    from archive.services.editing import merge_entities

    kuleba, lebedev = (
        Person.objects.get(name="Dmytro Kuleba"),
        Person.objects.get(name="Anna Lebedev"),
    )
    merge_entities(survivor=kuleba, others=[lebedev])
    assert [
        tuple(sorted(p.entity.name for p in r.participants.all()))
        for r in Interaction.objects.order_by("date")
    ] == [PAIR, PAIR]


def test_the_secretary_is_the_one_person_the_article_gives_that_title():
    article = Article.objects.create(
        title="Travel", slug="travel", body="", content_hash="travel", published=D(2022, 3, 1)
    )
    article.body = (
        "Secretary of State Antony J. Blinken will travel to Vienna. The Secretary will also "
        "meet with Foreign Minister Kuleba. In Vienna, he will meet with Anna Lebedev."
    )
    article.save()
    link_entities(
        article,
        [
            ExtractedEntity(
                kind="person",
                name="Antony J. Blinken",
                aliases={"Blinken"},
                count=1,
                roles=["Secretary of State"],
            ),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
            ExtractedEntity(kind="person", name="Anna Lebedev", aliases={"Lebedev"}, count=1),
            ExtractedEntity(kind="place", name="Vienna", aliases={"Vienna"}, count=1),
        ],
    )
    # "he" is the Secretary, not Kuleba: two meetings, each with Blinken.
    assert [r[3] for r in records() if r[0] == "meeting"] == [
        ("Anna Lebedev", "Antony J. Blinken"),
        PAIR,
    ]


def test_a_plan_reissued_after_the_meeting_does_not_redate_it():
    # The plan's day is the first of a range ("from March 3 to 4"); the readout, titled
    # only, dates the meeting on or before its own day.
    plan = "Secretary Blinken will meet with Foreign Minister Kuleba from March 3 to 4."
    report(D(2022, 3, 1), plan)
    report(D(2022, 3, 4), "Text.", title="Secretary Blinken’s Meeting with Foreign Minister Kuleba")
    report(D(2022, 3, 5), plan)
    assert records() == [("meeting", "held", D(2022, 3, 4), PAIR, 3)]


def test_the_same_two_meeting_in_two_cities_on_one_day_are_two_meetings():
    from archive.models import Place

    report(D(2022, 3, 1), "Secretary Blinken met today with Foreign Minister Kuleba in Vienna.")
    article = Article.objects.create(
        title="News", slug="graz", body="", content_hash="graz", published=D(2022, 3, 1)
    )
    article.body = "Secretary Blinken met today with Foreign Minister Kuleba in Graz."
    article.save()
    link_entities(
        article,
        [
            ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
            ExtractedEntity(kind="place", name="Graz", aliases={"Graz"}, count=1),
        ],
    )
    assert [r.place.name for r in Interaction.objects.order_by("pk")] == ["Vienna", "Graz"]
    # In a city and in its country: one meeting.
    austria = Place.objects.create(name="Austria", kind="country")
    Place.objects.filter(name="Vienna").update(country=austria)
    third = Article.objects.create(
        title="News", slug="austria", body="", content_hash="austria", published=D(2022, 3, 1)
    )
    third.body = "Secretary Blinken met today with Foreign Minister Kuleba in Austria."
    third.save()
    link_entities(
        third,
        [
            ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
            ExtractedEntity(kind="place", name="Austria", aliases={"Austria"}, count=1),
        ],
    )
    assert Interaction.objects.count() == 2

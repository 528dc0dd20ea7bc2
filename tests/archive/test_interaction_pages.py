"""/interactions/, "Met with" and travels on entity pages, encounters on the article
page, and export_interactions."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.extraction.types import ExtractedEntity
from archive.models import Article, Person, Place
from archive.services.linking import link_entities

pytestmark = pytest.mark.django_db

D = dt.date


def report(n: int, day: dt.date, body: str) -> Article:
    article = Article.objects.create(
        title=f"Article {n}",
        slug=f"article-{n}",
        body=body,
        content_hash=str(n),
        published=day,
        url=f"https://example.org/{n}",
        source_file=f"file-{n}.txt",
    )
    link_entities(
        article,
        [
            ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
            ExtractedEntity(kind="place", name="Vienna", aliases={"Vienna"}, count=1),
        ],
    )
    return article


@pytest.fixture
def archive():
    call = report(1, D(2022, 3, 1), "Secretary Blinken spoke today with Foreign Minister Kuleba.")
    report(2, D(2022, 3, 8), "Secretary Blinken met today with Kuleba in Vienna.")
    report(3, D(2022, 3, 7), "Secretary Blinken traveled to Vienna on Monday.")
    return call


def test_the_list_shows_encounters_newest_first_with_their_sources(client, archive):
    page = client.get("/interactions/").content.decode()
    assert page.index("8 Mar 2022") < page.index("1 Mar 2022")
    assert "Secretary Blinken spoke today with Foreign Minister Kuleba." in page


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("kind=call", 1),
        ("participant=dmytro-kuleba", 2),
        ("participant=antony-j-blinken&with=dmytro-kuleba", 2),
        ("kind=visit&country=vienna", 1),
        ("from=2022-03-05&to=2022-03-31", 2),
        ("status=planned", 0),
    ],
)
def test_the_list_filters(client, archive, query, count):
    page = client.get(f"/interactions/?{query}").content.decode()
    assert f"{count} encounter" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("participant=nobody", "no person or organisation"),
        ("kind=dinner", "is none of"),
        ("from=March", "is no date"),
        ("country=atlantis", "no place"),
    ],
)
def test_bad_filters_are_named_not_obeyed_and_never_500(client, archive, query, message):
    response = client.get(f"/interactions/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_persons_page_shows_who_they_met_a_network_and_travels(client, archive):
    page = client.get(Person.objects.get(name="Antony J. Blinken").get_absolute_url())
    html = page.content.decode()
    assert "Met with" in html and "Dmytro Kuleba" in html
    assert "<svg" in html and "Travels" in html and "7 Mar 2022" in html


def test_a_joint_statement_is_no_meeting_on_the_met_with_list(client, archive):
    from archive.interaction_selectors import met_with
    from archive.models import Interaction, Organisation

    blinken = Person.objects.get(name="Antony J. Blinken")
    nato = Organisation.objects.create(name="Zanzibar Maritime Council", slug="zmc")
    statement = Interaction.objects.create(kind=Interaction.Kind.JOINT_STATEMENT)
    statement.participants.create(person=blinken)
    statement.participants.create(organisation=nato)
    met = {counterpart.entity.name for counterpart in met_with(blinken)}
    assert "Dmytro Kuleba" in met and nato.name not in met


def test_a_places_page_shows_the_encounters_there(client, archive):
    html = client.get(Place.objects.get(name="Vienna").get_absolute_url()).content.decode()
    assert "Encounters here" in html


def test_the_article_page_shows_the_encounters_it_reports(client, archive):
    html = client.get(archive.get_absolute_url()).content.decode()
    assert "Encounters reported" in html and "Call" in html


def test_export_interactions_writes_one_line_a_record(archive):
    out = StringIO()
    call_command("export_interactions", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    call = next(r for r in records if r["kind"] == "call")
    assert call == {
        "kind": "call",
        "status": "held",
        "date": "2022-03-01",
        "date_precision": "day",
        "place": None,
        "participants": [
            {"name": "Antony J. Blinken", "slug": "antony-j-blinken", "kind": "person", "role": ""},
            {"name": "Dmytro Kuleba", "slug": "dmytro-kuleba", "kind": "person", "role": ""},
        ],
        "host": None,
        "sources": [
            {
                "path": "file-1.txt",
                "url": "https://example.org/1",
                "sentence": "Secretary Blinken spoke today with Foreign Minister Kuleba.",
            }
        ],
    }
    assert len(records) == 3


def test_a_joint_statement_is_a_kind_of_its_own_everywhere(client, archive, django_user_model):
    statement = Article.objects.create(
        title="Joint Statement by Secretary Blinken and Foreign Minister Kuleba on Vienna",
        slug="joint",
        body="Office of the Spokesperson\n\nBegin text:\n\nWe stand together.",
        content_hash="joint",
        published=D(2022, 3, 9),
        source_file="joint.txt",
    )
    link_entities(
        statement,
        [
            ExtractedEntity(kind="person", name="Antony J. Blinken", aliases={"Blinken"}, count=1),
            ExtractedEntity(kind="person", name="Dmytro Kuleba", aliases={"Kuleba"}, count=1),
        ],
    )
    page = client.get("/interactions/?kind=joint+statement").content.decode()
    assert "1 encounter" in page and "Joint statement" in page
    out = StringIO()
    call_command("export_interactions", stdout=out)
    (joint,) = [
        r for r in map(json.loads, out.getvalue().splitlines()) if r["kind"] == "joint statement"
    ]
    assert [p["name"] for p in joint["participants"]] == ["Antony J. Blinken", "Dmytro Kuleba"]
    assert (joint["date"], joint["status"]) == ("2022-03-09", "held")
    client.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    listing = client.get("/admin/archive/interaction/?kind__exact=joint+statement")
    assert listing.status_code == 200 and "Joint statement" in listing.content.decode()


def test_the_filters_cache_key_has_no_character_memcached_refuses(archive):
    from archive.interaction_selectors import InteractionFilters

    key = InteractionFilters(kind="joint statement", since=D(2022, 3, 1)).key()
    assert key == "kind=joint%20statement&since=2022-03-01"
    assert not any(ch.isspace() or ord(ch) < 33 for ch in key)

"""The office pages, the offices on person, country and organisation pages, the
inferred links on the article page, and export_offices."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.extraction.types import ExtractedEntity
from archive.models import Article, Office, Person, Place
from archive.services.linking import link_entities

pytestmark = pytest.mark.django_db

D = dt.date


def said(n: int, day: dt.date, people, body: str = "Text.") -> Article:
    article = Article.objects.create(
        title=f"Article {n}", slug=f"article-{n}", body=body, content_hash=str(n), published=day
    )
    found = [ExtractedEntity(kind="place", name="Israel", aliases={"Israel"}, count=1)]
    found += [
        ExtractedEntity(kind="person", name=name, aliases={name}, count=1, roles=[role])
        for name, role in people
    ]
    link_entities(article, found)
    return article


@pytest.fixture
def archive():
    said(1, D(2021, 5, 1), [("Ada Levi", "Prime Minister of Israel")])
    said(2, D(2021, 7, 1), [("Ben Cohen", "Prime Minister of Israel")])
    return said(3, D(2021, 6, 10), [], body="The Israeli Prime Minister arrived.")


def test_the_office_index_lists_offices_by_country_with_the_holder_of_the_newest_day(
    client, archive
):
    page = client.get("/offices/").content.decode()
    assert "Israel" in page and "Prime Minister" in page
    # The newest article is of 1 July 2021: Ben Cohen held it from then.
    assert "Ben Cohen" in page and "1 July 2021" in page
    assert "Ada Levi" not in page


def test_the_office_page_shows_each_holder_with_dates_and_evidence(client, archive):
    office = Office.objects.get(title="Prime Minister")
    page = client.get(office.get_absolute_url()).content.decode()
    assert page.index("Ben Cohen") < page.index("Ada Levi")  # newest first
    assert "1 Jul 2021" in page
    assert f"/offices/{office.slug}/ada-levi/" in page


def test_a_tenure_page_lists_the_articles_that_show_it(client, archive):
    office = Office.objects.get(title="Prime Minister")
    page = client.get(f"/offices/{office.slug}/ada-levi/").content.decode()
    assert "Article 1" in page and "Article 2" not in page


def test_unknown_offices_and_holders_answer_404(client, archive):
    office = Office.objects.get(title="Prime Minister")
    assert client.get("/offices/no-such-office/").status_code == 404
    assert client.get(f"/offices/{office.slug}/no-such-person/").status_code == 404


def test_a_persons_page_shows_the_offices_held(client, archive):
    page = client.get(Person.objects.get(name="Ada Levi").get_absolute_url()).content.decode()
    assert "Offices held" in page and "Prime Minister, Israel" in page


def test_a_countrys_page_shows_who_holds_its_offices(client, archive):
    page = client.get(Place.objects.get(name="Israel").get_absolute_url()).content.decode()
    assert "Who holds its offices" in page and "Ben Cohen" in page


def test_the_article_page_marks_an_inferred_link_with_its_office(client, archive):
    page = client.get(archive.get_absolute_url()).content.decode()
    assert "Ada Levi" in page
    assert "inferred:" in page and "Prime Minister, Israel" in page


def test_export_offices_writes_one_line_a_tenure(archive, tmp_path):
    out = StringIO()
    call_command("export_offices", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    ada = next(r for r in records if r["holder"]["name"] == "Ada Levi")
    assert ada == {
        "office": "Prime Minister",
        "of": {"name": "Israel", "slug": "israel", "kind": "place"},
        "holder": {"name": "Ada Levi", "slug": "ada-levi"},
        "start": None,
        "end": "2021-07-01",
        "first_seen": "2021-05-01",
        "last_seen": "2021-05-01",
        "evidence": 1,
        "source": "text",
        "qualifier": "",
        "conflict": False,
    }
    path = tmp_path / "offices.jsonl"
    call_command("export_offices", "--output", str(path), stdout=StringIO())
    assert len(path.read_text().splitlines()) == len(records)


def test_export_offices_names_an_unwritable_output(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_offices", "--output", str(tmp_path / "missing" / "x.jsonl"))

"""The entities search documents name, read for a whole batch of articles at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import ENTITY_KINDS, Article, Event, EventMention, Place, PlaceMention
from search.documents import NamedEntity, articles_for_indexing, named_entities
from search.search_indexes import UNKNOWN_DATE, ArticleIndex

from .factories import (
    ArticleFactory,
    OrganisationFactory,
    PersonFactory,
    SourceFactory,
    mention,
)

pytestmark = pytest.mark.django_db


def _archive(articles: int) -> list[Article]:
    blinken = PersonFactory(name="Antony Blinken", slug="antony-blinken")
    blinken.aliases.create(name="Tony Blinken")
    blinken.aliases.create(name="Antony J. Blinken")
    aliyev = PersonFactory(name="Ilham Aliyev", slug="ilham-aliyev")
    oic = OrganisationFactory(name="Organisation of Islamic Cooperation", slug="oic", acronym="OIC")
    made = []
    for number in range(articles):
        article = ArticleFactory()
        for entity in (blinken, aliyev, oic)[number % 2 :]:
            mention(article, entity)
        made.append(article)
    return made


def _as_relations_say(article: Article) -> dict[str, list[NamedEntity]]:
    """What the model relations say the article names, entity by entity."""
    found = {}
    for kind_name, kind in ENTITY_KINDS.items():
        found[kind_name] = [
            NamedEntity(
                entity.slug,
                (
                    entity.name,
                    *(alias.name for alias in entity.aliases.all()),
                    *([entity.acronym] if getattr(entity, "acronym", "") else []),
                ),
            )
            for entity in getattr(article, kind.plural).all()
        ]
    return found


def test_a_batch_of_articles_names_what_their_relations_name():
    made = _archive(4)
    loaded = list(articles_for_indexing().filter(pk__in=[a.pk for a in made]).order_by("pk"))
    assert [a.pk for a in loaded] == [a.pk for a in made]
    for article in loaded:
        assert named_entities(article) == _as_relations_say(article)
    # Aliases in name order, the acronym last; an article without people has none.
    assert named_entities(loaded[0])["person"][0].names == (
        "Antony Blinken",
        "Antony J. Blinken",
        "Tony Blinken",
    )
    assert named_entities(loaded[1])["person"] == [NamedEntity("ilham-aliyev", ("Ilham Aliyev",))]
    assert named_entities(loaded[1])["organisation"][0].names[-1] == "OIC"


def test_a_batch_costs_the_same_queries_whatever_its_size():
    made = _archive(12)

    def queries(count: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            ids = [a.pk for a in made[:count]]
            for article in articles_for_indexing().filter(pk__in=ids):
                ArticleIndex().full_prepare(article)
        return len(captured)

    # The articles, then each kind's mentions and (when there are any) aliases.
    assert queries(2) == queries(12) <= 1 + 2 * len(ENTITY_KINDS)


def test_an_article_read_any_other_way_gets_its_entities_when_asked():
    article = Article.objects.get(pk=_archive(1)[0].pk)
    assert named_entities(article) == _as_relations_say(article)
    document = ArticleIndex().full_prepare(article)
    assert document["person"] == ["antony-blinken", "ilham-aliyev"]
    assert "Tony Blinken" in document["person_names"]


def test_the_document_of_an_article_is_field_for_field_what_it_names():
    article = ArticleFactory(
        title="Talks in Baku",
        body="The ministers met.",
        author="A. Reporter",
        published=dt.date(2021, 5, 3),
        source=SourceFactory(name="Trend", slug="trend"),
    )
    blinken = PersonFactory(name="Antony Blinken", slug="antony-blinken")
    blinken.aliases.create(name="Tony Blinken")
    oic = OrganisationFactory(name="Organisation of Islamic Cooperation", slug="oic", acronym="OIC")
    for entity in (blinken, PersonFactory(name="Ilham Aliyev", slug="ilham-aliyev"), oic):
        mention(article, entity)
    PlaceMention.objects.create(
        article=article, place=Place.objects.create(name="Baku", slug="baku")
    )
    EventMention.objects.create(
        article=article, event=Event.objects.create(name="COP29", slug="cop29")
    )
    article = Article.objects.get(pk=article.pk)
    updated = article.updated.astimezone(dt.UTC).replace(tzinfo=None)
    people = "Antony Blinken\nTony Blinken\nIlham Aliyev"
    organisations = "Organisation of Islamic Cooperation\nOIC"
    entities = {
        "person": ["antony-blinken", "ilham-aliyev"],
        "organisation": ["oic"],
        "place": ["baku"],
        "event": ["cop29"],
    }
    expected = {
        "id": f"archive.article.{article.pk}",
        "django_ct": "archive.article",
        "django_id": str(article.pk),
        "text": "\n".join(
            [
                "Talks in Baku",
                "A. Reporter",
                "Trend",
                "The ministers met.",
                people,
                organisations,
                "Baku",
                "COP29",
            ]
        ),
        "title": "Talks in Baku",
        "body": "The ministers met.",
        "published": dt.date(2021, 5, 3),
        "dated": 1,
        "updated": updated,
        "year": "2021",
        "month": "2021-05",
        "source": "trend",
        **entities,
        "person_names": people,
        "organisation_names": organisations,
        "place_names": "Baku",
        "event_names": "COP29",
        "source_name": "Trend",
        "year_exact": "2021",
        "month_exact": "2021-05",
        "source_exact": "trend",
        **{f"{kind}_exact": slugs for kind, slugs in entities.items()},
        # No encounter reported: nobody met.
        "met": [],
        "met_exact": [],
    }
    document = ArticleIndex().full_prepare(article)
    assert document == expected


def test_the_document_of_an_undated_article_without_entities_or_source():
    article = Article.objects.get(pk=ArticleFactory(title="Note", body="Nothing named.").pk)
    empty = {kind: [] for kind in ("person", "organisation", "place", "event")}
    # Fields declared null=True are left out when empty: published, month, source.
    assert ArticleIndex().full_prepare(article) == {
        "id": f"archive.article.{article.pk}",
        "django_ct": "archive.article",
        "django_id": str(article.pk),
        "text": "Note\nNothing named.",
        "title": "Note",
        "body": "Nothing named.",
        "dated": 0,
        "updated": article.updated.astimezone(dt.UTC).replace(tzinfo=None),
        "year": UNKNOWN_DATE,
        "year_exact": UNKNOWN_DATE,
        **empty,
        **{f"{kind}_exact": [] for kind in empty},
        **{f"{kind}_names": "" for kind in empty},
        "met": [],
        "met_exact": [],
    }

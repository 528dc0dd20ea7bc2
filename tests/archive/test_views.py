"""Every page renders with what a reader expects to find on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from archive.models import Article, Organisation, Person, Place, Source
from tests.search.factories import ArticleFactory, PersonFactory, mention


def test_home_shows_latest_articles_and_top_entities(seeds, client):
    response = client.get(reverse("archive:home"))
    assert response.status_code == 200
    content = response.content.decode()
    for article in Article.objects.exclude(published=None):
        assert article.title in content
    assert "Organisation of Islamic Cooperation" in content


def test_article_list_is_newest_first_with_undated_last(seeds, client):
    response = client.get(reverse("archive:article-list"))
    articles = list(response.context["object_list"])
    dates = [article.published for article in articles]
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)


def test_article_list_paginates(seeds, client, settings):
    response = client.get(reverse("archive:article-list"), {"page": 2})
    assert response.status_code == 404 or len(response.context["object_list"]) <= 20


def test_article_page_shows_text_metadata_and_entities(seeds, client):
    article = seeds["002_a6d354069dc08d8b.txt"]
    response = client.get(article.get_absolute_url())
    content = response.content.decode()
    assert article.title in content
    assert "Laman Ismayilova" in content
    assert "29 April 2025, 17:43 UTC+04:00" in content
    assert "Salim bin Mohammed AlMalik" in content
    assert Organisation.objects.get(acronym="ICESCO").get_absolute_url() in content
    assert content.count("<p>") >= 5


@pytest.mark.parametrize(
    ("offset", "shown"),
    [(0, "12:30 UTC<"), (240, "16:30 UTC+04:00"), (-330, "07:00 UTC-05:30")],
)
def test_article_times_show_the_sources_own_offset(client, db, offset, shown):
    article = ArticleFactory(
        published=dt.date(2025, 4, 29),
        published_at=dt.datetime(2025, 4, 29, 12, 30, tzinfo=dt.UTC),
        published_offset=offset,
    )
    for url in (article.get_absolute_url(), reverse("archive:article-list")):
        content = client.get(url).content.decode()
        assert shown in content
        assert "(UTC" not in content and "+0000" not in content


def test_undated_article_says_so(seeds, client):
    article = seeds["001_7ce36fb11aacb69e.txt"]
    assert "Date unknown" in client.get(article.get_absolute_url()).content.decode()


def test_article_with_an_old_slug_redirects_permanently(seeds, client):
    article = seeds["003_6d2201c64f15c868.txt"]
    response = client.get(reverse("archive:article", kwargs={"pk": article.pk, "slug": "old"}))
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("model", [Person, Organisation, Place])
def test_entity_pages_list_their_articles(seeds, client, model):
    entity = model.objects.filter(mentions__isnull=False).first()
    response = client.get(entity.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert entity.name in content
    for article in entity.articles.all():
        assert article.get_absolute_url() in content


def test_entity_pages_go_page_by_page_through_their_articles(client, db):
    person = PersonFactory(name="Ada Envoy")
    articles = [ArticleFactory(published=dt.date(2024, 1, 1 + n)) for n in range(25)]
    for article in articles:
        mention(article, person)
    url = person.get_absolute_url()
    first = client.get(url).content.decode()
    assert "25 articles" in first and "Page 1 of 2" in first and 'href="?page=2"' in first
    newest_first = articles[::-1]
    assert all(article.get_absolute_url() in first for article in newest_first[:20])
    for page in ("2", "last"):
        last = client.get(url, {"page": page}).content.decode()
        assert "Page 2 of 2" in last
        assert [a for a in articles if a.get_absolute_url() in last] == newest_first[20:][::-1]
    for page in ("3", "0", "-1", "next"):
        assert client.get(url, {"page": page}).status_code == 404, page


def test_person_page_shows_roles_and_aliases(seeds, client):
    person = Person.objects.get(name="Ahmad Kawesa Sengendo")
    content = client.get(person.get_absolute_url()).content.decode()
    assert "Sengendo" in content
    assert "2 articles" in content


def test_source_page_lists_its_articles(seeds, client):
    source = Source.objects.get(name="Azernews")
    content = client.get(source.get_absolute_url()).content.decode()
    assert seeds["002_a6d354069dc08d8b.txt"].title in content


@pytest.mark.parametrize("name", ["person-list", "organisation-list", "place-list", "event-list"])
def test_entity_indexes_filter_by_name(seeds, client, name):
    response = client.get(reverse(f"archive:{name}"))
    assert response.status_code == 200
    everything = list(response.context["entities"])
    assert everything
    first = everything[0]
    filtered = client.get(reverse(f"archive:{name}"), {"name": first.name[:4]})
    assert first in filtered.context["entities"]


def test_entity_index_counts_each_entitys_articles(seeds, client):
    unmentioned = Organisation.objects.create(name="Assembly Never Named", slug="never-named")
    response = client.get(reverse("archive:organisation-list"))
    counts = {entity.pk: entity.article_count for entity in response.context["entities"]}
    assert counts[unmentioned.pk] == 0
    for organisation in Organisation.objects.all():
        assert counts[organisation.pk] == organisation.articles.count(), organisation


def test_home_lists_the_most_mentioned_first(seeds, client):
    top = dict(client.get(reverse("archive:home")).context["top"])
    for kind, entities in top.items():
        counts = [entity.article_count for entity in entities]
        assert counts == sorted(counts, reverse=True)
        best = max(kind.model.objects.all(), key=lambda entity: entity.articles.count())
        assert counts[0] == best.articles.count()


def test_unknown_entity_is_404(client, db):
    assert client.get(reverse("archive:person", kwargs={"slug": "nobody"})).status_code == 404


def test_text_from_articles_is_escaped(ingest, tmp_path, client):
    path = tmp_path / "payload.txt"
    path.write_text(
        "Home / World / <script>alert('x')</script> Summit\n\n"
        "The <img src=x onerror=alert(1)> delegation met in Geneva on Monday.\n",
        encoding="utf-8",
    )
    ingest(path)
    article = Article.objects.get()
    content = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;" in content


def test_article_page_shows_more_like_this(seeds, client):
    article = seeds["000_559ac3be9b7589b6.txt"]
    response = client.get(article.get_absolute_url())
    content = response.content.decode()
    assert "More like this" in content
    related = content[content.index("More like this") :]
    assert seeds["003_6d2201c64f15c868.txt"].get_absolute_url() in related
    assert article.get_absolute_url() not in related

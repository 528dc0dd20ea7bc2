"""Browsing by date and by entity, feeds, the sitemap, and bounded queries."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Article, Organisation, Person, Place
from conftest import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"


def test_home_timeline_has_a_linked_bar_per_month_with_articles(seeds, client):
    content = client.get(reverse("archive:home")).content.decode()
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count("<rect") == 3  # April 2021, April 2025, October 2025
    assert reverse("archive:article-month", kwargs={"year": 2025, "month": 10}) in svg
    assert "October 2025: 1 article" in svg


def test_home_timeline_has_a_year_axis_and_a_table_by_year(seeds, client):
    content = client.get(reverse("archive:home")).content.decode()
    figure = content[content.index('<figure class="timeline">') : content.index("</figure>")]
    axis = figure.split('<svg class="timeline-axis"', 1)[1].split("</svg>", 1)[0]
    # No viewBox: the labels are not stretched with the bars.
    assert 'aria-hidden="true"' in axis and "viewBox" not in axis
    assert re.findall(r">(\d{4})</text>", axis) == ["2021", "2022", "2023", "2024", "2025"]
    table = figure.split('<table class="visually-hidden">', 1)[1].split("</table>", 1)[0]
    assert "<caption>Articles per year</caption>" in table
    rows = re.findall(r'<th scope="row">(\d{4})</th><td>(\d+)</td>', table)
    assert rows == [("2021", "1"), ("2022", "0"), ("2023", "0"), ("2024", "0"), ("2025", "2")]


def test_a_filtered_list_keeps_its_filter_in_the_timeline_links(seeds, client):
    oic = Organisation.objects.get(acronym="OIC")
    content = client.get(reverse("archive:article-list"), {"organisation": oic.slug}).content
    svg = content.decode().split("<svg", 1)[1].split("</svg>", 1)[0]
    month = reverse("archive:article-month", kwargs={"year": 2025, "month": 10})
    assert f'href="{month}?organisation={oic.slug}"' in svg


def test_year_and_month_pages_list_their_articles(seeds, client):
    year = client.get(reverse("archive:article-year", kwargs={"year": 2025}))
    assert {a.source_file for a in year.context["object_list"]} == {
        "000_559ac3be9b7589b6.txt",
        "002_a6d354069dc08d8b.txt",
    }
    month = client.get(reverse("archive:article-month", kwargs={"year": 2025, "month": 4}))
    assert [a.source_file for a in month.context["object_list"]] == ["002_a6d354069dc08d8b.txt"]
    assert "April 2025" in month.content.decode()
    empty = client.get(reverse("archive:article-month", kwargs={"year": 2024, "month": 4}))
    assert empty.status_code == 404


def test_a_month_page_lists_the_months_of_its_year_once_each(seeds, client):
    url = reverse("archive:article-month", kwargs={"year": 2025, "month": 4})
    content = client.get(url).content.decode()
    months = content.split('aria-label="Months of 2025"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r">(\w+)</a>", months) == ["April", "October"]
    assert 'aria-current="page">April<' in months


def test_deep_pages_of_a_list_hold_the_oldest_articles(ingest, client, tmp_path):
    more = tmp_path / "more.jsonl"
    lines = (ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl").read_text().splitlines()
    more.write_text("\n".join(lines[:45]) + "\n")
    ingest(more)
    newest = list(Article.objects.newest_first())
    pages = [
        list(client.get(reverse("archive:article-list"), {"page": n}).context["object_list"])
        for n in (1, 2, 3)
    ]
    assert pages == [newest[:20], newest[20:40], newest[40:]]


def test_article_list_filters_by_entity_and_source(seeds, client):
    icesco = Organisation.objects.get(acronym="ICESCO")
    response = client.get(reverse("archive:article-list"), {"organisation": icesco.slug})
    assert [a.source_file for a in response.context["object_list"]] == ["002_a6d354069dc08d8b.txt"]
    assert "Clear filters" in response.content.decode()
    unknown = client.get(reverse("archive:article-list"), {"person": "nobody-at-all"})
    assert unknown.status_code == 404


def test_article_links_the_first_mention_of_each_entity(seeds, client):
    article = seeds["002_a6d354069dc08d8b.txt"]
    content = client.get(article.get_absolute_url()).content.decode()
    body = content[content.index('<div class="body">') : content.index('<section class="cite"')]
    person = Person.objects.get(name="Salim bin Mohammed AlMalik")
    links = re.findall(rf'<a href="{person.get_absolute_url()}"[^>]*>([^<]+)</a>', body)
    assert links == ["Salim bin Mohammed AlMalik"]
    icesco = Organisation.objects.get(acronym="ICESCO")
    assert body.count(f'href="{icesco.get_absolute_url()}"') == 1


def test_article_offers_a_citation(seeds, client):
    article = seeds["002_a6d354069dc08d8b.txt"]
    content = client.get(article.get_absolute_url()).content.decode()
    assert "Laman Ismayilova, “" in content
    assert "Azernews, 29 April 2025." in content


def test_entity_page_shows_timeline_and_who_appears_with_whom(seeds, client):
    oic = Organisation.objects.get(acronym="OIC")
    response = client.get(oic.get_absolute_url())
    together = {
        kind.name: {entity.name: entity.together for entity in entities}
        for kind, entities in response.context["together"]
    }
    assert together["place"]["Azerbaijan"] == 4
    assert together["person"]["Ahmad Kawesa Sengendo"] == 2
    assert "Organisation of Islamic Cooperation" not in together["organisation"]
    assert "<svg" in response.content.decode()


def test_latest_feed_is_atom_newest_first(seeds, client):
    response = client.get(reverse("archive:feed-latest"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    newest = Article.objects.newest_first()
    assert titles == [article.title for article in newest]


def test_each_entity_has_a_feed(seeds, client):
    place = Place.objects.get(name="Baku")
    response = client.get(reverse("archive:place-feed", kwargs={"slug": place.slug}))
    feed = ET.fromstring(response.content)
    assert len(list(feed.iter(f"{ATOM}entry"))) == place.articles.count()
    assert client.get(place.get_absolute_url()).content.decode().count("Atom feed") == 1


def test_sitemap_lists_articles_and_entities(seeds, client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    articles = client.get("/sitemap-articles.xml").content.decode()
    for article in Article.objects.all():
        assert article.get_absolute_url() in articles
    assert (
        Person.objects.first().get_absolute_url()
        in client.get("/sitemap-persons.xml").content.decode()
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_pages_run_the_same_number_of_queries_as_the_archive_grows(seeds, ingest, client, tmp_path):
    oic = Organisation.objects.get(acronym="OIC")
    urls = [
        reverse("archive:home"),
        reverse("archive:article-list"),
        seeds["001_7ce36fb11aacb69e.txt"].get_absolute_url(),
        oic.get_absolute_url(),
        reverse("archive:person-list"),
        reverse("archive:article-year", kwargs={"year": 2021}),
        reverse("archive:feed-latest"),
    ]
    small = [_queries(client, url) for url in urls]
    more = tmp_path / "more.jsonl"
    lines = (ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl").read_text().splitlines()
    more.write_text("\n".join(lines[:40]) + "\n")
    ingest(more)
    assert Article.objects.count() == 44
    assert [_queries(client, url) for url in urls] == small


def test_entity_index_goes_a_to_z_by_initial(seeds, client):
    response = client.get(reverse("archive:place-list"), {"letter": "b"})
    names = [entity.name for entity in response.context["entities"]]
    assert "Baku" in names
    assert all(name.upper().startswith("B") for name in names)
    assert 'aria-current="page">B<' in response.content.decode()

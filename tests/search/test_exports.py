"""The search as JSON, CSV and Atom, and the entity autocomplete."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from django.urls import reverse

from search.exports import safe_cell
from tests.search.factories import ArticleFactory
from tests.search.helpers import SEARCH, in_order

EXPORT_JSON = reverse("search:export-json")
EXPORT_CSV = reverse("search:export-csv")
FEED = reverse("search:feed")
ATOM = "{http://www.w3.org/2005/Atom}"


def _json(response) -> dict:
    return json.loads(b"".join(response.streaming_content))


def test_json_export_agrees_with_the_search_page(seeds, client):
    params = {"q": "OIC", "selected_facets": "year:2025", "sort": "newest"}
    page = client.get(SEARCH, params)
    data = _json(client.get(EXPORT_JSON, params))
    assert data["count"] == page.context["total"] == 2
    assert [row["path"] for row in data["results"]] == [
        row["article"].get_absolute_url() for row in page.context["results"]
    ]
    assert data["facets"] == {
        facet.field: [{"value": r.value, "label": r.label, "count": r.count} for r in facet.rows]
        for facet in page.context["facets"]
    }


def test_json_export_rows_carry_the_article_and_its_entities(seeds, client):
    data = _json(client.get(EXPORT_JSON, {"q": "ICESCO"}))
    [row] = data["results"]
    assert set(row) == {
        "title",
        "path",
        "url",
        "published",
        "source",
        "author",
        "persons",
        "organisations",
        "places",
        "events",
    }
    assert row["published"] == "2025-04-29"
    assert row["source"] == "Azernews"
    assert "Salim bin Mohammed AlMalik" in row["persons"]
    assert client.get(row["path"]).status_code == 200


def test_export_is_capped_but_counts_every_match(seeds, client, settings):
    settings.SEARCH_EXPORT_LIMIT = 2
    data = _json(client.get(EXPORT_JSON, {"sort": "newest"}))
    assert data["count"] == 4 and len(data["results"]) == 2
    rows = list(
        csv.reader(io.StringIO(b"".join(client.get(EXPORT_CSV).streaming_content).decode()))
    )
    assert len(rows) == 1 + 2


def test_csv_export_has_every_match_in_page_order(seeds, client):
    response = client.get(EXPORT_CSV, {"q": "OIC", "sort": "oldest"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    page = client.get(SEARCH, {"q": "OIC", "sort": "oldest"})
    assert [row["title"] for row in rows] == [r["article"].title for r in page.context["results"]]


def test_csv_cells_never_start_a_formula(client, reindex):
    article = ArticleFactory(
        title='=HYPERLINK("http://evil.example","x")', body="A summit.", author="@me"
    )
    reindex(article)
    content = b"".join(client.get(EXPORT_CSV, {"q": "summit"}).streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(content)))
    assert row["title"].startswith("'=") and row["author"] == "'@me"
    assert [safe_cell(v) for v in ("-1", "+1", "ok", None, ["=a", "b"])] == [
        "'-1",
        "'+1",
        "ok",
        "",
        "'=a; b",
    ]


def test_atom_feed_of_a_search_lists_its_articles_newest_first(seeds, client):
    response = client.get(FEED, {"q": "OIC", "selected_facets": "year:2025"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert "OIC" in root.find(f"{ATOM}title").text
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    page = client.get(SEARCH, {"q": "OIC", "selected_facets": "year:2025", "sort": "newest"})
    assert titles == [row["article"].title for row in page.context["results"]]
    assert in_order(page) == ["000", "002"]


def test_exports_survive_malformed_input(seeds, client):
    params = {"q": '"unbalanced (', "start": "nonsense", "selected_facets": "bogus:1"}
    for url in (EXPORT_JSON, EXPORT_CSV, FEED):
        response = client.get(url, params)
        assert response.status_code == 200
        if url == EXPORT_JSON:
            assert _json(response)["count"] == 0


def test_autocomplete_suggests_entities_by_the_start_of_a_word(seeds, client):
    results = client.get(reverse("search:autocomplete"), {"q": "aliy"}).json()["results"]
    [aliyev] = [row for row in results if row["label"] == "Ilham Aliyev"]
    assert aliyev["kind"] == "person" and aliyev["count"] == 1
    assert client.get(aliyev["url"]).status_code == 200
    acronym = client.get(reverse("search:autocomplete"), {"q": "ICES"}).json()["results"]
    assert acronym[0]["label"].startswith("Islamic World Educational")
    assert client.get(reverse("search:autocomplete"), {"q": "a"}).json() == {"results": []}


def test_autocomplete_drops_control_characters_postgresql_refuses(seeds, client):
    # A NUL reached PostgreSQL as a query parameter: a 500 there (found by the fuzz tests).
    response = client.get(reverse("search:autocomplete"), {"q": "al\x00iy"})
    assert response.status_code == 200
    assert "Ilham Aliyev" not in {row["label"] for row in response.json()["results"]}
    results = client.get(reverse("search:autocomplete"), {"q": "\x00aliy"}).json()["results"]
    assert "Ilham Aliyev" in {row["label"] for row in results}


def test_the_search_page_loads_the_autocomplete_script_but_works_without_it(seeds, client):
    content = client.get(SEARCH).content.decode()
    assert 'src="/static/js/search.js"' in content
    assert 'data-autocomplete-url="/search/autocomplete/"' in content
    assert '<form role="search" method="get" action="/search/"' in content

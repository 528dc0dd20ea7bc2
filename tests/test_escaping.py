"""Text from articles and editors is shown as text everywhere, never run as markup."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from archive.models import Article, Organisation, OrganisationAlias, OrganisationMention
from search.indexing import update_articles

SCRIPT = "<script>alert('x')</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, IMAGE, "<b onmouseover=alert(1)>")


@pytest.fixture
def hostile(ingest, tmp_path):
    """An article and an entity whose every text field carries a payload."""
    path = tmp_path / "payload.txt"
    path.write_text(
        f" date 2025-06-01 By Mallory {SCRIPT}\n\n"
        f"The Zorblat summit {IMAGE} opened in Geneva, officials said.\n\n"
        f"Delegates from the Zorblat Council met for talks. {SCRIPT}\n",
        encoding="utf-8",
    )
    ingest(path)
    article = Article.objects.get()
    article.title = f"Zorblat summit {SCRIPT} {IMAGE}"
    article.save()
    evil = Organisation.objects.create(name=f"Zorblat {IMAGE} Council", slug="evil-payload-org")
    OrganisationAlias.objects.create(organisation=evil, name=f"ZC {SCRIPT}")
    OrganisationMention.objects.create(article=article, organisation=evil, count=1)
    update_articles([article.pk])
    return article, evil


def _assert_no_raw_payload(content: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in content, f"raw {payload!r} in {where}"


def test_pages_show_payloads_as_text(hostile, client):
    article, evil = hostile
    pages = [
        reverse("archive:home"),
        reverse("archive:article-list"),
        article.get_absolute_url(),
        evil.get_absolute_url(),
        reverse("archive:organisation-list"),
        reverse("search:search") + "?q=Zorblat",
        reverse("search:search") + f"?q={SCRIPT}",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        _assert_no_raw_payload(content, url)
    article_page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;" in article_page


def test_feeds_escape_payloads(hostile, client):
    _, evil = hostile
    for url in (
        reverse("archive:feed-latest"),
        reverse("archive:organisation-feed", kwargs={"slug": evil.slug}),
        reverse("search:feed") + "?q=Zorblat",
    ):
        content = client.get(url).content.decode()
        _assert_no_raw_payload(content, url)
        assert "&lt;script&gt;" in content or "&amp;lt;script&amp;gt;" in content, url


def test_json_export_carries_payloads_as_escaped_data(hostile, client):
    article, _ = hostile
    response = client.get(reverse("search:export-json"), {"q": "Zorblat"})
    raw = b"".join(response.streaming_content).decode()
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    [row] = data["results"]
    assert row["title"] == article.title  # the text itself is intact
    assert response["X-Content-Type-Options"] == "nosniff"


def test_csv_export_neutralises_formulas(ingest, tmp_path, client):
    path = tmp_path / "formula.txt"
    path.write_text(
        'Home / World / =HYPERLINK("http://evil.example","Zorblat")\n\n'
        "The Zorblat delegation arrived in Geneva on Monday for talks.\n",
        encoding="utf-8",
    )
    ingest(path)
    response = client.get(reverse("search:export-csv"), {"q": "Zorblat"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    title = rows[1][rows[0].index("title")]
    assert title.startswith("'=HYPERLINK")

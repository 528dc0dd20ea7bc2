"""Text from articles and editors is shown as text everywhere, never run as markup."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from archive.models import Article, Organisation, OrganisationAlias, OrganisationMention
from search.indexing import update_articles
from tests.search.factories import ArticleFactory, OrganisationFactory, mention

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


ATOM = "{http://www.w3.org/2005/Atom}"
# Markup, entities and quotes a feed reader must show as they are, not interpret.
FEED_PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "&amp;",
    '"quotes"',
    "]]>",
]


def displayed(element) -> str:
    """The text a feed reader shows for an Atom text construct (RFC 4287, 3.1).

    type="text" (the default) is shown as it is. type="html" is rendered as HTML,
    so it must hold no markup of its own: only text escaped for HTML.
    """
    kind = element.get("type", "text")
    text = element.text or ""
    if kind == "text":
        return text
    assert kind == "html", kind
    assert "<" not in text and ">" not in text, f"markup a reader would render: {text!r}"
    return html.unescape(text)


def _entries(content: bytes) -> tuple[ElementTree.Element, dict[str, ElementTree.Element]]:
    """The feed's root and its entries by displayed title."""
    root = ElementTree.fromstring(content)
    return root, {
        displayed(entry.find(f"{ATOM}title")): entry for entry in root.iter(f"{ATOM}entry")
    }


@pytest.fixture
def payload_articles(db):
    """An article per payload (in its title, summary and author) and an
    organisation per payload (in its name), each mentioned by its article."""
    made = []
    for number, payload in enumerate(FEED_PAYLOADS):
        article = ArticleFactory(
            title=f"Zorblat {payload}",
            slug=f"payload-{number}",
            # A lead where there is one, else the start of the body.
            lead=f"Zorblat lead {payload}" if number % 2 else "",
            body=f"Zorblat body {payload}",
            author=f"Mallory {payload}",
            published=dt.date(2025, 6, 1 + number),
        )
        organisation = OrganisationFactory(name=f"Zorblat {payload} Council")
        mention(article, organisation)
        made.append((article, organisation))
    update_articles(article.pk for article, _ in made)
    return made


@pytest.mark.parametrize("feed", ["archive:feed-latest", "search:feed"])
def test_feed_entries_show_payloads_as_text(payload_articles, client, feed):
    response = client.get(reverse(feed), {"q": "Zorblat"} if feed == "search:feed" else {})
    _, entries = _entries(response.content)
    for article, _ in payload_articles:
        entry = entries[article.title]  # the title, as displayed, is the article's own
        assert displayed(entry.find(f"{ATOM}summary")) == (article.lead or article.body)
        assert entry.find(f"{ATOM}author/{ATOM}name").text == article.author


def test_entity_feeds_show_payloads_as_text(payload_articles, client):
    for article, organisation in payload_articles:
        url = reverse("archive:organisation-feed", kwargs={"slug": organisation.slug})
        root, entries = _entries(client.get(url).content)
        assert (
            displayed(root.find(f"{ATOM}title")) == f"Diplomatic News Archive: {organisation.name}"
        )
        assert displayed(root.find(f"{ATOM}subtitle")).endswith(f"mentioning {organisation.name}.")
        summary = entries[article.title].find(f"{ATOM}summary")
        assert displayed(summary) == (article.lead or article.body)


def test_the_search_feed_shows_the_query_in_its_title_as_text(db, client):
    for payload in FEED_PAYLOADS:
        response = client.get(reverse("search:feed"), {"q": payload})
        title = ElementTree.fromstring(response.content).find(f"{ATOM}title")
        assert displayed(title) == f"Diplomatic News Archive: “{payload}”"


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

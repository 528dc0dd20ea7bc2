"""reextract brings an archive up to the linking rules: duplicates folded, orphans gone."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from archive.extraction.types import ExtractedEntity
from archive.models import Article, Person, PersonAlias
from archive.services.editing import merge_entities

pytestmark = pytest.mark.django_db


def _article(n: int, body: str, *names: str) -> Article:
    """An article stored as an older release linked it: ``names``, no folding."""
    from archive.services.linking import link_entities

    article = Article.objects.create(
        title=f"Release {n}", slug=f"release-{n}", body=body, content_hash=f"hash-{n}"
    )
    found = [ExtractedEntity(kind="person", name=name, aliases={name}, count=1) for name in names]
    link_entities(article, found, fold=False)
    return article


def _reextract() -> str:
    out = StringIO()
    call_command("reextract", stdout=out)
    return out.getvalue()


BODY_LIZ = (
    "British Foreign Secretary Liz Truss met the Prime Minister of Japan in London on Friday."
)
BODY_ELIZABETH = "Foreign Secretary Elizabeth Truss spoke with Japanese officials on Tuesday."


def test_reextract_folds_stored_duplicates_and_redirects_their_pages(client):
    _article(1, BODY_LIZ, "Liz Truss")
    _article(2, BODY_ELIZABETH, "Elizabeth Truss")
    liz = Person.objects.get(name="Liz Truss")
    assert Person.objects.filter(name__endswith="Truss").count() == 2

    _reextract()

    survivor = Person.objects.get(name__endswith="Truss")
    assert survivor.name == "Elizabeth Truss"
    assert survivor.articles.count() == 2
    response = client.get(liz.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()
    assert client.get(survivor.get_absolute_url()).status_code == 200


def test_reextract_removes_entities_no_article_mentions_and_their_pages_answer_404(client):
    _article(1, BODY_ELIZABETH, "Elizabeth Truss", "Nobody Anywhere")
    gone = Person.objects.get(name="Nobody Anywhere")
    # A page once merged into it leads nowhere either: a 404, not an error.
    other = Person.objects.create(name="Nobody Elsewhere", slug="nobody-elsewhere")
    merge_entities(survivor=gone, others=[other])

    _reextract()

    assert not Person.objects.filter(pk=gone.pk).exists()
    assert Person.objects.filter(name="Elizabeth Truss").exists()
    assert client.get(gone.get_absolute_url()).status_code == 404
    assert client.get(other.get_absolute_url()).status_code == 404


def test_reextract_keeps_editors_merges_and_aliases_and_drops_pairs_of_names():
    _article(1, BODY_LIZ, "Liz Truss")
    _article(2, BODY_ELIZABETH, "Elizabeth Truss")
    liz = Person.objects.get(name="Liz Truss")
    elizabeth = Person.objects.get(name="Elizabeth Truss")
    # The editor chose the short name.
    merge_entities(survivor=liz, others=[elizabeth])
    PersonAlias.objects.create(person=liz, name="Foreign Secretary Truss")
    PersonAlias.objects.create(person=liz, name="Truss-Hayashi")

    _reextract()

    assert list(Person.objects.filter(name__endswith="Truss").values_list("name", flat=True)) == [
        "Liz Truss"
    ]
    aliases = set(liz.aliases.values_list("name", flat=True))
    assert {"Elizabeth Truss", "Foreign Secretary Truss"} <= aliases
    assert "Truss-Hayashi" not in aliases
    assert liz.articles.count() == 2


def test_reextract_is_idempotent_after_folding():
    _article(1, BODY_LIZ, "Liz Truss")
    _article(2, BODY_ELIZABETH, "Elizabeth Truss")
    _reextract()
    assert "2 articles: 0 changed" in _reextract()


def test_reextract_files_a_utc_stamped_release_under_its_outlets_day():
    import datetime as dt

    stamp = dt.datetime(2021, 5, 21, 1, 10, tzinfo=dt.UTC)
    stored = {"published": stamp.date(), "published_at": stamp, "published_offset": 0}
    release = Article.objects.create(
        title="Call",
        slug="call",
        body="They spoke.",
        content_hash="h1",
        url="https://www.state.gov/call/",
        **stored,
    )
    other = Article.objects.create(
        title="Wire",
        slug="wire",
        body="They spoke.",
        content_hash="h2",
        url="https://example.org/wire/",
        **stored,
    )
    _reextract()
    release.refresh_from_db()
    other.refresh_from_db()
    assert (release.published, release.published_offset) == (dt.date(2021, 5, 20), -240)
    assert (other.published, other.published_offset) == (dt.date(2021, 5, 21), 0)
    _reextract()  # idempotent
    release.refresh_from_db()
    assert release.published == dt.date(2021, 5, 20)

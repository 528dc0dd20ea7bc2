"""The A–Z entity indexes: one order on every database, each name under its letter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.text import slugify

from archive.extraction.normalize import sort_key
from archive.models import ENTITY_KINDS, EntityRedirect
from tests.archive.admin_helpers import rename_organisation_in_admin
from tests.search.factories import ArticleFactory, OrganisationFactory

NAMES = ["AUKUS", "Élysée Treaty", "ACE", "al-Qaida", "Access to COVID-19 Tools"]
# Case and accents folded: not ASCII order ("ACE" and "AUKUS" before "Access…",
# "al-Qaida" and "Élysée" after "Z"), nor a locale's (which skips the hyphen).
A_TO_Z = ["Access to COVID-19 Tools", "ACE", "al-Qaida", "AUKUS", "Élysée Treaty"]


def _index(client, kind: str = "organisation", **params) -> list[str]:
    response = client.get(reverse(f"archive:{kind}-list"), params)
    assert response.status_code == 200
    return [entity.name for entity in response.context["entities"]]


@pytest.mark.parametrize("kind", list(ENTITY_KINDS))
def test_every_index_sorts_names_without_regard_to_case_or_accents(kind, client, db):
    model = ENTITY_KINDS[kind].model
    for name in NAMES:
        model.objects.create(name=name, slug=slugify(name))
    assert _index(client, kind) == A_TO_Z
    content = client.get(reverse(f"archive:{kind}-list")).content.decode()
    positions = [content.index(f">{name}</a>") for name in A_TO_Z]
    assert positions == sorted(positions)


def test_ingested_entities_get_their_sort_names(seeds):
    for kind in ENTITY_KINDS.values():
        rows = list(kind.model.objects.values_list("name", "sort_name"))
        assert rows, kind.name
        assert all(sort_name == sort_key(name) for name, sort_name in rows), kind.name


def test_names_are_filed_under_the_letter_they_sort_by(client, db):
    for name in NAMES:
        OrganisationFactory(name=name)
    assert _index(client, letter="A") == A_TO_Z[:4]
    assert _index(client, letter="a") == A_TO_Z[:4]
    assert _index(client, letter="E") == ["Élysée Treaty"]
    assert _index(client, letter="Q") == []
    content = client.get(reverse("archive:organisation-list"), {"letter": "e"}).content.decode()
    assert 'aria-current="page">E<' in content
    # Not a letter of the A–Z: the whole list.
    assert _index(client, letter="É") == A_TO_Z


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("elysee", ["Élysée Treaty"]),
        ("ÉLYSÉE", ["Élysée Treaty"]),
        ("QAIDA", ["al-Qaida"]),
        ("qai\x00da", ["al-Qaida"]),  # a NUL, which PostgreSQL refuses, is dropped
    ],
)
def test_the_name_filter_ignores_case_and_accents(client, db, typed, found):
    for name in NAMES:
        OrganisationFactory(name=name)
    assert _index(client, name=typed) == found


def test_a_to_z_pages_say_next_and_previous(client, db):
    for number in range(101):
        OrganisationFactory(name=f"Council {number:03}")
    url = reverse("archive:organisation-list")
    first = client.get(url).content.decode()
    assert "Page 1 of 2" in first and "Next →" in first
    assert "Older" not in first and "Newer" not in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "← Previous" in second
    assert "Older" not in second and "Newer" not in second


def test_date_ordered_lists_say_older_and_newer(client, db):
    for day in range(1, 22):
        ArticleFactory(published=dt.date(2025, 1, day))
    url = reverse("archive:article-list")
    first = client.get(url).content.decode()
    assert "Older →" in first and "Next →" not in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "← Newer" in second and "← Previous" not in second


# Editors renaming in the admin


@pytest.mark.django_db(transaction=True)
def test_a_rename_in_the_admin_moves_the_name_in_the_cached_index(page_cache, client, staff_client):
    organisations = {name: OrganisationFactory(name=name) for name in NAMES}
    ace = organisations["ACE"]
    # Seen once, so the index and the page are cached.
    assert _index(client) == A_TO_Z
    assert _index(client, letter="A") == A_TO_Z[:4]
    assert "ACE" in client.get(ace.get_absolute_url()).content.decode()

    rename_organisation_in_admin(staff_client, ace, "über-Council", ace.slug)

    assert _index(client) == [
        "Access to COVID-19 Tools",
        "al-Qaida",
        "AUKUS",
        "Élysée Treaty",
        "über-Council",
    ]
    assert _index(client, letter="U") == ["über-Council"]
    assert "ACE" not in _index(client, letter="A")
    assert "über-Council" in client.get(ace.get_absolute_url()).content.decode()


def test_a_slug_changed_in_the_admin_leaves_the_old_address_redirecting(db, client, staff_client):
    ace = OrganisationFactory(name="ACE")
    old_url = ace.get_absolute_url()
    rename_organisation_in_admin(
        staff_client, ace, "Alliance for Coastal Energy", "alliance-coastal-energy"
    )

    ace.refresh_from_db()
    assert ace.sort_name == "alliance for coastal energy"
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == ace.get_absolute_url()
    assert client.get(ace.get_absolute_url()).status_code == 200

    # Back to the first slug: its page is there again, and the other address redirects.
    rename_organisation_in_admin(staff_client, ace, "ACE", "ace")
    assert client.get(old_url).status_code == 200
    assert not EntityRedirect.objects.filter(old_slug="ace").exists()
    response = client.get(reverse("archive:organisation", args=["alliance-coastal-energy"]))
    assert response.status_code == 301
    assert response["Location"] == old_url

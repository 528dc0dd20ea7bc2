"""The entities named by a search, above its results: remembered, and never stale."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.search.factories import ArticleFactory, OrganisationFactory, mention

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_renamed_organisation_shows_under_its_new_name_at_once(page_cache, client):
    council = OrganisationFactory(name="Zanzibar Maritime Council", slug="zmc")
    mention(ArticleFactory(title="Harbour talks"), council)
    url = reverse("search:search") + "?q=maritime"

    assert "Zanzibar Maritime Council" in client.get(url).content.decode()
    council.name = "Zanzibar Maritime Authority"  # as the admin saves it
    council.save()

    page = client.get(url).content.decode()
    assert "Zanzibar Maritime Authority" in page
    assert "Zanzibar Maritime Council" not in page

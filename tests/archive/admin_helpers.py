"""Edits made through the admin's own forms, as an editor makes them."""

from __future__ import annotations

from django.urls import reverse

from archive.models import Organisation


def rename_organisation_in_admin(staff_client, organisation, name: str, slug: str) -> None:
    response = staff_client.post(
        reverse("admin:archive_organisation_change", args=[organisation.pk]),
        {
            "name": name,
            "slug": slug,
            "acronym": "",
            "kind": Organisation.Kind.OTHER,
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()

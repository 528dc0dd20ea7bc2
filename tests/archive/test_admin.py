"""The admin: every model registered, and every list and form renders for staff."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from archive.admin import ArchiveAdmin


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def test_every_archive_model_is_registered_with_an_admin_that_counts_deletes():
    for model in apps.get_app_config("archive").get_models():
        assert admin.site.is_registered(model), model
        # Deletes from the admin bump the revision (tests/archive/test_caching.py).
        assert isinstance(admin.site.get_model_admin(model), ArchiveAdmin), model


def test_every_changelist_and_change_form_renders(seeds, staff_client):
    for model in apps.get_app_config("archive").get_models():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert staff_client.get(changelist, {"q": "OIC"}).status_code == 200, model
        first = model.objects.first()
        if first is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            assert staff_client.get(change).status_code == 200, model


def test_admin_requires_staff(client, db):
    response = client.get(reverse("admin:archive_organisation_changelist"))
    assert response.status_code == 302
    assert "login" in response["Location"]

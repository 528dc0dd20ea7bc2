"""The admin: every model registered, and every list and form renders for staff."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from archive.admin import ArchiveAdmin
from archive.models import ENTITY_KINDS


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


def test_the_admin_is_named_after_the_archive_and_links_back_to_it(staff_client):
    content = staff_client.get(reverse("admin:index")).content.decode()
    assert "<title>Editing the archive | Diplomatic News Archive admin</title>" in content
    assert '<div id="site-name"><a href="/admin/">Diplomatic News Archive</a></div>' in content
    assert "<h1>Editing the archive</h1>" in content
    assert '<a href="/">View site</a>' in content


@pytest.mark.parametrize("model_name", ["person", "organisation", "place", "event"])
def test_entity_lists_explain_merging_and_rejecting(staff_client, model_name):
    content = staff_client.get(reverse(f"admin:archive_{model_name}_changelist")).content.decode()
    help_text = content[content.index('id="archive-help"') : content.index('id="changelist"')]
    assert "Merge selected" in help_text and "into one…" in help_text
    assert "Not an entity: remove and never extract again" in help_text
    assert reverse(f"admin:archive_{model_name}alias_changelist") in help_text
    # The actions it names are the list's own.
    assert 'value="merge_selected"' in content and 'value="reject_selected"' in content


@pytest.mark.parametrize("model_name", ["person", "organisation", "place", "event"])
def test_alias_lists_explain_rejecting_a_name(staff_client, model_name):
    kind = ENTITY_KINDS[model_name]
    entity = kind.model.objects.create(name="Ace Council", slug="ace-council")
    kind.alias_model.objects.create(name="ACE", **{model_name: entity})
    url = reverse(f"admin:archive_{model_name}alias_changelist")
    content = staff_client.get(url).content.decode()
    help_text = content[content.index('id="archive-help"') : content.index('id="changelist"')]
    assert "Not an entity: remove and never extract again" in help_text
    assert reverse(f"admin:archive_{model_name}_changelist") in help_text
    assert 'value="reject_selected"' in content

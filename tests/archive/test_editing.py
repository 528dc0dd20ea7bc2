"""Editors' decisions — merges, rejections — and reextract honouring them."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import CommandError, call_command
from django.urls import reverse

from archive.models import Article, Organisation, Person, Place, RejectedName
from archive.services.editing import merge_entities, reject_name

SEARCH = reverse("search:search")


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    return client


def _reextract(**options) -> str:
    out = StringIO()
    call_command("reextract", stdout=out, **options)
    return out.getvalue()


def test_merge_moves_mentions_and_aliases_and_redirects(seeds, client):
    oic = Organisation.objects.get(acronym="OIC")
    group = Organisation.objects.get(name="OIC Contact Group")
    old_url = group.get_absolute_url()
    merge_entities(survivor=oic, others=[group])

    assert not Organisation.objects.filter(pk=group.pk).exists()
    assert oic.articles.count() == 4
    assert "OIC Contact Group" in set(oic.aliases.values_list("name", flat=True))
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == oic.get_absolute_url()


def test_merge_adds_counts_when_both_were_mentioned(seeds):
    azerbaijan = Place.objects.get(name="Azerbaijan")
    baku = Place.objects.get(name="Baku")
    article = seeds["003_6d2201c64f15c868.txt"]
    total = sum(
        article.placemention_set.filter(place__in=[azerbaijan, baku]).values_list(
            "count", flat=True
        )
    )
    merge_entities(survivor=azerbaijan, others=[baku])
    assert article.placemention_set.get(place=azerbaijan).count == total


def test_reextract_never_resurrects_a_merged_away_entity(seeds):
    oic = Organisation.objects.get(acronym="OIC")
    group = Organisation.objects.get(name="OIC Contact Group")
    merge_entities(survivor=oic, others=[group])
    _reextract()
    assert not Organisation.objects.filter(name="OIC Contact Group").exists()
    assert oic.articles.count() == 4


def test_a_rejected_name_is_removed_and_never_extracted_again(seeds):
    rejected = Place.objects.get(name="Central Asia")
    affected = set(rejected.articles.values_list("pk", flat=True))
    assert affected
    reject_name(name="Central Asia", kind="place")
    assert not Place.objects.filter(name="Central Asia").exists()
    _reextract()
    assert not Place.objects.filter(name="Central Asia").exists()
    assert RejectedName.objects.filter(name="Central Asia", kind="place").exists()


def test_reextract_is_idempotent(seeds):
    def state():
        return {
            (a.pk, kind, tuple(sorted(getattr(a, kind).values_list("slug", flat=True))))
            for a in Article.objects.all()
            for kind in ("persons", "organisations", "places", "events")
        }

    before = state()
    first = _reextract()
    assert "4 articles: 0 changed" in first
    assert state() == before
    assert "0 changed" in _reextract()


def test_reextract_since_limits_the_articles(seeds):
    assert "Re-extracted 2 articles" in _reextract(since="2025-01-01")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _reextract(since="yesterday")


def test_admin_merge_action_asks_for_the_survivor_then_merges(
    seeds, staff_client, django_capture_on_commit_callbacks
):
    sengendo = Person.objects.get(name="Ahmad Kawesa Sengendo")
    duplicate = Person.objects.create(name="A. K. Sengendo", slug="a-k-sengendo")
    url = reverse("admin:archive_person_changelist")
    data = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [sengendo.pk, duplicate.pk]}
    confirm = staff_client.post(url, data)
    assert confirm.status_code == 200
    assert b"Choose the one to keep" in confirm.content

    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post(url, {**data, "survivor": sengendo.pk})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert "A. K. Sengendo" in set(sengendo.aliases.values_list("name", flat=True))


def test_admin_reject_action_removes_the_entity_from_pages_and_search(
    seeds, staff_client, client, django_capture_on_commit_callbacks
):
    shusha = Place.objects.get(name="Shusha")
    url = reverse("admin:archive_place_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"action": "reject_selected", ACTION_CHECKBOX_NAME: [shusha.pk]})
    assert not Place.objects.filter(name="Shusha").exists()
    assert client.get(shusha.get_absolute_url()).status_code == 404
    facets = client.get(SEARCH).context["facets"]
    assert "shusha" not in {row.value for facet in facets for row in facet.rows}

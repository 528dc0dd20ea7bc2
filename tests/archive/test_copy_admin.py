"""Editors group copies of one story, take an article out, or join two groups; the
site and finding copies again follow their word."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.models import Article, CopyGroup
from tests.archive.copies.stories import SIBLING, STORY, with_boilerplate
from tests.archive.services.test_copies import group_of, publish

pytestmark = pytest.mark.django_db


def _act(client, model: str, action: str, ids: list[int]):
    return client.post(
        reverse(f"admin:archive_{model}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in ids]},
        follow=True,
    )


def test_an_editor_takes_a_copy_out_and_groups_two_stories(staff_client, client):
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    third = publish("Gulf Wire", STORY, 15)
    other = publish("Gulf Wire", SIBLING, 16, title="Quotas", url="https://g.example/q")

    response = _act(staff_client, "article", "take_out_of_group", [third.pk])
    assert "Took 1 article(s) out of their copy groups." in response.content.decode()
    assert group_of(third) is None
    assert "Also published by" not in client.get(third.get_absolute_url()).content.decode()

    response = _act(staff_client, "article", "group_as_copies", [copy.pk, other.pk])
    assert "Grouped 2 articles as copies" in response.content.decode()
    group = group_of(original)
    assert set(group.articles.values_list("pk", flat=True)) == {original.pk, copy.pk, other.pk}
    assert group.first.pk == original.pk

    # Finding copies again keeps the editor's word.
    call_command("find_copies", verbosity=0)
    assert group_of(third) is None
    assert group_of(other) == group_of(original)


def test_an_editor_joins_two_groups(staff_client):
    first = publish("Valdoria Foreign Ministry", STORY, 9)
    publish("Capital Dispatch", STORY, 12)
    sibling = publish("Gulf Wire", SIBLING, 16, title="Quotas", url="https://g.example/q")
    publish("Asia Review", SIBLING, 18, title="Quotas", url="https://a.example/q")
    assert CopyGroup.objects.count() == 2

    response = _act(
        staff_client,
        "copygroup",
        "join_selected",
        list(CopyGroup.objects.values_list("pk", flat=True)),
    )
    assert response.status_code == 200
    assert CopyGroup.objects.count() == 1
    assert group_of(first) == group_of(sibling)
    assert Article.objects.filter(copy_pinned=True).count() == 4
    page = staff_client.get(reverse("admin:archive_copygroup_change", args=[group_of(first).pk]))
    assert page.status_code == 200

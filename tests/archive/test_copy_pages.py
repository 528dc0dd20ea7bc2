"""An article page names the story's other outlets, its first publisher, and what
a copy changed."""

from __future__ import annotations

import pytest

from archive.models import Article
from tests.archive.copies.stories import SIBLING, STORY, edited, with_boilerplate
from tests.archive.services.test_copies import publish

pytestmark = pytest.mark.django_db


def test_a_copy_shows_the_other_outlets_and_what_it_changed(client):
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    copy = publish("Asia Review", edited(STORY), 20, title="Border talks: ministers agree")
    alone = publish("Gulf Wire", SIBLING, 16, title="Quotas", url="https://gulf.example/q")

    page = client.get(Article.objects.get(pk=copy.pk).get_absolute_url()).content.decode()
    assert "Also published by" in page
    assert "First published by" in page and "Valdoria Foreign Ministry</a>" in page
    assert "Capital Dispatch" in page
    assert "What this copy changed against Valdoria Foreign Ministry" in page
    assert "<del>Novak thanked the Swiss authorities" in page  # the sentence it dropped
    assert "<ins>Rahman stated the talks" in page

    first = client.get(Article.objects.get(pk=original.pk).get_absolute_url()).content.decode()
    assert "First published by\n    this article" in first
    assert "What this copy changed" not in first
    assert "“Border talks: ministers agree”" in first  # another outlet's headline

    lone = client.get(Article.objects.get(pk=alone.pk).get_absolute_url()).content.decode()
    assert "Also published by" not in lone


def test_a_tie_is_said_rather_than_guessed(client):
    first = publish("Valdoria Foreign Ministry", STORY, 9)
    publish("Capital Dispatch", STORY, 9)
    page = client.get(Article.objects.get(pk=first.pk).get_absolute_url()).content.decode()
    assert "First publisher uncertain (published at the same time)" in page

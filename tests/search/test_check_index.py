"""check_index: the index compared with the database, and repaired."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from haystack.query import SearchQuerySet

from archive.models import Article
from search.indexing import index_drift, remove_articles


def _check(*args) -> str:
    out = StringIO()
    call_command("check_index", *args, stdout=out)
    return out.getvalue()


def test_an_index_level_with_the_database_passes(seeds):
    assert "agrees" in _check()


def test_missing_stale_and_orphaned_documents_are_reported_and_repaired(seeds):
    missing, stale, *_ = Article.objects.order_by("pk")
    remove_articles([missing.pk])
    # A change saved without the signal (a bulk UPDATE) leaves its document stale.
    Article.objects.filter(pk=stale.pk).update(
        title="Retitled behind the index's back", updated=timezone.now()
    )
    orphan_pk = Article.objects.order_by("-pk").first().pk
    Article.objects.filter(pk=orphan_pk).delete()  # deleted outside a commit hook

    report = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("check_index", stdout=report)
    assert error.value.returncode == 1
    text = report.getvalue()
    assert f"Missing from the index: 1 (ids {missing.pk})" in text
    assert f"Stale in the index: 1 (ids {stale.pk})" in text
    assert f"In the index but not the database: 1 (ids {orphan_pk})" in text

    assert "Repaired: 1 indexed, 1 refreshed, 1 removed." in _check("--repair")
    assert "agrees" in _check()
    assert SearchQuerySet().raw_search("(retitled)").count() == 1
    assert SearchQuerySet().all().count() == Article.objects.count()


def test_drift_of_named_articles_is_found_by_lookup_not_by_a_full_walk(seeds):
    missing, stale, untouched, *_ = Article.objects.order_by("pk")
    remove_articles([missing.pk, untouched.pk])
    Article.objects.filter(pk=stale.pk).update(updated=timezone.now())

    drift = index_drift(ids=[missing.pk, stale.pk])
    assert (drift.missing, drift.stale, drift.orphans) == ([missing.pk], [stale.pk], [])
    assert drift.stored == drift.indexed + 1 == 2
    # An article outside the run is left to `check_index`.
    assert untouched.pk in index_drift().missing

"""Copies filed at ingest: grouped whatever order they arrive in, the first
publisher named, groups kept right through updates, deletions and reextract."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from archive.ingest.records import ArticleRecord
from archive.models import Article, CopyGroup, CopyKey
from archive.services.reextract import reextract_articles
from archive.services.storing import ingest_record
from tests.archive.copies.stories import SIBLING, STORY, edited, truncated, with_boilerplate

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def publish(
    source: str, body: str, hour: int, *, day: int = 1, title: str = "", url: str = ""
) -> Article:
    moment = dt.datetime(2022, 3, day, hour, tzinfo=UTC)
    record = ArticleRecord(
        title=title or f"Valdoria and Kestria agree on border talks ({source})",
        body=body,
        url=url or f"https://{source.lower().replace(' ', '')}.example/valdoria-kestria",
        source=source,
        published=moment.date(),
        published_at=moment,
    )
    return ingest_record(record).article


def group_of(article: Article) -> CopyGroup | None:
    return Article.objects.get(pk=article.pk).copy_group


def test_copies_arriving_out_of_order_form_one_group_with_the_first_publisher():
    cut = publish("Gulf Wire", truncated(STORY), 15)
    dispatch = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    assert group_of(cut) == group_of(dispatch) is not None
    assert group_of(cut).first.pk == dispatch.pk

    original = publish("Valdoria Foreign Ministry", STORY, 9)
    reworded = publish("Asia Review", edited(STORY), 20, day=2)
    other_story = publish(
        "Gulf Wire", SIBLING, 16, title="Quotas extended", url="https://gulf.example/quotas"
    )

    group = group_of(original)
    members = set(group.articles.values_list("pk", flat=True))
    assert members == {cut.pk, dispatch.pk, original.pk, reworded.pk}
    assert (group.first.pk, group.doubt) == (original.pk, "")
    assert group_of(other_story) is None
    assert CopyGroup.objects.count() == 1


def test_the_same_moment_is_said_to_be_a_tie():
    first = publish("Gulf Wire", STORY, 9)
    publish("Capital Dispatch", STORY, 9)
    assert group_of(first).doubt == CopyGroup.Doubt.TIE


def test_deleting_copies_names_the_next_first_publisher_and_ends_a_group_of_one():
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    dispatch = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    cut = publish("Gulf Wire", truncated(STORY), 15)

    Article.objects.get(pk=original.pk).delete()
    assert group_of(cut).first.pk == dispatch.pk
    Article.objects.get(pk=dispatch.pk).delete()
    assert group_of(cut) is None
    assert not CopyGroup.objects.exists()


def test_an_updated_text_is_filed_again():
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", STORY, 12)
    assert group_of(copy) is not None
    publish("Capital Dispatch", SIBLING, 12)  # the same URL, now another story
    assert group_of(copy) is None
    assert group_of(original) is None


def test_an_article_an_editor_took_out_stays_out():
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", STORY, 12)
    Article.objects.filter(pk=copy.pk).update(copy_group=None, copy_pinned=True)
    CopyGroup.objects.all().delete()
    later = publish("Gulf Wire", truncated(STORY), 15)
    assert group_of(later) == group_of(original) is not None
    assert group_of(copy) is None


def test_reextract_keeps_the_groups():
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    group = group_of(original)
    reextract_articles()
    assert group_of(original) == group_of(copy) == group
    assert group.articles.count() == 2


def test_find_copies_rebuilds_the_groups_and_keeps_the_editors():
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    cut = publish("Gulf Wire", truncated(STORY), 15)
    Article.objects.filter(pk=cut.pk).update(copy_group=None, copy_pinned=True)
    # An archive from before copies were found: no keys, no groups.
    CopyGroup.objects.all().delete()
    CopyKey.objects.all().delete()

    out = StringIO()
    call_command("find_copies", stdout=out)
    assert "Found 1 story with copies (2 articles)." in out.getvalue()
    group = group_of(original)
    assert set(group.articles.values_list("pk", flat=True)) == {original.pk, copy.pk}
    assert group.first.pk == original.pk
    assert group_of(cut) is None
    call_command("find_copies", stdout=StringIO())
    assert group_of(copy) == group_of(original) is not None


def test_a_daily_formula_does_not_chain_into_one_group():
    """Each day's notice is close to the next day's, but a copy is published within
    days of every other copy of its story: weeks of notices are not one story."""
    notice = (
        "The Central Bank of Valdoria will hold its weekly auction of treasury bills on "
        "{day} March at ten o'clock, offering bills maturing in three and six months. "
        "Bids must be submitted through the bank's electronic platform by nine o'clock."
    )
    notices = [
        publish("Valdoria Bank", notice.format(day=day), 9, day=day, url=f"https://b.example/{day}")
        for day in range(1, 29)
    ]
    groups = {group_of(article) for article in notices} - {None}
    for group in groups:
        days = sorted(group.articles.values_list("published", flat=True))
        assert days[-1] - days[0] <= dt.timedelta(days=14)

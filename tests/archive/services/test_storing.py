"""Storing records: a batch comes out as its records stored one at a time would.

``ingest_batch`` inserts the new articles of a batch in bulk, updates the
changed ones, and stores records that collide within the batch alone, after
the others; ``ingest_record`` stores a single record as a batch of one.
Entities are resolved for the whole batch at once. Here both ways run on the
same records from the same starting point, and everything they store is
compared; and the plan each record of a batch gets is checked directly.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.extraction.extractor import RuleExtractor
from archive.ingest.files import read_records
from archive.ingest.records import ArticleRecord
from archive.models import ENTITY_KINDS, Article, Event, PersonRole, Place, Source
from archive.services import extraction as extraction_service
from archive.services import storing
from archive.services.preparing import IngestError, prepare_record
from archive.services.storing import Action, ingest_batch, ingest_record
from conftest import ROOT, SEEDS_DIR

DEMO_JSONL = ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl"


class BoomExtractor(RuleExtractor):
    """The real extractor, except that it raises on any title with "Boom" in it."""

    def extract(self, title, body, *, published=None):
        if "Boom" in title:
            raise RuntimeError("the extractor tripped")
        return super().extract(title, body, published=published)


@pytest.fixture
def boom(monkeypatch):
    extractor = BoomExtractor(extraction_service.get_extractor().gazetteer)
    monkeypatch.setattr(extraction_service, "get_extractor", lambda: extractor)


def record(title: str, body: str, url: str, published=dt.date(2024, 5, 2)) -> ArticleRecord:
    return ArticleRecord(
        title=title, body=body, url=url, published=published, source="Example News"
    )


BAKU = record(
    "Ministers meet in Baku",
    "The foreign ministers of Azerbaijan and Turkey met in Baku on Tuesday. "
    "President Ilham Aliyev received them.",
    "https://example.org/baku",
)
ANKARA = record(
    "Talks in Ankara",
    "Turkish Foreign Minister Hakan Fidan hosted NATO Secretary General Jens Stoltenberg "
    "in Ankara. The Organisation of Islamic Cooperation (OIC) sent an envoy.",
    "https://example.org/ankara",
)
STORED_FIRST = [BAKU, ANKARA]

NEW = record(
    "OIC envoys meet in Jeddah",
    "Envoys of the Organisation of Islamic Cooperation met in Jeddah, Saudi Arabia. "
    "Secretary-General Hissein Brahim Taha opened the session.",
    "https://example.org/jeddah",
)
BATCH = [
    NEW,
    # An update: the Baku article's URL with more text.
    record(BAKU.title, BAKU.body + " They signed a trade agreement.", BAKU.url),
    # The Ankara article's text under another URL: another outlet's copy.
    record(ANKARA.title, ANKARA.body, "https://example.org/ankara-again"),
    record(
        "Summit in Doha",
        "Qatar hosted the Doha Forum. Emir Tamim bin Hamad Al Thani spoke about Gaza.",
        "https://example.org/doha",
    ),
    # The first record's text again, under another URL: a copy within the batch.
    record(NEW.title, NEW.body, "https://example.org/jeddah-copy"),
    record("Boom in Brussels", "NATO ministers met in Brussels.", "https://example.org/boom"),
    record("No text", "   ", "https://example.org/empty"),
    # The Doha record again with more text: an update within the batch.
    record(
        "Summit in Doha",
        "Qatar hosted the Doha Forum. Emir Tamim bin Hamad Al Thani spoke about Gaza. "
        "Ilham Aliyev attended.",
        "https://example.org/doha",
    ),
    record(
        "Envoy in Cairo",
        "The Arab League Secretary-General Ahmed Aboul Gheit met envoys in Cairo, Egypt.",
        "https://example.org/cairo",
    ),
]


def outcome(result) -> tuple:
    """A result with its article named by URL: primary keys differ from run to run."""
    if isinstance(result, IngestError):
        return ("failed", str(result))
    urls = dict(Article.objects.values_list("pk", "url"))
    message = re.sub(r"article (\d+)", lambda m: f"article {urls[int(m[1])]}", result.message)
    return (result.status, result.article.url if result.article else None, message)


def one_by_one(records, match_source_file: bool = True) -> list:
    results = []
    for item in records:
        try:
            results.append(ingest_record(item, match_source_file=match_source_file))
        except IngestError as error:
            results.append(error)
    return results


def in_one_batch(records, match_source_file: bool = True) -> list:
    return ingest_batch(
        [prepare_record(item, match_source_file=match_source_file) for item in records]
    )


def stored() -> dict:
    """Everything ingest writes, named by URLs, hashes and slugs rather than keys."""
    by_pk = {
        kind: dict(info.model.objects.values_list("pk", "slug"))
        for kind, info in ENTITY_KINDS.items()
    }
    state = {
        "articles": sorted(
            Article.objects.values_list(
                "url", "title", "slug", "body", "published", "source__name", "content_hash"
            )
        ),
        "sources": sorted(Source.objects.values_list("name", "slug")),
        "roles": sorted(
            PersonRole.objects.values_list("person__slug", "title", "article__url", "seen_on")
        ),
        "places": sorted(Place.objects.values_list("slug", "kind", "country__slug")),
        "events": sorted(
            Event.objects.values_list(
                "slug", "kind", "start_date", "end_date", "year", "place__slug"
            )
        ),
        "taking part": sorted(
            (event.slug, other.slug)
            for event in Event.objects.prefetch_related("organisations", "persons")
            for other in [*event.organisations.all(), *event.persons.all()]
        ),
    }
    for kind, info in ENTITY_KINDS.items():
        state[kind] = sorted(info.model.objects.values_list("slug", "name", "key"))
        state[f"{kind} aliases"] = sorted(
            (by_pk[kind][owner], name)
            for owner, name in info.alias_model.objects.values_list(f"{kind}_id", "name")
        )
        state[f"{kind} mentions"] = sorted(
            info.mention_model.objects.values_list(
                "article__url", f"{kind}__slug", "count", "first_offset"
            )
        )
    return state


def wipe() -> None:
    Article.objects.all().delete()
    Source.objects.all().delete()
    for info in ENTITY_KINDS.values():
        info.model.objects.all().delete()


@pytest.mark.django_db
def test_a_mixed_batch_comes_out_as_one_by_one(boom):
    one_by_one(STORED_FIRST)
    expected = [outcome(result) for result in one_by_one(BATCH)]
    expected_state = stored()
    wipe()

    one_by_one(STORED_FIRST)
    assert [outcome(result) for result in in_one_batch(BATCH)] == expected
    assert stored() == expected_state

    assert [entry[0] for entry in expected] == [
        "created",
        "updated",
        "created",
        "created",
        "created",
        "failed",
        "failed",
        "updated",
        "created",
    ]
    copies = Article.objects.filter(copy_group__isnull=False)
    assert sorted(copies.values_list("url", flat=True)) == sorted(
        [ANKARA.url, "https://example.org/ankara-again", NEW.url, "https://example.org/jeddah-copy"]
    )
    assert copies.values("copy_group").distinct().count() == 2
    assert expected[5][1] == ("entity extraction failed: RuntimeError: the extractor tripped")
    assert expected[6][1] == "the article has no text"
    assert not Article.objects.filter(
        url__in=["https://example.org/boom", "https://example.org/empty"]
    )


@pytest.mark.django_db
def test_a_batch_links_entities_as_one_by_one_would():
    """Later articles find the entities and aliases earlier ones of the same batch taught."""
    seeds = list(_records(SEEDS_DIR))
    releases = list(_records(DEMO_JSONL))[:60]
    one_by_one(seeds)
    one_by_one(releases, match_source_file=False)
    expected = stored()
    wipe()

    in_one_batch(seeds + releases[:30], match_source_file=False)
    in_one_batch(releases[30:], match_source_file=False)
    assert stored() == expected


@pytest.mark.django_db
def test_re_ingesting_a_batch_changes_nothing():
    records = list(_records(DEMO_JSONL))[:30]
    in_one_batch(records, match_source_file=False)
    before = stored()
    updated = dict(Article.objects.values_list("pk", "updated"))

    results = in_one_batch(records, match_source_file=False)
    assert {result.status for result in results} == {"unchanged"}
    assert stored() == before
    assert dict(Article.objects.values_list("pk", "updated")) == updated


@pytest.mark.django_db
def test_a_batch_of_new_records_costs_a_few_queries_not_some_per_record():
    records = list(_records(DEMO_JSONL))[:60]
    with CaptureQueriesContext(connection) as small:
        results = in_one_batch(records[:30], match_source_file=False)
    assert {result.status for result in results} == {"created"}
    wipe()
    with CaptureQueriesContext(connection) as large:
        results = in_one_batch(records, match_source_file=False)
    assert {result.status for result in results} == {"created"}
    assert Article.objects.count() == 60
    # Record by record it took a few dozen queries per article; a batch takes a
    # hundred or so, and thirty more records add fewer than two each (what they
    # add is the work their content needs: a merge of two records, a few slugs).
    assert len(small) < 150
    assert len(large) < len(small) + 60


def look_too_early_once(monkeypatch) -> list[int]:
    """Make the first look-up miss the stored articles, as if it ran before another
    process committed them; returns the size of the batch each look-up was for."""
    looks: list[int] = []

    class TooEarly(storing._Known):
        def __init__(self, batch):
            super().__init__(batch)
            looks.append(len(batch))
            if len(looks) == 1:
                self._by_text, self._by_url = {}, {}

    monkeypatch.setattr(storing, "_Known", TooEarly)
    return looks


@pytest.mark.django_db
def test_losing_an_insert_race_gives_unchanged_not_an_integrity_error(monkeypatch):
    """Another process committed the same article after our look-up, before our insert."""
    winner = ingest_record(BAKU)
    assert winner.status == "created"

    looks = look_too_early_once(monkeypatch)
    loser = ingest_record(BAKU)
    assert loser.status == "unchanged"
    assert loser.article == winner.article
    assert Article.objects.count() == 1
    # The look-up that missed it; then, the insert refused, one that found it.
    assert looks == [1, 1]


@pytest.mark.django_db
def test_losing_a_race_in_a_batch_falls_back_to_one_by_one(monkeypatch):
    """Another process stored an article of the batch after the batch's look-ups."""
    winner = ingest_record(BAKU)
    looks = look_too_early_once(monkeypatch)
    results = in_one_batch([NEW, BAKU])
    assert [result.status for result in results] == ["created", "unchanged"]
    assert results[1].article == winner.article
    assert Article.objects.count() == 2
    # The batch was rolled back and stored again: the new article has its mentions once.
    article = Article.objects.get(url=NEW.url)
    assert article.organisationmention_set.count() == 1
    # The batch's look-up, then one for each record alone.
    assert looks == [2, 1, 1]


def test_the_command_reports_an_extractor_crash_by_file_and_record(ingest, tmp_path, boom):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"title": "Ministers meet in Baku", "text": BAKU.body, "published": "2024-05-02"},
        {"title": "Boom in Brussels", "text": "NATO ministers met.", "published": "2024-05-03"},
        {"title": "Talks in Ankara", "text": ANKARA.body, "published": "2024-05-04"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="failed"):
        ingest(path)
    assert (
        f"{path}: 'Boom in Brussels': entity extraction failed: RuntimeError: the extractor tripped"
    ) in ingest.stderr
    assert "2 created" in ingest.stdout
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Ministers meet in Baku",
        "Talks in Ankara",
    ]


def test_the_command_reports_problems_in_file_order(ingest, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "First", "text": "The ministers met in Baku."}),
        '{"title": "Broken", "text": ',
        json.dumps({"title": "No text", "text": ""}),
        json.dumps({"title": "Last", "text": "The ministers met in Ankara."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="failed"):
        ingest(path, verbosity=2)
    errors = ingest.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}:2: invalid JSON")
    assert errors[1] == f"{path}: 'No text': the article has no text"
    assert "2 created, 0 updated, 0 unchanged, 0 duplicate, 2 failed" in ingest.stdout


def _records(path) -> list[ArticleRecord]:
    records = []
    for each in sorted(path.iterdir()) if path.is_dir() else [path]:
        records += read_records(each)
    assert all(isinstance(item, ArticleRecord) for item in records)
    return records


# The plan: what storing each record of a batch comes to.

DOHA = record(
    "Summit in Doha",
    "Qatar hosted the Doha Forum. Emir Tamim bin Hamad Al Thani spoke about Gaza.",
    "https://example.org/doha",
)
MIXED = [
    NEW,
    BAKU,
    # The Ankara article's text under another URL: another outlet's copy.
    record(ANKARA.title, ANKARA.body, "https://example.org/ankara-again"),
    # The Ankara article's URL with more text.
    record(ANKARA.title, ANKARA.body + " They agreed to meet again.", ANKARA.url),
    record("No text", "   ", "https://example.org/empty"),
    # Two versions of one new article.
    DOHA,
    record(DOHA.title, DOHA.body + " Ilham Aliyev attended.", DOHA.url),
]


def plan(records, *, dry_run: bool = False) -> list[tuple]:
    """Each record's action, with the outcome of those kept."""
    prepared = [prepare_record(item) for item in records]
    return [
        (item.action, item.result.status if item.result else None)
        for item in storing._plan(prepared, dry_run=dry_run)
    ]


@pytest.mark.django_db
def test_each_record_of_a_batch_gets_its_plan():
    one_by_one(STORED_FIRST)
    assert plan(MIXED) == [
        (Action.CREATE, None),
        (Action.KEEP, "unchanged"),
        (Action.CREATE, None),
        (Action.UPDATE, None),
        (Action.REFUSE, None),
        (Action.DEFER, None),
        (Action.DEFER, None),
    ]
    results = in_one_batch(MIXED)
    assert [outcome(result)[0] for result in results] == [
        "created",
        "unchanged",
        "created",
        "updated",
        "failed",
        "created",
        "updated",
    ]
    assert Article.objects.get(url=ANKARA.url).body.endswith("They agreed to meet again.")
    assert Article.objects.get(url=DOHA.url).body.endswith("Ilham Aliyev attended.")


@pytest.mark.django_db
def test_a_single_record_is_planned_as_a_batch_of_one():
    assert plan([NEW]) == [(Action.CREATE, None)]
    first = ingest_record(NEW)
    assert plan([NEW]) == [(Action.KEEP, "unchanged")]
    again = ingest_record(NEW)
    assert (again.status, again.article) == ("unchanged", first.article)

    # The same text under another URL is another outlet's copy, stored with the first.
    copy = record(NEW.title, NEW.body, "https://example.org/jeddah-copy")
    assert plan([copy]) == [(Action.CREATE, None)]
    stored_copy = ingest_record(copy)
    assert stored_copy.status == "created"
    assert stored_copy.article.copy_group == Article.objects.get(pk=first.article.pk).copy_group
    assert ingest_record(copy).status == "unchanged"
    Article.objects.filter(pk=stored_copy.article.pk).delete()

    # The same text from the same outlet with no URL of its own is stored once.
    unnamed = ArticleRecord(NEW.title, NEW.body, published=NEW.published, source=NEW.source)
    assert plan([unnamed]) == [(Action.KEEP, "duplicate")]
    duplicate = ingest_record(unnamed)
    assert (duplicate.status, duplicate.article) == ("duplicate", first.article)
    assert duplicate.message == f"same text as article {first.article.pk} ({NEW.url})"

    changed = record(NEW.title, NEW.body + " They will meet again in May.", NEW.url)
    assert plan([changed]) == [(Action.UPDATE, None)]
    updated = ingest_record(changed)
    assert (updated.status, updated.article) == ("updated", first.article)
    assert Article.objects.get().body == changed.body

    empty = record("Nothing", "", "https://example.org/nothing")
    assert plan([empty]) == [(Action.REFUSE, None)]
    with pytest.raises(IngestError, match="the article has no text"):
        ingest_record(empty)
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_an_unchanged_article_naming_a_new_source_is_updated():
    unsourced = ArticleRecord(title=NEW.title, body=NEW.body, url=NEW.url, published=NEW.published)
    first = ingest_record(unsourced)
    assert first.article.source is None

    assert plan([unsourced]) == [(Action.KEEP, "unchanged")]
    # A dry run creates no source, so nothing would change.
    assert plan([NEW], dry_run=True) == [(Action.KEEP, "unchanged")]
    assert ingest_record(NEW, dry_run=True).status == "unchanged"
    assert plan([NEW]) == [(Action.UPDATE, None)]
    result = ingest_record(NEW)
    assert (result.status, result.article) == ("updated", first.article)
    assert Article.objects.get().source.name == "Example News"


@pytest.mark.django_db
def test_a_dry_run_plans_as_a_real_one_and_stores_nothing():
    one_by_one(STORED_FIRST)
    before = stored()
    results = ingest_batch([prepare_record(item) for item in MIXED], dry_run=True)
    assert [outcome(result)[:2] for result in results] == [
        ("created", None),
        ("unchanged", BAKU.url),
        ("created", None),
        ("updated", None),
        ("failed", "the article has no text"),
        ("created", None),
        # One by one, the first Doha record was not stored either.
        ("created", None),
    ]
    assert stored() == before

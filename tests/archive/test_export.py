"""export_articles writes the archive's own format, and ingest reads it back."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.models import Article, CopyGroup, Organisation
from archive.services.copy_groups import refresh_groups
from tests.archive.copies.stories import STORY, with_boilerplate
from tests.archive.services.test_copies import publish


def _export() -> list[dict]:
    out = StringIO()
    call_command("export_articles", "--format", "jsonl", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_lists_fields_and_entities(seeds, client):
    records = _export()
    assert len(records) == 4
    by_file = {record["source_file"]: record for record in records}
    record = by_file["002_a6d354069dc08d8b.txt"]
    assert record["published"] == "2025-04-29"
    assert record["author"] == "Laman Ismayilova"
    assert record["source"] == "Azernews"
    assert client.get(record["path"]).status_code == 200
    names = {entity["name"] for entity in record["organisations"]}
    assert "Islamic World Educational, Scientific and Cultural Organization" in names
    for kind in ("persons", "organisations", "places", "events"):
        for entity in record[kind]:
            assert set(entity) >= {"name", "slug", "aliases"}


def test_export_to_a_file_reads_back_into_an_empty_archive(seeds, ingest, tmp_path):
    path = tmp_path / "backup.jsonl"
    call_command("export_articles", "--output", str(path), stdout=StringIO())
    organisation = Organisation.objects.get(acronym="OIC")
    organisation.name = "OIC (edited by an editor)"
    organisation.save()
    call_command("export_articles", "--output", str(path), stdout=StringIO())
    exported = {record["title"]: record for record in map(json.loads, path.open())}

    Article.objects.all().delete()
    Organisation.objects.all().delete()
    ingest(path)

    assert Article.objects.count() == 4
    for article in Article.objects.all():
        record = exported[article.title]
        published = article.published.isoformat() if article.published else None
        assert published == record["published"]
        assert article.author == record["author"]
        assert {o.name for o in article.organisations.all()} == {
            o["name"] for o in record["organisations"]
        }
    # The editor's name survives the round trip.
    assert Organisation.objects.get(name="OIC (edited by an editor)").articles.count() == 4


@pytest.mark.django_db
def test_copies_are_exported_as_copy_of_and_read_back(ingest, tmp_path):
    # An editor's grouping is what is exported, whatever detection would find.
    original = publish("Valdoria Foreign Ministry", STORY, 9)
    copy = publish("Capital Dispatch", with_boilerplate(STORY, "Capital Dispatch"), 12)
    apart = publish("Gulf Wire", STORY, 15)
    Article.objects.filter(pk=apart.pk).update(copy_group=None, copy_pinned=True)
    refresh_groups(CopyGroup.objects.values_list("pk", flat=True))

    records = {record["url"]: record for record in _export()}
    first_path = Article.objects.get(pk=original.pk).get_absolute_url()
    assert records[copy.url]["copy_of"] == first_path
    assert records[original.url]["copy_of"] is None
    assert records[apart.url]["copy_of"] is None

    path = tmp_path / "backup.jsonl"
    # Read back in another order: the copy before its first publisher.
    path.write_text("".join(json.dumps(r) + "\n" for r in reversed(list(records.values()))))
    Article.objects.all().delete()
    ingest(path)
    restored = {a.url: a for a in Article.objects.all()}
    assert restored[copy.url].copy_group == restored[original.url].copy_group is not None
    assert restored[original.url].copy_group.first == restored[original.url]
    assert restored[apart.url].copy_group is None


@pytest.mark.django_db
def test_a_copy_of_naming_no_article_of_the_file_is_reported(ingest, tmp_path):
    path = tmp_path / "one.jsonl"
    line = {"title": "Talks", "text": STORY, "url": "https://a.example/1", "copy_of": "/x/"}
    path.write_text(json.dumps(line) + "\n")
    ingest(path)
    assert "copy_of '/x/': no article of this ingest has that path" in ingest.stderr
    assert Article.objects.count() == 1

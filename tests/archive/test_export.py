"""export_articles writes the archive's own format, and ingest reads it back."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command

from archive.models import Article, Organisation


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

"""The ingest command end to end: files in, articles stored once, problems reported."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from django.core.management import CommandError

from archive.models import Article, Source
from conftest import ROOT, SEEDS_DIR

DEMO_JSONL = ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl"


def test_seeds_ingest_to_gold_dates_authors_and_titles(seeds, gold):
    for name, expected in gold["articles"].items():
        article = seeds[name]
        published = expected["published"]
        assert article.published == (dt.date.fromisoformat(published) if published else None)
        if "author" in expected:
            assert article.author == expected["author"]
        if "title_contains" in expected:
            assert expected["title_contains"] in article.title
        if "source" in expected:
            assert article.source.name == expected["source"]
        if "published_datetime" in expected:
            moment = dt.datetime.fromisoformat(expected["published_datetime"])
            assert article.published_at == moment
            assert article.local_published_at.utcoffset() == moment.utcoffset()


def test_derived_title_is_a_headline_not_a_paragraph(seeds):
    title = seeds["000_559ac3be9b7589b6.txt"].title
    assert 20 <= len(title) <= 100
    assert "\n" not in title
    assert seeds["000_559ac3be9b7589b6.txt"].body.count(".") > title.count(".")


def test_reingesting_the_same_files_changes_nothing(seeds, ingest):
    before = {a.pk: (a.updated, a.content_hash) for a in Article.objects.all()}
    output = ingest(SEEDS_DIR)
    assert "0 created, 0 updated, 4 unchanged" in output
    assert {a.pk: (a.updated, a.content_hash) for a in Article.objects.all()} == before


def test_a_changed_file_updates_its_article(ingest, tmp_path):
    copy = tmp_path / "003_6d2201c64f15c868.txt"
    shutil.copy(SEEDS_DIR / copy.name, copy)
    ingest(copy)
    article = Article.objects.get()
    copy.write_text(copy.read_text(encoding="utf-8") + "\nA new closing paragraph.\n")
    output = ingest(copy)
    assert "0 created, 1 updated" in output
    updated = Article.objects.get()
    assert updated.pk == article.pk
    assert "A new closing paragraph." in updated.body


def test_dry_run_stores_nothing(ingest):
    output = ingest(SEEDS_DIR, dry_run=True)
    assert "Would ingest: 4 created" in output
    assert Article.objects.count() == 0
    assert Source.objects.count() == 0


def test_same_text_under_another_name_is_stored_once(ingest, tmp_path):
    original = SEEDS_DIR / "002_a6d354069dc08d8b.txt"
    shutil.copy(original, tmp_path / "renamed-copy.txt")
    ingest(original)
    output = ingest(tmp_path / "renamed-copy.txt")
    assert "1 duplicate" in output
    assert "renamed-copy.txt" in ingest.stderr
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
        ("latin.txt", "Caf\u00e9 diplomacy in Paris.".encode("latin-1"), "UTF-8"),
        ("broken.html", b"<html><body><nav>Menu</nav></body></html>", ""),
    ],
)
def test_a_bad_file_is_reported_and_skipped_while_good_files_are_stored(
    ingest, tmp_path, name, content, reason
):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS_DIR / "003_6d2201c64f15c868.txt", good)
    with pytest.raises(CommandError, match="failed"):
        ingest(tmp_path)
    assert str(bad) in ingest.stderr
    assert reason.lower() in ingest.stderr.lower()
    assert Article.objects.count() == 1
    assert "1 created" in ingest.stdout


def test_json_lines_with_a_broken_line_keeps_the_good_records(ingest, tmp_path):
    lines = DEMO_JSONL.read_text(encoding="utf-8").splitlines()[:3]
    lines.insert(1, '{"title": "Broken", "text": ')
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError):
        ingest(path)
    assert f"{path}:2" in ingest.stderr
    assert Article.objects.count() == 3


def test_a_missing_path_is_reported(ingest, tmp_path):
    with pytest.raises(CommandError):
        ingest(tmp_path / "nowhere")
    assert "nowhere" in ingest.stderr


def test_state_department_records_keep_url_source_and_timestamp(ingest, tmp_path):
    lines = DEMO_JSONL.read_text(encoding="utf-8").splitlines()[:5]
    path = tmp_path / "releases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest(path)
    first = json.loads(lines[0])
    article = Article.objects.get(url=first["url"])
    assert article.title == " ".join(first["title"].split())
    assert article.source.name == "U.S. Department of State"
    assert article.published_at == dt.datetime.fromisoformat(first["published"])
    assert Article.objects.count() == 5
    # Records of one file are told apart by their URLs, not by the file name.
    assert ingest(path).count("5 unchanged") == 1

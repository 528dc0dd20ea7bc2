"""Hostile and broken input through the ingest command, as a user would run it.

Every bad file in ``bad_inputs/`` (and the big or special ones made here in
tmp_path) must give a message that names the file and says what is wrong, keep
the good records around it, leave nothing half-written, and end the command with
a non-zero status when anything failed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError

from archive.models import ENTITY_KINDS, Article, Source
from search.indexing import index_drift

BAD_INPUTS = Path(__file__).parent / "bad_inputs"

# file -> (what the message must say, titles of the articles still stored).
FAILING = {
    "empty.txt": (r"empty file$", []),
    "whitespace-only.txt": (r"empty file \(only whitespace\)", []),
    "bom-only.txt": (r"empty file \(only whitespace\)", []),
    "blank-lines.jsonl": (r"empty file \(only whitespace\)", []),
    "empty.jsonl.gz": (r"empty file \(after decompression\)", []),
    "binary.txt": (r"binary content \(NUL byte at offset \d+\), not a text file", []),
    "control-characters.txt": (r"binary content \(control characters\)", []),
    "truncated-utf8.txt": (r"invalid UTF-8 at byte offset 78 \(unexpected end of data\)", []),
    "latin1.txt": (r"invalid UTF-8 at byte offset 31 \(invalid continuation byte\)", []),
    "utf16-no-bom.txt": (r"looks like UTF-16-LE text without a byte order mark", []),
    "utf16-bom-truncated.txt": (r"invalid UTF-16-LE at byte offset 54", []),
    "not-gzip.jsonl.gz": (r"not valid gzip data \(bad header\)", []),
    "truncated.jsonl.gz": (r"corrupt gzip data", []),
    "truncated.jsonl.xz": (r"corrupt xz data: truncated stream", []),
    "scripts-only.html": (r"no article text found in the HTML", []),
    "html-without-text.html": (r"no article text found in the HTML", []),
    "only-a-breadcrumb.txt": (r"no article text", []),
    "bad-date-field.txt": (r"bad date field: impossible date '2024-02-31'", []),
    "future-date.jsonl": (r":1: bad date in 'published': date '2999-01-01' is in the future", []),
    "ancient-date.jsonl": (r":1: bad date in 'published': .*year 1 is before 1800", []),
    "missing-title-and-text.jsonl": (r":1: record has neither a title nor a text", []),
    "title-without-text.jsonl": (
        r"'A headline with no article under it': the article has no text",
        [],
    ),
    "bare-string.json": (r"item 1: expected a JSON object, got a string", []),
    "deeply-nested.jsonl": (r":1: invalid JSON: maximum recursion depth exceeded", []),
    "impossible-dates.jsonl": (
        r":1: bad date in 'published': impossible date '2023-02-30'.*\n"
        r".*:2: bad date in 'published': impossible date '2023-13-01'.*\n"
        r".*:3: bad date in 'published': unrecognised date 'sometime last spring'.*\n"
        r".*:4: bad date in 'published': expected a date string, got int",
        [],
    ),
    "wrong-field-types.jsonl": (
        r":1: field 'title' must be a string, got a number.*\n"
        r".*:2: field 'text' must be a string, got an array.*\n"
        r".*:3: field 'persons' must be a list, got a string.*\n"
        r".*:4: persons\[1\] has no name",
        [],
    ),
    # Good records around a bad one are stored.
    "broken-line-middle.jsonl": (
        r":2: invalid JSON: Unterminated string",
        ["Ministers meet in Ankara", "Leaders call for ceasefire"],
    ),
    "latin1-line-middle.jsonl": (
        r":2: invalid UTF-8 at byte offset \d+ \(invalid continuation byte\)",
        ["Ministers meet in Tunis", "Ministers meet in Rabat"],
    ),
    "not-an-object.jsonl": (
        r":1: expected a JSON object, got an array.*\n.*:2: expected a JSON object, got a string",
        ["Envoys meet in Doha"],
    ),
    "array-with-bad-item.json": (
        r"item 2: bad date in 'published': impossible date '2024-02-30'",
        ["Ministers meet in Cairo", "Ministers meet in Amman"],
    ),
    "javascript-url.jsonl": (
        r"'A link that runs a script': url: Enter a valid URL",
        ["Ministers meet in Riyadh"],
    ),
}

# Files that are odd but readable: stored, with what they should say.
ACCEPTED = ["conflicting-dates.txt", "conflicting-url.jsonl", "script-iframe-handlers.html"]
DUPLICATES = ["original.txt", "copy-under-another-name.txt"]


def test_the_corpus_is_complete():
    on_disk = {path.name for path in BAD_INPUTS.iterdir()}
    assert on_disk == set(FAILING) | set(ACCEPTED) | set(DUPLICATES)
    assert len(on_disk) >= 30


def assert_consistent():
    """Nothing half-written: every stored article is whole and indexed, no stray rows."""
    for article in Article.objects.all():
        assert article.title and article.body and article.content_hash
    assert not Source.objects.filter(articles__isnull=True).exists()
    drift = index_drift()
    assert not drift.found, drift


def ingest_failing(ingest, *paths) -> str:
    with pytest.raises(CommandError, match=r"failed; see above"):
        ingest(*paths)
    return ingest.stderr


@pytest.mark.parametrize("name", sorted(FAILING))
def test_a_bad_file_is_reported_by_name_and_reason(ingest, name):
    pattern, stored = FAILING[name]
    path = BAD_INPUTS / name
    errors = ingest_failing(ingest, path)
    assert re.search(pattern, errors), errors
    for line in errors.strip().splitlines():
        assert line.startswith(str(path)), line
        assert "Traceback" not in line
    assert sorted(Article.objects.values_list("title", flat=True)) == sorted(stored)
    if not stored:
        # A refused record leaves nothing behind: no source, no entity.
        assert not Source.objects.exists()
        for kind in ENTITY_KINDS.values():
            assert not kind.model.objects.exists(), kind.name
    assert_consistent()


def test_a_duplicate_under_another_name_is_stored_once_and_named(ingest):
    ingest(BAD_INPUTS / "original.txt")
    original = Article.objects.get()
    ingest(BAD_INPUTS / "copy-under-another-name.txt")
    assert Article.objects.get() == original
    copy = BAD_INPUTS / "copy-under-another-name.txt"
    assert f"{copy}: skipped, same text as article {original.pk} (original.txt)" in ingest.stderr
    assert_consistent()


def test_conflicting_dates_the_explicit_date_field_wins(ingest):
    ingest(BAD_INPUTS / "conflicting-dates.txt")
    article = Article.objects.get()
    assert article.published == dt.date(2024, 3, 5)
    # The dateline's time belongs to another day: it is not taken.
    assert article.published_at is None


def test_two_records_with_one_url_in_a_file_keep_the_last_version(ingest):
    output = ingest(BAD_INPUTS / "conflicting-url.jsonl")
    assert "1 created, 1 updated" in output
    article = Article.objects.get()
    assert article.title == "Second version of the statement"
    assert "transport" in article.body
    assert_consistent()


def test_html_scripts_iframes_and_event_handlers_are_dropped(ingest):
    ingest(BAD_INPUTS / "script-iframe-handlers.html")
    article = Article.objects.get()
    assert article.title == "Ministers meet in Geneva"
    assert "humanitarian cooperation" in article.body
    assert "meet again in Baku" in article.body
    stored = f"{article.title} {article.lead} {article.body} {article.url}"
    for payload in ("alert", "<", "onerror", "onclick", "evil.example", "cookie", "javascript"):
        assert payload not in stored, payload
    assert_consistent()


def test_the_whole_corpus_at_once_keeps_every_good_record(ingest):
    errors = ingest_failing(ingest, BAD_INPUTS)
    for name, (pattern, _stored) in FAILING.items():
        assert str(BAD_INPUTS / name) in errors, name
        assert re.search(pattern, errors, re.MULTILINE), name
    expected = {title for _pattern, stored in FAILING.values() for title in stored}
    expected |= {
        "Ministers meet in Baku",  # conflicting-dates.txt
        "Second version of the statement",
        "Ministers meet in Geneva",
    }
    titles = list(Article.objects.values_list("title", flat=True))
    # original.txt and its copy: one article (its title is derived from the text).
    assert len(titles) == len(expected) + 1
    assert expected <= set(titles)
    assert "skipped, same text as article" in errors
    assert_consistent()

    # Running it again changes nothing and reports the same failures.
    errors_again = ingest_failing(ingest, BAD_INPUTS)
    assert sorted(Article.objects.values_list("title", flat=True)) == sorted(titles)
    assert errors_again.count("\n") >= len(FAILING)


# --- big and special files, made here -------------------------------------------------

GOOD = "By Jane Smith\n\nThe foreign ministers met in Baku on Tuesday to discuss trade.\n"


def test_a_50_mb_file_is_refused_before_it_is_read(ingest, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    (tmp_path / "good.txt").write_text(GOOD)
    errors = ingest_failing(ingest, tmp_path)
    assert f"{big}: file is too large (50.0 MB, the limit is 20.0 MB)" in errors
    assert Article.objects.get().source_file == "good.txt"
    assert_consistent()


def test_a_huge_single_line_is_refused_with_its_size(ingest, tmp_path):
    line = tmp_path / "one-line.txt"
    words = ["minister", "summit", "Baku", "trade", "talks", "the", "of", "NATO", "Ankara"]
    line.write_text(" ".join(words[i % len(words)] for i in range(600_000)))
    (tmp_path / "good.txt").write_text(GOOD)
    errors = ingest_failing(ingest, tmp_path)
    assert re.search(
        rf"^{re.escape(str(line))}: .*the article's text is too long \([\d,]+ characters; "
        r"the limit is 500,000\)",
        errors,
        re.MULTILINE,
    ), errors
    assert Article.objects.get().source_file == "good.txt"
    assert_consistent()


def test_a_huge_json_lines_record_is_refused_and_its_neighbours_kept(ingest, tmp_path):
    import json

    records = [
        {"title": "Before", "text": "The ministers met in Baku.", "published": "2024-01-01"},
        {"title": "Huge", "text": "talks " * 200_000, "published": "2024-01-02"},
        {"title": "After", "text": "The ministers met in Ankara.", "published": "2024-01-03"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    errors = ingest_failing(ingest, path)
    assert f"{path}: 'Huge': the article's text is too long" in errors
    assert sorted(Article.objects.values_list("title", flat=True)) == ["After", "Before"]


def test_a_directory_symlink_loop_is_reported_not_walked_forever(ingest, tmp_path):
    inner = tmp_path / "corpus" / "inner"
    inner.mkdir(parents=True)
    (inner / "good.txt").write_text(GOOD)
    (inner / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    errors = ingest_failing(ingest, tmp_path / "corpus")
    assert f"{inner / 'loop'}: directory symlink loop, not followed" in errors
    assert Article.objects.get().source_file == "good.txt"


def test_a_broken_symlink_and_a_fifo_are_reported(ingest, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    errors = ingest_failing(ingest, tmp_path)
    assert f"{tmp_path / 'gone.txt'}: cannot access: No such file or directory" in errors
    assert f"{tmp_path / 'pipe.jsonl'}: not a regular file" in errors
    assert Article.objects.get().source_file == "good.txt"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root, which can read any file whatever its permissions",
)
def test_an_unreadable_file_is_reported(ingest, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    secret = tmp_path / "secret.txt"
    shutil.copy(BAD_INPUTS / "original.txt", secret)
    secret.chmod(0)
    try:
        errors = ingest_failing(ingest, tmp_path)
    finally:
        secret.chmod(0o600)
    assert f"{secret}: permission denied" in errors
    assert Article.objects.get().source_file == "good.txt"

from __future__ import annotations

import codecs
import gzip
import json
import lzma
import os
import shutil
from pathlib import Path

import pytest

from archive.ingest import files
from archive.ingest.files import iter_input_files, read_records
from archive.ingest.records import ArticleRecord, ParseError

from .helpers import seed_path

ARTICLE = "By Jane Smith\n\nThe ministers met in Baku on Tuesday to discuss trade.\n"
RECORD = json.dumps({"title": "Talks", "text": "The ministers met.", "published": "2024-03-05"})


def only_record(path: Path) -> ArticleRecord:
    (result,) = list(read_records(path))
    assert isinstance(result, ArticleRecord), result
    return result


def only_error(path: Path) -> str:
    (result,) = list(read_records(path))
    assert isinstance(result, ParseError), result
    message = str(result)
    assert message.startswith(str(path)), message
    return message


# --- finding files ----------------------------------------------------------


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a/z.html", "a/c.jsonl.xz", "B/x.json", "top.ndjson", "a/d.text.gz"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    for skipped in [".hidden.txt", ".git/config.txt", "notes.md", "image.png", "a/data.csv"]:
        (tmp_path / skipped).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / skipped).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["B/x.json", "a/c.jsonl.xz", "a/d.text.gz", "a/z.html", "b.txt", "top.ndjson"]


def test_files_named_explicitly_are_kept_in_order_whatever_their_name(tmp_path):
    names = ["z.md", ".hidden", "a.txt"]
    for name in names:
        (tmp_path / name).write_text("x")
    assert list(iter_input_files([tmp_path / n for n in names])) == [tmp_path / n for n in names]


def test_a_missing_path_is_reported_and_the_others_still_come(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    missing = tmp_path / "nowhere.txt"
    found = list(iter_input_files([str(missing), tmp_path / "a.txt"]))
    assert isinstance(found[0], ParseError)
    assert str(found[0]) == f"{missing}: no such file or directory"
    assert found[1] == tmp_path / "a.txt"


def test_directory_symlinks_are_followed_but_loops_are_detected(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    found = list(iter_input_files([tmp_path]))
    paths = [p for p in found if isinstance(p, Path)]
    errors = [str(e) for e in found if isinstance(e, ParseError)]
    assert paths == [tmp_path / "alias" / "a.txt", tmp_path / "real" / "a.txt"]
    assert errors == [
        f"{tmp_path / 'alias' / 'loop'}: directory symlink loop, not followed",
        f"{tmp_path / 'real' / 'loop'}: directory symlink loop, not followed",
    ]


# --- reading files ----------------------------------------------------------


def test_seed_file_reads_as_one_record_named_by_its_basename():
    record = only_record(seed_path("003_6d2201c64f15c868.txt"))
    assert record.source_file == "003_6d2201c64f15c868.txt"
    assert record.author == "Vafa Ismayilova"


@pytest.mark.parametrize(
    ("name", "compress"),
    [("a.txt.gz", gzip.compress), ("a.txt.xz", lzma.compress), ("a.text", bytes)],
)
def test_compressed_and_alternative_suffixes(tmp_path, name, compress):
    path = tmp_path / name
    path.write_bytes(compress(ARTICLE.encode()))
    record = only_record(path)
    assert record.author == "Jane Smith"
    assert record.source_file == name


def test_json_lines_in_xz_carry_path_and_line_in_errors(tmp_path):
    path = tmp_path / "feed.jsonl.xz"
    path.write_bytes(lzma.compress(f"{RECORD}\nnot json\n{RECORD}\n".encode()))
    results = list(read_records(path))
    assert [type(r) for r in results] == [ArticleRecord, ParseError, ArticleRecord]
    assert str(results[1]).startswith(f"{path}:2: invalid JSON")


def test_json_file_may_hold_an_array(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([json.loads(RECORD), {"title": "", "text": ""}]))
    results = list(read_records(path))
    assert isinstance(results[0], ArticleRecord)
    assert str(results[1]) == f"{path}: item 2: record has neither a title nor a text"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (
            "<!DOCTYPE html><html><body><article><p>Hello from HTML.</p></article></body></html>",
            "html",
        ),
        (RECORD + "\n", "json"),
        ("The ministers met in Baku on Tuesday to discuss trade.", "text"),
    ],
)
def test_content_is_sniffed_for_unknown_suffixes(tmp_path, content, kind):
    path = tmp_path / "download.dat"
    path.write_text(content)
    record = only_record(path)
    expected = {"html": "Hello from HTML.", "json": "The ministers met.", "text": content}
    assert record.body == expected[kind]


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks_are_honoured(tmp_path, bom, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + (" date 2024-03-05 " + ARTICLE).encode(encoding))
    record = only_record(path)
    assert record.published.isoformat() == "2024-03-05"
    assert record.body.startswith("The ministers")


# --- bad files --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file (only whitespace)"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("nul.txt", b"Some text\x00\x01\x02 more", "binary content (NUL byte at offset 9)"),
        ("noise.txt", bytes(range(1, 32)) * 40 + bytes(range(128, 256)) * 10, "binary content"),
        (
            "latin.txt",
            "Café diplomacy in Paris.".encode("latin-1"),
            "invalid UTF-8 at byte offset 3",
        ),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", "invalid UTF-16-LE at byte offset 4"),
        ("fake.txt.xz", b"plain text, not xz", "not valid xz data"),
        ("cut.txt.xz", lzma.compress(ARTICLE.encode())[:-12], "corrupt xz data"),
        ("cut.txt.gz", gzip.compress(ARTICLE.encode())[:-6], "corrupt gzip data"),
        ("nav.html", b"<html><body><nav>Menu</nav></body></html>", "no article text"),
        ("date.txt", b" date 2025-02-30 Text of the article.", "impossible date"),
        ("nothing.txt", b" date 2024-01-02 By Jane Smith", "no article text"),
    ],
)
def test_each_bad_file_gives_an_error_naming_the_path_and_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    assert reason in only_error(path)


def test_utf8_offset_after_decompression_is_of_the_decompressed_text(tmp_path):
    path = tmp_path / "latin.txt.gz"
    path.write_bytes(gzip.compress("Café".encode("latin-1")))
    assert "invalid UTF-8 at byte offset 3 (after decompression)" in only_error(path)


def test_a_file_over_the_size_limit_says_its_size_and_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 200)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10_000)
    assert (
        only_error(path) == f"{path}: file is too large (14,000 bytes, the limit is 10,000 bytes)"
    )


def test_the_real_size_limit_is_20_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)  # sparse: no disk space needed
    assert "file is too large (20.0 MB, the limit is 20.0 MB)" in only_error(path)


def test_a_decompression_bomb_is_stopped(tmp_path, monkeypatch):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    monkeypatch.setattr(files, "MAX_DECOMPRESSED_BYTES", 50_000)
    assert "decompressed content is too large" in only_error(path)


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: simulate the refusal
        real_open = Path.open

        def refuse(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    assert only_error(path) == f"{path}: permission denied"


def test_an_unexpected_parser_crash_becomes_an_error_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)

    def crash(text, *, source_file):
        raise RuntimeError("boom")

    monkeypatch.setattr(files, "parse_text", crash)
    assert only_error(path) == f"{path}: unexpected RuntimeError while parsing: boom"


def test_good_files_still_read_after_bad_ones(tmp_path):
    shutil.copy(seed_path("002_a6d354069dc08d8b.txt"), tmp_path / "b.txt")
    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    results = [r for p in iter_input_files([tmp_path]) for r in read_records(p)]
    assert isinstance(results[0], ParseError)
    assert isinstance(results[1], ArticleRecord) and results[1].source == "Azernews"

"""HTML character references left in scraped text are decoded once, at ingest."""

from __future__ import annotations

import json

from archive.ingest.entities import decode_entities
from archive.ingest.jsonl import iter_jsonl
from archive.ingest.text import parse_text


def test_complete_references_are_decoded():
    assert decode_entities("Sana&#x27;a and AT&amp;T, Caf&eacute;") == "Sana'a and AT&T, Café"


def test_text_that_only_looks_like_a_reference_stays_as_written():
    assert decode_entities("R&D, M&A and ?a=1&copy=2") == "R&D, M&A and ?a=1&copy=2"


def test_text_is_decoded_once_not_twice():
    assert decode_entities("&amp;amp;") == "&amp;"


def test_a_jsonl_record_decodes_its_text_but_not_its_url():
    line = json.dumps(
        {
            "title": "Attack in Sana&#x27;a",
            "text": "Houthi forces struck Sana&#x27;a on Monday.",
            "url": "https://example.org/a?x=1&amp;y=2",
            "published": "2022-01-03",
        }
    )
    (record,) = iter_jsonl([line], source_file="feed.jsonl")
    assert record.title == "Attack in Sana'a"
    assert "Sana'a" in record.body
    assert record.url == "https://example.org/a?x=1&amp;y=2"


def test_a_plain_text_article_decodes_its_text():
    record = parse_text("Talks in Sana&#x27;a\n\nEnvoys met in Sana&#x27;a.\n", source_file="a.txt")
    assert "Sana'a" in record.body and "&#x27;" not in record.body

"""Preparing a record: the article fields it would store, or why it is refused."""

from __future__ import annotations

import hashlib
import re

from archive.ingest.records import ArticleRecord
from archive.services.preparing import MAX_BODY_CHARS, content_hash, prepare_record


def test_the_text_fingerprint_of_stored_articles_stays_the_same():
    title, body = "  Ministers\u00a0MEET ", "in\tBaku\n\n on  Tuesday.\u2028"
    before = re.sub(r"\s+", " ", f"{title}\n{body}").strip().casefold()
    assert content_hash(title, body) == hashlib.sha256(before.encode()).hexdigest()


def test_a_record_without_text_or_title_or_with_too_much_text_is_refused():
    def error(title: str, body: str) -> str:
        prepared = prepare_record(ArticleRecord(title=title, body=body))
        return str(prepared.error) if prepared.error else ""

    assert error("Talks", " \n ") == "the article has no text"
    assert error("  ", "The ministers met.") == "the article has no title"
    assert error("Talks", "x" * (MAX_BODY_CHARS + 1)).startswith("the article's text is too long")
    assert error("Talks", "The ministers met.") == ""

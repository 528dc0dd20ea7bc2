"""Preparing a record: the article fields it would store, or why it is refused."""

from __future__ import annotations

import datetime as dt
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


def test_a_utc_stamp_from_a_listed_outlet_is_filed_under_the_outlets_day():
    stamp = dt.datetime(2021, 5, 21, 1, 10, tzinfo=dt.UTC)
    record = ArticleRecord(
        title="Secretary Blinken's Call with Foreign Minister Ashkenazi",
        body="Secretary Blinken spoke with Foreign Minister Ashkenazi this morning.",
        url="https://www.state.gov/secretary-blinkens-call/",
        published=stamp.date(),
        published_at=stamp,
    )
    fields = prepare_record(record).fields
    assert fields["published"] == dt.date(2021, 5, 20)
    assert fields["published_offset"] == -240
    assert fields["published_at"] == stamp  # the moment itself is unchanged

    elsewhere = prepare_record(
        ArticleRecord(
            title=record.title,
            body=record.body,
            url="https://example.org/call",
            published=stamp.date(),
            published_at=stamp,
        )
    ).fields
    assert (elsewhere["published"], elsewhere["published_offset"]) == (dt.date(2021, 5, 21), 0)

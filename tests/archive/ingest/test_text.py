from __future__ import annotations

import datetime as dt
import re

import pytest

from archive.ingest.headline import derive_headline, first_sentence
from archive.ingest.records import ParseError
from archive.ingest.text import parse_text

from .helpers import gold_articles, seed_path


def parse_seed(name: str):
    path = seed_path(name)
    return parse_text(path.read_text(encoding="utf-8"), source_file=name)


def test_seeds_parse_to_the_gold_dates_authors_titles_and_sources():
    for name, expected in gold_articles().items():
        record = parse_seed(name)
        published = expected["published"]
        assert record.published == (dt.date.fromisoformat(published) if published else None), name
        assert record.author == expected.get("author", ""), name
        if "title_contains" in expected:
            assert expected["title_contains"] in record.title
        if "source" in expected:
            assert record.source == expected["source"]
        if "published_datetime" in expected:
            assert record.published_at == dt.datetime.fromisoformat(expected["published_datetime"])
        assert record.source_file == name


def test_dateline_gives_an_aware_time_at_its_own_offset():
    record = parse_seed("002_a6d354069dc08d8b.txt")
    assert record.published == dt.date(2025, 4, 29)
    assert record.published_at.utcoffset() == dt.timedelta(hours=4)
    assert record.published_at.astimezone(dt.UTC) == dt.datetime(2025, 4, 29, 13, 43, tzinfo=dt.UTC)


def test_derived_title_of_000_is_a_short_headline_from_the_lead():
    record = parse_seed("000_559ac3be9b7589b6.txt")
    title, sentence = record.title, first_sentence(record.lead)
    assert 20 <= len(title) <= 100
    assert len(title) < len(sentence)
    assert "\n" not in title and not title.endswith(".")
    # It starts the way the lead does: its words follow the lead's, in order.
    words = iter(re.findall(r"\w+", sentence))
    assert all(word in words for word in re.findall(r"\w+", title))
    assert title.split()[0] in re.findall(r"\w+", sentence)[:8]
    # The attribution ("Dr. ..., told Report") is not part of a headline.
    assert "told" not in title and "Dr" not in title


def test_metadata_lines_never_reach_the_body():
    body_001 = parse_seed("001_7ce36fb11aacb69e.txt").body
    assert "Home /" not in body_001
    assert "About Fidan" not in body_001 and "Fidan Abdullayeva" not in body_001
    assert body_001.startswith("President of the Republic of Azerbaijan Ilham Aliyev has received")
    assert "President Ilham Aliyev received OIC Secretary General" not in body_001

    record_002 = parse_seed("002_a6d354069dc08d8b.txt")
    assert record_002.lead.startswith("A regional office of the Islamic World")
    assert "Laman Ismayilova" not in record_002.body and "UTC" not in record_002.body

    body_003 = parse_seed("003_6d2201c64f15c868.txt").body
    assert "By Vafa" not in body_003 and "date 2021" not in body_003
    assert body_003.startswith("The Organization of Islamic Cooperation (OIC) has called")


def test_body_is_the_paragraphs_joined_by_blank_lines_with_text_unchanged():
    path = seed_path("000_559ac3be9b7589b6.txt")
    record = parse_text(path.read_text(encoding="utf-8"), source_file=path.name)
    paragraphs = record.body.split("\n\n")
    assert len(paragraphs) == 8
    assert record.lead == paragraphs[0]
    assert paragraphs[0].startswith("The Organization of Islamic Cooperation (OIC) hopes")
    assert paragraphs[-1].endswith("held in Dakar on December 8, 1991.")
    assert all("\n" not in p and "  " not in p and p == p.strip() for p in paragraphs)


def test_no_outlet_in_the_lead_leaves_the_source_empty():
    assert parse_seed("003_6d2201c64f15c868.txt").source == ""


def test_whitespace_is_normalised_inside_paragraphs_and_crlf_is_accepted():
    text = (
        "By Jane Smith\r\n\r\nThe talks   began in\r\nBaku today.\r\n\r\n\r\nThey ended late.\r\n"
    )
    record = parse_text(text, source_file="x.txt")
    assert record.author == "Jane Smith"
    assert record.body == "The talks began in Baku today.\n\nThey ended late."
    assert record.published is None and record.published_at is None


def test_dateline_on_another_day_does_not_override_the_date_field():
    text = (
        " date 2025-04-30 29 April 2025 17:43 (UTC+04:00)\n\nThe ministers met in Baku on Tuesday."
    )
    record = parse_text(text, source_file="x.txt")
    assert record.published == dt.date(2025, 4, 30)
    assert record.published_at is None


def test_dateline_without_date_field_gives_the_date():
    record = parse_text("April 29, 2025\n\nThe ministers met in Baku.", source_file="x.txt")
    assert record.published == dt.date(2025, 4, 29)
    assert record.body == "The ministers met in Baku."


def test_breadcrumb_without_home_needs_three_parts():
    record = parse_text("Politics / Economy is a phrase.\n\nMore text here.", source_file="x.txt")
    assert record.body.startswith("Politics / Economy is a phrase.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no article text"),
        (" date 2025-04-29 ", "no article text"),
        (" date 2025-02-30 Some text.", "impossible date"),
        (" date 2999-01-01 Some text.", "future"),
    ],
)
def test_unusable_texts_raise(text, reason):
    with pytest.raises(ParseError, match=reason):
        parse_text(text, source_file="x.txt")


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "Azerbaijan, Turkey and Russia signed a deal on Monday, the minister said.",
            "Azerbaijan, Turkey and Russia signed a deal on Monday",
        ),
        (
            "Dr. Smith arrived in Baku on Monday for talks. He left.",
            "Dr. Smith arrived in Baku on Monday for talks",
        ),
        (
            "Talks resumed, according to officials in the capital.",
            "Talks resumed, according to officials in the capital",
        ),
    ],
)
def test_headline_cuts_attribution_but_not_abbreviations(lead, expected):
    assert derive_headline(lead) == expected


def test_long_headline_is_cut_on_a_word_boundary():
    lead = "The delegation " + "discussed many detailed matters of regional trade " * 5 + "today."
    headline = derive_headline(lead)
    assert len(headline) <= 100
    assert headline.endswith("…")
    assert lead.startswith(headline[:-1])
    assert lead[len(headline) - 1] == " "

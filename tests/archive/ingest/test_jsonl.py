from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from archive.ingest.files import read_records
from archive.ingest.jsonl import iter_jsonl
from archive.ingest.records import ArticleRecord, EntityRecord, ParseError

from .helpers import state_dept_file

GOOD = {
    "title": "Secretary Blinken's Call with Ukrainian Foreign Minister Kuleba",
    "published": "2021-05-21T15:49:48+00:00",
    "url": "https://www.state.gov/call-kuleba/",
    "creator": "Antony J. Blinken, Secretary of State",
    "text": "Secretary Blinken spoke with Foreign Minister Kuleba.\n\nThey discussed security.",
}


def line(**fields) -> str:
    return json.dumps({**GOOD, **fields})


def test_a_broken_line_in_the_middle_is_reported_and_the_rest_parses():
    lines = [line(title="First"), '{"title": "Broken", "text": ', line(title="Third")]
    results = list(iter_jsonl(lines, source_file="feed.jsonl"))
    assert [type(r) for r in results] == [ArticleRecord, ParseError, ArticleRecord]
    assert str(results[1]).startswith("feed.jsonl:2: invalid JSON")
    assert [results[0].title, results[2].title] == ["First", "Third"]


def test_fields_map_to_the_record():
    (record,) = iter_jsonl([line()], source_file="feed.jsonl")
    assert record.title == GOOD["title"]
    assert record.published == dt.date(2021, 5, 21)
    assert record.published_at == dt.datetime(2021, 5, 21, 15, 49, 48, tzinfo=dt.UTC)
    assert record.author == "Antony J. Blinken, Secretary of State"
    assert record.url == GOOD["url"]
    assert record.body == GOOD["text"]
    assert record.lead == "Secretary Blinken spoke with Foreign Minister Kuleba."
    assert record.source_file == "feed.jsonl"
    assert record.entities == {}


def test_author_wins_over_creator_and_own_source_file_wins():
    (record,) = iter_jsonl(
        [line(author="Ned Price", source_file="orig.txt", source="State", language="EN")],
        source_file="export.jsonl",
    )
    assert (record.author, record.source_file, record.source, record.language) == (
        "Ned Price",
        "orig.txt",
        "State",
        "en",
    )


def test_single_newlines_in_the_text_are_kept():
    (record,) = iter_jsonl([line(text="Tunisia\nAmericas  \n\n\n\nNext   part")], source_file="f")
    assert record.body == "Tunisia\nAmericas\n\nNext part"


def test_missing_title_is_derived_as_a_headline():
    text = (
        "The Organization of Islamic Cooperation (OIC) has called on member states to support "
        "Azerbaijan, an OIC official has said.\n\nMore text."
    )
    (record,) = iter_jsonl([json.dumps({"text": text})], source_file="f")
    assert record.title == "OIC has called on member states to support Azerbaijan"
    assert record.published is None


def test_export_entities_become_entity_records():
    persons = [{"name": "Ahmad Kawesa Sengendo", "slug": "ahmad", "aliases": ["Sengendo"]}]
    places = [{"name": "Baku", "slug": "baku", "aliases": []}]
    (record,) = iter_jsonl([line(persons=persons, places=places)], source_file="f")
    assert record.entities == {
        "persons": (EntityRecord("Ahmad Kawesa Sengendo", ("Sengendo",)),),
        "places": (EntityRecord("Baku"),),
    }


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("[1, 2]", "expected a JSON object, got an array"),
        ('"just a string"', "expected a JSON object, got a string"),
        ('{"url": "https://x"}', "neither a title nor a text"),
        ('{"title": "  ", "text": ""}', "neither a title nor a text"),
        (line(published="2021-02-30"), "bad date in 'published': impossible date"),
        (line(published="soon"), "bad date in 'published': unrecognised"),
        (line(title=5), "field 'title' must be a string"),
        (line(persons=[{"slug": "x"}]), r"persons\[1\] has no name"),
        (line(places=["usa"]), r"places\[1\] must be an object"),
        (line(events={"name": "x"}), "field 'events' must be a list"),
        ("[" * 100000, "invalid JSON"),
    ],
)
def test_each_kind_of_bad_line_names_file_line_and_problem(bad, reason):
    results = list(iter_jsonl(["", bad, line()], source_file="feed.jsonl"))
    assert len(results) == 2
    assert isinstance(results[0], ParseError)
    assert str(results[0]).startswith("feed.jsonl:2: ")
    assert re.search(reason, str(results[0]))
    assert isinstance(results[1], ArticleRecord)


def test_blank_lines_are_skipped_but_counted():
    results = list(iter_jsonl(["\n", line(), "   \n", "{oops}\n"], source_file="f.jsonl"))
    assert isinstance(results[0], ArticleRecord)
    assert str(results[1]).startswith("f.jsonl:4:")


def test_the_state_department_file_reads_1803_dated_records():
    records = list(read_records(state_dept_file()))
    errors = [r for r in records if isinstance(r, ParseError)]
    assert errors == []
    assert len(records) == 1803
    assert all(r.published and r.published_at and r.published_at.tzinfo for r in records)
    assert all(r.title and r.body and r.url.startswith("https://www.state.gov/") for r in records)
    assert {r.source_file for r in records} == {state_dept_file().name}
    assert "Antony J. Blinken, Secretary of State" in {r.author for r in records}
    dates = sorted(r.published for r in records)
    assert (dates[0], dates[-1]) == (dt.date(2021, 5, 20), dt.date(2022, 6, 30))

"""The benchmark corpus: distinct copies with shifted dates. No database needed."""

from __future__ import annotations

import json

from bench.corpus import SHIFT_DAYS, copy_of, make_corpus, shift_date, unique, write_corpus


def _base(count: int = 3) -> list[dict]:
    return [
        {
            "title": f"Title {n}",
            "text": f"Text {n}",
            "published": "2022-03-01T10:00:00+00:00" if n % 2 else "1987-02-26",
            "url": f"https://example.invalid/{n}",
            "source": "Example",
        }
        for n in range(count)
    ]


def test_the_corpus_has_the_size_asked_for_with_distinct_urls_and_texts():
    corpus = list(make_corpus(_base(3), 10))
    assert len(corpus) == 10
    assert len({record["url"] for record in corpus}) == 10
    assert len({(record["title"], record["text"]) for record in corpus}) == 10


def test_the_first_pass_is_the_real_records_unchanged():
    base = _base(3)
    assert list(make_corpus(base, 3)) == base
    assert list(make_corpus(base, 2)) == base[:2]


def test_copies_are_shifted_into_the_past_by_whole_steps():
    base = _base(2)
    corpus = list(make_corpus(base, 6))
    assert corpus[2]["published"] == shift_date("1987-02-26", SHIFT_DAYS)
    assert corpus[4]["published"] == shift_date("1987-02-26", 2 * SHIFT_DAYS)
    assert corpus[3]["published"] < corpus[1]["published"]
    assert corpus[2]["title"] == base[0]["title"]


def test_shift_date_keeps_the_form_of_the_value():
    assert shift_date("2022-03-01", 1) == "2022-02-28"
    assert shift_date("2022-03-01T10:00:00+02:00", 1) == "2022-02-28T10:00:00+02:00"
    assert shift_date("1987-03-01T10:00:00", 365) == "1986-03-01T10:00:00"
    assert shift_date(None, 10) is None
    assert shift_date("2022-03-01", 0) == "2022-03-01"


def test_a_copy_of_an_undated_record_stays_undated():
    record = {**_base(1)[0], "published": None}
    assert copy_of(record, 2)["published"] is None


def test_copy_urls_keep_an_existing_query_string():
    record = {**_base(1)[0], "url": "https://example.invalid/?page_id=7"}
    assert copy_of(record, 1)["url"] == "https://example.invalid/?page_id=7&bench-copy=1"


def test_unique_drops_repeated_texts_whatever_their_case_and_spacing():
    base = _base(2)
    repeat = {**base[0], "text": "  TEXT   0 ", "url": "https://example.invalid/other"}
    assert unique([base[0], repeat, base[1]]) == [base[0], base[1]]


def test_write_corpus_splits_into_files(tmp_path):
    count = write_corpus(make_corpus(_base(3), 7), tmp_path, per_file=3)
    assert count == 7
    files = sorted(tmp_path.glob("articles-*.jsonl"))
    assert [len(f.read_text().splitlines()) for f in files] == [3, 3, 1]
    assert json.loads(files[0].read_text().splitlines()[0])["title"] == "Title 0"

"""The query reader, on its own: what reaches the backend, and when it gives up."""

from __future__ import annotations

import pytest

from search.query import MAX_QUERY_CHARS, parse_query


@pytest.mark.parametrize(
    ("typed", "backend"),
    [
        ("OIC", "(oic)"),
        ("Karabakh -Sengendo", "(karabakh AND NOT sengendo)"),
        ('"Islamic Development Bank"', '("Islamic Development Bank")'),
        ("“Islamic Development Bank”", '("Islamic Development Bank")'),
        ("aliyev taha OR sengendo", "(aliyev AND (taha OR sengendo))"),
        ("(aliyev OR taha) NOT baku", "((aliyev OR taha) AND NOT baku)"),
        ("oic AND icesco", "(oic AND icesco)"),
        ('person:"Ilham Aliyev" title:oic', '(person_names:"Ilham Aliyev" AND title:oic)'),
        ("organisation:(oic OR icesco)", "(organisation_names:(oic OR icesco))"),
        ("place:Baku source:Azernews", "(place_names:baku AND source_name:azernews)"),
        ("invest*", "(invest*)"),
        ("bin-Salman", '("bin-Salman")'),
        ("unknown:field", '("unknown:field")'),
    ],
)
def test_queries_are_rebuilt_in_the_backend_syntax(typed, backend):
    parsed = parse_query(typed)
    assert not parsed.fallback
    assert parsed.backend_query == backend


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ('"Islamic Development', ["Islamic", "Development"]),
        ("(oic icesco", ["oic", "icesco"]),
        ("oic)", ["oic"]),
        ("OR", []),
        ("oic OR", ["oic"]),
        ("AND oic", ["oic"]),
        ("-", []),
        ("oic -", ["oic"]),
        ("person:", ["person"]),
        ("person: aliyev", ["person", "aliyev"]),
        ("NOT", []),
        ("()", []),
        ("oic " * 500, ["oic"] * 40),
    ],
)
def test_malformed_queries_fall_back_to_their_plain_words(typed, words):
    parsed = parse_query(typed)
    assert parsed.fallback and parsed.problem
    assert parsed.words == words
    assert parsed.backend_query == (
        "(" + " AND ".join(w.lower() for w in words) + ")" if words else ""
    )


def test_a_very_long_query_falls_back_and_drops_absurd_words():
    parsed = parse_query("x" * (MAX_QUERY_CHARS + 1) + " summit")
    assert parsed.fallback and "too long" in parsed.problem
    assert parsed.words == ["summit"]


def test_odd_unicode_is_tidied_not_an_error():
    parsed = parse_query("\u200bOIC\u0000 ❤️ Ağdam\u202e")
    assert not parsed.fallback
    assert parsed.backend_query == "(oic AND ağdam)"


def test_excluded_words_are_not_words_searched_for():
    parsed = parse_query('Karabakh -Sengendo NOT "Islamic Cooperation" person:aliyev')
    assert parsed.words == ["Karabakh", "aliyev"]
    assert parsed.phrases == ["aliyev"]


def test_an_empty_or_punctuation_query_browses_everything():
    for typed in ("", "   ", "&", "?!"):
        parsed = parse_query(typed)
        assert parsed.is_empty and not parsed.fallback


def test_only_a_query_of_plain_words_offers_any_of_them():
    relaxed = parse_query("halal business Sengendo").any_of_words()
    assert relaxed.backend_query == "(halal OR business OR sengendo)"
    assert parse_query("halal").any_of_words() is None
    assert parse_query('"halal business" Baku').any_of_words() is None
    assert parse_query("halal -Baku").any_of_words() is None
    assert parse_query("person:Aliyev Baku").any_of_words() is None

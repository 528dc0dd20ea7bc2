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
    # A few distinct words, each required once.
    distinct = dict.fromkeys(w.lower() for w in words)
    assert parsed.backend_query == ("(" + " AND ".join(distinct) + ")" if words else "")


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


@pytest.mark.parametrize(
    ("typed", "backend"),
    [
        # Negations cancel out in pairs: Whoosh cannot read "NOT NOT oic" (a 500, once).
        ("NOT NOT oic", "(oic)"),
        ("NOT -oic", "(oic)"),
        ("--oic", "(oic)"),
        ("-(-oic)", "(oic)"),
        ("NOT (NOT oic)", "(oic)"),
        ("-(-(-oic))", "(NOT oic)"),
        ("Karabakh -(-Sengendo)", "(karabakh AND sengendo)"),
        ("-(-oic -icesco)", "(NOT (NOT oic AND NOT icesco))"),
        # Nothing but exclusions: every article without them.
        ("-oic", "(NOT oic)"),
        ("NOT oic", "(NOT oic)"),
        # A field goes inside the NOT ("title:NOT oic" would search the text for oic),
        # and a field inside a field wins.
        ("title:(-oic)", "(NOT title:oic)"),
        ("-title:(-oic)", "(title:oic)"),
        ("title:(oic -icesco)", "(title:(oic AND NOT icesco))"),
        ("title:(person:aliyev)", "(person_names:aliyev)"),
    ],
)
def test_stacked_negations_and_fields_are_rebuilt_as_meant(typed, backend):
    parsed = parse_query(typed)
    assert not parsed.fallback
    assert parsed.backend_query == backend


def test_stacked_negations_keep_what_they_look_for():
    assert parse_query("NOT -oic").words == ["oic"]
    assert parse_query("-(-(-oic))").words == []


@pytest.mark.parametrize(
    "typed",
    ["(" * 400 + "oic" + ")" * 400, "-(" * 300 + "oic" + ")" * 300, "title:(" * 30 + "oic"],
)
def test_parentheses_nested_too_deeply_fall_back_to_plain_words(typed):
    parsed = parse_query(typed)
    assert parsed.fallback and "nested too deeply" in parsed.problem
    assert parsed.words[-1] == "oic"


def test_long_runs_of_negations_are_read_without_recursion():
    assert parse_query("-" * 900 + "oic").backend_query == "(oic)"
    assert parse_query("NOT " * 201 + "oic").backend_query == "(NOT oic)"


# Keywords and questions


@pytest.mark.parametrize(
    ("typed", "backend"),
    [
        # Filler words are never required; up to three others are all required.
        ("what did Blinken say", "(blinken)"),
        ("the OIC and ICESCO", "(oic AND icesco)"),
        ("what about it", "(what AND about AND it)"),  # nothing but filler: as typed
        # Parentheses around words joined by spaces group nothing.
        ("aliyev (taha sengendo)", "(aliyev AND taha AND sengendo)"),
    ],
)
def test_a_few_keywords_are_all_required(typed, backend):
    parsed = parse_query(typed)
    assert not parsed.best_match
    assert parsed.backend_query == backend


def test_a_question_is_a_best_match_of_its_words_and_neighbouring_pairs():
    parsed = parse_query("What did the United States say about sanctions on Iranian oil?")
    assert parsed.best_match and not parsed.required and not parsed.fallback
    assert parsed.backend_query == (
        "(united OR states OR sanctions OR iranian OR oil OR "
        '"united states"^0.25 OR "sanctions on iranian"^0.25 OR "iranian oil"^0.25)'
    )
    assert parsed.any_of_words() is None  # it asks for any of them already
    assert parsed.words[:3] == ["What", "did", "the"]  # all the user's words, for spelling


def test_a_run_of_words_that_names_an_entity_is_a_phrase_of_its_own():
    asked = []

    def names(runs):
        asked.extend(runs)
        return {"henry cabot lodge", "united nations"} & set(runs)

    parsed = parse_query("what did henry cabot lodge tell the united nations", names=names)
    assert '"henry cabot lodge"^1' in parsed.backend_query
    assert '"united nations"^1' in parsed.backend_query  # raised from a pair's boost
    assert '"united nations"^0.25' not in parsed.backend_query
    assert "cabot lodge tell the united nations" in asked  # six words at most
    assert "henry cabot lodge tell the united nations" not in asked
    assert not any(run.endswith((" the", " tell")) for run in asked)  # runs end on a word


@pytest.mark.parametrize(
    "typed",
    [
        "halal business AND sengendo AND baku",
        "halal business sengendo OR baku",
        '"halal business" sengendo baku investment',
        "halal business sengendo baku -investment",
        "title:halal business sengendo baku",
        "halal* business sengendo baku",
    ],
)
def test_explicit_syntax_is_never_a_best_match(typed):
    parsed = parse_query(typed)
    assert not parsed.best_match
    assert " OR " not in parsed.backend_query or "OR" in typed


def test_a_query_read_as_plain_words_can_be_a_question_too():
    parsed = parse_query('what did "the summit in baku decide about halal food')
    assert parsed.fallback and parsed.best_match

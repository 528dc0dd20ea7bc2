"""Offices named without their holder."""

from __future__ import annotations

from archive.extraction.office_mentions import find_office_mentions


def roles(text: str) -> list[str]:
    return [found.role for found in find_office_mentions(text)]


def test_an_office_without_a_name_is_found_with_its_country_or_organisation():
    text = "The Israeli Prime Minister spoke with the OIC Secretary General on Monday."
    assert roles(text) == ["Israeli Prime Minister", "OIC Secretary General"]


def test_the_secretary_alone_is_found():
    assert roles("The Secretary reaffirmed U.S. support.") == ["Secretary"]


def test_an_office_followed_by_its_holders_name_is_left_to_the_name():
    assert roles("He met the Prime Minister Naftali Bennett in Jerusalem.") == []


def test_an_of_phrase_is_kept_and_the_full_stop_left_out():
    found = find_office_mentions("They met the Foreign Minister of Germany.")
    assert [f.role for f in found] == ["Foreign Minister of Germany"]
    assert "They met the Foreign Minister of Germany."[found[0].start : found[0].end] == (
        "Foreign Minister of Germany"
    )


def test_an_incoming_holder_and_an_office_of_several_holders_are_not_read():
    assert roles("the Prime Minister-elect arrived") == []
    assert roles("the Ambassador arrived") == []


def test_an_office_inside_a_longer_name_is_no_mention_of_its_holder():
    assert roles("She worked in the Office of the Secretary of State.") == []
    assert roles("He will lead the President’s Emergency Plan for AIDS Relief.") == []
    assert roles("She met the head of cabinet of the President of the European Council.") == [
        "President of the European Council"
    ]


def test_an_office_for_a_portfolio_is_no_mention_of_the_shorter_office():
    assert roles("Brian McKeon, the Deputy Secretary of State for Management, spoke.") == []

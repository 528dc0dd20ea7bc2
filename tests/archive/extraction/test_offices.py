"""Offices read from titles: one office however it is written, distinct offices kept
apart, the qualifier that says whether it was held that day."""

from __future__ import annotations

import json

import pytest

from archive.extraction.checks import ReferenceDataError
from archive.extraction.offices import load_office_titles, read_office
from archive.extraction.reference import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def office(role: str, gaz) -> tuple[str, str, str] | None:
    read = read_office(role, gaz)
    return read and (read.title, read.of_name, read.qualifier)


@pytest.mark.parametrize(
    "role",
    [
        "Foreign Minister of Azerbaijan",
        "Minister of Foreign Affairs of Azerbaijan",
        "Azerbaijani Foreign Minister",
        "Azerbaijan's Minister for Foreign Affairs",
    ],
)
def test_ways_of_writing_a_foreign_minister_are_one_office(role, gaz):
    assert office(role, gaz) == ("Foreign Minister", "Azerbaijan", "")


def test_national_names_for_the_foreign_minister(gaz):
    assert office("Foreign Secretary of United Kingdom", gaz)[:2] == (
        "Foreign Minister",
        "United Kingdom",
    )
    assert office("India's External Affairs Minister", gaz)[:2] == ("Foreign Minister", "India")
    assert office("Philippine Secretary of Foreign Affairs", gaz)[:2] == (
        "Foreign Minister",
        "Philippines",
    )


def test_an_adjective_or_an_of_name_the_same_country(gaz):
    assert office("Israeli Prime Minister", gaz) == office("Prime Minister of Israel", gaz)


def test_an_organisation_by_acronym_or_full_name_and_the_assistant_in_both_wordings(gaz):
    one = read_office("OIC Secretary General's Assistant for Economic Affairs", gaz)
    two = read_office("Assistant Secretary-General of the OIC for Economic Affairs", gaz)
    assert one.of_name == two.of_name == "Organisation of Islamic Cooperation"
    assert one.title.replace("-", " ") == two.title.replace("-", " ")


def test_distinct_offices_stay_distinct(gaz):
    titles = {
        read_office(role, gaz).title
        for role in [
            "Prime Minister of Israel",
            "Alternate Prime Minister of Israel",
            "Deputy Prime Minister of Israel",
        ]
    }
    assert len(titles) == 3
    assert read_office("Deputy Secretary of State", gaz).title != "Secretary of State"


@pytest.mark.parametrize(
    ("role", "qualifier"),
    [
        ("Former Foreign Minister of Germany", "former"),
        ("ex-President of France", "former"),
        ("acting Prime Minister of Armenia", "acting"),
        ("Interim President of Mali", "acting"),
        ("outgoing Prime Minister of Japan", "outgoing"),
        ("Prime Minister-elect of Israel", "incoming"),
        ("Prime Minister of Israel", ""),
    ],
)
def test_qualifiers_say_whether_the_office_was_held_that_day(role, qualifier, gaz):
    read = read_office(role, gaz)
    assert read.qualifier == qualifier
    assert read.title in ("Foreign Minister", "President", "Prime Minister")


def test_a_bare_secretary_is_the_home_countrys_secretary_of_state(gaz):
    read = read_office("Secretary", gaz)
    assert (read.title, read.of_name, read.home) == ("Secretary of State", "", True)
    assert read_office("Secretary of State of United States", gaz).home is False


def test_only_listed_titles_have_one_holder_at_a_time(gaz):
    assert read_office("President of France", gaz).single
    assert not read_office("Special Envoy for Yemen of United States", gaz).single


def test_the_titles_file_is_checked_on_load(tmp_path):
    path = tmp_path / "titles.json"
    path.write_text(
        json.dumps(
            {
                "qualifiers": {"gone": ["former"]},
                "titles": [
                    {"title": "Foreign Minister", "variants": ["Foreign Secretary"]},
                    {"title": "Foreign Secretary"},
                ],
            }
        )
    )
    with pytest.raises(ReferenceDataError) as error:
        load_office_titles(path)
    message = str(error.value)
    assert "'Foreign Secretary' (title 1) is also 'Foreign Minister'" in message
    assert "unknown qualifier 'gone'" in message


def test_a_home_title_for_a_portfolio_is_an_office_of_its_own_of_the_home_country(gaz):
    read = read_office("Deputy Secretary of State for Management and Resources", gaz)
    assert (read.title, read.home) == (
        "Deputy Secretary of State for Management and Resources",
        True,
    )
    assert read_office("Special Envoy for Yemen", gaz).home is False

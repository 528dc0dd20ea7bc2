"""Clubs and companies that wire text shows by their place in a sentence
(wire_orgs.py, issue 17), on short made-up texts, with negative cases."""

from __future__ import annotations

from archive.extraction.extractor import default_extractor, extract_entities


def kind_of(text: str, surface: str) -> str:
    """The kind of the first span whose text is ``surface`` ("" if none)."""
    for span in default_extractor().analyse("", text).spans:
        if span.text == surface:
            return span.kind
    return ""


# -- a town before the staff of a club -------------------------------------------


def test_town_before_a_sports_role_is_a_club():
    assert kind_of("Milan striker Paolo Verdi was injured on Sunday .", "Milan") == "organisation"


def test_town_alone_stays_a_place():
    assert kind_of("The talks were held in Milan on Sunday .", "Milan") == "place"


def test_country_before_a_sports_role_stays_a_place():
    # A national side is written as its country.
    assert kind_of("France striker Paul Durand was injured .", "France") == "place"


def test_home_nation_before_a_sports_role_stays_a_place():
    assert kind_of("England manager Tom Baker named his squad .", "England") == "place"


# -- sides of a match --------------------------------------------------------------


def test_town_that_beat_another_with_a_score_is_a_club():
    text = "Toronto beat Zarvella 3-1 on Saturday ."
    assert kind_of(text, "Toronto") == "organisation"


def test_match_verb_without_a_score_leaves_a_place():
    assert kind_of("Heavy rain beat Toronto on Saturday .", "Toronto") == "place"


def test_player_with_country_in_brackets_stays_a_person():
    text = "Marta Kovelska ( Poland ) beat Dana Priolo ( Italy ) 6-4 6-2"
    assert kind_of(text, "Dana Priolo") == "person"


def test_town_after_in_stays_a_place_even_in_a_results_story():
    text = "Valdora beat Kesteren 2-0 in Toronto on Sunday ."
    assert kind_of(text, "Toronto") == "place"


# -- cricket scorecards and cup ties -------------------------------------------------


def test_cricket_score_row_names_a_side():
    text = "At Dunmore : Wexbury 312-6 declared ( J. Hollis 104 ) ."
    assert kind_of(text, "Wexbury") == "organisation"


def test_number_after_a_name_in_prose_is_no_scorecard():
    text = "Wexbury 312 people attended the fair ."
    assert kind_of(text, "Wexbury") != "organisation"


def test_cup_tie_with_countries_in_brackets_names_two_clubs():
    text = "In Dunmore : Dynamo Korvel ( Latvia ) 2 Sporting Adrana ( Portugal ) 1 ( 1-0 )"
    assert kind_of(text, "Dynamo Korvel") == "organisation"
    assert kind_of(text, "Sporting Adrana") == "organisation"
    assert kind_of(text, "Latvia") == "place"


def test_athlete_with_country_and_time_is_no_tie():
    text = "1. Dana Priolo ( Italy ) 10.92"
    assert kind_of(text, "Dana Priolo") != "organisation"


# -- one sense per article -------------------------------------------------------------


def test_town_in_a_league_table_is_the_club_in_the_report():
    text = "Toronto 3 Valdora 1\nToronto 's new coach was pleased with the win ."
    spans = [s for s in default_extractor().analyse("", text).spans if s.text == "Toronto"]
    assert [s.kind for s in spans] == ["organisation", "organisation"]


# -- companies and teams by the words around them ----------------------------------------


def test_unknown_name_before_spokesman_is_an_organisation():
    assert kind_of("a Korvatex spokesman said on Monday .", "Korvatex") == "organisation"


def test_possessive_before_chairman_is_an_organisation():
    assert kind_of("Korvatex 's chairman resigned on Monday .", "Korvatex") == "organisation"


def test_the_plural_team_name_is_an_organisation():
    text = "They lost 4-2 to the Dunmore Pelicans on Monday ."
    assert kind_of(text, "Dunmore Pelicans") == "organisation"


def test_plural_place_name_after_the_is_no_team():
    text = "Tourists visited the Korvel Falls on Monday ."
    assert kind_of(text, "Korvel Falls") != "organisation"


def test_persons_name_before_a_speech_verb_stays_a_person():
    text = "Dana Priolo said on Monday she would stay ."
    assert kind_of(text, "Dana Priolo") == "person"


# -- the mastheads of a press review -----------------------------------------------


def test_mastheads_of_a_press_review_are_newspapers():
    from archive.extraction.extractor import extract_entities

    text = (
        "Leading stories in the financial press :\nKALIMERA NEA\n-- Debate heats up .\n"
        "ORTHONEA\n- Parliament speakers meet .\nIRAQ\n- Talks go on ."
    )
    orgs = {e.name: e.org_kind for e in extract_entities("", text) if e.kind == "organisation"}
    assert orgs.get("Kalimera Nea") == "media"
    assert orgs.get("ORTHONEA") == "media"


def test_section_headings_before_dashed_items_are_no_newspapers():
    from archive.extraction.extractor import extract_entities

    text = "Humanitarian Assistance\n- Twenty million dollars.\nHealth Care\n- Vaccines for all."
    assert not [e for e in extract_entities("", text) if e.kind == "organisation"]


def test_a_town_after_a_word_for_a_side_is_a_team():
    from archive.extraction.extractor import extract_entities

    found = extract_entities(
        "", "The game was brought forward when champions Porto play their first game ."
    )
    assert {(e.kind, e.name) for e in found} == {("organisation", "Porto")}


def test_the_label_of_a_scorers_line_is_no_team():
    from archive.extraction.extractor import extract_entities

    text = "Sparta Prague 8 Glentoran 0 ( 4-0 )\nScorers : Petr Gunda ( 1st and 26th )"
    orgs = {e.name for e in extract_entities("", text) if e.kind == "organisation"}
    assert "Scorers" not in orgs


def test_an_ampersand_inside_a_bodys_of_phrase_goes_on_with_the_name():
    text = "The Ministry of Mines & Coastal Works met. The Center for Art, Music & Society opened."
    found = {e.name for e in extract_entities("", text) if e.kind == "organisation"}
    assert found == {"Ministry of Mines & Coastal Works", "Center for Art, Music & Society"}

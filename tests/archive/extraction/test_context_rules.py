"""Names typed by their context, layout and casing, on short made-up texts."""

from __future__ import annotations

from archive.extraction.casing import title_case_lines, unshout
from archive.extraction.extractor import extract_entities


def kinds(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in extract_entities("", text):
        out.setdefault(e.kind, set()).add(e.name)
    return out


# -- casing ----------------------------------------------------------------------


def test_shouted_line_is_title_cased_with_the_same_length():
    text = "SOCCER - POLAND HOLD CYPRUS IN FRIENDLY .\nWARSAW 2024-05-01"
    view, shouted = unshout(text)
    assert view.startswith("Soccer - Poland Hold Cyprus in Friendly .")
    assert len(view) == len(text)
    assert shouted == [(0, text.index("\n"))]


def test_indented_speaker_label_keeps_the_text_in_place():
    # Reuters tables indent their notes: "    NOTE: Latest year net ...".
    text = "Shr loss 1.30 dlrs vs profit 29 cts\n    NOTE: Latest year net includes gains"
    view, _shouted = unshout(text)
    assert view == text.replace("NOTE:", "Note:")


def test_places_are_read_in_a_shouted_headline_but_not_its_other_words():
    found = kinds("SOCCER - POLAND HOLD CYPRUS IN FRIENDLY .\n\nThe match ended level.")
    assert {"Poland", "Cyprus"} <= found["place"]
    assert not found.get("person")


def test_headline_word_is_a_person_when_the_story_names_him():
    found = kinds("TENNIS - VORNIK STUNS TOP SEED .\n\nOutsider Pavel Vornik said he was happy.")
    assert found["person"] == {"Pavel Vornik"}


def test_title_cased_heading_is_no_evidence_of_names():
    assert title_case_lines("Intro\nSupport for Climate Change Adaptation in the Region\nx")
    found = kinds("Support for Climate Change Adaptation in the Region\n\nThe work goes on.")
    assert not found.get("person")


# -- tables and datelines ----------------------------------------------------------


def test_score_lines_and_league_tables_name_teams_and_national_sides():
    found = kinds(
        "Results of matches on Sunday :\n"
        "Rovena Karlsberg 2 Hamvik 1\n"
        "Japan 2 Syria 1\n"
        "Standings :\n"
        "Hamvik 4 2 0 2 7 7 6\n"
    )
    assert {"Rovena Karlsberg", "Hamvik"} <= found["organisation"]
    assert {"Japan", "Syria"} <= found["place"]
    assert not found.get("person")


def test_financial_rows_are_no_league_table():
    found = kinds("Net Income 9,167,000 11,175,000 16,909,000\n")
    assert not found


def test_dateline_place_is_a_place_even_when_unknown():
    found = kinds("CARLSBAD , Calif. 2024-08-24\nResults from the tournament .")
    assert {"Carlsbad", "California"} <= found["place"]


def test_a_line_starting_with_a_preposition_is_no_dateline():
    found = kinds("In Lisbonne, Portugal, June 12, the minister will speak.")
    assert "Lisbonne" not in found.get("place", set())


# -- context -----------------------------------------------------------------------


def test_unknown_two_word_name_in_running_text_is_a_person():
    found = kinds("The accord was negotiated by Dirk Coetzinger over three months.")
    assert found["person"] == {"Dirk Coetzinger"}


def test_ordinary_title_cased_words_are_no_person():
    found = kinds("The Travel Advisory was updated. Officials urge travel caution.")
    assert not found.get("person")


def test_nouns_before_and_after_a_name_type_it():
    found = kinds(
        "German retailer Promodix said on Monday that striker Vornik had signed. "
        "Shares of the firm rose, the Ihlas news agency said. Police said the "
        "road north of Zadarska was closed."
    )
    assert {"Promodix", "Ihlas"} <= found["organisation"]
    assert "Vornik" in found["person"]
    assert "Zadarska" in found["place"]


def test_plural_nouns_for_people_starting_a_sentence_are_no_person():
    found = kinds("Traders said prices fell. Analysts said they would recover.")
    assert not found.get("person")


def test_unknown_acronym_in_running_text_is_an_organisation():
    found = kinds("The coalition partner PUNR holds four ministries, and the PUNR will stay.")
    assert "PUNR" in found["organisation"]


def test_abbreviation_of_a_common_noun_is_no_organisation():
    found = kinds("The bank cut the cash reserve ratio ( CRR ) and 220 KV lines were shut.")
    assert not found.get("organisation")


def test_a_place_and_a_name_written_as_one_name_an_organisation():
    found = kinds("The Chicago Wildcats beat the Boston Rockets 4-3 on Saturday.")
    assert {"Chicago Wildcats", "Boston Rockets"} <= found["organisation"]
    assert not found.get("place")


def test_one_sense_per_article_for_a_typed_team():
    found = kinds("Hamvik 2 Rovena 1\n\nHamvik now lead the table after the win.")
    assert found["organisation"] == {"Hamvik", "Rovena"}


def test_person_affiliation_after_of_is_an_organisation():
    found = kinds('"Demand is weak," said analyst Miles Korvan of Hambrook Quist.')
    assert "Miles Korvan" in found["person"]
    assert "Hambrook Quist" in found["organisation"]


# -- a given name alone after the full name -------------------------------------


def _people(text: str) -> dict[str, int]:
    from archive.extraction.extractor import extract_entities

    return {e.name: e.count for e in extract_entities("", text) if e.kind == "person"}


def test_given_name_alone_joins_the_one_person_the_article_names_with_it():
    people = _people("Yair Lapid met Naftali Bennett. Later Yair said the talks went well.")
    assert people == {"Yair Lapid": 2, "Naftali Bennett": 1}


def test_first_word_of_a_name_guessed_by_its_shape_is_no_back_reference():
    people = _people("Zorvan Velik Amund came on Monday. On Tuesday Zorvan left.")
    assert people == {"Zorvan Velik Amund": 1}


def test_a_foreign_article_opens_no_persons_name():
    from archive.extraction.extractor import extract_entities

    found = extract_entities("", "The Mexican daily La Jornada said on Monday that talks ended.")
    assert {(e.kind, e.name) for e in found if e.kind != "place"} == {
        ("organisation", "La Jornada")
    }


def test_a_word_the_article_shows_as_a_company_is_no_person_when_it_speaks():
    from archive.extraction.extractor import extract_entities

    found = extract_entities(
        "", "Zorvex said on Tuesday it won a contract. Zorvex shares rose 5 percent."
    )
    assert {(e.kind, e.name, e.count) for e in found} == {("organisation", "Zorvex", 2)}


def test_a_given_name_that_is_also_an_article_still_opens_a_persons_name():
    from archive.extraction.extractor import extract_entities

    found = extract_entities("", "Striker Les Ferdinand said he was fit.")
    assert {(e.kind, e.name) for e in found} == {("person", "Les Ferdinand")}


# -- words filed as places ----------------------------------------------------------


def _kinds(text: str) -> dict[str, set[str]]:
    from archive.extraction.extractor import extract_entities

    out: dict[str, set[str]] = {}
    for e in extract_entities("", text):
        out.setdefault(e.kind, set()).add(e.name)
    return out


def test_a_place_that_is_an_english_word_needs_a_place_reading():
    assert _kinds("It was a Nice gesture, the minister said.") == {}
    assert _kinds("Talks in Nice ended on Monday.") == {"place": {"Nice"}}
    assert "Nice" in _kinds("He visited Nice, France last week.")["place"]


def test_a_generic_area_with_its_acronym_is_no_place_and_no_organisation():
    found = _kinds(
        "Flights are prohibited within the Flight Information Region (FIR) until further "
        "notice. The FIR stays closed."
    )
    assert found == {}

"""Events named right: a headline's or sentence's grammar is no part of an
event's name (heads.event_name_start), and a short form joins the one fuller
name of the article that ends with it (events.fuller_names)."""

from __future__ import annotations

from archive.extraction.events import fuller_names
from archive.extraction.extractor import extract_entities


def found(title: str, body: str) -> dict[str, dict[str, set[str]]]:
    """Names by kind, each with its aliases."""
    out: dict[str, dict[str, set[str]]] = {}
    for entity in extract_entities(title, body):
        out.setdefault(entity.kind, {})[entity.name] = set(entity.aliases)
    return out


def events(title: str, body: str) -> set[str]:
    return set(found(title, body).get("event", {}))


def test_a_headline_verb_before_an_event_is_no_part_of_its_name():
    title = "Kingdom of Bahrain Signs the Artemis Accords"
    result = found(title, "Bahrain signed the accords in Washington today.")
    assert set(result["event"]) == {"Artemis Accords"}
    assert "Bahrain" in result["place"]  # the subject is still read
    assert events("Brazil Signs Artemis Accords", "Brazil joined today.") == {"Artemis Accords"}
    assert events(
        "Welcoming the Inaugural Meeting of the Blue Dot Network Executive Consultation Group",
        "The group met in Paris.",
    ) == {"Meeting of the Blue Dot Network Executive Consultation Group"}


def test_a_noun_framing_an_event_is_no_part_of_its_name():
    assert events("Conclusion of the Negev Summit", "The summit ended today.") == {"Negev Summit"}
    assert events(
        "Joint Statement on the Eighth U.S.-UAE Economic Policy Dialogue", "Officials met."
    ) == {"U.S.-UAE Economic Policy Dialogue"}
    body = "We mark the 70th Anniversary of the Refugee Convention this week."
    assert events("Statement", body) == {"Refugee Convention"}


def test_and_after_an_events_head_starts_another_event():
    body = "They reviewed the Strategic Dialogue and the Ulchi Freedom Talks on Monday."
    assert {"Ulchi Freedom Talks"} <= events("Readout", body)
    assert not any(" and " in name for name in events("Readout", body))


def test_names_with_of_the_before_their_head_are_left_whole():
    body = (
        "The Friends of the Mekong Ministerial Meeting was held in July. Leaders then met "
        "at the Summit of the Americas in Los Angeles."
    )
    assert {"Friends of the Mekong Ministerial Meeting", "Summit of the Americas"} <= events(
        "Meetings", body
    )


def test_a_short_form_joins_the_one_fuller_name_it_ends():
    body = (
        "The Seventh U.S.-Thailand Strategic Dialogue took place in Bangkok. The Strategic "
        "Dialogue covered trade."
    )
    result = found("Seventh U.S.-Thailand Strategic Dialogue", body)["event"]
    assert set(result) == {"U.S.-Thailand Strategic Dialogue"}
    assert "Strategic Dialogue" in result["U.S.-Thailand Strategic Dialogue"]


def test_a_short_form_two_fuller_names_end_with_names_neither():
    assert (
        fuller_names(
            ["U.S.-India Strategic Dialogue", "U.S.-Japan Strategic Dialogue", "Strategic Dialogue"]
        )
        == {}
    )
    # A plural head is the singular's; nested long forms lead to the longest.
    assert fuller_names(
        ["U.S.-Cuba Migration Accords", "Migration Accord", "Cuba Migration Accords"]
    ) == {
        "migration accord": "U.S.-Cuba Migration Accords",
        "cuba migration accord": "U.S.-Cuba Migration Accords",
    }


def test_generic_words_before_a_name_leave_the_name_as_it_is():
    assert fuller_names(["Virtual NATO Foreign Ministerial", "NATO Foreign Ministerial"]) == {
        "virtual nato foreign ministerial": "NATO Foreign Ministerial"
    }
    body = "Leaders held the Inaugural Cities Summit of the Americas in Denver."
    assert events("Cities", body) == {"Cities Summit of the Americas"}


# Years and editions


def test_a_lone_year_after_a_later_mention_does_not_date_the_event():
    body = (
        "Leaders will meet at the Summit of the Coral States in Suva. It is the first "
        "Summit of the Coral States held in Fiji since its founding in 1994."
    )
    assert events("", body) == {"Summit of the Coral States"}


def test_a_year_after_the_first_mention_or_a_date_after_any_dates_it():
    first = (
        "The Summit of the Coral States in 2023 will be in Suva. The Summit of the Coral "
        "States ends."
    )
    assert events("", first) == {"Summit of the Coral States 2023"}
    dated = (
        "Leaders will meet at the Summit of the Coral States. The Summit of the Coral States "
        "opens on June 6, 2023."
    )
    assert events("", dated) == {"Summit of the Coral States 2023"}


def test_a_name_with_its_edition_is_no_short_form_of_a_longer_name():
    body = (
        "Mayors met at the Cities Summit of the Coral States in Suva. Leaders met at the Fifth "
        "Summit of the Coral States in Apia."
    )
    assert events("", body) == {"Cities Summit of the Coral States", "Summit of the Coral States"}
    # Without its edition, the short form still joins the longer name.
    body = (
        "Mayors met at the Cities Summit of the Coral States. The Summit of the Coral States ended."
    )
    assert events("", body) == {"Cities Summit of the Coral States"}


# -- the last look at an article's events (screen.py) ---------------------------------


def test_the_first_partner_written_apart_opens_the_name():
    title = "Joint Statement on the U.S. – North Macedonia Strategic Dialogue"
    result = found(title, "The delegations met in Skopje.")
    assert set(result["event"]) == {"U.S.-North Macedonia Strategic Dialogue"}
    assert (
        "North Macedonia Strategic Dialogue"
        in result["event"]["U.S.-North Macedonia Strategic Dialogue"]
    )
    title = "Joint Statement on the United States – Iceland Strategic Dialogue"
    assert events(title, "Officials met.") == {"U.S.-Iceland Strategic Dialogue"}


def test_a_head_with_only_topic_words_before_it_names_no_event():
    body = (
        "They welcomed the meeting of the bilateral Consular Dialogue and planned a "
        "Business Forum for next year. The Summit will follow."
    )
    assert events("Readout", body) == set()
    # Three topics or a proper word make a name.
    body = "They attended the International Migration Review Forum and the Negev Summit."
    assert events("Readout", body) == {"International Migration Review Forum", "Negev Summit"}


def test_a_title_or_a_government_is_no_event():
    body = (
        "She met the Deputy Assistant Secretary of State for Trade Policy and Negotiations. "
        "It is not the Department of War. They dealt with the Government of National Accord."
    )
    result = found("Remarks", body)
    assert "event" not in result
    assert {"Department of War", "Government of National Accord"} <= set(result["organisation"])


def test_a_cut_or_described_name_is_no_event():
    body = (
        "They upheld the Basic Law and the Sino Joint Declaration, and the Conventional Armed "
        "Forces in Europe Treaty. Fellows gave TED Talk-style Ignite Talks on Monday."
    )
    assert events("Remarks", body) == set()


def test_a_description_before_a_name_and_a_first_name_joined_by_and_are_dropped():
    body = "They backed the Nigerian-led Deep Blue Project and Maritime Collaborative Forum."
    assert events("Remarks", body) == {"Maritime Collaborative Forum"}


def test_an_agreement_named_by_one_topic_is_no_event():
    body = "They supported Colombia's 2016 Peace Accord and the Nuclear Non-Proliferation Treaty."
    assert events("Remarks", body) == {"Nuclear Non-Proliferation Treaty"}


def test_a_place_after_the_event_that_is_the_next_clauses_subject_is_cut_off():
    found = {
        (e.kind, e.name)
        for e in extract_entities(
            "", "We look to the Ninth Summit of the Andes the United States will host."
        )
    }
    assert ("event", "Summit of the Andes") in found
    found = {
        (e.kind, e.name) for e in extract_entities("", "The Cities Summit of the Americas opened.")
    }
    assert ("event", "Cities Summit of the Americas") in found

"""Unit tests of the extraction rules, on short made-up texts."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.extraction.extractor import RuleExtractor, extract_entities
from archive.extraction.types import ExtractedEntity


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def entities(text: str, title: str = "", published: dt.date | None = None):
    return extract_entities(title, text, published=published)


def one(found: list[ExtractedEntity], kind: str, name: str) -> ExtractedEntity:
    matches = [e for e in found if e.kind == kind and e.name == name]
    assert len(matches) == 1, (name, [(e.kind, e.name) for e in found])
    return matches[0]


def names(found: list[ExtractedEntity], kind: str) -> set[str]:
    return {e.name for e in found if e.kind == kind}


# -- titles and roles ----------------------------------------------------------


def test_title_is_stripped_and_role_kept_with_canonical_country():
    found = entities(
        "President of the Republic of Azerbaijan Ilham Aliyev has received the delegation."
    )
    aliyev = one(found, "person", "Ilham Aliyev")
    assert aliyev.roles == ["President of Azerbaijan"]
    assert "Azerbaijan" in names(found, "place")


def test_org_prefix_becomes_role_complement_and_particles_stay_in_name():
    found = entities(
        "This was announced by ICESCO Director General Salim bin Mohammed AlMalik today."
    )
    person = one(found, "person", "Salim bin Mohammed AlMalik")
    assert person.roles == ["Director General of ICESCO"]
    icesco = one(
        found, "organisation", "Islamic World Educational, Scientific and Cultural Organization"
    )
    assert icesco.acronym == "ICESCO"


def test_demonym_prefix_becomes_country_of_role():
    found = entities("Talks with Greenlandic Foreign Minister Pele Broberg went well.")
    assert one(found, "person", "Pele Broberg").roles == ["Foreign Minister of Greenland"]
    # Part of a longer name, the demonym is not a place mention.
    assert "Greenland" not in names(found, "place")


def test_role_before_acronym_and_name_applies_to_the_name():
    found = entities(
        "He received Secretary General of the Organization of Islamic Cooperation (OIC) "
        "Hissein Ibrahim Taha."
    )
    assert one(found, "person", "Hissein Ibrahim Taha").roles == ["Secretary General of OIC"]


def test_appositive_role_after_name():
    found = entities(
        "Investors will come, Dr. Ahmad Kawesa Sengendo, Assistant Secretary-General of the "
        "OIC for Economic Affairs, told Report."
    )
    person = one(found, "person", "Ahmad Kawesa Sengendo")
    assert person.roles == ["Assistant Secretary-General of OIC for Economic Affairs"]
    assert "Dr. Ahmad Kawesa Sengendo" in person.aliases
    assert "Report" not in names(found, "person")
    assert "Dr" not in names(found, "organisation")


def test_title_without_name_makes_no_person():
    found = entities("The President of Azerbaijan spoke. The Secretary General said he was glad.")
    assert names(found, "person") == set()
    assert "Secretary General" not in names(found, "person")


def test_lone_surname_after_strong_title_resolves_to_known_leader():
    found = entities("President Aliyev met the delegation in Baku.", published=dt.date(2024, 5, 1))
    aliyev = one(found, "person", "Ilham Aliyev")
    assert "Aliyev" in aliyev.aliases
    assert aliyev.roles == ["President of Azerbaijan"]


def test_office_words_after_title_are_not_a_surname():
    found = entities(
        "Under Secretary for Economic Growth, Energy, and the Environment Jose W. Fernandez "
        "will travel to Costa Rica."
    )
    persons = names(found, "person")
    assert "Growth" not in persons
    assert "Jose W. Fernandez" in persons


# -- people without titles -----------------------------------------------------


def test_surname_back_reference_joins_full_name():
    found = entities(
        "The OIC has called on member states to help, OIC Secretary General's Assistant for "
        "Economic Affairs Ahmad Kawesa Sengendo has said.\n\nSengendo made the remarks in "
        "Baku. Sengendo added that the work will continue."
    )
    person = one(found, "person", "Ahmad Kawesa Sengendo")
    assert {"Ahmad Kawesa Sengendo", "Sengendo"} <= person.aliases
    assert person.count == 3
    assert "Sengendo" not in names(found, "person") - {"Ahmad Kawesa Sengendo"}


def test_speech_verb_is_person_evidence():
    found = entities("Mariam Kawesa Lutaaya said the plan was ready.")
    assert "Mariam Kawesa Lutaaya" in names(found, "person")


def test_capitalised_words_without_evidence_are_not_people():
    found = entities(
        "Home / News\n\nIslamophobia was on the rise. Muslim countries met in the Arab world. "
        "About Fidan Abdullayeva"
    )
    persons = names(found, "person")
    assert not persons & {"Home", "Islamophobia", "Muslim", "About Fidan Abdullayeva"}


def test_months_weekdays_and_timezones_are_not_entities():
    found = entities(
        "29 April 2025 17:43 (UTC+04:00)\n\nOn Monday, in January-August 2025, it rose."
    )
    assert not {e.name for e in found} & {"April", "UTC", "Monday", "January-August"}


def test_byline_name_alone_on_a_line_is_not_a_person():
    found = entities("Laman Ismayilova\n\nA regional office will open in Azerbaijan.")
    assert "Laman Ismayilova" not in names(found, "person")


def test_demonym_is_a_country_place_not_a_person_or_organisation():
    found = entities(
        "The Azerbaijani government thanked the Armenian side. Armenians and Azerbaijanis met."
    )
    assert not names(found, "person")
    assert not names(found, "organisation")
    armenia = one(found, "place", "Armenia")
    assert armenia.place_kind == "country"
    assert {"Armenian", "Armenians"} <= armenia.aliases
    assert "Azerbaijani" in one(found, "place", "Azerbaijan").aliases


def test_demonym_inside_a_longer_name_is_not_a_place():
    found = entities("The Azerbaijani Foreign Ministry issued a statement.")
    assert "Azerbaijan" not in names(found, "place")
    assert names(found, "organisation")


def test_ambiguous_demonym_is_dropped():
    found = entities("Korean officials arrived.")
    assert not names(found, "place")


# -- organisations and acronyms ------------------------------------------------


def test_acronym_and_spelling_variants_resolve_to_reference_name():
    found = entities(
        "The Organization of Islamic Cooperation (OIC) met. Later the OIC said the "
        "Organisation of Islamic Cooperation would act."
    )
    oic = one(found, "organisation", "Organisation of Islamic Cooperation")
    assert oic.acronym == "OIC"
    assert oic.org_kind == "intergovernmental"
    assert {"OIC", "Organization of Islamic Cooperation"} <= oic.aliases
    assert oic.count == 3  # "(OIC)" defines, it is not a second mention


def test_oxford_comma_and_british_spelling_variant():
    found = entities(
        "Azerbaijan joined the Islamic World Educational, Scientific, and Cultural "
        "Organisation (ICESCO) in 1991."
    )
    org = one(
        found, "organisation", "Islamic World Educational, Scientific and Cultural Organization"
    )
    assert "Islamic World Educational, Scientific, and Cultural Organisation" in org.aliases


def test_acronym_definition_creates_unknown_organisation_for_the_article():
    found = entities(
        "The Caspian Regional Energy Commission (CREC) was founded in Baku. CREC will meet again."
    )
    org = one(found, "organisation", "Caspian Regional Energy Commission")
    assert org.acronym == "CREC"
    assert "CREC" in org.aliases
    assert org.count == 2


def test_contact_group_is_distinct_from_its_parent_organisation():
    found = entities("The OIC Contact Group visited Aghdam. The OIC thanked Azerbaijan.")
    group = one(found, "organisation", "OIC Contact Group")
    assert group.org_kind == "intergovernmental"
    assert "Organisation of Islamic Cooperation" in names(found, "organisation")


def test_ministry_is_a_government_organisation():
    found = entities("The Ministry of Economy of Ukraine said exports grew.")
    org = one(found, "organisation", "Ministry of Economy of Ukraine")
    assert org.org_kind == "government"


def test_ambiguous_acronym_needs_the_full_name_in_the_article():
    assert "IDB" not in {a for e in entities("The IDB approved a loan.") for a in e.aliases}
    found = entities("The Islamic Development Bank met in Jeddah. The IDB approved a loan.")
    assert "IDB" in one(found, "organisation", "Islamic Development Bank").aliases


def test_acronyms_in_shouted_text_are_ignored():
    found = entities("QUESTION: WHO CAN HELP?\n\nMR PRICE: Thank you.")
    assert not names(found, "organisation")
    assert not names(found, "place")


def test_shouted_speaker_label_is_read_title_cased():
    found = entities("Spokesperson Ned Price spoke.\n\nMR PRICE: Thank you.\n\nQUESTION: Thanks.")
    price = one(found, "person", "Ned Price")
    assert "Mr Price" in price.aliases
    assert names(found, "person") == {"Ned Price"}


# -- places --------------------------------------------------------------------


def test_cities_and_regions_carry_kind_and_country():
    found = entities("Officials visited Ganja city, Shusha and the Sahel, then flew to Geneva.")
    ganja = one(found, "place", "Ganja")
    assert (ganja.place_kind, ganja.country) == ("city", "Azerbaijan")
    assert one(found, "place", "Sahel").place_kind == "region"
    assert one(found, "place", "Geneva").country == "Switzerland"


def test_country_alias_resolves_to_canonical_name():
    found = entities("Turkey and the U.S. signed it.")
    assert one(found, "place", "Türkiye").aliases == {"Turkey"}
    assert one(found, "place", "United States").aliases == {"U.S."}


# -- events --------------------------------------------------------------------


def test_event_year_and_place_from_context():
    found = entities("The most important is the OIC Summit planned for 2026 in Baku.")
    summit = one(found, "event", "OIC Summit 2026")
    assert (summit.event_kind, summit.year, summit.place) == ("summit", 2026, "Baku")


def test_event_with_full_date_and_ordinal():
    found = entities(
        "It was admitted at the organization's 5th Summit of Heads of State and Government "
        "held in Dakar on December 8, 1991."
    )
    summit = one(found, "event", "Summit of Heads of State and Government 1991")
    assert summit.start == dt.date(1991, 12, 8)
    assert summit.place == "Dakar"
    assert "5th Summit of Heads of State and Government" in summit.aliases


def test_acronym_inside_event_name_is_expanded_and_year_falls_back_to_published():
    found = entities(
        "He commented on the 2nd Azerbaijan Halal Business (AZHAB) Forum held in Baku. "
        "The AZHAB Forum drew many guests.",
        published=dt.date(2025, 10, 9),
    )
    forum = one(found, "event", "Azerbaijan Halal Business Forum")
    assert {"AZHAB Forum", "2nd Azerbaijan Halal Business (AZHAB) Forum"} <= forum.aliases
    assert (forum.year, forum.place, forum.count) == (2025, "Baku", 2)
    # The place inside the event name is not a separate mention.
    assert "Azerbaijan" not in names(found, "place")


def test_wars_keep_word_ordinals_and_get_reference_dates():
    found = entities(
        "Support came during the second Karabakh war. Aghdam was freed in the 44-day war."
    )
    war = one(found, "event", "Second Karabakh War")
    assert {"second Karabakh war", "44-day war"} <= war.aliases
    assert (war.event_kind, war.year, war.start) == ("war", 2020, dt.date(2020, 9, 27))


def test_unknown_ordinal_war_is_named_in_title_case():
    found = entities("Grozny was destroyed during the second Chechen war.")
    war = one(found, "event", "Second Chechen War")
    assert war.year is None  # history: no year guessed from the publication date


def test_an_official_visit_is_no_event_of_the_tables():
    # Every visit to Türkiye would be one record: visits are encounters (interactions.py).
    found = entities(
        "President Ilham Aliyev will pay an official visit to Türkiye.",
        published=dt.date(2025, 3, 1),
    )
    assert not [e for e in found if e.kind == "event"]
    assert one(found, "place", "Türkiye")


# -- offsets and counts --------------------------------------------------------


def test_first_offset_is_relative_to_body_and_none_for_title_only():
    found = entities("The Council of Europe praised Baku.", title="OIC delegation visits Ganja")
    assert one(found, "organisation", "Organisation of Islamic Cooperation").first_offset is None
    assert one(found, "place", "Ganja").first_offset is None
    assert one(found, "organisation", "Council of Europe").first_offset == 4
    assert one(found, "place", "Baku").first_offset == 30


def test_spans_are_available_for_evaluation(extractor):
    body = "Dr. Ahmad Kawesa Sengendo visited Baku."
    analysis = extractor.analyse("", body)
    spans = {(body[s.start : s.end], s.kind) for s in analysis.spans}
    assert spans == {("Ahmad Kawesa Sengendo", "person"), ("Baku", "place")}


def test_empty_input():
    assert extract_entities("", "") == []

"""Capitalised words that name nothing: headline grammar, slogans, currencies,
abstract nouns after "in", generic event names; and one sense per article."""

from __future__ import annotations

from archive.extraction.extractor import extract_entities


def names(title: str, body: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entity in extract_entities(title, body):
        found.setdefault(entity.kind, set()).add(entity.name)
    return found


def test_a_headline_verb_ends_the_name_before_it():
    found = names(
        "Secretary Blinken Tests Positive for COVID-19",
        "Secretary of State Antony J. Blinken tested positive for COVID-19 today.",
    )
    assert not any("Tests" in name for name in found.get("person", ()))


def test_capitals_after_a_determiner_name_no_person():
    found = names(
        "New Reward Offer",
        "The State Department set up a Dark Web tips-reporting channel for sources. "
        "Please read our Travel Advisory before going.",
    )
    assert not {"Dark Web", "Travel Advisory"} & found.get("person", set())


def test_a_title_cased_slogan_names_no_person():
    body = (
        "The strategy ensures the nation is ready. The plan Ensures the United States is "
        "Better Prepared to Prevent, Detect, and Respond to Future Biological Threats. "
        "Officials said they are better prepared to prevent and detect threats and to "
        "respond to future biological risks."
    )
    assert "Better Prepared" not in names("Biodefense plan", body).get("person", set())


def test_currencies_and_plural_abbreviations_are_no_places():
    body = (
        "The loan of 500 million is paid in Euros. Small modular reactors (SMRs) were "
        "discussed, and experts said SMRs could help the region."
    )
    found = names("Energy finance", body)
    assert not {"Euros", "SMRs"} & found.get("place", set())


def test_an_abstract_noun_after_in_is_no_place():
    found = names("Landmine removal", "The program lets families walk the land in Safety again.")
    assert "Safety" not in found.get("place", set())


def test_an_event_with_only_generic_words_is_no_event():
    body = (
        "The ministers held a Virtual Meeting on Tuesday to discuss tackling the climate "
        "crisis. The Climate Crisis was the main topic of the virtual meeting."
    )
    found = names("Ministers meet", body)
    assert not {"Virtual Meeting", "Climate Crisis"} & found.get("event", set())


def test_a_named_treaty_stays_an_event():
    body = "The parties reaffirmed the Outer Space Treaty at the meeting in Geneva."
    assert "Outer Space Treaty" in names("Space talks", body).get("event", set())


def test_a_name_typed_organisation_once_is_one_everywhere_in_the_article():
    body = (
        "The United States is designating six individuals for their support of the "
        "terrorist group Boko Haram. They provided goods to, or in support of, Boko Haram."
    )
    found = names("Designations", body)
    assert "Boko Haram" in found.get("organisation", set())
    assert "Boko Haram" not in found.get("person", set())


def test_abbreviations_of_diseases_statistics_and_treaties_are_no_organisations():
    found = names("", "Fears over BSE and CJD grew , the CTBT talks stalled and his ERA rose .")
    assert not found.get("organisation")


def test_federal_reserve_is_an_organisation():
    found = names("", "The chairman of the Federal Reserve spoke on Tuesday .")
    assert found["organisation"] == {"Federal Reserve"}


def test_a_place_and_a_verb_in_a_shouted_headline_name_no_organisation():
    found = names("", "SOCCER - CHILE DRAW WITH PERU .\nThe game went on for hours .")
    assert not found.get("organisation")
    assert found["place"] == {"Chile", "Peru"}


# -- the last look at an article's people and places (screen.py) ------------------------


def test_title_cased_common_noun_phrases_name_no_person():
    body = (
        "The program includes 29 English Teaching Assistants and 55 students. Visas for "
        "Intracompany Transferees are processed now. We requested 8,000 Special Immigrant "
        "Visas, as immigrant visas take long."
    )
    people = names("Programs", body).get("person", set())
    assert not {"English Teaching Assistants", "Intracompany Transferees", "Immigrant Visas"} & (
        people
    )


def test_a_lettered_heading_of_english_words_is_no_person():
    body = "Media matter.\n\nD. Initiating Work Processes – The Way Forward\n\nWe act."
    assert "D. Initiating Work Processes" not in names("Declaration", body).get("person", set())


def test_a_name_cut_before_on_is_no_person_even_when_its_noun_is_not_in_the_article():
    body = "Her work on Intergovernmental Panel on Climate Change showed a way forward."
    assert "Intergovernmental Panel" not in names("Award", body).get("person", set())
    body = "He said something similar to Margaret Brennan on CBS News in April."
    assert "Margaret Brennan" in names("Briefing", body).get("person", set())


def test_the_tail_of_a_longer_name_is_no_person():
    body = (
        "The vaccines have World Health Organization Emergency Use Listing; the listing "
        "matters. The Intergovernmental Panel on Climate Change published its report on the "
        "climate panel. Funds go to research on Sea Level Rise in the islands."
    )
    people = names("Vaccines", body).get("person", set())
    assert not {"Use Listing", "Intergovernmental Panel", "Level Rise"} & people


def test_a_people_a_placeholder_a_vessel_and_a_headline_are_no_persons():
    body = (
        "Uyghur families suffer; authorities detain Uyghurs, who are predominantly Muslim. "
        "Senator X said nothing.\nVESSEL: Gasret Aliev\n"
    )
    people = names("Sanctions", body).get("person", set())
    assert not {"Uyghurs", "X", "Gasret Aliev"} & people
    title = "Special Envoy Bonnie D. Jenkins Announces Kenneth D. Ward as Envoy"
    people = names(title, "The Special Envoy made the announcement.").get("person", set())
    assert "Bonnie D. Jenkins Announces Kenneth D. Ward" not in people


def test_the_end_of_a_title_is_no_part_of_the_name_after_it():
    people = names(
        "Briefing",
        "Special Envoy to Advance the Human Rights of LGBTQI+ Persons Jessica Stern spoke "
        "today. Russian Special Presidential Representative on Climate Issues Ruslan "
        "Edelgeriyev attended.",
    ).get("person", set())
    assert {"Jessica Stern", "Ruslan Edelgeriyev"} <= people
    assert not {"Persons Jessica Stern", "Issues Ruslan Edelgeriyev"} & people


def test_a_headlines_verb_ends_the_name_before_it():
    title = "Special Envoy Lenderking and Ambassador Fagin Conclude Trip to Aden, Yemen"
    people = names(title, "The envoys met officials in Aden.").get("person", set())
    assert not any("Conclude" in name for name in people)


def test_a_storm_is_an_event_not_a_person():
    found = names("Relief", "The United States sends aid after Cyclone Ana struck Malawi.")
    assert "Cyclone Ana" in found.get("event", set())
    assert "Cyclone Ana" not in found.get("person", set())


def test_words_around_a_place_name_unmake_it():
    body = (
        "QUESTION: Hi, Ned. Nice to talk to you.\n\nWe send warm wishes for St. Patrick’s "
        "Day. A refrain you hear in Arabic says so. The law targets NGOs. Trade grows in South "
        "and Central Asia. We mark the Anniversary of Tiananmen Square today."
    )
    places = names("Remarks", body).get("place", set())
    assert not {"Nice", "St. Patrick", "Arabic", "NGOs", "South"} & places
    assert "Tiananmen Square" in places
    assert "Anniversary of Tiananmen Square" not in places


def test_a_place_head_after_common_words_names_no_place():
    body = "He held a Town Hall with staff; a town hall is open to all."
    assert "Town Hall" not in names("Remarks", body).get("place", set())


def test_a_people_is_no_person():
    body = (
        "Authorities are perpetrating crimes against Uyghurs, who are predominantly Muslim. "
        "A large Pacific Islander diaspora lives in the United States."
    )
    people = names("Statement", body).get("person", set())
    assert not {"Uyghurs", "Pacific Islander"} & people
    body = "Talks between Kuleba and Reznikov, who were in Kyiv, went on. Reznikov said so."
    assert "Reznikov" in names("Readout", body).get("person", set())


def test_where_a_named_person_works_is_no_place():
    body = (
        "MR PRICE: We have time for one last question. Let’s go to Rachel Oswald at "
        "Congressional Quarterly.\n\nQUESTION: Hi, thank you. Can you hear me?\n\nMR PRICE: Yes."
    )
    found = names("Department Press Briefing", body)
    assert "Congressional Quarterly" not in found.get("place", set())
    assert "Congressional Quarterly" in found.get("organisation", set())


def test_english_words_read_as_a_name_by_their_shape_alone_name_no_person():
    title = "Heroes of U.S. Diplomacy Recognizes Locally Employed Staff Honoree Jenkins Vangehn"
    body = (
        "Office of the Spokesperson\n\nThe initiative will recognize Locally Employed Staff "
        "honoree, Jenkins Vangehn of Liberia, and the Group of Friends on Sexual Orientation "
        "and Gender Identity."
    )
    people = names(title, body).get("person", set())
    assert not {"Locally Employed", "Gender Identity"} & people


def test_english_words_after_a_place_preposition_and_event_names_are_no_places():
    body = (
        "Grants support Individual projects in Fighting corruption, and women in Crafting. "
        "The fighting goes on. Parties to the UN Convention on the Law of the Sea met. "
        "Flights land in Anchorage and in Buffalo."
    )
    places = names("Grants", body).get("place", set())
    assert not {"Fighting", "Crafting", "UN Convention on the Law of the Sea"} & places
    assert {"Anchorage", "Buffalo"} <= places


def test_a_word_of_standing_is_no_part_of_a_persons_name():
    found = names("", "Then Candidate Coralson spoke, and Nominee Jane Reefwood answered.")
    assert not any(name.startswith(("Candidate", "Nominee")) for name in found.get("person", set()))


def test_a_military_operation_is_an_event():
    found = names("", "Operation Coral Shield ended in March. Its commander left.")
    assert "Operation Coral Shield" in found["event"]
    assert "Operation Coral Shield" not in found.get("person", set())


def test_an_office_or_a_thing_by_its_abbreviation_is_no_organisation():
    found = names("", "Not ahead of POTUS, said the DCM. Later the SIV applicants came to Oslo.")
    assert not found.get("organisation")


def test_a_body_named_only_in_a_resolutions_name_is_no_mention_of_it():
    assert not names("", "We support UN Security Council Resolution 1325 in Oslo.").get(
        "organisation"
    )
    found = names("", "It cited UN Security Council Resolution 2231. The UN Security Council met.")
    assert found["organisation"] == {"United Nations Security Council"}


def test_a_body_of_law_or_a_document_is_no_event():
    found = names(
        "Notes", "Troops must respect the Law of War. The Presidential Memorandum was read."
    )
    assert not found.get("event")
    found = names("Notes", "Historians met to discuss the Crimean War in Ottawa.")
    assert "Crimean War" in found["event"]


def test_a_compass_word_and_a_continents_adjective_is_no_place():
    found = names("Notes", "We support the Central and South Asian regions from Lima.")
    assert found["place"] == {"Lima"}


def test_an_abstract_english_noun_after_in_is_no_place():
    found = names("Notes", "Visas are issued in Specialty Occupation cases and in Novelty.")
    assert not found.get("place")


def test_a_hyphenated_country_written_with_a_space_is_that_country():
    found = names("Notes", "The list names Comoros, Guinea Bissau and Iran.")
    assert found["place"] == {"Comoros", "Guinea-Bissau", "Iran"}


def test_a_letter_or_the_first_word_of_a_place_is_no_place():
    found = names("Notes", "Officials met in R and then in New before Lima.")
    assert found["place"] == {"Lima"}


def test_an_adverb_or_a_regions_adjective_is_no_person():
    found = names(
        "Notes", "Rights matter.\n\nSpecifically condemned abuses of the rights of women."
    )
    assert not found.get("person")
    found = names(
        "Notes",
        "Peru convened representatives of East African states to discuss the threat "
        "in East Africa. The African said.",
    )
    assert not found.get("person")


def test_a_spanish_title_is_no_part_of_a_name():
    found = names("Notes", "Presidente Alvarado met the minister in Lima.")
    assert found["person"] == {"Alvarado"}

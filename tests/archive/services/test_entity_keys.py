"""The pure name keys two records of one entity share (``services/entity_keys.py``)."""

from __future__ import annotations

from archive.services.entity_keys import event_identity, organisation_key


def test_the_counts_for_nothing_in_an_events_name():
    assert event_identity("Battle of the Midway Atoll", 1942) == event_identity(
        "Battle of Midway Atoll", 1942
    )


def test_a_treaty_named_by_one_place_is_its_convention():
    assert event_identity("Lisbon Treaty", 2021) == event_identity("Lisbon Convention", 2021)
    # A treaty named by more than a place keeps its own name.
    assert event_identity("Outer Space Treaty", 2021) != event_identity(
        "Outer Space Convention", 2021
    )


def test_an_accord_named_by_one_place_is_its_agreement():
    assert event_identity("Lisbon Accords", 2021) == event_identity("Lisbon Agreement", 2021)
    assert event_identity("Camp Lisbon Accords", 2021) != event_identity(
        "Camp Lisbon Agreement", 2021
    )


def test_a_ministerial_meeting_of_a_body_is_the_bodys_ministerial():
    assert event_identity("Ministerial Meeting of the Coastal Coalition", 2022) == (
        event_identity("Coastal Coalition Ministerial", 2022)
    )


def test_how_a_meeting_was_held_says_nothing_of_which_it_is():
    assert event_identity("Virtual Friends of the Andes Ministerial", 2021) == (
        event_identity("Friends of the Andes Ministerial", 2021)
    )
    assert event_identity("Annual Andes Forum", 2021) == event_identity("Andes Forum", 2021)
    assert event_identity("Virtual Summit", 2021) != event_identity("Summit", 2021)


def test_a_bare_head_a_us_release_names_alone_is_the_us_body():
    assert organisation_key("U.S. Congress") == organisation_key("Congress")
    assert organisation_key("Treasury") == organisation_key("U.S. Department of the Treasury")
    assert organisation_key("U.S. Embassy") != organisation_key("Embassy")


def test_a_un_bodys_meeting_is_one_with_or_without_un():
    assert event_identity("UN Ocean Assembly Special Session", 2022) == event_identity(
        "Special Session of the Ocean Assembly", 2022
    )
    assert event_identity("United Nations Ocean Conference", 2022) == event_identity(
        "UN Ocean Conference", 2022
    )


def test_a_reference_bodys_acronym_name_and_kind_share_its_key():
    assert organisation_key("NATO") == organisation_key("North Atlantic Treaty Organization")
    assert organisation_key("NATO Alliance") == organisation_key("NATO")


def test_a_foreign_or_defence_ministry_however_written_is_one():
    assert organisation_key("Chilean MFA") == organisation_key(
        "Ministry of Foreign Affairs of Chile"
    )
    assert organisation_key("Chilean Foreign Ministry") == organisation_key("Chilean MFA")
    assert organisation_key("Peruvian Defence Ministry") == organisation_key(
        "Ministry of Defense of Peru"
    )
    assert organisation_key("Chilean MFA") != organisation_key("Peruvian MFA")


def test_a_post_and_its_city_are_one_with_or_without_in():
    assert organisation_key("U.S. Embassy in Lagos") == organisation_key("Embassy Lagos")
    assert organisation_key("U.S. Consulate General in Lagos") == organisation_key(
        "U.S. Consulate General Lagos"
    )
    assert organisation_key("U.S. Embassy in Lagos") != organisation_key("U.S. Embassy in Abuja")

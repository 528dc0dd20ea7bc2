"""The pure name keys two records of one entity share (``services/entity_keys.py``)."""

from __future__ import annotations

from archive.services.entity_keys import event_identity


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

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

"""Checks on reference data when it is loaded: duplicate names, unknown kinds.

The hand-curated lists the builder reads are checked in ``tests/tools/test_curated.py``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archive.extraction.checks import (
    EVENT_KINDS,
    ORGANISATION_KINDS,
    PLACE_KINDS,
    ReferenceDataError,
    find_file_problems,
)
from archive.extraction.reference import DEFAULT_REFERENCE_DIR, load_gazetteer
from archive.models import Event, Organisation, Place

from .test_reference import FILES  # the files the gazetteer reads


def test_shipped_reference_files_pass():
    for name in FILES:
        path = DEFAULT_REFERENCE_DIR / name
        records = json.loads(path.read_text(encoding="utf-8"))
        assert find_file_problems(path, records) == [], name


def test_kinds_are_those_the_models_accept():
    assert set(Organisation.Kind.values) == ORGANISATION_KINDS
    assert set(Place.Kind.values) - {"country", "other"} == PLACE_KINDS
    assert set(Event.Kind.values) == EVENT_KINDS


def test_file_with_a_name_given_by_two_entries():
    records = [
        {"id": "VGB", "name": "British Virgin Islands", "aliases": ["Virgin Islands"]},
        {"id": "VIR", "name": "United States Virgin Islands", "aliases": ["Virgin islands"]},
    ]
    assert find_file_problems("countries.json", records) == [
        "countries.json: entry 1 (id 'VIR'): duplicate name 'Virgin islands' "
        "(already in entry 0 (id 'VGB'))"
    ]


def test_file_with_a_duplicate_id_and_an_unknown_kind():
    records = [
        {"id": "O1", "name": "Reuters", "kind": "media"},
        {"id": "O1", "name": "Interfax", "kind": "press"},
        {"id": "O2", "name": "Kremlin"},  # the loader's default kind
    ]
    assert find_file_problems("/data/organisations.json", records) == [
        "/data/organisations.json: entry 1: duplicate id 'O1' (already entry 0)",
        "/data/organisations.json: entry 1 (id 'O1'): unknown kind 'press' (expected one of "
        "company, government, intergovernmental, media, ngo, other)",
    ]


def test_leaders_namesakes_in_different_countries_are_allowed():
    records = [
        {"id": "L1", "name": "Nigel Phillips", "country": "Falkland Islands"},
        {"id": "L2", "name": "Nigel Phillips", "country": "Saint Helena"},
        {"id": "L3", "name": "Nigel Phillips", "country": "Saint Helena"},
    ]
    assert find_file_problems("leaders.json", records) == [
        "leaders.json: entry 2 (id 'L3'): duplicate name 'Nigel Phillips|Saint Helena' "
        "(already in entry 1 (id 'L2'))"
    ]


def test_loading_bad_reference_data_fails_naming_the_file_and_entry(tmp_path: Path):
    for name in FILES:
        shutil.copy(DEFAULT_REFERENCE_DIR / name, tmp_path / name)
    events = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    events.append({"id": "E999", "name": "Baku Test Summit", "kind": "party"})
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as raised:
        load_gazetteer(tmp_path)
    message = str(raised.value)
    assert str(tmp_path / "events.json") in message
    assert f"entry {len(events) - 1} (id 'E999'): unknown kind 'party'" in message

"""The shipped reference data, its loader and the builder's parsers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archive.extraction.build_reference import parse_leader_text, parse_nationality
from archive.extraction.reference import (
    DEFAULT_REFERENCE_DIR,
    event_name_variants,
    load_gazetteer,
    org_name_variants,
)

FILES = [
    "countries.json",
    "places.json",
    "organisations.json",
    "leaders.json",
    "events.json",
    "names.json",
]


def test_reference_files_ship_with_the_product_and_stay_small():
    for name in FILES:
        path = DEFAULT_REFERENCE_DIR / name
        assert path.exists(), path
        assert path.stat().st_size < 1_000_000
        assert json.loads(path.read_text(encoding="utf-8"))
    readme = (DEFAULT_REFERENCE_DIR / "README.md").read_text(encoding="utf-8")
    for needle in ("ODbL", "CC BY-SA 4.0", "MIT", "public domain", "SupraVerden", "mledoze"):
        assert needle in readme


def test_gazetteer_contents():
    gaz = load_gazetteer()
    assert gaz is load_gazetteer()  # cached
    aze = gaz.countries["AZE"]
    assert (aze.name, aze.capital) == ("Azerbaijan", "Baku")
    assert {"Azerbaijani", "Azerbaijanis"} <= set(aze.demonyms)
    oic = [o for o in gaz.organisations.values() if o.acronym == "OIC"]
    assert [o.name for o in oic] == ["Organisation of Islamic Cooperation"]
    icesco = [o for o in gaz.organisations.values() if o.acronym == "ICESCO"]
    assert icesco[0].name == "Islamic World Educational, Scientific and Cultural Organization"
    aliyev = [ldr for ldr in gaz.leaders.values() if ldr.name == "Ilham Aliyev"]
    assert aliyev and aliyev[0].roles[0].role == "President of Azerbaijan"
    assert aliyev[0].since == "2003-10-31"
    assert "Ilham" in gaz.given_names
    assert gaz.surfaces["Turkey"][0].ref == "TUR"
    # Demonyms of several UN members are ambiguous and not matched.
    assert "Korean" not in gaz.surfaces


def test_gazetteer_loads_from_another_directory(tmp_path: Path):
    for name in FILES:
        shutil.copy(DEFAULT_REFERENCE_DIR / name, tmp_path / name)
    events = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    events.append({"id": "E999", "name": "Baku Test Summit", "kind": "summit", "year": 2030})
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    gaz = load_gazetteer(tmp_path)
    assert gaz is not load_gazetteer()
    assert gaz.events["E999"].year == 2030
    assert "Baku Test Summit" in gaz.surfaces


def test_spelling_variants():
    variants = org_name_variants("Islamic World Educational, Scientific and Cultural Organization")
    assert "Islamic World Educational, Scientific, and Cultural Organisation" in variants
    assert "second Karabakh war" in event_name_variants("Second Karabakh War")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijani(s)", ["Azerbaijani", "Azerbaijanis"]),
        (
            "Frenchman(men), Frenchwoman(women)",
            ["Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"],
        ),
        ("Saudi or Saudi Arabian", ["Saudi", "Saudi Arabian"]),
        ("Chinese (singular and plural)", ["Chinese"]),
        ("none", []),
    ],
)
def test_parse_nationality(text, expected):
    assert parse_nationality(text) == expected


def test_parse_leader_text_with_capitalised_surnames():
    people = parse_leader_text("President Ilham ALIYEV (since 31 October 2003)")
    assert people == [
        {"name": "Ilham Aliyev", "surname": "Aliyev", "title": "President", "since": "2003-10-31"}
    ]
    people = parse_leader_text(
        "Prime Minister and Co-Vice President MUHAMMAD BIN RASHID Al Maktum (since 5 January "
        "2006); Deputy Prime Ministers SAIF bin Zayid Al Nuhayyan, MANSUR bin Zayid Al "
        "Nuhayyan (both since 11 May 2009)"
    )
    assert [p["name"] for p in people] == [
        "Muhammad bin Rashid Al Maktum",
        "Saif bin Zayid Al Nuhayyan",
        "Mansur bin Zayid Al Nuhayyan",
    ]
    assert people[1]["title"] == "Deputy Prime Minister"
    people = parse_leader_text("President XI Jinping (since 14 March 2013)")
    assert (people[0]["name"], people[0]["surname"]) == ("Xi Jinping", "Xi")
    people = parse_leader_text(
        "King CHARLES III (since 8 September 2022); represented by Governor General Mary "
        "SIMON (since 26 July 2021)"
    )
    assert [(p["name"], p["title"]) for p in people] == [
        ("Charles III", "King"),
        ("Mary Simon", "Governor General"),
    ]


def test_leader_role_for_a_title_as_written():
    gaz = load_gazetteer()
    by_name = {ldr.name: ldr for ldr in gaz.leaders.values()}
    assert by_name["Ilham Aliyev"].role_for("President") == "President of Azerbaijan"
    harris = by_name["Kamala D. Harris"]
    assert harris.role_for("Vice President") == "Vice President of United States"
    assert harris.role_for("President") == ""  # never "President" for "Vice President"

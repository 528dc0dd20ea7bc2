"""The shipped reference data and its loader."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

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


def test_shipped_demonyms_have_no_made_up_plurals():
    gaz = load_gazetteer()
    demonyms = {d for c in gaz.countries.values() for d in c.demonyms}
    assert {"Frenchmen", "Dutchwomen", "Britons", "Liechtensteiners"} <= demonyms
    assert {d for d in demonyms if d.endswith(("mans", "mens"))} == {"Germans", "Turkmens"}
    assert not [d for d in demonyms if "," in d]
    assert not {"Liechtensteins", "Taiwans", "Vaticans", "Kittitian or Nevisian"} & demonyms


def test_leader_role_for_a_title_as_written():
    gaz = load_gazetteer()
    by_name = {ldr.name: ldr for ldr in gaz.leaders.values()}
    assert by_name["Ilham Aliyev"].role_for("President") == "President of Azerbaijan"
    harris = by_name["Kamala D. Harris"]
    assert harris.role_for("Vice President") == "Vice President of United States"
    assert harris.role_for("President") == ""  # never "President" for "Vice President"


def test_curated_us_bodies_and_armed_groups_are_organisations():
    from archive.extraction.extractor import extract_entities

    text = (
        "The Bureau of Arms Control, Verification and Compliance and the Department of "
        "Homeland Security said Hizballah, the Houthis and Hay'at Tahrir al-Sham were "
        "discussed; Houthi attacks continued."
    )
    orgs = {e.name for e in extract_entities("", text) if e.kind == "organisation"}
    assert orgs == {
        "Bureau of Arms Control, Verification and Compliance",
        "U.S. Department of Homeland Security",
        "Hezbollah",
        "Houthis",
        "Hay’at Tahrir al-Sham",
    }
    assert not {e.name for e in extract_entities("", text) if e.kind == "place"}


def test_curated_armed_group_spellings_resolve_to_one_organisation():
    from archive.extraction.extractor import extract_entities

    text = "Affiliated with al-Qa’ida, the group works with Al-Qaida cells."
    orgs = {e.name for e in extract_entities("", text) if e.kind == "organisation"}
    assert orgs == {"Al-Qaeda"}


def test_former_states_are_places_not_organisations():
    from archive.extraction.extractor import extract_entities

    found = extract_entities("", "The former Soviet Union and Yugoslavia broke up.")
    assert {(e.kind, e.name) for e in found} == {
        ("place", "Soviet Union"),
        ("place", "Yugoslavia"),
    }


def test_short_codes_of_new_zealand_and_hong_kong_are_places():
    from archive.extraction.extractor import extract_entities

    found = extract_entities("", "Shares fell in HK while NZ markets rose, traders said.")
    assert {(e.kind, e.name) for e in found} == {
        ("place", "Hong Kong"),
        ("place", "New Zealand"),
    }

"""The reference-data builder's parsers (it needs the source data only to run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import build_reference
from tools.build_reference import parse_leader_text, parse_nationality, plural_demonyms
from tools.curated import load_curated

from .test_curated import write_curated


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


def test_plural_demonyms():
    words = ["French", "Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen", "Armenian"]
    assert plural_demonyms(words) == ["Armenians"]
    assert plural_demonyms(["German", "Turkmen", "Azerbaijani", "Swiss"]) == [
        "Germans",
        "Turkmens",
        "Azerbaijanis",
    ]


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


def test_bad_curated_data_fails_before_anything_is_written(tmp_path: Path, monkeypatch, capsys):
    curated = write_curated(tmp_path, {"places.tsv": ["Ganja\ttown\tAZE"]})
    monkeypatch.setattr(build_reference, "load_curated", lambda: load_curated(curated))
    out = tmp_path / "out"
    # The source data is never read: the curated lists are checked first.
    assert build_reference.main([str(tmp_path / "no-data"), str(out)]) == 1
    assert capsys.readouterr().err == (
        f"{curated / 'places.tsv'}:3 ('Ganja'): unknown kind 'town' "
        "(expected one of city, region)\n"
    )
    assert not out.exists()


def test_us_officers_keep_principals_with_dates_and_the_fuller_of_two_rows(tmp_path):
    import json

    rows = [
        {
            "kind": "principal",
            "office": "Secretary of State",
            "person_id": "blinken-antony-j",
            "forename": "Antony John",
            "surname": "Blinken",
            "started": "2021-01-26",
            "ended": None,
            "position_id": "secretary",
        },
        {
            "kind": "principal",
            "office": "Secretary of State",
            "person_id": "blinken-antony-j",
            "forename": "Antony John",
            "surname": "Blinken",
            "started": "2021-01-26",
            "ended": "2025-01-20",
            "position_id": "secretary",
        },
        {
            "kind": "principal",
            "office": "Counselor",
            "person_id": "x-y",
            "forename": "Y",
            "surname": "X",
            "started": "2019-06",
            "ended": None,
            "position_id": "counselor",
        },
        {
            "kind": "chief-of-mission",
            "office": "Ambassador",
            "person_id": "a-b",
            "forename": "B",
            "surname": "A",
            "started": "2019-01-01",
            "ended": None,
        },
        {
            "kind": "principal",
            "office": "Counselor",
            "person_id": "no-date",
            "forename": "N",
            "surname": "D",
            "started": None,
            "ended": None,
            "position_id": "counselor",
        },
    ]
    folder = tmp_path / "hsg-pocom"
    folder.mkdir()
    (folder / "us_office_holders_since_1990.jsonl").write_text(
        "\n".join(json.dumps(row) for row in rows)
    )
    officers = build_reference.build_us_officers(tmp_path)
    assert [(o["office"], o["name"], o["start"], o.get("end")) for o in officers] == [
        ("Counselor", "Y X", "2019-06-01", None),
        ("Secretary of State", "Antony John Blinken", "2021-01-26", "2025-01-20"),
    ]
    assert officers[0]["approximate"] is True and "approximate" not in officers[1]
    assert officers[1]["aliases"] == ["Antony Blinken", "Antony J. Blinken"]

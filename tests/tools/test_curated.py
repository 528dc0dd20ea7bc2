"""The hand-curated lists: read from their data files, checked on load, and every
problem named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.extraction.checks import ReferenceDataError
from tools.curated import (
    CURATED_DIR,
    EVENT_COLUMNS,
    ORGANISATION_COLUMNS,
    PLACE_COLUMNS,
    load_curated,
    read_table,
)

TABLES = {
    "country_names.tsv": ("country", "name"),
    "country_aliases.tsv": ("country", "aliases"),
    "country_demonyms.tsv": ("country", "demonyms"),
    "places.tsv": PLACE_COLUMNS,
    "organisations.tsv": ORGANISATION_COLUMNS,
    "events.tsv": EVENT_COLUMNS,
}
LISTS = (
    "country_aliases_dropped.txt",
    "country_codes_kept.txt",
    "capitals_skipped.txt",
    "us_states.txt",
    "acronyms_dropped.txt",
    "org_names_dropped.txt",
    "given_names.txt",
)


def write_curated(directory: Path, rows: dict[str, list[str]]) -> Path:
    """A small curated folder: each file is a comment (line 1), then for a table
    its header (line 2), then ``rows[filename]``, so tables' rows start at line 3
    and lists' entries at line 2."""
    for filename in [*TABLES, *LISTS]:
        lines = ["# a sample"]
        if filename in TABLES:
            lines.append("\t".join(TABLES[filename]))
        lines += rows.get(filename, [])
        (directory / filename).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _problems(directory: Path) -> list[str]:
    with pytest.raises(ReferenceDataError) as raised:
        load_curated(directory)
    return str(raised.value).split("\n")


def test_shipped_curated_files_load_without_problems():
    curated = load_curated()
    # Every entry of the former Python lists is there, in its order.
    assert (len(curated.places), len(curated.orgs), len(curated.events)) == (265, 440, 22)
    assert len(curated.given_names) == 464
    assert curated.places[:2] == [
        ("Karabakh", "region", "AZE", ["Garabagh", "Qarabağ", "Karabagh"]),
        ("Nagorno-Karabakh", "region", "AZE", ["Nagorno Karabakh", "Nagorny Karabakh"]),
    ]
    assert curated.places[-1] == ("Wyoming", "region", "USA", [])
    assert curated.orgs[4] == {
        "name": "Council of Europe",
        "acronym": "CoE",
        "acronyms": ["COE"],
        "aliases": [],
        "kind": "intergovernmental",
    }
    assert curated.events[-1] == {
        "name": "COP30",
        "kind": "conference",
        "aliases": [],
        "start": "2025-11-10",
        "end": "2025-11-21",
        "place": "Belém",
    }
    assert curated.country_extra_aliases["CIV"] == ["Cote d'Ivoire", "Côte d’Ivoire"]
    assert curated.country_name_overrides["COG"] == "Republic of the Congo"
    assert {"US", "KSA"} <= curated.country_codes_kept
    assert {"Kingston", "Victoria"} <= curated.capitals_skipped
    assert "ISO" in curated.acronyms_dropped and "Benelux" in curated.org_names_dropped


def test_shipped_files_are_shown_relative_to_the_repository():
    where, row = read_table(CURATED_DIR / "events.tsv", EVENT_COLUMNS)[0]
    assert where == "tools/reference/curated/events.tsv:6"
    assert row["name"] == "Second Karabakh War"


def test_a_small_folder_loads_into_the_builders_shapes(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "country_names.tsv": ["COD\tDemocratic Republic of the Congo"],
            "country_aliases.tsv": ["TUR\tTurkey | Republic of Turkey"],
            "places.tsv": ["# a section comment", "", "Zangezur\tregion\t\tZangezur corridor"],
            "us_states.txt": ["Alabama"],
            # Trailing empty cells may be left out.
            "organisations.tsv": [
                "Kremlin\tgovernment",
                "Group of Seven\tintergovernmental\tG7\tG-7\tGroup of 7",
            ],
            "events.tsv": ["Dayton Agreement\tagreement\t1995-11-21"],
            "given_names.txt": ["Ilham", "  Leyla  "],
        },
    )
    curated = load_curated(tmp_path)
    assert curated.country_name_overrides == {"COD": "Democratic Republic of the Congo"}
    assert curated.country_extra_aliases == {"TUR": ["Turkey", "Republic of Turkey"]}
    assert curated.places == [
        ("Zangezur", "region", "", ["Zangezur corridor"]),
        ("Alabama", "region", "USA", []),
    ]
    assert curated.orgs == [
        {"name": "Kremlin", "acronym": "", "acronyms": [], "aliases": [], "kind": "government"},
        {
            "name": "Group of Seven",
            "acronym": "G7",
            "acronyms": ["G-7"],
            "aliases": ["Group of 7"],
            "kind": "intergovernmental",
        },
    ]
    # Fields left empty are absent, so the builder's output has no empty keys.
    assert curated.events == [
        {"name": "Dayton Agreement", "kind": "agreement", "aliases": [], "start": "1995-11-21"}
    ]
    assert curated.given_names == {"Ilham", "Leyla"}


def test_organisation_listed_twice_names_the_file_and_both_lines(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "organisations.tsv": [
                "World Economic Forum\tngo\tWEF",
                "Council of Europe\tintergovernmental\tCoE",
                "World Economic Forum\tintergovernmental\tWEF",
            ]
        },
    )
    path = tmp_path / "organisations.tsv"
    assert _problems(tmp_path) == [
        f"{path}:5 ('World Economic Forum'): duplicate name 'World Economic Forum' "
        f"(already in {path}:3 ('World Economic Forum'))",
        f"{path}:5 ('World Economic Forum'): duplicate name 'WEF' "
        f"(already in {path}:3 ('World Economic Forum'))",
    ]


def test_unknown_kinds_are_all_reported_by_file_and_line(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "places.tsv": ["Ganja\ttown\tAZE"],
            "organisations.tsv": ["Reuters\tmedia", "Interfax\tpress"],
            "events.tsv": ["COP29\t\t2024-11-11"],
        },
    )
    assert _problems(tmp_path) == [
        f"{tmp_path / 'places.tsv'}:3 ('Ganja'): unknown kind 'town' "
        "(expected one of city, region)",
        f"{tmp_path / 'organisations.tsv'}:4 ('Interfax'): unknown kind 'press' "
        "(expected one of company, government, intergovernmental, media, ngo, other)",
        f"{tmp_path / 'events.tsv'}:3 ('COP29'): unknown kind '' "
        "(expected one of agreement, conference, forum, meeting, other, session, summit, "
        "visit, war)",
    ]


def test_names_clash_across_files_and_spellings(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "places.tsv": ["Gulf\tregion\t\tPersian Gulf"],
            "events.tsv": ["Persian gulf\twar"],
        },
    )
    assert _problems(tmp_path) == [
        f"{tmp_path / 'events.tsv'}:3 ('Persian gulf'): duplicate name 'Persian gulf' "
        f"(already in {tmp_path / 'places.tsv'}:3 ('Gulf'))"
    ]


def test_spelling_variants_in_one_row_are_allowed_but_not_repeats(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "places.tsv": ["Krakow\tcity\tPOL\tKraków"],
            "events.tsv": ["Cold War\twar\t\t\t\tcold war|Cold War"],
        },
    )
    assert _problems(tmp_path) == [
        f"{tmp_path / 'events.tsv'}:3 ('Cold War'): name 'Cold War' given twice"
    ]


def test_country_alias_demonym_and_row_given_twice(tmp_path: Path):
    write_curated(
        tmp_path,
        {
            "country_aliases.tsv": ["VGB\tVirgin Islands", "VIR\tVirgin Islands"],
            "country_demonyms.tsv": ["FRA\tFrench", "SPM\tFrench"],
            "country_names.tsv": ["COD\tDR Congo", "COD\tDemocratic Republic of the Congo"],
        },
    )
    aliases, demonyms, names = (
        tmp_path / f"{n}.tsv" for n in ("country_aliases", "country_demonyms", "country_names")
    )
    assert _problems(tmp_path) == [
        f"{aliases}:4 (VIR): duplicate name 'Virgin Islands' (already in {aliases}:3 (VGB))",
        f"{demonyms}:4 (SPM): duplicate name 'French' (already in {demonyms}:3 (FRA))",
        f"{names}:4: duplicate name 'COD' (already in {names}:3)",
    ]


def test_an_entry_repeated_in_a_plain_list(tmp_path: Path):
    write_curated(tmp_path, {"acronyms_dropped.txt": ["ERA", "ELI", "ERA"]})
    path = tmp_path / "acronyms_dropped.txt"
    assert _problems(tmp_path) == [f"{path}:4: duplicate name 'ERA' (already in {path}:2)"]


@pytest.mark.parametrize(
    ("filename", "row", "message"),
    [
        (
            "places.tsv",
            "Ganja\tcity\tAZE\tGänjä\tGanja city",
            "5 cells, expected at most 4 (name, kind, country, aliases)",
        ),
        ("places.tsv", "\tcity\tAZE", "empty name"),
        ("places.tsv", "Ganja\tcity\tAz", "country 'Az' is not an ISO alpha-3 code"),
        ("places.tsv", "Ganja\tcity\tAZE\tGänjä||Gandja", "empty name in 'Gänjä||Gandja'"),
        ("events.tsv", "COP29\tconference\t11/11/2024", "date '11/11/2024' is not YYYY-MM-DD"),
        ("events.tsv", "COP29\tconference\t2024-11-31", "date '2024-11-31' is not YYYY-MM-DD"),
        ("country_aliases.tsv", "TUR", "empty aliases"),
    ],
)
def test_a_malformed_row_names_the_file_and_line(tmp_path, filename, row, message):
    write_curated(tmp_path, {filename: [row]})
    assert _problems(tmp_path) == [f"{tmp_path / filename}:3: {message}"]


def test_a_tab_in_a_plain_list(tmp_path: Path):
    write_curated(tmp_path, {"given_names.txt": ["Ilham\tAliyev"]})
    path = tmp_path / "given_names.txt"
    assert _problems(tmp_path) == [f"{path}:2: a tab in 'Ilham\\tAliyev' (one entry a line)"]


def test_a_table_with_the_wrong_header(tmp_path: Path):
    write_curated(tmp_path, {})
    path = tmp_path / "places.tsv"
    path.write_text("# places\nname\tcountry\tkind\taliases\n", encoding="utf-8")
    assert _problems(tmp_path) == [
        f"{path}:2: header has columns name, country, kind, aliases; "
        "expected name, kind, country, aliases (separated by tabs)"
    ]

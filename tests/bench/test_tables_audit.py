"""The automatic part of the entity tables' audit (issue 17), on texts the repository ships.

The seeds and the 64 State Department gold releases are ingested once for the module
(in a transaction rolled back afterwards, with a scratch search index); every check of
``bench.tables.checks`` then runs over the resulting tables. The hand-checked part of
the audit is ``python -m bench.tables.audit``.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.tables import checks
from bench.tables.audit import (
    SAMPLE,
    VERDICTS,
    edit_distance,
    read_judgements,
    similar,
    summarise,
)
from bench.tables.checks import Row
from conftest import ROOT, SEEDS_DIR, read_after_ingest

GOLD_DIR = ROOT / "bench" / "gold" / "state-dept"
INPUTS = (SEEDS_DIR, GOLD_DIR / "dev.jsonl", GOLD_DIR / "test.jsonl")

# pytest-django creates the test database only for a session with tests marked so;
# without it the module's fixture would reach the settings' own database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rows(django_db_setup, django_db_blocker, tmp_path_factory) -> list[Row]:
    return read_after_ingest(
        django_db_blocker, tmp_path_factory.mktemp("whoosh"), INPUTS, checks.rows_from_db
    )


def _shown(violations) -> str:
    return "\n".join(f"{v.kind} {v.id} {v.name!r} {v.detail}" for v in violations[:20])


def test_the_tables_are_not_empty(rows):
    kinds = {row.kind for row in rows}
    assert kinds == {"person", "organisation", "place", "event"}
    assert len(rows) > 200


# Every check the audit runs, a new one included.
@pytest.mark.parametrize("check", sorted(checks.CHECKS))
def test_the_tables_pass(rows, check):
    violations = checks.CHECKS[check](rows)
    assert not violations, _shown(violations)


# The checks themselves, on rows made up for them: each finds what it is meant to.


def _row(kind, id, name, aliases=(), articles=(1,)):
    return Row(kind, id, name, tuple(aliases), frozenset(articles))


def test_markup_is_found_in_names_and_aliases():
    rows = [
        _row("person", 1, "Antony J. Blinken"),
        _row("organisation", 2, "Ministry of Foreign Affairs &amp; Trade"),
        _row("place", 3, "Côte d’Ivoire", ["C&#244;te d'Ivoire"]),
        _row("event", 4, "<b>G7</b> Summit"),
    ]
    assert [v.id for v in checks.markup_in_names(rows)] == [2, 3, 4]


def test_names_without_letters_or_capitals():
    rows = [
        _row("person", 1, ""),
        _row("place", 2, "2022"),
        _row("event", 3, "— ."),
        _row("organisation", 4, "the ministry"),
        _row("organisation", 5, "UN"),
        _row("place", 6, "al-Quds"),
    ]
    assert [v.id for v in checks.names_without_letters(rows)] == [1, 2, 3]
    assert [v.id for v in checks.names_without_capitals(rows)] == [4]


def test_names_cut_short_and_headline_verbs_and_titles():
    rows = [
        _row("organisation", 1, "Ministry of"),
        _row("organisation", 2, "Ministry of Defence"),
        _row("person", 3, "Blinken Travels"),
        _row("person", 4, "Thomas Travers"),
        _row("person", 5, "Secretary Blinken"),
        _row("organisation", 6, "Secretary General Office"),
        _row("person", 7, "Rep Malley"),  # an abbreviated title
    ]
    assert [v.id for v in checks.dangling_function_words(rows)] == [1]
    assert [v.id for v in checks.persons_ending_in_headline_verbs(rows)] == [3]
    assert [v.id for v in checks.persons_with_titles(rows)] == [5, 7]


def test_shared_keys_and_aliases_naming_another_entity():
    rows = [
        _row("organisation", 1, "Organisation of Islamic Cooperation", ["OIC"]),
        _row("organisation", 2, "Organization of Islamic Co-operation"),
        _row("organisation", 3, "OIC"),
        _row("place", 4, "OIC"),  # another kind: not a duplicate
    ]
    shared = checks.shared_name_keys(rows)
    assert [(v.id, v.detail) for v in shared] == [
        (1, "'organization of islamic cooperation': 2 'Organization of Islamic Co-operation'")
    ]
    assert [v.id for v in checks.aliases_naming_others(rows)] == [1]


def test_a_lone_surname_counts_only_beside_its_full_name():
    rows = [
        _row("person", 1, "Antony J. Blinken", articles=[1, 2]),
        _row("person", 2, "Blinken", articles=[2]),
        _row("person", 3, "Price", articles=[3]),
        _row("person", 4, "Ned Price", articles=[4]),
    ]
    assert [v.id for v in checks.unresolved_surnames(rows)] == [2]


def test_a_person_named_by_a_phrase_of_english_words_is_found():
    rows = [
        _row("person", 1, "Immigrant Visas"),
        _row("person", 2, "Defending Democratic Values"),
        _row("person", 3, "Bernie Sanders"),
        _row("person", 4, "Mark Green"),
        _row("place", 5, "Great Lakes"),
    ]
    found = checks.persons_named_by_phrases(rows)
    assert [v.name for v in found] == ["Immigrant Visas", "Defending Democratic Values"]


def test_the_audits_candidates_for_duplicates():
    same_kind = [
        _row("person", 1, "Antony J. Blinken", ["Blinken"]),
        _row("person", 2, "Antony Blinken"),
        _row("person", 3, "Blinken"),
        _row("person", 4, "Anthony Blinken"),
        _row("person", 5, "Ned Price"),
    ]
    assert edit_distance("antony blinken", "anthony blinken") == 1
    assert edit_distance("blinken", "price") == 3
    # Within edit distance 2 (one and two edits), then the shared last word.
    assert [r.id for r in similar(same_kind[1], same_kind)] == [1, 4, 3]
    assert [r.id for r in similar(same_kind[2], same_kind)] == [1, 2, 4]


# The hand-checked part: the judgements kept beside the audit.

JUDGEMENTS = sorted((ROOT / "bench" / "tables").glob("judgements-*.tsv"))


@pytest.mark.parametrize("path", JUDGEMENTS, ids=[path.name for path in JUDGEMENTS])
def test_the_kept_judgements_read_one_verdict_per_sampled_entity(path):
    rows = read_judgements(path)  # an unknown verdict raises
    kinds = Counter(row["kind"] for row in rows)
    # A check judges the whole sample of each kind it takes (some take two kinds).
    assert kinds and set(kinds) <= {"person", "organisation", "place", "event"}
    assert set(kinds.values()) == {SAMPLE}
    assert len({(row["kind"], row["id"]) for row in rows}) == len(rows)
    for row in rows:
        parts = row["verdict"].split("+")
        assert parts[0] in VERDICTS[:4] and set(parts[1:]) <= {"dup"}, row


def test_the_judgements_summary_counts_precision_and_duplicates(tmp_path):
    path = tmp_path / "judgements.tsv"
    path.write_text(
        "id\tkind\tname\tverdict\tnote\n"
        "1\tperson\tSergey Lavrov\tok\t\n"
        "2\tperson\tLavrov\tbad-name+dup\tsurname only\n"
        "3\tperson\tBlinken Travels\tjunk\t\n"
        "4\tperson\tBenny Gantz\tok+dup\t\n",
        encoding="utf-8",
    )
    lines = [" ".join(line.split()) for line in summarise(read_judgements(path)).splitlines()]
    assert lines == [
        "person: 4 judged, precision 50% (2), duplicates 50% (2)",
        "junk 1 e.g. 'Blinken Travels'",
        "bad-name 1 e.g. 'Lavrov'",
        "dup 2 e.g. 'Lavrov'; 'Benny Gantz'",
    ]
    path.write_text("id\tkind\tname\tverdict\tnote\n1\tperson\tX\tmaybe\t\n")
    with pytest.raises(ValueError, match="unknown verdict"):
        read_judgements(path)

"""eval_seeds: the seed articles checked against their gold standard."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from archive.evaluation import SCORED_KINDS, Linked, evaluate_seeds, score_entities
from archive.models import Organisation
from conftest import ROOT, SEEDS_DIR, SEEDS_GOLD, manage


def test_every_gold_check_is_found_on_the_seeds(seeds, gold):
    reports = evaluate_seeds(gold)
    assert [r.name for r in reports] == list(gold["articles"])
    missed = [(r.name, what) for r in reports for status, what in r.checks if status != "found"]
    assert missed == []


def test_a_lost_alias_and_a_wrong_entity_are_reported(seeds, gold):
    Organisation.objects.get(acronym="ICESCO").aliases.all().delete()
    Organisation.objects.create(name="Muslim", slug="muslim")
    reports = {r.name: r for r in evaluate_seeds(gold)}
    assert (
        "missed",
        "organisation Islamic World Educational, Scientific and Cultural "
        "Organization: alias 'ICESCO'",
    ) in reports["002_a6d354069dc08d8b.txt"].checks
    assert ("wrong", "no organisation named 'Muslim'") in reports["000_559ac3be9b7589b6.txt"].checks


def test_the_command_uses_a_throwaway_archive_and_prints_json(gold, tmp_path):
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "eval_seeds",
            str(SEEDS_GOLD),
            "--seeds",
            str(SEEDS_DIR),
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["totals"]["found"] > 0
    assert set(report["articles"]) == set(gold["articles"])
    # Nothing was written to the real archive.
    assert (
        not (tmp_path / "archive.sqlite3").exists()
        or (tmp_path / "archive.sqlite3").stat().st_size == 0
    )


def test_the_command_names_a_bad_gold_file(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "eval_seeds", str(bad)],
        cwd=ROOT,
        env={**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert str(bad) in result.stderr


# Entity-level scores against a hand-annotated gold set (eval_seeds --scores).

SCORE_GOLD = {
    "articles": {
        "a": {
            "persons": {"Antony J. Blinken": ["Blinken"], "Ned Price": []},
            "organisations": {"Organization for Security and Cooperation in Europe": ["OSCE"]},
            "places": ["Ukraine", "Washington, D.C."],
        },
        "b": {"persons": {}, "organisations": {}, "places": ["Gaza"]},
    }
}


def test_scores_match_names_and_aliases_by_key_and_count_false_entities():
    linked = {
        "a": {
            # matched through a gold alias, case-insensitively
            "persons": [Linked("BLINKEN"), Linked("Secretary Blinken")],
            # matched through the linked entity's own alias
            "organisations": [Linked("Org. for Security", ("osce",))],
            "places": [Linked("Ukraine"), Linked("Washington DC")],
        },
        "b": {"places": [Linked("Gaza"), Linked("Gaza")]},
    }
    scores = score_entities(SCORE_GOLD, linked)
    persons, organisations, places = (scores[k] for k in SCORED_KINDS)
    assert (persons.found, persons.missed, persons.false) == (
        1,
        [("a", "Ned Price")],
        [("a", "Secretary Blinken")],
    )
    assert (persons.precision, persons.recall, persons.f1) == (0.5, 0.5, 0.5)
    assert (organisations.found, organisations.missed, organisations.false) == (1, [], [])
    # "Washington, D.C." and "Washington DC" have different keys; a duplicate is not false.
    assert (places.found, places.missed, places.false) == (
        2,
        [("a", "Washington, D.C.")],
        [("a", "Washington DC")],
    )
    assert places.as_dict() == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "found": 2,
        "missed": 1,
        "false": 1,
    }


def test_an_article_the_archive_lacks_misses_everything_and_empty_kinds_score_zero():
    scores = score_entities(SCORE_GOLD, {})
    assert scores["places"].missed == [
        ("a", "Ukraine"),
        ("a", "Washington, D.C."),
        ("b", "Gaza"),
    ]
    assert (scores["persons"].precision, scores["persons"].f1) == (0.0, 0.0)


def test_the_command_scores_a_jsonl_gold_set(tmp_path):
    articles = [
        {
            "source_file": "call-1",
            "title": "Secretary Blinken's Call with Ukrainian Foreign Minister Kuleba",
            "published": "2022-03-01",
            "text": "Secretary of State Antony J. Blinken spoke today with Ukrainian "
            "Foreign Minister Dmytro Kuleba about Russia's war against Ukraine.",
        },
        {
            "source_file": "call-2",
            "title": "Secretary Blinken's Meeting with German Chancellor Merkel",
            "published": "2021-06-23",
            "text": "Secretary of State Antony J. Blinken met today with German "
            "Chancellor Angela Merkel in Berlin.",
        },
    ]
    seeds = tmp_path / "dev.jsonl"
    seeds.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    gold = {
        "articles": {
            "call-1": {
                "persons": {"Antony J. Blinken": ["Blinken"], "Nobody Anywhere": []},
                "organisations": {},
                "places": ["Ukraine", "Russia"],
            },
            "call-2": {
                "persons": {"Antony J. Blinken": [], "Angela Merkel": ["Merkel"]},
                "organisations": {},
                "places": ["Berlin"],
            },
        }
    }
    gold_path = tmp_path / "dev.gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path)}
    args = ("eval_seeds", str(gold_path), "--seeds", str(seeds), "--scores")

    report = json.loads(manage(env, *args, "--json").stdout)
    assert set(report["kinds"]) == set(SCORED_KINDS)
    persons = report["kinds"]["persons"]
    assert persons["found"] + persons["missed"] == 4
    assert "Nobody Anywhere" in report["articles"]["call-1"]["persons"]["missed"]
    assert report["kinds"]["places"]["found"] + report["kinds"]["places"]["missed"] == 3

    text = manage(env, *args).stdout
    assert text.splitlines()[0].split() == ["kind", "P", "R", "F1", "found", "missed", "false"]
    assert "missed person       Nobody Anywhere" in text

"""eval_seeds: the seed articles checked against their gold standard."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from archive.evaluation import evaluate_seeds
from archive.models import Organisation
from conftest import ROOT, SEEDS_DIR, SEEDS_GOLD


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

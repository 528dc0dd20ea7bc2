"""Small pure parts of the harness, and the rule that the product never imports it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.peer import datasette_settings, unfinished_facets
from bench.process import django_env
from bench.queries import FACETS
from bench.run_ingest import ingest_counts, sample_figures
from bench.stages import Stages

ROOT = Path(__file__).resolve().parents[2]


def test_ingest_counts_are_read_from_the_commands_summary():
    output = "Ingested: 1990 created, 0 updated, 0 unchanged, 8 duplicate, 2 failed.\n"
    assert ingest_counts(output) == {
        "created": 1990,
        "updated": 0,
        "unchanged": 0,
        "duplicate": 8,
        "failed": 2,
    }
    assert ingest_counts("nothing to see") == {}


def test_the_product_never_imports_the_benchmark():
    importing = re.compile(r"^\s*(from|import)\s+bench\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("archive", "search", "config")
        for path in (ROOT / folder).rglob("*.py")
        if importing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_sample_rate_estimates_the_rebuild_of_every_stored_article():
    figures = sample_figures(stored=100_000, articles=20_000, seconds=250.0)
    assert figures["index_only_per_s"] == 80.0
    assert figures["rebuild_s"] == 1250.0
    assert figures["rebuild_estimated"] is True
    assert figures["rebuild_sample"] == 20_000
    assert figures["rebuild_sample_s"] == 250.0


def test_a_sample_of_every_article_is_a_measurement_not_an_estimate():
    figures = sample_figures(stored=1_998, articles=1_998, seconds=20.0)
    assert figures["rebuild_estimated"] is False
    assert figures["rebuild_s"] == 20.0


def test_nothing_indexed_gives_no_rate_rather_than_a_division_by_zero():
    figures = sample_figures(stored=0, articles=0, seconds=0.01)
    assert figures["index_only_per_s"] is None and figures["rebuild_s"] is None


def test_the_django_children_never_see_the_users_archive(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://mine/archive")
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", "/srv/my-index")
    env = django_env(tmp_path / "data")
    assert env["ARCHIVE_DATA_DIR"] == str(tmp_path / "data")
    assert "DATABASE_URL" not in env and "ARCHIVE_INDEX_DIR" not in env
    scratch = django_env(tmp_path / "data", index_dir=tmp_path / "scratch")
    assert scratch["ARCHIVE_INDEX_DIR"] == str(tmp_path / "scratch")


def test_stages_are_timed_with_the_clock_given(capsys):
    ticks = iter([0.0, 1.0, 6.25, 7.0, 8.0, 10.5])
    stages = Stages(clock=lambda: next(ticks))
    with stages.timed("corpus"):
        pass
    with stages.timed("ingest"):
        pass
    assert stages.seconds == {"corpus": 5.2, "ingest": 1.0}
    assert stages.total() == 10.5
    assert "build the corpus: 5.2 s" in capsys.readouterr().out


def test_a_stage_is_timed_even_when_it_fails():
    ticks = iter([0.0, 1.0, 3.0])
    stages = Stages(clock=lambda: next(ticks))
    with pytest.raises(RuntimeError), stages.timed("peer"):
        raise RuntimeError
    assert stages.seconds == {"peer": 2.0}


def test_an_unknown_stage_is_refused():
    with pytest.raises(ValueError), Stages().timed("lunch"):
        pass


def test_facets_missing_from_datasettes_answer_are_the_ones_it_gave_up_on():
    finished = {name: {"results": []} for name in ("source", "year", "month", "event")}
    assert unfinished_facets({"facet_results": finished}) == ["organisation", "person", "place"]
    everything = {name: {"results": []} for name in FACETS}
    assert unfinished_facets({"facet_results": everything}) == []
    assert unfinished_facets({}) == list(FACETS)


def test_datasette_may_take_as_long_as_the_facet_limit_allows():
    assert datasette_settings(5000)["facet_time_limit_ms"] == 5000
    assert datasette_settings(5000)["sql_time_limit_ms"] >= 5000
    # Datasette caps a facet's limit at the SQL limit, so that rises with it.
    assert datasette_settings(200_000)["sql_time_limit_ms"] == 200_000

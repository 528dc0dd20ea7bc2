"""The benchmark's table and JSON, from hand-written figures."""

from __future__ import annotations

import json

import pytest

from bench.report import (
    format_stages,
    format_table,
    index_only_notes,
    index_only_row,
    ratios,
    unfinished_facet_notes,
    write_json,
)


def _result() -> dict:
    timing = {"p50_ms": 40.0, "p95_ms": 150.0, "p99_ms": 300.0, "n": 10}
    return {
        "size": 2000,
        "stored": 1998,
        "rounds": 5,
        "peer_rounds": 1,
        "peer_facet_limit_ms": 5000,
        "ingest_per_s": 512.3,
        "ingest_s": 3.9,
        "ingest_rss_mb": 210.0,
        "index_only_per_s": 700.0,
        "rebuild_s": 2.85,
        "rebuild_estimated": True,
        "rebuild_sample": 500,
        "rebuild_rss_mb": 150.0,
        "rebuild_sample_index_mb": 3.5,
        "index_mb": 14.0,
        "index_mb_after_ingest": 14.0,
        "rss_mb": 180.2,
        "peer_rss_mb": 90.1,
        "peer_build_s": 0.8,
        "search": {**timing, "queries": 9},
        "peer_search": {"p50_ms": 20.0, "p95_ms": 50.0, "p99_ms": 60.0, "n": 10},
        "ratio": ratios(timing, {"p50_ms": 20.0, "p95_ms": 50.0, "p99_ms": 60.0}),
        "pages": {
            "list": {
                **timing,
                "queries": 7,
                "queries_min": 3,
                "queries_cold": 12,
                "queries_cold_min": 5,
            },
            "article": {**timing, "queries": 8, "queries_min": 8},
        },
        "searches": [
            {
                "label": 'word "oil"',
                "hits": 1234,
                "peer_hits": 1200,
                "p50_ms": 41.0,
                "peer_p50_ms": 19.5,
                "peer_facets_timed_out": ["organisation", "place"],
            },
            {
                "label": 'word "tariffs"',
                "hits": 12,
                "peer_hits": 12,
                "p50_ms": 5.0,
                "peer_p50_ms": 4.0,
                "peer_facets_timed_out": [],
            },
        ],
        "notes": ["a note"],
        "stages_s": {"corpus": 1.0, "ingest": 4.0, "index_only": 1.5, "ours": 2.0, "peer": 1.0},
        "total_s": 10.0,
    }


def test_ratios_are_ours_over_the_peers():
    assert ratios(
        {"p50_ms": 30, "p95_ms": 90, "p99_ms": 100}, {"p50_ms": 10, "p95_ms": 0, "p99_ms": 400}
    ) == {
        "p50_ms": 3.0,
        "p95_ms": None,
        "p99_ms": 0.25,
    }


def test_the_table_shows_every_figure():
    table = format_table(_result())
    assert "2,000 articles generated, 1,998 stored" in table
    assert (
        "5 timed rounds of 2 searches (Datasette: 1 round, each facet cut off at 5,000 ms)" in table
    )
    assert "512.3 articles/s" in table
    assert "700.0 articles/s" in table
    lines = table.splitlines()
    ratio = next(line for line in lines if line.startswith("ours / peer"))
    assert ratio.split()[-3:] == ["2.00", "3.00", "5.00"]
    # Queries as timed requests run them, then on a page's first load.
    assert any(line.startswith("list") and line.split()[-2:] == ["3–7", "5–12"] for line in lines)
    assert any(line.startswith("article") and line.split()[-2:] == ["8", "–"] for line in lines)
    assert any(
        line.startswith('word "oil"') and "1,234" in line and line.endswith("organisation,place")
        for line in lines
    )
    assert "rebuild 2.9 s (estimated from 500 articles)" in table
    assert "after ingest; sample index 3.5 MiB" in table
    assert "note: a note" in table


def test_the_table_columns_line_up():
    lines = format_table(_result()).splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("page"))
    widths = {len(line) for line in lines[header : header + 4]}
    assert len(widths) == 1


def test_json_holds_the_figures(tmp_path):
    path = tmp_path / "out" / "bench.json"
    write_json(_result(), path)
    data = json.loads(path.read_text())
    for key in (
        "size",
        "ingest_per_s",
        "index_only_per_s",
        "rebuild_s",
        "search",
        "peer_search",
        "pages",
        "rss_mb",
        "index_mb",
    ):
        assert key in data
    assert data["pages"]["list"]["queries"] == 7


def test_an_estimated_rebuild_says_from_how_many_articles():
    row = index_only_row(
        {
            "index_only_per_s": 80.0,
            "rebuild_s": 1250.0,
            "rebuild_estimated": True,
            "rebuild_sample": 20000,
            "rebuild_rss_mb": 300.0,
        }
    )
    assert row == [
        "index only (sample)",
        "80.0 articles/s",
        "rebuild 1,250.0 s (estimated from 20,000 articles), peak RSS 300.0 MiB",
    ]


def test_a_sample_of_every_article_is_not_called_an_estimate():
    row = index_only_row(
        {
            "index_only_per_s": 80.0,
            "rebuild_s": 25.0,
            "rebuild_estimated": False,
            "rebuild_sample": 2000,
            "rebuild_rss_mb": 200.0,
        }
    )
    assert "estimated" not in row[2]
    assert "all 2,000 articles, into a scratch index" in row[2]


def test_a_full_rebuild_is_labelled_measured():
    row = index_only_row(
        {
            "index_only_per_s": 67.2,
            "rebuild_s": 1488.0,
            "rebuild_estimated": False,
            "rebuild_sample": None,
            "rebuild_rss_mb": 400.0,
        }
    )
    assert row[0] == "index only (rebuild_index)"
    assert row[2].startswith("rebuild 1,488.0 s (measured)")


def test_the_notes_explain_an_estimate_and_only_an_estimate():
    estimated = index_only_notes({"rebuild_sample": 20000, "rebuild_estimated": True})
    assert len(estimated) == 1 and "estimate" in estimated[0] and "20,000" in estimated[0]
    assert "estimate" not in index_only_notes({"rebuild_sample": 50, "rebuild_estimated": False})[0]
    assert index_only_notes({"rebuild_sample": None, "rebuild_estimated": False}) == []


def test_searches_whose_facets_datasette_gave_up_on_are_counted():
    peer = {
        "facet_limit_ms": 5000,
        "searches": [{"facets_timed_out": ["place"]}, {"facets_timed_out": []}],
    }
    (note,) = unfinished_facet_notes(["a", "b"], peer)
    assert "5,000 ms" in note and "1 of 2 searches" in note
    peer["searches"][0]["facets_timed_out"] = []
    assert unfinished_facet_notes(["a", "b"], peer) == []


def test_the_stage_table_shows_each_stage_the_rest_and_the_total():
    lines = format_stages({"ingest": 600.0, "corpus": 5.5, "peer": 180.0}, 800.0)
    cells = {line.split("  ")[0].strip(): line.split()[-2:] for line in lines[2:]}
    # In the order the stages run, whatever order they were given in.
    assert [line.split("  ")[0] for line in lines[2:5]] == [
        "build the corpus",
        "ingest (manage.py ingest)",
        "time Datasette",
    ]
    assert cells["ingest (manage.py ingest)"] == ["600.0", "75%"]
    assert cells["other (setup, reports)"] == ["14.5", "2%"]
    assert cells["total"] == ["800.0", "100%"]


def test_the_table_ends_with_the_stages():
    lines = format_table(_result()).splitlines()
    assert lines[-1].split()[:2] == ["total", "10.0"]


@pytest.mark.parametrize("key", ["stages_s", "total_s", "rebuild_estimated", "rebuild_sample"])
def test_json_holds_the_new_figures(tmp_path, key):
    path = tmp_path / "bench.json"
    write_json(_result(), path)
    assert key in json.loads(path.read_text())


def test_the_questions_get_a_row_under_the_searches_when_there_are_any():
    assert "of which questions" not in format_table(_result())
    result = {**_result(), "questions": {"p50_ms": 84.9, "p95_ms": 138.9, "p99_ms": 142.3}}
    lines = format_table(result).splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("of which questions"))
    assert lines[at - 1].startswith("search (ours)")
    assert lines[at].split()[-3:] == ["84.9", "138.9", "142.3"]

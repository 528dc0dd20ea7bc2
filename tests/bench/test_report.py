"""The benchmark's table and JSON, from hand-written figures."""

from __future__ import annotations

import json

from bench.report import format_table, ratios, write_json


def _result() -> dict:
    timing = {"p50_ms": 40.0, "p95_ms": 150.0, "p99_ms": 300.0, "n": 10}
    return {
        "size": 2000,
        "stored": 1998,
        "rounds": 5,
        "ingest_per_s": 512.3,
        "ingest_s": 3.9,
        "ingest_rss_mb": 210.0,
        "index_only_per_s": 700.0,
        "rebuild_s": 2.85,
        "index_mb": 12.5,
        "index_mb_after_ingest": 14.0,
        "rss_mb": 180.2,
        "peer_rss_mb": 90.1,
        "peer_build_s": 0.8,
        "search": {**timing, "queries": 9},
        "peer_search": {"p50_ms": 20.0, "p95_ms": 50.0, "p99_ms": 60.0, "n": 10},
        "ratio": ratios(timing, {"p50_ms": 20.0, "p95_ms": 50.0, "p99_ms": 60.0}),
        "pages": {
            "list": {**timing, "queries": 7, "queries_min": 3},
            "article": {**timing, "queries": 8, "queries_min": 8},
        },
        "searches": [
            {
                "label": 'word "oil"',
                "hits": 1234,
                "peer_hits": 1200,
                "p50_ms": 41.0,
                "peer_p50_ms": 19.5,
            },
        ],
        "notes": ["a note"],
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
    assert "512.3 articles/s" in table
    assert "700.0 articles/s" in table
    lines = table.splitlines()
    ratio = next(line for line in lines if line.startswith("ours / peer"))
    assert ratio.split()[-3:] == ["2.00", "3.00", "5.00"]
    assert any(line.startswith("list") and line.endswith("3–7") for line in lines)
    assert any(line.startswith("article") and line.endswith(" 8") for line in lines)
    assert any(line.startswith('word "oil"') and "1,234" in line for line in lines)
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

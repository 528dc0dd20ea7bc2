"""Step 5 and the output: the figures as a table, and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

PERCENTILES = ("p50_ms", "p95_ms", "p99_ms")


def ratios(ours: dict, peer: dict) -> dict[str, float | None]:
    """ours / peer for each percentile: below 1 means the archive is faster."""
    return {
        key: round(ours[key] / peer[key], 2) if peer.get(key) and key in ours else None
        for key in PERCENTILES
    }


def _number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def _rows(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = []
    for row in [header, *rows]:
        cells = [
            str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines


def _queries(timing: dict) -> str:
    """Database queries per page: one number when constant, else the range."""
    most, least = timing.get("queries"), timing.get("queries_min")
    return _number(most) if least in (None, most) else f"{least}–{most}"


def format_table(result: dict) -> str:
    """The benchmark's figures as plain text."""
    lines = [
        f"Benchmark: {result['size']:,} articles generated, {result['stored']:,} stored; "
        f"{result['rounds']} timed rounds of {len(result['searches'])} searches",
        "",
    ]
    lines += _rows(
        ["", "figure", "detail"],
        [
            [
                "ingest, end to end",
                f"{_number(result['ingest_per_s'])} articles/s",
                f"{_number(result['ingest_s'])} s, peak RSS {_number(result['ingest_rss_mb'])} MiB",
            ],
            [
                "index only (rebuild_index)",
                f"{_number(result['index_only_per_s'])} articles/s",
                f"rebuild {_number(result['rebuild_s'])} s",
            ],
            [
                "index on disk",
                f"{_number(result['index_mb'])} MiB",
                f"{_number(result['index_mb_after_ingest'])} MiB straight after ingest",
            ],
            [
                "serving process, peak RSS",
                f"{_number(result['rss_mb'])} MiB",
                f"peer (Datasette) {_number(result['peer_rss_mb'])} MiB",
            ],
            [
                "peer FTS5 build",
                f"{_number(result['peer_build_s'])} s",
                "from stored articles; no extraction",
            ],
        ],
    )
    lines.append("")
    ours = result["search"]
    table = [
        ["search (ours)", *(_number(ours.get(k)) for k in PERCENTILES), _queries(ours)],
        ["search (Datasette)", *(_number(result["peer_search"].get(k)) for k in PERCENTILES), "–"],
        ["ours / peer", *(_number(result["ratio"].get(k), 2) for k in PERCENTILES), ""],
    ]
    for kind, page in result["pages"].items():
        table.append([kind, *(_number(page.get(k)) for k in PERCENTILES), _queries(page)])
    lines += _rows(["page", "p50 ms", "p95 ms", "p99 ms", "DB queries"], table)
    lines.append("")
    searches = [
        [
            s["label"],
            _number(s["hits"]),
            _number(s["peer_hits"]),
            _number(s["p50_ms"]),
            _number(s["peer_p50_ms"]),
        ]
        for s in result["searches"]
    ]
    lines += _rows(["search", "hits", "peer hits", "p50 ms", "peer p50"], searches)
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    return "\n".join(lines)


def write_json(result: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

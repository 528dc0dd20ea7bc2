"""Step 5 and the output: the figures as a table, and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from .stages import STAGES

PERCENTILES = ("p50_ms", "p95_ms", "p99_ms")


def ratios(ours: dict, peer: dict) -> dict[str, float | None]:
    """ours / peer for each percentile: below 1 means the archive is faster."""
    return {
        key: round(ours[key] / peer[key], 2) if peer.get(key) and key in ours else None
        for key in PERCENTILES
    }


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


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


def _queries(timing: dict, prefix: str = "queries") -> str:
    """Database queries per page: one number when constant, else the range."""
    most, least = timing.get(prefix), timing.get(f"{prefix}_min")
    if most is None:
        return "–"
    return _number(most) if least in (None, most) else f"{least}–{most}"


def index_only_row(result: dict) -> list[str]:
    """The index-only row: how the rate was measured, and whether the rebuild is estimated."""
    rate = f"{_number(result['index_only_per_s'])} articles/s"
    rebuild = f"rebuild {_number(result['rebuild_s'])} s"
    memory = f"peak RSS {_number(result.get('rebuild_rss_mb'))} MiB"
    sample = result.get("rebuild_sample")
    if sample is None:
        return ["index only (rebuild_index)", rate, f"{rebuild} (measured), {memory}"]
    if result["rebuild_estimated"]:
        how = f"estimated from {sample:,} articles"
    else:
        how = f"all {sample:,} articles, into a scratch index"
    return ["index only (sample)", rate, f"{rebuild} ({how}), {memory}"]


def index_only_notes(figures: dict) -> list[str]:
    """What the reader should know about how the index-only rate was measured."""
    sample = figures.get("rebuild_sample")
    if sample is None:
        return []
    workers = figures.get("rebuild_workers")
    how = f"in {workers} worker processes" if workers else "in one process"
    return [
        f"index only: the first {sample:,} stored articles indexed into a scratch index by "
        f"update_index, {how}, as rebuild_index does"
        + (
            "; rebuild_s is stored articles / that rate, an estimate (the sample's "
            "articles are not the rest). BENCH_FULL_REBUILD=1 times a real one."
            if figures["rebuild_estimated"]
            else "."
        )
    ]


def unfinished_facet_notes(labels: list[str], peer: dict) -> list[str]:
    """Which searches' facets Datasette gave up on, within its facet time limit."""
    unfinished = [
        (label, search["facets_timed_out"])
        for label, search in zip(labels, peer["searches"], strict=True)
        if search["facets_timed_out"]
    ]
    if not unfinished:
        return []
    return [
        f"Datasette left facets unfinished after its facet time limit "
        f"({peer['facet_limit_ms']:,} ms) in {len(unfinished)} of {len(labels)} searches "
        "(the 'peer gave up' column): those peer times cover fewer facets than ours."
    ]


def format_stages(stages_s: dict[str, float], total_s: float) -> list[str]:
    """Each stage's wall time and share of the run, then the rest, then the total."""
    rows = []
    for name, label in STAGES.items():
        if name in stages_s:
            seconds = stages_s[name]
            rows.append([label, _number(float(seconds)), _share(seconds, total_s)])
    # Each figure is rounded on its own: a rest under their rounding shows as nothing.
    rest = max(0.0, round(total_s - sum(stages_s.values()), 1))
    rows.append(["other (setup, reports)", _number(float(rest)), _share(rest, total_s)])
    rows.append(["total", _number(float(total_s)), _share(total_s, total_s)])
    return _rows(["stage", "wall s", "share"], rows)


def _share(seconds: float, total_s: float) -> str:
    return f"{100 * seconds / total_s:.0f}%" if total_s > 0 else "–"


def format_table(result: dict) -> str:
    """The benchmark's figures as plain text."""
    lines = [
        f"Benchmark: {result['size']:,} articles generated, {result['stored']:,} stored; "
        f"{plural(result['rounds'], 'timed round')} of {len(result['searches'])} searches "
        f"(Datasette: {plural(result['peer_rounds'], 'round')}, "
        f"each facet cut off at {result['peer_facet_limit_ms']:,} ms)",
        "",
    ]
    if result.get("rebuild_sample") is None:
        after_ingest = _number(result["index_mb_after_ingest"])
        on_disk = f"after rebuild_index; {after_ingest} MiB after ingest"
    else:
        on_disk = f"after ingest; sample index {_number(result.get('rebuild_sample_index_mb'))} MiB"
    lines += _rows(
        ["", "figure", "detail"],
        [
            [
                "ingest, end to end",
                f"{_number(result['ingest_per_s'])} articles/s",
                f"{_number(result['ingest_s'])} s, peak RSS {_number(result['ingest_rss_mb'])} MiB",
            ],
            index_only_row(result),
            ["index on disk", f"{_number(result['index_mb'])} MiB", on_disk],
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
        [
            "search (ours)",
            *(_number(ours.get(k)) for k in PERCENTILES),
            _queries(ours),
            _queries(ours, "queries_cold"),
        ],
        [
            "search (Datasette)",
            *(_number(result["peer_search"].get(k)) for k in PERCENTILES),
            "–",
            "–",
        ],
        ["ours / peer", *(_number(result["ratio"].get(k), 2) for k in PERCENTILES), "", ""],
    ]
    if result.get("questions"):
        questions = result["questions"]
        table.insert(
            1, ["  of which questions", *(_number(questions.get(k)) for k in PERCENTILES), "", ""]
        )
    for kind, page in result["pages"].items():
        table.append(
            [
                kind,
                *(_number(page.get(k)) for k in PERCENTILES),
                _queries(page),
                _queries(page, "queries_cold"),
            ]
        )
    header = ["page", "p50 ms", "p95 ms", "p99 ms", "DB queries", "first load"]
    lines += _rows(header, table)
    lines.append("")
    searches = [
        [
            s["label"],
            _number(s["hits"]),
            _number(s["peer_hits"]),
            _number(s["p50_ms"]),
            _number(s["peer_p50_ms"]),
            ",".join(s.get("peer_facets_timed_out", [])),
        ]
        for s in result["searches"]
    ]
    lines += _rows(["search", "hits", "peer hits", "p50 ms", "peer p50", "peer gave up"], searches)
    for note in result.get("notes", []):
        lines.append(f"note: {note}")
    if "stages_s" in result:
        lines.append("")
        lines += format_stages(result["stages_s"], result["total_s"])
    return "\n".join(lines)


def write_json(result: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")

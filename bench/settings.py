"""The benchmark's settings, from ``BENCH_*`` environment variables.

A plain function of a mapping (``os.environ`` when run), so every default and
every refusal of a bad value is tested without running anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# What each variable means, and its default; README's benchmark section says the same.
DEFAULTS = {
    "BENCH_SIZE": "100000",  # articles generated and ingested
    "BENCH_ROUNDS": "5",  # timed rounds over every URL of the archive (after a warm-up)
    "BENCH_PEER_ROUNDS": "1",  # timed rounds of the searches through Datasette
    # Datasette's facet_time_limit_ms: a facet still unfinished then is left out of
    # its answer (and named in the report); its default is 200.
    "BENCH_PEER_FACET_LIMIT_MS": "5000",
    "BENCH_REBUILD_SAMPLE": "20000",  # articles indexed to measure the index-only rate
    "BENCH_FULL_REBUILD": "0",  # 1: time a real full `rebuild_index` instead
}


@dataclass(frozen=True)
class Settings:
    size: int
    out: Path
    dir: Path
    rounds: int
    peer_rounds: int
    peer_facet_limit_ms: int
    rebuild_sample: int
    full_rebuild: bool


def _integer(environ: Mapping[str, str], name: str, least: int) -> int:
    raw = environ.get(name, "").strip() or DEFAULTS[name]
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SystemExit(f"bench: {name} must be a whole number, got {raw!r}") from None
    if value < least:
        raise SystemExit(f"bench: {name} must be at least {least}, got {value}")
    return value


def _switch(environ: Mapping[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip() or DEFAULTS[name]
    if raw not in ("0", "1"):
        raise SystemExit(f"bench: {name} must be 0 or 1, got {raw!r}")
    return raw == "1"


def from_environ(environ: Mapping[str, str], root: Path) -> Settings:
    """The settings named by ``environ``; paths default to folders under ``root/var``."""
    return Settings(
        size=_integer(environ, "BENCH_SIZE", 1),
        out=Path(environ.get("BENCH_OUT") or root / "var" / "bench.json"),
        dir=Path(environ.get("BENCH_DIR") or root / "var" / "bench").resolve(),
        rounds=_integer(environ, "BENCH_ROUNDS", 1),
        peer_rounds=_integer(environ, "BENCH_PEER_ROUNDS", 1),
        peer_facet_limit_ms=_integer(environ, "BENCH_PEER_FACET_LIMIT_MS", 1),
        rebuild_sample=_integer(environ, "BENCH_REBUILD_SAMPLE", 1),
        full_rebuild=_switch(environ, "BENCH_FULL_REBUILD"),
    )

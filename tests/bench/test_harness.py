"""Small pure parts of the harness, and the rule that the product never imports it."""

from __future__ import annotations

import re
from pathlib import Path

from bench.run_ingest import ingest_counts

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

"""Hand judgements of a sample: a TSV whose ``verdict`` column says "ok" or "wrong"."""

from __future__ import annotations

import csv
from pathlib import Path


def precision(path: Path) -> str:
    """How many rows are judged and how many of them are right, as one line."""
    with path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source, delimiter="\t"))
    judged = [row for row in rows if row["verdict"]]
    ok = sum(row["verdict"] == "ok" for row in judged)
    share = ok / len(judged) if judged else 0.0
    return f"{len(judged)} judged, {ok} right: precision {share:.0%}"

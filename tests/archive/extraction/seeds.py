"""Reading the seed articles and their gold standard for extractor tests."""

from __future__ import annotations

import datetime as dt
import json
import re

from conftest import SEEDS_DIR
from conftest import SEEDS_GOLD as GOLD_PATH

_DATE = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\s*")
_ABOUT = re.compile(r"^About [A-Z]")


def load_gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def gold_names() -> list[str]:
    """Article file names for parametrisation (empty when gold is absent)."""
    return sorted(json.loads(GOLD_PATH.read_text(encoding="utf-8"))["articles"])


def parse_seed(raw: str) -> tuple[str, str, dt.date | None]:
    """Light parse of the seed text format: `` date YYYY-MM-DD`` prefix, an
    optional breadcrumb line followed by the title, an ``About <author>`` footer."""
    published = None
    match = _DATE.match(raw)
    if match:
        published = dt.date.fromisoformat(match[1])
        raw = raw[match.end() :]
    lines = raw.split("\n")
    title = ""
    if lines and " / " in lines[0]:
        lines = lines[1:]
        while lines and not lines[0].strip():
            lines = lines[1:]
        title, lines = lines[0].strip(), lines[1:]
    lines = [line for line in lines if not _ABOUT.match(line)]
    return title, "\n".join(lines).strip(), published


def read_seed(name: str) -> tuple[str, str, dt.date | None]:
    return parse_seed((SEEDS_DIR / name).read_text(encoding="utf-8"))

"""Paths shared by the parser tests; no Django, so these run on their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS_DIR = ROOT / "fixtures" / "demo" / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold.json"  # as in the root conftest
# Third-party data sits beside the checkout.
SHARED_DIR = ROOT / ".." / "shared"
STATE_DEPT = (
    SHARED_DIR
    / "data"
    / "state-dept-press-releases"
    / "state_dept_press_releases_2021-05_2022-06.jsonl.xz"
)


def gold_articles() -> dict[str, dict]:
    return json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))["articles"]


def seed_path(name: str) -> Path:
    path = SEEDS_DIR / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the bundled seed articles are missing")
    return path


def state_dept_file() -> Path:
    if not STATE_DEPT.exists():
        pytest.skip(f"{STATE_DEPT} is absent: third-party data ships only with ../shared")
    return STATE_DEPT

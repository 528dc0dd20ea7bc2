"""The seeds' gold standard in the repository is the one the project keeps in ../shared."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS_DIR, SEEDS_GOLD, SHARED_DIR


def test_the_gold_standard_covers_exactly_the_shipped_seeds():
    articles = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))["articles"]
    assert sorted(articles) == sorted(path.name for path in SEEDS_DIR.glob("*.txt"))


def test_the_copy_is_the_shared_gold_standard():
    shared = SHARED_DIR / "seeds" / "gold.json"
    if not shared.exists():
        pytest.skip(f"{shared} is absent: nothing to compare the copy with")
    assert json.loads(SEEDS_GOLD.read_text(encoding="utf-8")) == json.loads(
        shared.read_text(encoding="utf-8")
    )

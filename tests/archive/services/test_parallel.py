"""Extraction in worker processes: the same articles and entities as in one process.

The test settings extract in the test process (``ARCHIVE_INGEST_WORKERS = 0``);
these tests ask for two workers, which fork from the test process.
"""

from __future__ import annotations

import json
import os

import pytest

from archive.extraction.extractor import RuleExtractor
from archive.models import Article
from archive.services import extraction as extraction_service
from archive.services import parallel
from conftest import ROOT, SEEDS_DIR

from .test_linking import _names
from .test_storing import stored, wipe

DEMO_JSONL = ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl"


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """The number of workers of each process pool an ingest starts."""
    started = []
    real_start = parallel.ExtractionPool._start

    def start(self):
        started.append(self.workers)
        return real_start(self)

    monkeypatch.setattr(parallel.ExtractionPool, "_start", start)
    return started


def test_two_workers_store_what_one_process_stores_from_the_seeds(ingest, gold, pools):
    ingest(SEEDS_DIR)
    in_process = stored()
    assert pools == []
    wipe()

    assert "4 created" in ingest(SEEDS_DIR, workers=2)
    assert pools == [2]
    assert stored() == in_process
    for name, expected in gold["articles"].items():
        article = Article.objects.get(source_file=name)
        assert set(expected["persons"]) <= _names(article, "persons"), name
        assert set(expected["organisations"]) <= _names(article, "organisations"), name
        assert set(expected["places"]) <= _names(article, "places"), name


def test_two_workers_over_several_batches_store_what_one_process_stores(ingest, tmp_path, pools):
    corpus = tmp_path / "releases.jsonl"
    lines = DEMO_JSONL.read_text(encoding="utf-8").splitlines()[:90]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest(corpus)
    in_process = stored()
    wipe()

    assert "90 created" in ingest(corpus, workers=2)
    assert pools == [2]
    assert stored() == in_process


class DyingExtractor(RuleExtractor):
    """Kills its worker process on any title with "Crash" in it."""

    def __init__(self, gazetteer, parent: int) -> None:
        super().__init__(gazetteer)
        self.parent = parent

    def extract(self, title, body, *, published=None):
        if "Crash" in title:
            if os.getpid() == self.parent:
                raise AssertionError("only a worker may die")
            os._exit(3)
        return super().extract(title, body, published=published)


def test_a_worker_that_dies_fails_its_record_and_no_other(ingest, tmp_path, monkeypatch):
    extractor = DyingExtractor(extraction_service.get_extractor().gazetteer, os.getpid())
    monkeypatch.setattr(extraction_service, "get_extractor", lambda: extractor)
    path = tmp_path / "feed.jsonl"
    titles = [
        "Talks in Baku",
        "Talks in Ankara",
        "Crash in Cairo",
        "Talks in Doha",
        "Talks in Rabat",
    ]
    rows = [
        {"title": title, "text": f"The foreign ministers met in {title.split()[-1]}."}
        for title in titles
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")

    with pytest.raises(Exception, match="failed"):
        ingest(path, workers=2)
    assert ingest.stderr.strip() == (
        f"{path}: 'Crash in Cairo': entity extraction failed: the extractor's process died"
    )
    assert "4 created, 0 updated, 0 unchanged, 0 duplicate, 1 failed" in ingest.stdout
    assert sorted(Article.objects.values_list("title", flat=True)) == sorted(
        title for title in titles if "Crash" not in title
    )
    assert all(article.places.exists() for article in Article.objects.all())

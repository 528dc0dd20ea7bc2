"""Writing the index: each batch in a segment of its own, joined under the lock."""

from __future__ import annotations

import copy
import multiprocessing
import os
import shutil
import subprocess

import pytest
from haystack import connections
from whoosh.fields import KEYWORD

import search.whoosh.merging
from archive.models import Article
from search.backend import ArchiveWhooshBackend
from search.evaluation import CollectionArticle, CollectionDoc, scratch_connection
from search.whoosh.merging import MERGE_FACTOR
from search.whoosh.writing import BULK_WRITE_LOCK_TIMEOUT


def _docs(prefix: str, count: int, word: str = "summit") -> list[CollectionArticle]:
    return [
        CollectionArticle(CollectionDoc(f"{prefix}{n}", f"The {word} number {n}.", f"Title {n}"))
        for n in range(count)
    ]


@pytest.fixture
def scratch():
    with scratch_connection() as alias:
        engine = connections[alias]
        yield engine.get_backend(), engine.get_unified_index().get_index(Article)


def _indexed(backend) -> dict[str, str]:
    """Each document's id and stored title, from a fresh reader."""
    backend.index = backend.index.refresh()
    with backend.index.searcher() as searcher:
        return {fields["id"]: fields["title"] for fields in searcher.all_stored_fields()}


def _staging_files(backend) -> list[str]:
    return [name for name in os.listdir(backend.path) if name.startswith(".staged-")]


def test_a_batch_is_written_before_the_lock_is_asked_for(scratch, monkeypatch):
    backend, index = scratch
    seen_when_locking = []
    writer = ArchiveWhooshBackend._writer

    def spying_writer(self):
        staged = _staging_files(self)
        seen_when_locking.append([os.listdir(os.path.join(self.path, name)) for name in staged])
        return writer(self)

    monkeypatch.setattr(ArchiveWhooshBackend, "_writer", spying_writer)
    backend.update(index, _docs("a", 5))
    # The segment was written already, beside the index.
    [[files]] = seen_when_locking
    assert any(name.endswith(".seg") for name in files)
    assert len(_indexed(backend)) == 5
    assert _staging_files(backend) == []  # joined to the index: nothing left beside it


def test_an_update_replaces_the_old_versions_and_keeps_the_rest(scratch):
    backend, index = scratch
    backend.update(index, _docs("a", 4))
    changed = _docs("a", 2, word="talks")
    for doc in changed:
        doc.title = "Changed"
    backend.update(index, changed + changed[:1])  # a document twice in one batch
    titles = _indexed(backend)
    ids = {f"archive.article.a{n}" for n in range(4)}
    assert set(titles) == ids
    assert sorted(titles.values()) == ["Changed", "Changed", "Title 2", "Title 3"]


def test_a_failed_batch_leaves_the_index_as_it_was_and_nothing_beside_it(scratch, monkeypatch):
    backend, index = scratch
    backend.update(index, _docs("a", 3))

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        backend.update(index, _docs("b", 3))
    assert set(_indexed(backend)) == {f"archive.article.a{n}" for n in range(3)}
    assert _staging_files(backend) == []


def _index_in_child(alias: str, prefix: str, ready, go) -> None:
    engine = connections[alias]
    engine.reset_sessions()
    ready.set()
    go.wait(timeout=30)
    engine.get_backend().update(engine.get_unified_index().get_index(Article), _docs(prefix, 40))


def test_processes_index_at_the_same_time_and_lose_nothing(scratch):
    backend, _index = scratch
    backend.setup()  # the index exists before anyone writes to it, as after a clear
    alias = next(name for name, info in connections.connections_info.items() if "eval-" in name)
    context = multiprocessing.get_context("fork")
    go = context.Event()
    children = []
    for prefix in ("x", "y", "z"):
        ready = context.Event()
        child = context.Process(target=_index_in_child, args=(alias, prefix, ready, go))
        child.start()
        ready.wait(timeout=30)
        children.append(child)
    go.set()
    for child in children:
        child.join(timeout=120)
        assert child.exitcode == 0
    indexed = _indexed(backend)
    assert len(indexed) == 120
    assert {identifier.rsplit(".", 1)[1][0] for identifier in indexed} == {"x", "y", "z"}
    assert _staging_files(backend) == []


def test_the_folder_of_a_writer_killed_mid_batch_is_removed_by_the_next(scratch):
    backend, index = scratch
    backend.setup()
    gone = subprocess.Popen(["true"])
    gone.wait()
    dead = os.path.join(backend.path, f".staged-{gone.pid}-abc")
    alive = os.path.join(backend.path, f".staged-{os.getpid()}-abc")  # another thread's
    for folder in (dead, alive):
        os.makedirs(folder)
    backend.update(index, _docs("a", 2))
    assert not os.path.exists(dead)
    assert os.path.exists(alive)


def _segment_sizes(backend) -> list[int]:
    backend.index = backend.index.refresh()
    return sorted(segment.doc_count() for segment in backend.index._segments())


def test_small_segments_are_merged_eight_at_a_time(scratch):
    backend, index = scratch
    for batch in range(MERGE_FACTOR - 1):
        backend.update(index, _docs(f"b{batch}-", 2))
    assert _segment_sizes(backend) == [2] * (MERGE_FACTOR - 1)
    backend.update(index, _docs("last-", 2))
    assert _segment_sizes(backend) == [2 * MERGE_FACTOR]  # the eighth joined, all merged
    backend.update(index, _docs("next-", 2))
    assert _segment_sizes(backend) == [2, 2 * MERGE_FACTOR]
    assert len(_indexed(backend)) == 2 * MERGE_FACTOR + 2


def test_segments_past_the_small_size_are_left_alone(scratch, monkeypatch):
    backend, index = scratch
    monkeypatch.setattr(search.whoosh.merging, "SMALL_SEGMENT_DOCS", 3)
    for batch in range(MERGE_FACTOR + 1):
        backend.update(index, _docs(f"b{batch}-", 3))
    assert _segment_sizes(backend) == [3] * (MERGE_FACTOR + 1)


def test_past_the_most_segments_the_smallest_are_merged(scratch, monkeypatch):
    backend, index = scratch
    monkeypatch.setattr(search.whoosh.merging, "SMALL_SEGMENT_DOCS", 3)
    monkeypatch.setattr(search.whoosh.merging, "MAX_SEGMENTS", MERGE_FACTOR + 1)
    backend.update(index, _docs("big-", 5))
    for batch in range(MERGE_FACTOR):
        backend.update(index, _docs(f"b{batch}-", 3))
    assert _segment_sizes(backend) == [3] * MERGE_FACTOR + [5]  # none small, not too many
    backend.update(index, _docs("last-", 4))
    assert _segment_sizes(backend) == [4, 5, 3 * MERGE_FACTOR]  # the smallest eight merged
    assert len(_indexed(backend)) == 5 + 3 * MERGE_FACTOR + 4


def test_a_process_that_only_indexes_waits_long_for_the_lock(scratch, settings):
    backend, _index = scratch
    alias = next(name for name in connections.connections_info if name.startswith("eval-"))
    assert backend.write_timeout == 30
    connections[alias].reset_sessions()
    assert connections[alias].get_backend().write_timeout == BULK_WRITE_LOCK_TIMEOUT
    assert settings.HAYSTACK_CONNECTIONS["default"]["WRITE_LOCK_TIMEOUT"] == 30


def _by_id(backend) -> tuple[dict, dict, dict]:
    """Every posting, stored document and field length, by document id: segment
    order aside."""
    backend.index = backend.index.refresh()
    postings, stored = {}, {}
    with backend.index.reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        stored = {ids[docnum]: fields for docnum, fields in reader.iter_docs()}
        for term in reader.all_terms():
            if term[0].startswith("spell_"):
                # Spelling words: only the words count (Whoosh files them all
                # under one document, with values of no use).
                postings[term] = True
                continue
            matcher = reader.postings(*term)
            found = []
            while matcher.is_active():
                found.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            postings[term] = sorted(found, key=lambda posting: posting[0])
        lengths = {
            (ids[docnum], name): reader.doc_field_length(docnum, name)
            for docnum in ids
            for name in ("text", "title")
        }
    return postings, stored, lengths


def test_a_merge_writes_what_whooshs_own_merge_writes(scratch, tmp_path, monkeypatch):
    backend, index = scratch
    for batch in range(MERGE_FACTOR - 1):
        backend.update(index, _docs(f"b{batch}-", 3, word=f"word{batch}"))
    backend.remove_many(["archive.article.b2-1"])  # a part with a deletion
    theirs = tmp_path / "theirs"
    shutil.copytree(backend.path, theirs)
    backend.update(index, _docs("last-", 3))  # the eighth: ours merges
    assert len(_segment_sizes(backend)) == 1

    monkeypatch.setattr(search.whoosh.merging, "_segments_to_merge", lambda segments: [])
    backend.path, ours = str(theirs), backend.path
    backend.setup()
    backend.update(index, _docs("last-", 3))
    backend.index.optimize()  # Whoosh's own merge of every segment
    assert len(_segment_sizes(backend)) == 1
    whooshs = _by_id(backend)
    backend.path = ours
    backend.setup()
    assert _by_id(backend) == whooshs
    assert "archive.article.b2-1" not in whooshs[1]


def test_a_merge_gives_way_to_a_deletion_made_meanwhile(scratch, monkeypatch):
    backend, index = scratch
    for batch in range(MERGE_FACTOR - 1):
        backend.update(index, _docs(f"b{batch}-", 2))
    merged = ArchiveWhooshBackend._merged_segment

    def deleting_meanwhile(self, parts, folder):
        segment = merged(self, parts, folder)
        self.remove_many(["archive.article.b0-0"])  # another writer's deletion
        return segment

    monkeypatch.setattr(ArchiveWhooshBackend, "_merged_segment", deleting_meanwhile)
    backend.update(index, _docs("last-", 2))
    assert _segment_sizes(backend) == [1] + [2] * (MERGE_FACTOR - 1)  # not merged
    assert "archive.article.b0-0" not in _indexed(backend)
    assert _staging_files(backend) == []
    monkeypatch.undo()
    backend.update(index, _docs("next-", 2))  # the next write merges
    assert sorted(_segment_sizes(backend)) == [2, 2 * MERGE_FACTOR - 1]


def test_segments_written_when_facet_twins_were_indexed_still_merge(scratch):
    # An index from before a facet's twin field ("year") was only stored: a merge
    # leaves the twin's old words behind rather than failing on them.
    backend, index = scratch
    backend.setup()
    stored_only = backend.schema
    backend.schema = copy.deepcopy(stored_only)
    backend.schema.remove("year")
    backend.schema.add("year", KEYWORD(stored=True, commas=True))
    for batch in range(MERGE_FACTOR - 1):
        backend.update(index, _docs(f"b{batch}-", 2))
    backend.schema = stored_only
    backend.update(index, _docs("last-", 2))  # the eighth: merged
    assert _segment_sizes(backend) == [2 * MERGE_FACTOR]
    assert len(_indexed(backend)) == 2 * MERGE_FACTOR
    with backend.index.reader() as reader:
        assert "year" not in reader.indexed_field_names()

"""Ingest files and directories: parse, store the articles, report every problem.

Records are read in order and stored in batches, one transaction each; the
extractor reads the next batch's texts in worker processes while this one
stores the current batch.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.ingest.files import holds_one_article, iter_input_files, read_records
from archive.ingest.records import ParseError
from archive.signals import bulk_write_finished, bulk_write_started

from .copy_groups import restore_groups
from .parallel import ExtractionPool, Job
from .preparing import IngestError, PreparedRecord, prepare_record
from .storing import IngestResult, ingest_batch, records_to_extract

# Records stored per transaction. Killing an ingest loses at most the batch in
# hand; a larger one saves little more time. The first batches are smaller, so
# the workers get going (and the first articles are stored) sooner.
BATCH_SIZE = 200
_FIRST_BATCH_SIZE = 16
# Batches handed to the extractor ahead of the one being stored.
_AHEAD = 2


@dataclass
class IngestSummary:
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts["failed"]


@dataclass
class _Entry:
    """One record read from a file, or the problem of reading one."""

    path: Path
    prepared: PreparedRecord | None = None
    problem: str = ""


@dataclass
class _IngestRun:
    default_source: str
    dry_run: bool
    on_result: Callable[[Path, IngestResult], None]
    on_problem: Callable[[str], None]
    summary: IngestSummary = field(default_factory=IngestSummary)
    # The articles this run stored or found stored already, for the search index to check.
    touched: set[int] = field(default_factory=set)
    # Our own export's copies: the articles by their exported path, and the
    # (copy, first publisher's path) pairs to group once the run has them all.
    exported: dict[str, int] = field(default_factory=dict)
    copy_links: list[tuple[int, str]] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.summary.counts["failed"] += 1
        self.summary.problems.append(message)
        self.on_problem(message)

    def ingest_files(self, paths: Iterable[Path], pool: ExtractionPool) -> None:
        waiting: deque[tuple[list[_Entry], list[PreparedRecord], Job]] = deque()
        for batch in self._batches(paths):
            prepared = [entry.prepared for entry in batch if entry.prepared is not None]
            todo = records_to_extract(prepared, dry_run=self.dry_run)
            job = pool.submit(
                [(p.fields["title"], p.fields["body"], p.fields["published"]) for p in todo]
            )
            waiting.append((batch, todo, job))
            if len(waiting) > _AHEAD:
                self._store(*waiting.popleft(), pool=pool)
        while waiting:
            self._store(*waiting.popleft(), pool=pool)
        self._restore_copies()

    def _restore_copies(self) -> None:
        links = []
        for copy, path in self.copy_links:
            if path in self.exported:
                links.append((copy, self.exported[path]))
            else:
                self.on_problem(f"copy_of {path!r}: no article of this ingest has that path")
        if links and not self.dry_run:
            with transaction.atomic():
                restore_groups(links)

    def _batches(self, paths: Iterable[Path]) -> Iterator[list[_Entry]]:
        batch: list[_Entry] = []
        records, size = 0, _FIRST_BATCH_SIZE
        for path in paths:
            # In a file of many records, the file name does not identify an article.
            one_article_file = holds_one_article(path)
            for record in read_records(path):
                if isinstance(record, ParseError):
                    batch.append(_Entry(path, problem=str(record)))
                    continue
                prepared = prepare_record(
                    record,
                    default_source=self.default_source,
                    match_source_file=one_article_file or record.source_file != path.name,
                )
                batch.append(_Entry(path, prepared))
                records += 1
                if records == size:
                    yield batch
                    batch, records, size = [], 0, min(2 * size, BATCH_SIZE)
        if batch:
            yield batch

    def _store(
        self, batch: list[_Entry], todo: list[PreparedRecord], job: Job, *, pool: ExtractionPool
    ) -> None:
        for prepared, found in zip(todo, pool.results(job), strict=True):
            prepared.extracted = found
        records = [entry.prepared for entry in batch if entry.prepared is not None]
        outcomes = iter(ingest_batch(records, dry_run=self.dry_run))
        for entry in batch:
            if entry.prepared is None:
                self.problem(entry.problem)
                continue
            outcome = next(outcomes)
            if isinstance(outcome, IngestError):
                self.problem(f"{entry.path}: {entry.prepared.record.title[:60]!r}: {outcome}")
                continue
            self.summary.counts[outcome.status] += 1
            if outcome.article is not None:
                self.touched.add(outcome.article.pk)
                record = entry.prepared.record
                if record.path:
                    self.exported[record.path] = outcome.article.pk
                if record.copy_of:
                    self.copy_links.append((outcome.article.pk, record.copy_of))
            self.on_result(entry.path, outcome)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    default_source: str = "",
    dry_run: bool = False,
    workers: int | None = None,
    files: Callable[[list[Path]], Iterable[Path]] = lambda found: found,
    on_result: Callable[[Path, IngestResult], None] = lambda path, result: None,
    on_problem: Callable[[str], None] = lambda message: None,
) -> IngestSummary:
    """Ingest every article in ``paths``; a bad file or record is reported and skipped.

    ``workers``: processes that run the extractor (default: the
    ``ARCHIVE_INGEST_WORKERS`` setting; 0 or 1 runs it in this process).
    ``files`` may wrap the list of input files (a progress bar does).
    """
    run = _IngestRun(default_source, dry_run, on_result, on_problem)
    found: list[Path] = []
    for item in iter_input_files(paths):
        if isinstance(item, ParseError):
            run.problem(str(item))
        else:
            found.append(item)

    if workers is None:
        workers = settings.ARCHIVE_INGEST_WORKERS
    bulk_write_started.send(sender=IngestSummary)
    try:
        with ExtractionPool(0 if dry_run else workers) as pool:
            run.ingest_files(files(found), pool)
    finally:
        bulk_write_finished.send(sender=IngestSummary, ids=run.touched)
    return run.summary

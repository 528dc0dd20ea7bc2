"""Ingest files and directories: parse, store each article, report every problem."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive.ingest.files import holds_one_article, iter_input_files, read_records
from archive.ingest.records import ParseError
from archive.signals import bulk_write_finished, bulk_write_started

from .articles import IngestError, IngestResult, ingest_record


@dataclass
class IngestSummary:
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.counts["failed"]


@dataclass
class _IngestRun:
    default_source: str
    dry_run: bool
    on_result: Callable[[Path, IngestResult], None]
    on_problem: Callable[[str], None]
    summary: IngestSummary = field(default_factory=IngestSummary)

    def problem(self, message: str) -> None:
        self.summary.counts["failed"] += 1
        self.summary.problems.append(message)
        self.on_problem(message)

    def ingest_file(self, path: Path) -> None:
        # In a file of many records, the file name does not identify an article.
        one_article_file = holds_one_article(path)
        for record in read_records(path):
            if isinstance(record, ParseError):
                self.problem(str(record))
                continue
            try:
                result = ingest_record(
                    record,
                    default_source=self.default_source,
                    match_source_file=one_article_file or record.source_file != path.name,
                    dry_run=self.dry_run,
                )
            except IngestError as error:
                self.problem(f"{path}: {record.title[:60]!r}: {error}")
                continue
            self.summary.counts[result.status] += 1
            self.on_result(path, result)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    default_source: str = "",
    dry_run: bool = False,
    files: Callable[[list[Path]], Iterable[Path]] = lambda found: found,
    on_result: Callable[[Path, IngestResult], None] = lambda path, result: None,
    on_problem: Callable[[str], None] = lambda message: None,
) -> IngestSummary:
    """Ingest every article in ``paths``; a bad file or record is reported and skipped.

    ``files`` may wrap the list of input files (a progress bar does).
    """
    run = _IngestRun(default_source, dry_run, on_result, on_problem)
    found: list[Path] = []
    for item in iter_input_files(paths):
        if isinstance(item, ParseError):
            run.problem(str(item))
        else:
            found.append(item)

    bulk_write_started.send(sender=IngestSummary)
    try:
        for path in files(found):
            run.ingest_file(path)
    finally:
        bulk_write_finished.send(sender=IngestSummary)
    return run.summary

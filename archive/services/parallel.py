"""Entity extraction in worker processes, while the main process stores articles.

The workers run only the pure extractor (text in, findings out) and never touch
the database. They are forked from the main process with the extractor already
loaded, so they start at once and share its reference data.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from django.db import connections

from archive.extraction.types import ExtractedEntity

from .extraction import ExtractionError, extract_text, get_extractor

# What the extractor reads: title, body and publication date of one article.
Text = tuple[str, str, dt.date | None]
Findings = list[ExtractedEntity] | ExtractionError
# How much lower the workers' scheduling priority is than the main process's.
_NICENESS = 5


@dataclass
class Job:
    """Texts handed to the extractor; ``ExtractionPool.results`` gives their findings."""

    texts: list[Text]
    chunks: list[tuple[list[Text], Future]] = field(default_factory=list)


class ExtractionPool:
    """Runs the extractor over lists of texts in ``workers`` processes.

    With 0 or 1 workers (and off Linux, where forking is not to be trusted) it
    runs in this process, when the results are asked for. A text on which the extractor
    raises, or even kills its process, gets an ``ExtractionError`` of its own;
    the others get their findings.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers if workers > 1 and sys.platform == "linux" else 0
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def submit(self, texts: list[Text]) -> Job:
        """Start extracting ``texts``; ``results`` gives the findings."""
        job = Job(texts)
        if self.workers and texts:
            # Two chunks per worker: one finishing early does not leave it idle.
            size = -(-len(texts) // (2 * self.workers))
            for start in range(0, len(texts), size):
                chunk = texts[start : start + size]
                job.chunks.append((chunk, self._submit(chunk)))
        return job

    def results(self, job: Job) -> list[Findings]:
        """The findings for each text of ``job``, in order (waits for them)."""
        if not self.workers:
            return [extract_text(*text) for text in job.texts]
        found: list[Findings] = []
        for chunk, future in job.chunks:
            try:
                found += future.result()
            except BrokenProcessPool:
                # A worker died (one text crashed the extractor, or it was killed):
                # each text of the chunk again, alone, tells which.
                found += [self._alone(text) for text in chunk]
        return found

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _alone(self, text: Text) -> Findings:
        try:
            return self._submit([text]).result()[0]
        except BrokenProcessPool:
            return ExtractionError("entity extraction failed: the extractor's process died")

    def _submit(self, chunk: list[Text]) -> Future:
        if self._executor is not None:
            try:
                return self._executor.submit(_extract_all, chunk)
            except BrokenProcessPool:
                self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()
        return self._executor.submit(_extract_all, chunk)

    def _start(self) -> ProcessPoolExecutor:
        # A forked child must not share the parent's database connections; inside
        # a transaction (as in tests) they stay open, and the workers never use them.
        if not any(c.in_atomic_block for c in connections.all(initialized_only=True)):
            connections.close_all()
        get_extractor()  # loaded once, here: the workers inherit it
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )


def _extract_all(texts: list[Text]) -> list[Findings]:
    return [extract_text(*text) for text in texts]


def _start_worker(parent: int) -> None:
    # The main process stores what the workers find: when cores are scarce, it
    # goes first, or the workers would only pile up findings while it waits.
    os.nice(_NICENESS)
    # Ctrl-C is for the main process, which stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright cannot stop its workers: they notice and go.
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)

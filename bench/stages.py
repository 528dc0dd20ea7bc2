"""Wall time of each stage of the benchmark, so a reader sees where the time goes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The stages in the order they run, and how the table names them.
STAGES = {
    "corpus": "build the corpus",
    "ingest": "ingest (manage.py ingest)",
    "index_only": "index-only rate",
    "peer_build": "peer FTS5 build, query mix",
    "ours": "time our pages",
    "peer": "time Datasette",
}


class Stages:
    """Times stages (``with stages.timed("ingest"): …``) and the whole run."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._started = clock()
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        if name not in STAGES:
            raise ValueError(f"unknown stage {name!r}")
        started = self._clock()
        try:
            yield
        finally:
            self.seconds[name] = round(self._clock() - started, 1)
            print(f"bench: {STAGES[name]}: {self.seconds[name]:,.1f} s", flush=True)

    def total(self) -> float:
        """Seconds since the run began."""
        return round(self._clock() - self._started, 1)

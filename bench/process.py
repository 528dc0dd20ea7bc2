"""Child processes of the benchmark: environment, wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Settings a user may have set for their own archive; the benchmark never touches it.
_USER_STATE = ("DATABASE_URL", "ARCHIVE_INDEX_DIR", "DJANGO_SETTINGS_MODULE")


@dataclass(frozen=True)
class Finished:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str


def django_env(data_dir: Path, index_dir: Path | None = None) -> dict[str, str]:
    """The environment of a Django child: SQLite and Whoosh under ``data_dir`` only.

    ``index_dir`` puts the Whoosh index elsewhere (the index-only sample's scratch
    index); by default it is ``data_dir/whoosh``, whatever the user's own settings say.
    """
    env = {key: value for key, value in os.environ.items() if key not in _USER_STATE}
    env.update(
        ARCHIVE_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="0",  # as served: no query log kept in memory
        DJANGO_ALLOWED_HOSTS="testserver,localhost,127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    if index_dir is not None:
        env["ARCHIVE_INDEX_DIR"] = str(index_dir)
    return env


def run(args: list[str], env: dict[str, str], *, capture: bool = False) -> Finished:
    """Run ``python args…`` to its end; wall time and the child's peak resident memory.

    The child's stderr (progress bars, warnings) goes to ours; its stdout is
    returned when ``capture`` is set.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    out = child.stdout.read() if capture else ""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.stdout:
        child.stdout.close()
    # ru_maxrss is in kilobytes on Linux.
    return Finished(seconds, usage.ru_maxrss / 1024, child.returncode, out)


def manage(command: str, *args: str, env: dict[str, str], capture: bool = False) -> Finished:
    return run(["manage.py", command, *args], env, capture=capture)


def check(finished: Finished, what: str) -> Finished:
    if finished.returncode != 0:
        raise SystemExit(f"bench: {what} failed with exit status {finished.returncode}")
    return finished


def dir_size_mb(path: Path) -> float:
    if not path.exists():
        return 0.0
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file()) / 2**20

"""Helpers for tests that run the archive as separate processes, as in production."""

from __future__ import annotations

import os
import secrets
import socket
from pathlib import Path

import pytest


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """Environment for a production process with all its state under tmp_path.

    DATABASE_URL is dropped: a subprocess would otherwise migrate the real database
    named there (CI's PostgreSQL), not the test database.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "ARCHIVE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ARCHIVE_DATA_DIR=str(tmp_path / "data"),
        ARCHIVE_INDEX_DIR=str(tmp_path / "data" / "whoosh"),
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        PYTHONUNBUFFERED="1",
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

"""The archive under gunicorn with production settings, as `make serve` runs it."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT, manage

from .conftest import free_port, read

STARTUP_SECONDS = 60


def get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def wait_until_ready(process: subprocess.Popen, port: int, log) -> None:
    """Poll with short connection attempts until gunicorn answers, or fail saying why."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{read(log)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)  # between connection attempts; not a timing assertion
    pytest.fail(f"gunicorn did not answer within {STARTUP_SECONDS}s:\n{read(log)}")


@pytest.fixture
def gunicorn(production_env, tmp_path):
    for command in (("collectstatic", "--no-input"), ("migrate", "--no-input")):
        result = manage(production_env, *command)
        assert result.returncode == 0, result.stderr
    port = free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
            ],
            cwd=ROOT,
            env=production_env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_ready(process, port, log)
        yield port, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_gunicorn_serves_pages_and_static_files(gunicorn):
    port, _log = gunicorn
    status, headers, body = get(port, "/")
    assert status == 200, body[:2000]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    page = body.decode()
    # The stylesheet link carries WhiteNoise's content hash, so it can be cached forever.
    stylesheet = re.search(r'href="(/static/css/archive\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, page[:2000]

    status, headers, css = get(port, stylesheet.group(1))
    assert status == 200
    assert headers["content-type"].startswith("text/css")
    assert "max-age=315360000" in headers["cache-control"]
    assert css == (ROOT / "static" / "css" / "archive.css").read_bytes()


def test_production_errors_show_no_debug_page_and_log_json_lines(gunicorn):
    port, log = gunicorn
    status, _headers, body = get(port, "/articles/999999-no-such-article/")
    assert status == 404
    assert b"Traceback" not in body and b"DEBUG = True" not in body

    status, _headers, _body = get(port, "/", host="evil.example.com")
    assert status == 400

    # Django's request log reached stderr as JSON objects, one per line.
    deadline = time.monotonic() + 10
    entries = []
    while time.monotonic() < deadline and not entries:
        entries = [
            json.loads(line)
            for line in read(log).splitlines()
            if line.startswith("{") and '"django.request"' in line
        ]
        if not entries:
            time.sleep(0.1)  # the worker flushes its log on its own schedule
    assert entries, read(log)
    not_found = next(e for e in entries if e.get("status") == 404)
    assert not_found["level"] == "WARNING"
    assert not_found["path"] == "/articles/999999-no-such-article/"
    assert {"time", "logger", "message"} <= not_found.keys()

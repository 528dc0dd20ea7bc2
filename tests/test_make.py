"""The Makefile's commands for a newcomer: where `make run` and `make serve` listen,
what they say when that port is taken, and `make superuser`.

The targets themselves are read with `make -n` (nothing runs); the port check is
run for real against a port this test holds.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest

from conftest import ROOT

PORT_FREE = ROOT / "tools" / "port_free.py"


def port_free(host: str, port: int | str, target: str = "make run"):
    return subprocess.run(
        [sys.executable, str(PORT_FREE), host, str(port), target],
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.fixture
def taken_port():
    """A port on 127.0.0.1 that a server is listening on."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def test_a_free_port_passes_the_check():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = port_free("127.0.0.1", port)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_taken_port_fails_the_check_saying_how_to_choose_another(taken_port):
    result = port_free("127.0.0.1", taken_port)
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.startswith(f"make run: port {taken_port} on 127.0.0.1 is taken; ")
    suggested = int(message.split("choose another with PORT=")[1].split()[0])
    assert message.endswith(f"choose another with PORT={suggested} make run")
    assert suggested != taken_port
    assert port_free("127.0.0.1", suggested).returncode == 0


def test_the_check_names_the_target_and_a_host_other_than_the_default(taken_port):
    result = port_free("localhost", taken_port, "make serve")
    assert result.returncode == 1
    assert result.stderr.startswith(f"make serve: port {taken_port} on localhost is taken; ")
    assert "choose another with HOST=localhost PORT=" in result.stderr
    assert result.stderr.rstrip().endswith(" make serve")


@pytest.mark.parametrize("port", ["eighty", "0", "70000"])
def test_a_port_that_is_no_port_fails_the_check(port):
    result = port_free("127.0.0.1", port)
    assert result.returncode == 1
    assert "PORT must be a number from 1 to 65535" in result.stderr


def _make_dry_run(*targets: str, **env: str) -> str:
    """What `make` would run for ``targets`` (``make -n``: nothing is run)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    clean = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    clean.pop("HOST", None)
    clean.pop("PORT", None)
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", *targets],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_checks_the_port_then_serves_at_host_and_port():
    default = _make_dry_run("run")
    assert 'tools/port_free.py "127.0.0.1" "8000" "make run"' in default
    assert 'manage.py runserver "127.0.0.1:8000"' in default

    chosen = _make_dry_run("run", HOST="0.0.0.0", PORT="8123")
    assert 'tools/port_free.py "0.0.0.0" "8123" "make run"' in chosen
    assert 'manage.py runserver "0.0.0.0:8123"' in chosen
    lines = chosen.splitlines()
    check = next(i for i, line in enumerate(lines) if "port_free.py" in line)
    assert check < next(i for i, line in enumerate(lines) if "manage.py migrate" in line)


def test_make_run_says_how_to_get_an_admin_account():
    output = _make_dry_run("run", PORT="8123")
    assert (
        "Admin: create an account with 'make superuser', "
        "then sign in at http://127.0.0.1:8123/admin/"
    ) in output


def test_make_serve_takes_host_and_port_too():
    output = _make_dry_run("serve", HOST="0.0.0.0", PORT="8124", DJANGO_SECRET_KEY="x" * 50)
    assert 'tools/port_free.py "0.0.0.0" "8124" "make serve"' in output
    assert 'gunicorn config.wsgi --bind "0.0.0.0:8124"' in output


def test_make_superuser_migrates_then_creates_the_account():
    lines = _make_dry_run("superuser").splitlines()
    migrate = next(i for i, line in enumerate(lines) if "manage.py migrate" in line)
    create = next(i for i, line in enumerate(lines) if "manage.py createsuperuser" in line)
    assert migrate < create

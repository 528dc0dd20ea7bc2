"""Stop ``make run`` or ``make serve`` early, and helpfully, when their port is taken.

    python tools/port_free.py HOST PORT "make run"

Binds HOST:PORT as the servers do (``SO_REUSEADDR``: connections still closing
are no obstacle) and lets it go again. Exits 0 when the address is free; else
prints one line saying how to choose another, and exits 1. Needs nothing but
Python.
"""

from __future__ import annotations

import errno
import socket
import sys

DEFAULT_HOST = "127.0.0.1"


def bind_error(host: str, port: int) -> OSError | None:
    """Why a server could not listen at ``host``:``port``, or None if it could."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        return error
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as error:
            return error
    return None


def free_port_after(host: str, port: int, *, tries: int = 50) -> int:
    """The first port after ``port`` that is free, to suggest (``port + 1`` if none is)."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        if bind_error(host, candidate) is None:
            return candidate
    return port + 1 if port < 65535 else 8000


def problem(host: str, port_text: str, target: str) -> str | None:
    """The line to print when ``target`` cannot serve at ``host``:``port_text``; else None."""
    try:
        port = int(port_text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        return f"{target}: PORT must be a number from 1 to 65535, not {port_text!r}"
    error = bind_error(host, port)
    if error is None:
        return None
    prefix = "" if host == DEFAULT_HOST else f"HOST={host} "
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return (
            f"{target}: cannot listen on {host} ({error.strerror}); "
            f"choose another address with HOST={DEFAULT_HOST} {target}"
        )
    if error.errno == errno.EADDRINUSE:
        why = "is taken"
    elif error.errno == errno.EACCES:
        why = "needs root (ports below 1024 do)"
    else:
        why = f"cannot be used ({error.strerror})"
    suggestion = free_port_after(host, 7999 if port < 1024 else port)
    return (
        f"{target}: port {port} on {host} {why}; "
        f"choose another with {prefix}PORT={suggestion} {target}"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print('usage: port_free.py HOST PORT "make run"', file=sys.stderr)
        return 2
    message = problem(*argv)
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

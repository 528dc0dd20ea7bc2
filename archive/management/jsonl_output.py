"""One way for the export commands to write JSON Lines to a file or to stdout."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable

from django.core.management.base import BaseCommand, CommandError


def add_output_arguments(parser) -> None:
    parser.add_argument("--format", choices=["jsonl"], default="jsonl")
    parser.add_argument("--output", "-o", metavar="FILE", help="Write here, not to stdout.")


def write_jsonl(
    command: BaseCommand, records: Iterable[dict], output: str | None, *, verbosity: int, noun: str
) -> int:
    """Write one JSON object a line to ``output`` (stdout when None); an output that
    cannot be opened is a ``CommandError`` naming it. Returns the number written."""
    with contextlib.ExitStack() as stack:
        try:
            stream = stack.enter_context(open(output, "w", encoding="utf-8")) if output else None
        except OSError as error:
            raise CommandError(f"{output}: cannot write: {error.strerror}") from error
        count = 0
        for record in records:
            line = json.dumps(record, ensure_ascii=False)
            if stream is None:
                command.stdout.write(line)
            else:
                stream.write(line + "\n")
            count += 1
    if output and verbosity:
        command.stdout.write(command.style.SUCCESS(f"Exported {count} {noun} to {output}."))
    return count

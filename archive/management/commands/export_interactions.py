import contextlib
import json

from django.core.management.base import BaseCommand, CommandError

from archive.interaction_selectors import interaction_records


class Command(BaseCommand):
    help = (
        "Write every encounter (meeting, call, visit, talks, agreement) as JSON Lines: "
        "kind, status, date and its precision, place, participants with their roles, "
        "host, and the articles and sentences it was read from."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl"], default="jsonl")
        parser.add_argument("--output", "-o", metavar="FILE", help="Write here, not to stdout.")

    def handle(self, *args, output, verbosity, **options):
        with contextlib.ExitStack() as stack:
            try:
                stream = (
                    stack.enter_context(open(output, "w", encoding="utf-8")) if output else None
                )
            except OSError as error:
                raise CommandError(f"{output}: cannot write: {error.strerror}") from error
            count = 0
            for record in interaction_records():
                line = json.dumps(record, ensure_ascii=False)
                if stream is None:
                    self.stdout.write(line)
                else:
                    stream.write(line + "\n")
                count += 1
        if output and verbosity:
            self.stdout.write(self.style.SUCCESS(f"Exported {count} encounters to {output}."))

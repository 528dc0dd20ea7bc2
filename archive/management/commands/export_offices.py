import contextlib
import json

from django.core.management.base import BaseCommand, CommandError

from archive.office_selectors import tenure_records


class Command(BaseCommand):
    help = (
        "Write every office-holder tenure as JSON Lines: the office, what it is held in, "
        "the holder, start and end (null where unknown), the days the articles show it, "
        "the evidence count and its source (text, reference or editor)."
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
            for record in tenure_records():
                line = json.dumps(record, ensure_ascii=False)
                if stream is None:
                    self.stdout.write(line)
                else:
                    stream.write(line + "\n")
                count += 1
        if output and verbosity:
            self.stdout.write(self.style.SUCCESS(f"Exported {count} tenures to {output}."))

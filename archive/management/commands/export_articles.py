import contextlib
import json

from django.core.management.base import BaseCommand, CommandError

from archive.services.export import iter_export


class Command(BaseCommand):
    help = (
        "Write every article with its fields and linked entities as JSON Lines "
        "(the archive's backup format, which `ingest` reads back)."
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
            for record in iter_export():
                line = json.dumps(record, ensure_ascii=False)
                if stream is None:
                    self.stdout.write(line)
                else:
                    stream.write(line + "\n")
                count += 1
        if output and verbosity:
            self.stdout.write(self.style.SUCCESS(f"Exported {count} articles to {output}."))

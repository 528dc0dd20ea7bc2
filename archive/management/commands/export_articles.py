from django.core.management.base import BaseCommand

from archive.management.jsonl_output import add_output_arguments, write_jsonl
from archive.services.export import iter_export


class Command(BaseCommand):
    help = (
        "Write every article with its fields and linked entities as JSON Lines "
        "(the archive's backup format, which `ingest` reads back)."
    )

    def add_arguments(self, parser):
        add_output_arguments(parser)

    def handle(self, *args, output, verbosity, **options):
        write_jsonl(self, iter_export(), output, verbosity=verbosity, noun="articles")

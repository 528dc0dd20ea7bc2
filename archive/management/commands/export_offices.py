from django.core.management.base import BaseCommand

from archive.management.jsonl_output import add_output_arguments, write_jsonl
from archive.office_selectors import tenure_records


class Command(BaseCommand):
    help = (
        "Write every office-holder tenure as JSON Lines: the office, what it is held in, "
        "the holder, start and end (null where unknown), the days the articles show it, "
        "the evidence count and its source (text, reference or editor)."
    )

    def add_arguments(self, parser):
        add_output_arguments(parser)

    def handle(self, *args, output, verbosity, **options):
        write_jsonl(self, tenure_records(), output, verbosity=verbosity, noun="tenures")

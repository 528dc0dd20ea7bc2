from django.core.management.base import BaseCommand

from archive.interaction_selectors import interaction_records
from archive.management.jsonl_output import add_output_arguments, write_jsonl


class Command(BaseCommand):
    help = (
        "Write every encounter (meeting, call, visit, talks, agreement, joint statement) "
        "as JSON Lines: kind, status, date and its precision, place, participants with "
        "their roles, host, and the articles and sentences it was read from."
    )

    def add_arguments(self, parser):
        add_output_arguments(parser)

    def handle(self, *args, output, verbosity, **options):
        write_jsonl(self, interaction_records(), output, verbosity=verbosity, noun="encounters")

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.services.reextract import reextract_articles


class Command(BaseCommand):
    help = (
        "Extract people, organisations, places and events from stored articles again, "
        "honouring editors' merges, aliases and rejections, and update the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", metavar="YYYY-MM-DD", help="Only articles published on or after this."
        )

    def handle(self, *args, since, verbosity, **options):
        try:
            since_date = dt.date.fromisoformat(since) if since else None
        except ValueError as error:
            raise CommandError(f"--since {since!r}: expected a date as YYYY-MM-DD") from error

        def progress(articles):
            return tqdm(articles, unit="article", disable=None if verbosity else True, leave=False)

        seen, changed = reextract_articles(since=since_date, articles=progress)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Re-extracted {seen} articles: {changed} changed.")
            )

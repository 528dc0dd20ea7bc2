from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.services.copies import find_all_copies


class Command(BaseCommand):
    help = (
        "Find the copies of each story in the whole archive again (ingest finds them as "
        "articles arrive): rebuilds the groups and their first publishers, leaving what "
        "editors arranged, and updates the search index."
    )

    def handle(self, *args, verbosity, **options):
        def progress(chunks):
            return tqdm(chunks, unit="chunk", disable=None if verbosity else True, leave=False)

        groups, grouped = find_all_copies(chunks=progress)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Found {groups} {'story' if groups == 1 else 'stories'} "
                    f"with copies ({grouped} articles)."
                )
            )

"""Compare the search index with the database; with --repair, bring it level.

Exit status 0 when they agree (or were repaired), 1 when drift was found and left.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from search import indexing

SHOWN_IDS = 20


class Command(BaseCommand):
    help = "Report articles missing from or stale in the search index; --repair fixes them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair", action="store_true", help="Index missing and stale articles."
        )

    def handle(self, *args, repair: bool = False, **options):
        verbosity = options["verbosity"]
        drift = indexing.index_drift()
        if verbosity:
            self.stdout.write(
                f"Database: {drift.stored} articles; index: {drift.indexed} documents."
            )
            for label, ids in (
                ("Missing from the index", drift.missing),
                ("Stale in the index", drift.stale),
                ("In the index but not the database", drift.orphans),
            ):
                if ids:
                    shown = ", ".join(map(str, ids[:SHOWN_IDS]))
                    more = f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else ""
                    self.stdout.write(f"{label}: {len(ids)} (ids {shown}{more})")
        if not drift.found:
            if verbosity:
                self.stdout.write(self.style.SUCCESS("The index agrees with the database."))
            return
        if not repair:
            raise CommandError(
                "The index has drifted from the database; run with --repair to fix it.",
                returncode=1,
            )
        indexing.repair(drift)
        if indexing.index_drift().found:
            raise CommandError("The index still differs after the repair.", returncode=1)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Repaired: {len(drift.missing)} indexed, {len(drift.stale)} refreshed, "
                    f"{len(drift.orphans)} removed."
                )
            )

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.services.ingest import ingest_paths


class Command(BaseCommand):
    help = (
        "Ingest articles from plain-text, HTML and JSON Lines files (or directories of "
        "them): store each article once, extract its entities and index it."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--source", default="", help="Outlet name for articles that do not name one."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; store nothing."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Processes that extract entities (default: ARCHIVE_INGEST_WORKERS, one per "
            "core; 0 extracts in this process).",
        )

    def handle(self, *args, paths, source, dry_run, workers, verbosity, **options):
        def progress(files):
            return tqdm(files, unit="file", disable=None if verbosity else True, leave=False)

        def on_result(path, result):
            if result.status == "duplicate":
                self.stderr.write(self.style.WARNING(f"{path}: skipped, {result.message}"))
            elif verbosity >= 2:
                self.stdout.write(f"{result.status}: {path}")

        summary = ingest_paths(
            paths,
            default_source=source,
            dry_run=dry_run,
            workers=workers,
            files=progress,
            on_result=on_result,
            on_problem=lambda message: self.stderr.write(self.style.ERROR(message)),
        )
        counts = summary.counts
        line = (
            f"{'Would ingest' if dry_run else 'Ingested'}: {counts['created']} created, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['duplicate']} duplicate, {counts['failed']} failed."
        )
        if summary.failed:
            self.stdout.write(self.style.WARNING(line))
            raise CommandError(f"{summary.failed} file(s) or record(s) failed; see above.")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(line))

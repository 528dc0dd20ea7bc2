import json
import os
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from haystack import connections

from archive.evaluation import evaluate_seeds


class Command(BaseCommand):
    help = (
        "Ingest the seed articles beside GOLD_JSON (or in --seeds) into a throwaway database "
        "and report which expected entities, aliases and dates were found, missed or "
        "wrongly created."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", metavar="PATH_TO_gold.json")
        parser.add_argument(
            "--seeds", metavar="DIR", help="Where the seed articles are (default: beside the gold)."
        )
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(self, *args, gold, json: bool, seeds: str | None = None, **options):
        path = Path(gold)
        try:
            expected = _load(path)
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: cannot read the gold standard: {error}") from error
        folder = Path(seeds) if seeds else path.parent
        with _throwaway_archive():
            articles = sorted(str(seed) for seed in folder.glob("*.txt"))
            if not articles:
                raise CommandError(f"{folder}: no seed articles (*.txt) there")
            call_command("ingest", *articles, verbosity=0, stdout=StringIO())
            reports = evaluate_seeds(expected)
        totals = {status: sum(r.count(status) for r in reports) for status in _STATUSES}
        if json:
            self.stdout.write(_as_json(reports, totals))
            return
        for report in reports:
            self.stdout.write(self.style.MIGRATE_HEADING(report.name))
            for status, what in report.checks:
                style = self.style.SUCCESS if status == "found" else self.style.ERROR
                self.stdout.write(f"  {style(status.ljust(6))} {what}")
        checks = sum(totals.values())
        self.stdout.write(
            f"Overall: {totals['found']} of {checks} checks found, "
            f"{totals['missed']} missed, {totals['wrong']} wrongly created."
        )


_STATUSES = ("found", "missed", "wrong")


def _load(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise ValueError("expected an object with an 'articles' object")
    return data


def _as_json(reports, totals) -> str:
    return json.dumps(
        {
            "articles": {
                r.name: {
                    status: [what for found, what in r.checks if found == status]
                    for status in _STATUSES
                }
                for r in reports
            },
            "totals": totals,
        },
        indent=2,
    )


class _throwaway_archive:
    """A fresh test database and search index for the length of a block."""

    def __enter__(self):
        self._index_dir = tempfile.TemporaryDirectory(prefix="eval-seeds-")
        self._info = connections.connections_info["default"]
        self._saved = dict(self._info)
        self._info["PATH"] = self._index_dir.name
        connections.reload("default")
        self._db_name = connection.settings_dict["NAME"]
        if connection.vendor != "sqlite":
            # Never the name a test run uses: autoclobber would drop that database.
            test = connection.settings_dict.setdefault("TEST", {})
            test["NAME"] = f"eval_seeds_{os.getpid()}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        return self

    def __exit__(self, *exc):
        connection.creation.destroy_test_db(self._db_name, verbosity=0)
        self._info.clear()
        self._info.update(self._saved)
        connections.reload("default")
        self._index_dir.cleanup()
        return False

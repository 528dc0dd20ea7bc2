import json
import os
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from haystack import connections

from archive.evaluation import SCORED_KINDS, evaluate_seeds, linked_entities, score_entities


class Command(BaseCommand):
    help = (
        "Ingest the seed articles beside GOLD_JSON (or in --seeds) into a throwaway database "
        "and report which expected entities, aliases and dates were found, missed or "
        "wrongly created. With --scores, entity-level precision, recall and F1 per kind "
        "instead, then each article's missed and false entities."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", metavar="PATH_TO_gold.json")
        parser.add_argument(
            "--seeds",
            metavar="PATH",
            help="A folder of seed articles (*.txt, *.jsonl) or one .jsonl file "
            "(default: the gold's folder).",
        )
        parser.add_argument(
            "--scores", action="store_true", help="Precision, recall and F1 per entity kind."
        )
        parser.add_argument("--json", action="store_true", help="Machine-readable output.")

    def handle(
        self, *args, gold, json: bool, seeds: str | None = None, scores: bool = False, **options
    ):
        path = Path(gold)
        try:
            expected = _load(path)
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: cannot read the gold standard: {error}") from error
        folder = Path(seeds) if seeds else path.parent
        articles = _seed_files(folder)
        with _throwaway_archive():
            call_command("ingest", *articles, verbosity=0, stdout=StringIO())
            if scores:
                found = score_entities(expected, linked_entities(list(expected["articles"])))
            else:
                reports = evaluate_seeds(expected)
        if scores:
            self._write_scores(found, json)
            return
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

    def _write_scores(self, scores, json: bool) -> None:
        if json:
            self.stdout.write(_scores_as_json(scores))
            return
        self.stdout.write(
            f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'found':>7}{'missed':>7}{'false':>7}"
        )
        for plural, score in scores.items():
            self.stdout.write(
                f"{plural:<14}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}"
                f"{score.found:>7}{len(score.missed):>7}{len(score.false):>7}"
            )
        for article, errors in _errors_by_article(scores).items():
            self.stdout.write(self.style.MIGRATE_HEADING(article))
            for plural in SCORED_KINDS:
                for status in ("missed", "false"):
                    for name in errors[plural][status]:
                        self.stdout.write(f"  {status:<6} {plural[:-1]:<12} {name}")


_STATUSES = ("found", "missed", "wrong")


def _seed_files(path: Path) -> list[str]:
    if path.is_file():
        return [str(path)]
    articles = sorted(str(seed) for pattern in ("*.txt", "*.jsonl") for seed in path.glob(pattern))
    if not articles:
        raise CommandError(f"{path}: no seed articles (*.txt, *.jsonl) there")
    return articles


def _errors_by_article(scores) -> dict[str, dict[str, dict[str, list[str]]]]:
    errors: dict = {}
    for plural, score in scores.items():
        for status in ("missed", "false"):
            for article, name in getattr(score, status):
                by_kind = errors.setdefault(
                    article, {p: {"missed": [], "false": []} for p in SCORED_KINDS}
                )
                by_kind[plural][status].append(name)
    return dict(sorted(errors.items()))


def _scores_as_json(scores) -> str:
    return json.dumps(
        {
            "kinds": {plural: score.as_dict() for plural, score in scores.items()},
            "articles": _errors_by_article(scores),
        },
        indent=2,
    )


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

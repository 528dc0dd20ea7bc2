"""Score the archive's ranking on a test collection: MAP, P@10 and nDCG@10.

The collection goes into a throwaway index built like the archive's own; the
archive's index and database are never touched.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError

from search import evaluation

T = TypeVar("T")


class Command(BaseCommand):
    help = "Index a test collection like the archive and report MAP, P@10 and nDCG@10."

    def add_arguments(self, parser):
        parser.add_argument("--docs", required=True, help="JSON Lines: docno, text[, title, date]")
        parser.add_argument("--queries", required=True, help="TSV: qid<TAB>text")
        parser.add_argument("--qrels", required=True, help="TREC qrels: qid iter docno grade")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--variant",
            choices=evaluation.VARIANTS,
            default="archive",
            help="archive: queries as the search box runs them (a few keywords all "
            "required, questions as best matches); or-terms: any of the query's words, "
            "for comparison.",
        )
        parser.add_argument(
            "--depth", type=int, default=evaluation.DEPTH, help="Results ranked per query."
        )

    def handle(self, *args, **options):
        if options["depth"] < 10:
            raise CommandError("--depth must be at least 10 (P@10 and nDCG@10 need ten).")
        docs = _read(options["docs"], evaluation.parse_docs)
        queries = _read(options["queries"], evaluation.parse_queries)
        qrels = _read(options["qrels"], evaluation.parse_qrels)
        if not docs:
            raise CommandError(f"{options['docs']}: no documents")
        started = time.perf_counter()
        try:
            runs = evaluation.run_collection(
                docs, queries, variant=options["variant"], depth=options["depth"]
            )
        except evaluation.InputError as error:
            raise CommandError(str(error)) from None
        scores = evaluation.evaluate(runs, qrels)
        if options["json"]:
            self.stdout.write(json.dumps(scores.as_json()))
            return
        self._report(options, docs, queries, qrels, runs, scores, time.perf_counter() - started)

    def _report(self, options, docs, queries, qrels, runs, scores, seconds) -> None:
        verbosity = options["verbosity"]
        if verbosity >= 2:
            for qid, ranking in runs.items():
                judgements = qrels.get(qid, {})
                if any(grade > 0 for grade in judgements.values()):
                    self.stdout.write(
                        f"{qid}\tAP {evaluation.average_precision(ranking, judgements):.4f}"
                        f"\tP@10 {evaluation.precision_at(ranking, judgements):.4f}"
                        f"\tretrieved {len(ranking)}"
                    )
        if verbosity:
            unjudged = len(queries) - scores.queries
            fallbacks = 0
            if options["variant"] == "archive":
                fallbacks = sum(evaluation.archive_query(t).fallback for t in queries.values())
            self.stdout.write(
                f"{len(docs)} documents, {len(queries)} queries "
                f"({unjudged} without relevant documents, left out); variant {options['variant']}"
                + (f"; {fallbacks} queries fell back to plain words" if fallbacks else "")
                + f"; {seconds:.1f}s"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"MAP {scores.map:.4f}  P@10 {scores.p_at_10:.4f}  "
                f"nDCG@10 {scores.ndcg_at_10:.4f}  over {scores.queries} queries"
            )
        )


def _read(name: str, parse: Callable[[list[str]], T]) -> T:
    """Parse a UTF-8 file, any problem reported as a CommandError naming it."""
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
        return parse(lines)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise CommandError(f"{name}: cannot read it ({reason})") from None
    except evaluation.InputError as error:
        raise CommandError(f"{name}: {error}") from None

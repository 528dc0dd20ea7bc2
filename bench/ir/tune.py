"""Tune the best-match rule on some test collections: one index per collection,
every combination of the rule's settings ranked, one line of figures each.

    .venv/bin/python -m bench.ir.tune var/ir/cranfield var/ir/cisi

Each folder holds what ``bench/ir/convert.py`` writes. Tune on two collections,
then report the others with the chosen settings (``eval_search``) before tuning
anything again: the README in this folder says which were which.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import django


def main(folders: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    django.setup()
    from django.test import override_settings

    from search import evaluation, query

    grid = {
        "minimum_should_match": [0.0, 0.2, 0.3, 0.4, 0.5],
        "coordination": [0.0, 0.5, 1.0, 2.0],
        "pair_boost": [0.0, 0.25, 0.5, 1.0],
    }
    grid = {key: _override(key, values) for key, values in grid.items()}
    collections = []
    for folder in map(Path, folders):
        docs = evaluation.parse_docs((folder / "docs.jsonl").open(encoding="utf-8"))
        queries = evaluation.parse_queries((folder / "queries.tsv").open(encoding="utf-8"))
        qrels = evaluation.parse_qrels((folder / "qrels.trec").open(encoding="utf-8"))
        collections.append((folder.name, docs, queries, qrels))
    print("msm coord pair " + " ".join(f"{name:>22}" for name, *_ in collections) + "   mean ndcg")
    with _scratch_indexes(collections, evaluation) as aliases:
        for msm, coord, pair in itertools.product(*grid.values()):
            rule = {
                "minimum_should_match": msm,
                "coordination": coord,
                "window": 100,
            }
            query.PAIR_BOOST = pair
            cells, ndcgs = [], []
            with override_settings(SEARCH_BEST_MATCH=rule):
                for (_name, _docs, queries, qrels), alias in zip(collections, aliases, strict=True):
                    runs = {qid: evaluation.rank(text, alias) for qid, text in queries.items()}
                    scores = evaluation.evaluate(runs, qrels)
                    cells.append(f"{scores.map:.3f}/{scores.p_at_10:.3f}/{scores.ndcg_at_10:.3f}")
                    ndcgs.append(scores.ndcg_at_10)
            print(
                f"{msm:3} {coord:5} {pair:4} "
                + " ".join(f"{c:>22}" for c in cells)
                + f"   {sum(ndcgs) / len(ndcgs):.4f}",
                flush=True,
            )


def _override(key, values):
    wanted = os.environ.get(f"TUNE_{key.upper()}")
    return [float(v) for v in wanted.split(",")] if wanted else values


class _scratch_indexes:
    def __init__(self, collections, evaluation):
        self.collections, self.evaluation, self.stack = collections, evaluation, []

    def __enter__(self):
        aliases = []
        for _name, docs, _queries, _qrels in self.collections:
            manager = self.evaluation.scratch_connection()
            alias = manager.__enter__()
            self.stack.append(manager)
            self.evaluation.index_collection(docs, alias)
            aliases.append(alias)
        return aliases

    def __exit__(self, *exc):
        for manager in reversed(self.stack):
            manager.__exit__(*exc)


if __name__ == "__main__":
    main(sys.argv[1:])

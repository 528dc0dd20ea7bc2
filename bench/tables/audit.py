"""A seeded audit of the entity tables (issue 17): a fixed sample per kind, to hand-check.

    nice .venv/bin/python -m bench.tables.audit [--out DIR] [--seed N] [--sample N]

Builds a throwaway archive (a fresh test database and search index, as ``eval_seeds``
does), ingests the seed articles and the State Department press releases, prints the
table sizes per kind and the automatic checks' violations (``bench.tables.checks``),
then draws ``--sample`` entities per kind with ``random.Random(seed)`` from the ids in
order and writes, in ``DIR`` (default ``var/tables/``):

- ``sample-<kind>.tsv``: id, name, aliases, articles and mentions, two example
  articles with the sentence that mentions the entity, and ``similar``: other records
  of the kind that may be the same entity (same last word, within edit distance 2,
  or a shared alias), for a human to confirm or reject;
- ``tables.json``: the counts per kind and per check;
- ``entities.jsonl``: every entity as a checks row, to re-run the checks without
  ingesting again.

The judgements a human makes on the samples are kept beside this script as
``judgements-<date>-<commit>.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from collections import defaultdict
from io import StringIO
from pathlib import Path

from archive.extraction.normalize import edit_distance

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEFAULT_INPUTS = (
    SHARED / "seeds",
    SHARED / "data/state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz",
)
DEFAULT_OUT = ROOT / "var" / "tables"
SEED = 17
SAMPLE = 100
SIMILAR_LIMIT = 8
CONTEXT = 240


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tables.audit", description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument(
        "--judgements",
        type=Path,
        metavar="TSV",
        help="Only summarise a file of hand judgements (precision, duplicates, error classes).",
    )
    parser.add_argument(
        "inputs", nargs="*", type=Path, help="What to ingest (default: the seeds and releases)."
    )
    args = parser.parse_args(argv)
    if args.judgements:
        print(summarise(read_judgements(args.judgements)))
        return 0
    inputs = args.inputs or list(DEFAULT_INPUTS)
    for path in inputs:
        if not path.exists():
            parser.error(f"{path} does not exist")

    # A bulk ingest indexes in background processes, which could not see the
    # throwaway database; index in this process instead.
    os.environ.setdefault("SEARCH_INDEX_IN_BACKGROUND", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from archive.management.commands.eval_seeds import _seed_files, _throwaway_archive

    from .checks import rows_from_db, run_checks

    files = [f for path in inputs for f in (_seed_files(path) if path.is_dir() else [str(path)])]
    args.out.mkdir(parents=True, exist_ok=True)
    with _throwaway_archive():
        print(f"audit: ingesting {len(files)} file(s) …", file=sys.stderr, flush=True)
        call_command("ingest", *files, verbosity=0, stdout=StringIO(), stderr=sys.stderr)
        rows = rows_from_db()
        sizes = _table_sizes()
        samples = {kind: _sample(kind, rows, args.seed, args.sample) for kind in sizes["entities"]}
        for kind, sample in samples.items():
            _write_sample(args.out / f"sample-{kind}.tsv", kind, sample, rows)

    violations = run_checks(rows)
    _print_sizes(sizes)
    print_violations(violations)
    with (args.out / "entities.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            record = row._asdict() | {"aliases": list(row.aliases)}
            record["articles"] = sorted(row.articles)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    summary = {
        "seed": args.seed,
        "sample": args.sample,
        "inputs": [str(path) for path in inputs],
        **sizes,
        "violations": {name: len(found) for name, found in violations.items()},
        "violations_by_kind": {
            name: _count_by_kind(found) for name, found in violations.items() if found
        },
    }
    (args.out / "tables.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"audit: samples and tables.json in {args.out}")
    return 0


VERDICTS = ("ok", "wrong-kind", "junk", "bad-name", "dup")


def read_judgements(path: Path) -> list[dict[str, str]]:
    """Rows of a judgements file: id, kind, name, verdict ("ok", "bad-name+dup"...), note."""
    with path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source, delimiter="\t"))
    for row in rows:
        unknown = set(row["verdict"].split("+")) - set(VERDICTS)
        if unknown:
            raise ValueError(f"{path}: {row['kind']} {row['id']}: unknown verdict {unknown}")
    return rows


def summarise(rows: list[dict[str, str]], examples: int = 3) -> str:
    """Precision (verdict ok) and duplicates (verdict has dup) per kind, with error classes.

    A verdict is one class for the record itself (ok, wrong-kind, junk, bad-name),
    plus "+dup" when another record of the same entity exists.
    """
    lines = []
    for kind in dict.fromkeys(row["kind"] for row in rows):
        judged = [row for row in rows if row["kind"] == kind]
        classes = [row["verdict"].split("+") for row in judged]
        ok = sum(parts[0] == "ok" for parts in classes)
        dup = sum("dup" in parts for parts in classes)
        lines.append(
            f"{kind}: {len(judged)} judged, precision {ok / len(judged):.0%} ({ok}), "
            f"duplicates {dup / len(judged):.0%} ({dup})"
        )
        for verdict in VERDICTS[1:]:
            hits = [row for row in judged if verdict in row["verdict"].split("+")]
            if hits:
                shown = "; ".join(f"{row['name']!r}" for row in hits[:examples])
                lines.append(f"  {verdict:<11}{len(hits):>4}  e.g. {shown}")
    return "\n".join(lines)


def _count_by_kind(found) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for violation in found:
        counts[violation.kind] += 1
    return dict(counts)


def _table_sizes() -> dict:
    from archive.models import Article
    from archive.models.kinds import ENTITY_KINDS

    return {
        "articles": Article.objects.count(),
        "entities": {name: kind.model.objects.count() for name, kind in ENTITY_KINDS.items()},
        "aliases": {name: kind.alias_model.objects.count() for name, kind in ENTITY_KINDS.items()},
        "mentions": {
            name: kind.mention_model.objects.count() for name, kind in ENTITY_KINDS.items()
        },
    }


def _print_sizes(sizes: dict) -> None:
    print(f"articles: {sizes['articles']}")
    print(f"{'kind':<14}{'entities':>10}{'aliases':>10}{'mentions':>10}")
    for kind, count in sizes["entities"].items():
        print(f"{kind:<14}{count:>10}{sizes['aliases'][kind]:>10}{sizes['mentions'][kind]:>10}")


def print_violations(violations: dict, examples: int = 5) -> None:
    print("automatic checks (violations):")
    for name, found in violations.items():
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(_count_by_kind(found).items()))
        print(f"  {name:<18}{len(found):>6}  {by_kind}")
        for violation in found[:examples]:
            detail = f"  ({violation.detail})" if violation.detail else ""
            print(f"      {violation.kind} {violation.id} {violation.name!r}{detail}")


def _sample(kind: str, rows, seed: int, size: int) -> list:
    ids = sorted(row.id for row in rows if row.kind == kind)
    chosen = set(random.Random(seed).sample(ids, min(size, len(ids))))
    return [row for row in rows if row.kind == kind and row.id in chosen]


def _write_sample(path: Path, kind: str, sample, rows) -> None:
    from archive.models import Article
    from archive.models.kinds import ENTITY_KINDS

    entity_kind = ENTITY_KINDS[kind]
    same_kind = [row for row in rows if row.kind == kind]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["id", "name", "aliases", "articles", "mentions", "example1", "example2", "similar"]
        )
        for row in sample:
            mentions = list(
                entity_kind.mention_model.objects.filter(**{kind: row.id})
                .order_by("article_id")
                .values_list("article_id", "count", "first_offset")
            )
            examples = []
            for article_id, _count, offset in mentions[:2]:
                article = Article.objects.only("title", "body").get(pk=article_id)
                examples.append(
                    f"[{article.title}] {_context(article.body, offset, (row.name, *row.aliases))}"
                )
            writer.writerow(
                [
                    row.id,
                    row.name,
                    "|".join(row.aliases),
                    len(mentions),
                    sum(count for _, count, _ in mentions),
                    *[*examples, "", ""][:2],
                    "; ".join(f"{o.id} {o.name}" for o in similar(row, same_kind)),
                ]
            )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _context(body: str, offset: int | None, names) -> str:
    """The sentence at ``offset`` in ``body``, else text around the first name found."""
    if offset is None:
        lowered = body.casefold()
        found = [lowered.find(name.casefold()) for name in names if name]
        found = [at for at in found if at >= 0]
        if not found:
            return "(title only)"
        at = min(found)
        return "…" + _clean(body[max(0, at - 60) : at + 60]) + "…"
    stop = body.rfind(". ", 0, offset)
    start = max(stop + 2 if stop >= 0 else 0, body.rfind("\n", 0, offset) + 1)
    ends = [at for at in (body.find(". ", offset), body.find("\n", offset)) if at >= 0]
    end = min(ends) + 1 if ends else len(body)
    if end - start > CONTEXT:
        start, end = max(start, offset - CONTEXT // 2), min(end, offset + CONTEXT // 2)
    return _clean(body[start:end])


def similar(row, same_kind, limit: int = SIMILAR_LIMIT) -> list:
    """Other records of the kind that may be the same entity: closest reasons first."""
    from archive.extraction.normalize import name_key

    key = name_key(row.name)
    keys = {name_key(a) for a in row.aliases} | {key}
    last = key.split()[-1] if key else ""
    ranked = []
    for other in same_kind:
        if other.id == row.id:
            continue
        other_key = name_key(other.name)
        other_keys = {name_key(a) for a in other.aliases} | {other_key}
        if keys & other_keys:
            ranked.append((0, other))
        elif edit_distance(key, other_key) <= 2:
            ranked.append((1, other))
        elif last and other_key.split() and other_key.split()[-1] == last:
            ranked.append((2, other))
    ranked.sort(key=lambda pair: (pair[0], -len(pair[1].articles), pair[1].id))
    return [other for _, other in ranked[:limit]]


if __name__ == "__main__":
    raise SystemExit(main())

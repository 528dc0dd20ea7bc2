"""A seeded sample of the links inferred from offices (issue 18), to hand-check.

    nice .venv/bin/python -m bench.offices.sample_inferred [--seed N] [--sample N] [--out TSV]

Builds a throwaway archive (as ``eval_seeds`` does), ingests the seed articles and
the State Department press releases, then draws ``--sample`` links inferred from an
office named without its holder ("the Israeli Prime Minister", "the Secretary")
with ``random.Random(seed)`` and writes, one a row: the article's date and title,
the office, the holder linked, the sentence that names the office and the tenure
the holder was chosen from. A human marks each "ok" or "wrong"; the judged file is
kept beside this script, and ``--judgements TSV`` summarises one. Also prints how
many office mentions there are and how many found a holder.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from io import StringIO
from pathlib import Path

from bench.judgements import precision

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEFAULT_INPUTS = (
    SHARED / "seeds",
    SHARED / "data/state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz",
)
SEED = 18
SAMPLE = 50
FIELDS = ["id", "date", "title", "office", "holder", "tenure", "sentence", "verdict", "note"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.offices.sample_inferred", description=__doc__
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "inferred-sample.tsv")
    parser.add_argument("--judgements", type=Path, metavar="TSV")
    args = parser.parse_args(argv)
    if args.judgements:
        print(precision(args.judgements))
        return 0
    os.environ.setdefault("SEARCH_INDEX_IN_BACKGROUND", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from archive.management.commands.eval_seeds import _seed_files, _throwaway_archive
    from archive.models import OfficeMention, PersonMention, Tenure

    files = [f for p in DEFAULT_INPUTS for f in (_seed_files(p) if p.is_dir() else [str(p)])]
    with _throwaway_archive():
        print(f"ingesting {len(files)} file(s) …", file=sys.stderr, flush=True)
        call_command("ingest", *files, verbosity=0, stdout=StringIO(), stderr=sys.stderr)
        named = OfficeMention.objects.filter(office__isnull=False).count()
        inferred = list(
            PersonMention.objects.filter(via_office__isnull=False)
            .select_related("article", "person", "via_office__country", "via_office__organisation")
            .order_by("pk")
        )
        print(f"{named} office mentions without a holder; {len(inferred)} links inferred")
        picked = random.Random(args.seed).sample(inferred, min(args.sample, len(inferred)))
        rows = []
        for mention in sorted(picked, key=lambda m: m.pk):
            article = mention.article
            tenure = (
                Tenure.objects.filter(office=mention.via_office, person=mention.person)
                .order_by("-evidence")
                .first()
            )
            rows.append(
                {
                    "id": mention.pk,
                    "date": article.published,
                    "title": article.title,
                    "office": str(mention.via_office),
                    "holder": mention.person.name,
                    "tenure": tenure and f"{tenure.start}..{tenure.end} ({tenure.source})",
                    "sentence": _sentence(article.body, mention.first_offset or 0),
                    "verdict": "",
                    "note": "",
                }
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, FIELDS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"sample of {len(rows)} in {args.out}")
    return 0


def _sentence(body: str, offset: int) -> str:
    start = max(body.rfind(". ", 0, offset) + 2, body.rfind("\n", 0, offset) + 1, 0)
    end = min(x for x in (body.find(". ", offset), body.find("\n", offset), len(body)) if x >= 0)
    return re.sub(r"\s+", " ", body[start : end + 1])[:400]


if __name__ == "__main__":
    raise SystemExit(main())

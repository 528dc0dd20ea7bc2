"""A seeded sample of the copy groups ``evaluate`` found in a set without truth (the
Reuters-21578 check, issue 20), to hand-check.

    nice .venv/bin/python -m bench.copies.sample --set var/copies/reuters \\
        [--groups SET/evaluation/groups.tsv] [--sample 30] [--seed 20] [--out DIR]

Picks ``--sample`` groups of ``groups.tsv`` with ``random.Random(seed)`` (from the
group numbers in order) and writes, in ``DIR`` (default: the folder of ``groups.tsv``):

- ``sample.txt``: each group's members in publication order, with their full texts
  and how similar each is to the others (``archive.copies.compare.similarity`` on their
  shingles: contained / Jaccard / size ratio), to read;
- ``judgements.tsv``: one row per group (group, size, shortened titles, verdict, note)
  with the verdict and note left blank, to fill in.

Both are written under ``var/``: the texts may be research-only data (Reuters).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
from collections import defaultdict
from pathlib import Path

from archive.copies.compare import Similarity, similarity
from archive.copies.text import shingles, words

JUDGEMENT_FIELDS = ["group", "size", "titles", "verdict", "note"]
TITLE_CHARS = 40


def read_groups(path: Path) -> dict[int, list[dict]]:
    """``groups.tsv`` as ``{group: [row, ...]}``, rows in the file's order."""
    members: dict[int, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            members[int(row["group"])].append(row)
    return dict(members)


def pick(groups: dict[int, list], size: int, seed: int) -> list[int]:
    """``size`` group numbers drawn with ``seed`` (all when there are fewer), in order."""
    numbers = sorted(groups)
    return sorted(random.Random(seed).sample(numbers, min(size, len(numbers))))


def short(title: str, chars: int = TITLE_CHARS) -> str:
    title = " ".join(title.split())
    return title if len(title) <= chars else title[: chars - 1].rstrip() + "…"


def titles(rows: list[dict]) -> str:
    """The members' titles, shortened, one per member: ``A | B | C``."""
    return " | ".join(short(row["title"]) for row in rows)


def pairwise(texts: list[str]) -> dict[tuple[int, int], Similarity]:
    """The similarity of every pair of texts, by their positions."""
    sets = [shingles(words(text)) for text in texts]
    return {
        (i, j): similarity(sets[i], sets[j]) for i, j in itertools.combinations(range(len(sets)), 2)
    }


def show(found: Similarity) -> str:
    return (
        f"contained {found.contained:.2f}  jaccard {found.jaccard:.2f}  size {found.size_ratio:.2f}"
    )


def read_texts(path: Path, urls: set[str]) -> dict[str, str]:
    texts = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["url"] in urls:
                texts[record["url"]] = record["text"]
    return texts


def review(number: int, rows: list[dict], texts: dict[str, str]) -> str:
    """One group for reading: its members, their texts and their similarities."""
    lines = [f"===== group {number} ({len(rows)} articles, doubt: {rows[0]['doubt'] or '-'})"]
    member_texts = [texts.get(row["url"], "") for row in rows]
    for (i, j), found in pairwise(member_texts).items():
        lines.append(f"  [{i}]~[{j}]  {show(found)}")
    for i, row in enumerate(rows):
        first = " FIRST" if row["first"] else ""
        lines.append(f"--- [{i}]{first} {row['published']} {row['url']}\n    {row['title']}")
        lines.append(member_texts[i])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.copies.sample")
    parser.add_argument("--set", type=Path, required=True, dest="set_dir", metavar="DIR")
    parser.add_argument("--groups", type=Path, help="default: SET/evaluation/groups.tsv")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--out", type=Path, help="default: the folder of groups.tsv")
    args = parser.parse_args(argv)
    groups_path = args.groups or args.set_dir / "evaluation" / "groups.tsv"
    out = args.out or groups_path.parent
    out.mkdir(parents=True, exist_ok=True)
    groups = read_groups(groups_path)
    picked = pick(groups, args.sample, args.seed)
    urls = {row["url"] for number in picked for row in groups[number]}
    texts = read_texts(args.set_dir / "articles.jsonl", urls)
    with (out / "sample.txt").open("w", encoding="utf-8") as sample:
        for number in picked:
            sample.write(review(number, groups[number], texts) + "\n")
    with (out / "judgements.tsv").open("w", encoding="utf-8", newline="") as judged:
        writer = csv.DictWriter(judged, JUDGEMENT_FIELDS, delimiter="\t")
        writer.writeheader()
        for number in picked:
            rows = groups[number]
            writer.writerow(
                {
                    "group": number,
                    "size": len(rows),
                    "titles": titles(rows),
                    "verdict": "",
                    "note": "",
                }
            )
    print(f"{len(picked)} of {len(groups)} groups (seed {args.seed}) in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

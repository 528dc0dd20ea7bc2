"""Draw the State Department gold-set sample: 64 press releases, split dev/test.

Source: ``/work/shared/data/state-dept-press-releases/`` (1,803 releases,
2021-05 .. 2022-06; see its SOURCE.md). Deterministic: ``random.Random(2026)``.

- Releases whose text is longer than 1,200 words are excluded first (these
  are mostly press-briefing and press-availability transcripts, too long to
  annotate by hand). Nothing else is filtered and nothing is hand-picked.
- The 64 are drawn **uniformly** (``rng.sample``) from the remaining releases
  in file order, so months are represented in proportion to their counts in
  expectation, not exactly.
- The same generator then shuffles the 64; the first 32 are ``dev``, the other
  32 ``test``. Each half is sorted by publication time.

Output is the archive's JSON Lines import format (``manage.py ingest FILE``):
title, text, published, url, source "U.S. Department of State", author = the
feed's ``creator``, and ``source_file`` = ``state-dept-<page_id>`` so every
record is a separate, named article (``Article.source_file``) that the gold
files key on.

Later draws take 40 more each from the same eligible releases minus every
earlier draw, each with its own seed: ``dev2`` (``random.Random(2027)``),
development text the first round of rules never saw, and ``dev3``
(``random.Random(2028)``), kept aside like ``test`` as a second unseen check.
Each was annotated by hand before the extractor was run on it.

Run: ``.venv/bin/python bench/gold/sample_state_dept.py [--draw dev2|dev3] [SOURCE.jsonl.xz]``
"""

from __future__ import annotations

import json
import lzma
import random
import sys
from pathlib import Path

SOURCE = Path(
    "/work/shared/data/state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz"
)
OUT = Path(__file__).resolve().parent / "state-dept"
SEED = 2026
SIZE = 64
# Later draws, in order: name -> seed; 40 releases each.
LATER_DRAWS = {"dev2": 2027, "dev3": 2028}
LATER_SIZE = 40
MAX_WORDS = 1200


def article(item: dict) -> dict:
    page_id = item["id"].rsplit("=", 1)[-1]
    return {
        "source_file": f"state-dept-{page_id}",
        "title": item["title"],
        "published": item["published"],
        "url": item["url"],
        "source": "U.S. Department of State",
        "author": item["creator"],
        "text": item["text"],
    }


def write(name: str, items: list[dict]) -> None:
    items = sorted(items, key=lambda item: (item["published"], item["id"]))
    with open(OUT / f"{name}.jsonl", "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(article(item), ensure_ascii=False) + "\n")


def main(source: Path = SOURCE, draw: str = "") -> None:
    with lzma.open(source, "rt", encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    eligible = [item for item in items if len(item["text"].split()) <= MAX_WORDS]
    rng = random.Random(SEED)
    chosen = rng.sample(eligible, SIZE)
    rng.shuffle(chosen)
    OUT.mkdir(parents=True, exist_ok=True)
    if not draw:
        write("dev", chosen[: SIZE // 2])
        write("test", chosen[SIZE // 2 :])
    taken = {item["id"] for item in chosen}
    for name, seed in LATER_DRAWS.items():
        rest = [item for item in eligible if item["id"] not in taken]
        drawn = random.Random(seed).sample(rest, LATER_SIZE)
        if name == draw:
            write(name, drawn)
        taken |= {item["id"] for item in drawn}
    print(f"{len(items)} releases, {len(eligible)} of at most {MAX_WORDS} words; wrote {OUT}")


if __name__ == "__main__":
    args = sys.argv[1:]
    draw = ""
    if "--draw" in args:
        at = args.index("--draw")
        draw = args[at + 1]
        if draw not in LATER_DRAWS:
            sys.exit(f"--draw: one of {', '.join(LATER_DRAWS)}, not {draw!r}")
        del args[at : at + 2]
    main(Path(args[0]) if args else SOURCE, draw)

"""Reuters-21578 as JSON Lines, for a check of how many near-duplicate groups the archive
finds in a real newswire (issue 20).

    .venv/bin/python -m bench.copies.reuters [--out var/copies]

Writes ``OUT/reuters/articles.jsonl``: one article per record with a body (19,779 of
21,578), in NEWID order, with its title, its text (the dateline first, the wrapped lines
joined into paragraphs, the closing "Reuter" dropped), its date as the collection gives
it (no zone: the archive keeps the day), source "Reuters" and the synthetic URL
``https://bench.invalid/reuters21578/<NEWID>`` (as ``bench.corpus``; the archive wants
a web address). There is no truth file: ``evaluate`` counts and lists the groups.

Research use only (../shared/data/reuters21578/SOURCE.md): read here at run time,
written under ``var/``, never copied into the product.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REUTERS = ROOT.parent / "shared/data/reuters21578/reuters21578.jsonl.xz"
# A paragraph starts on a line indented by spaces (or a tab).
_PARAGRAPH = re.compile(r"\n(?=[ \t]+\S)")
_SIGN_OFF = re.compile(r"\s*\bReuter\s*$", re.IGNORECASE)


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs, each with its wrapped lines joined; the sign-off dropped."""
    body = _SIGN_OFF.sub("", body)
    parts = (" ".join(part.split()) for part in _PARAGRAPH.split(body))
    return [part for part in parts if part]


def article(raw: dict) -> dict | None:
    """One record in the archive's ingest format; ``None`` for a headline-only record."""
    parts = paragraphs(raw.get("body") or "")
    if not parts:
        return None
    if dateline := " ".join((raw.get("dateline") or "").split()):
        parts[0] = f"{dateline} {parts[0]}"
    record = {
        "title": " ".join((raw.get("title") or "").split()),
        "text": "\n\n".join(parts),
        "url": f"https://bench.invalid/reuters21578/{raw['newid']}",
        "source": "Reuters",
    }
    if raw.get("date"):
        record["published"] = raw["date"]
    return record


def articles(path: Path = REUTERS) -> Iterator[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and (record := article(json.loads(line))):
                yield record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.copies.reuters")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "copies")
    parser.add_argument("--reuters", type=Path, default=REUTERS)
    args = parser.parse_args(argv)
    folder = args.out / "reuters"
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for record in articles(args.reuters):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"reuters: {count} articles in {folder / 'articles.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

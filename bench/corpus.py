"""The benchmark corpus: real articles as JSON Lines, repeated to any size.

The real texts (Reuters-21578, the State Department releases, the CoNLL-2003
articles) hold about 22,700 articles with a body. Beyond that they are repeated:
copy ``k`` of an article gets its own URL, a date shifted ``k`` times
``SHIFT_DAYS`` into the past, and a last line naming the copy, so the archive's
de-duplication (by URL and by a hash of the text) stores every copy.

Research-only texts: the corpus is written under ``var/bench/`` (git-ignored)
and never into the product or its fixtures.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import lzma
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
SOURCES = {
    "state": "state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz",
    "reuters": "reuters21578/reuters21578.jsonl.xz",
    "conll": "conll2003-en/conll2003_docs.jsonl.xz",
}
SHIFT_DAYS = 3 * 365 + 1  # about three years per copy, into the past
SEED = 21578
PER_FILE = 5000


def _lines(path: Path) -> Iterator[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def from_state(raw: dict) -> dict | None:
    if not raw.get("text"):
        return None
    return {
        "title": raw.get("title") or "",
        "text": raw["text"],
        "published": raw.get("published"),
        "url": raw.get("url") or raw["id"],
        "creator": raw.get("creator") or "",
        "source": "U.S. Department of State",
    }


def from_reuters(raw: dict) -> dict | None:
    body = (raw.get("body") or "").strip()
    if not body:
        return None  # BRIEF records: a headline only
    dateline = (raw.get("dateline") or "").strip()
    return {
        "title": (raw.get("title") or "").strip(),
        "text": f"{dateline} {body}" if dateline else body,
        "published": raw.get("date"),
        "url": f"https://bench.invalid/reuters21578/{raw['newid']}",
        "source": "Reuters",
    }


def from_conll(raw: dict) -> dict | None:
    if not raw.get("text"):
        return None
    title = (raw.get("title") or "").replace(" .", ".").strip()
    return {
        "title": title,
        "text": raw["text"],
        "published": raw.get("date"),
        "url": f"https://bench.invalid/conll2003/{raw['split']}/{raw['doc_index']}",
        "source": "Reuters (CoNLL-2003)",
    }


_CONVERTERS = {"state": from_state, "reuters": from_reuters, "conll": from_conll}


def load_base(data_dir: Path = DATA_DIR) -> list[dict]:
    """Every usable real article, in a fixed shuffled order (sources interleaved)."""
    base = []
    for name, relative in SOURCES.items():
        convert = _CONVERTERS[name]
        base.extend(record for raw in _lines(data_dir / relative) if (record := convert(raw)))
    random.Random(SEED).shuffle(base)
    return unique(base)


def unique(records: Iterable[dict]) -> list[dict]:
    """Drop records whose title and text repeat an earlier one's (as the archive would)."""
    seen = set()
    kept = []
    for record in records:
        key = " ".join(f"{record['title']}\n{record['text']}".split()).casefold()
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept


def shift_date(value: str | None, days: int) -> str | None:
    """An ISO date or timestamp (with or without offset) moved ``days`` back."""
    if not value or days == 0:
        return value
    if len(value) == 10:
        return (dt.date.fromisoformat(value) - dt.timedelta(days=days)).isoformat()
    return (dt.datetime.fromisoformat(value) - dt.timedelta(days=days)).isoformat()


def copy_of(record: dict, copy: int) -> dict:
    """Copy number ``copy`` of a record (0 is the record itself)."""
    if copy == 0:
        return dict(record)
    separator = "&" if "?" in record["url"] else "?"
    return {
        **record,
        "url": f"{record['url']}{separator}bench-copy={copy}",
        "published": shift_date(record.get("published"), copy * SHIFT_DAYS),
        "text": f"{record['text']}\n\n(Archive copy {copy}.)",
    }


def make_corpus(base: list[dict], size: int) -> Iterator[dict]:
    """``size`` articles: the base records in order, then copies 1, 2, … of them."""
    if size and not base:
        raise ValueError("no base records to build a corpus from")
    for number in range(size):
        copy, position = divmod(number, len(base))
        yield copy_of(base[position], copy)


def write_corpus(records: Iterable[dict], folder: Path, per_file: int = PER_FILE) -> int:
    """Write JSON Lines files of ``per_file`` records each into ``folder``; return the count."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("articles-*.jsonl"):
        old.unlink()
    records = iter(records)
    count = 0
    for number in itertools.count():
        chunk = list(itertools.islice(records, per_file))
        if not chunk:
            return count
        with open(folder / f"articles-{number:04d}.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in chunk)
        count += len(chunk)


if __name__ == "__main__":
    # python -m bench.corpus SIZE FOLDER: run as a child, so the benchmark's own
    # process stays small and each child's peak memory is its own.
    size, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(write_corpus(make_corpus(load_base(), size), folder))

"""A seeded test set of wire copies built from the State Department releases (issue 20).

    .venv/bin/python -m bench.copies.make_set [--out var/copies] [--seed 20] [--split dev|test]

The 1,803 releases are split in two halves by a seeded shuffle of their ids (``dev``,
``test``; without ``--split`` both are written). A set is every release of its half as
an original (they carry the natural hard negatives: same-template readouts, daily
schedules, yearly statements) plus 1–3 copies of each of a seeded ~25% sample, each by
another outlet (``kinds.OUTLETS``) 1 hour to 4 days later (log-uniform), in the
outlet's time zone:

- ``boilerplate``: verbatim with a dateline and a footer added;
- ``truncated``: the first 30–70% of the paragraphs;
- ``edited``: sentences dropped, words reworded, maybe a paragraph of context (half of
  the truncated and edited copies also get the boilerplate);
- any of them ``retitled`` (~35%) under the outlet's own headline.

~5% of the copies give a date only, the original's own day (there and at the outlet):
that story's first publisher is undecidable, and the truth says so.

Each set goes to ``OUT/<split>/``: ``articles.jsonl`` (the archive's JSON Lines ingest
format, lines shuffled so copies often come before their originals) and ``truth.json``:

    {"articles": [{"url", "published", "story", "original", "kind", "retitled",
                   "boilerplate", "date_only"}, ...],
     "stories": {story id: {"first": url, "first_published", "decidable", "size"}},
     "stats": {...}}

An article is known by its URL and its day (five releases share a URL with another
release of another day). Public-domain texts, but generated: written under ``var/``,
never committed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import lzma
import random
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.copies import kinds
from bench.corpus import from_state

ROOT = Path(__file__).resolve().parents[2]
RELEASES = (
    ROOT.parent
    / "shared/data/state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz"
)
SEED = 20
SPLITS = ("dev", "test")
SAMPLE_SHARE = 0.25
DATE_ONLY_SHARE = 0.07  # drawn for 7% of the copies; ~5% can be (the days must agree)
RETITLED_SHARE = 0.35
KIND_WEIGHTS = {"boilerplate": 0.35, "truncated": 0.3, "edited": 0.35}
DELAY = (dt.timedelta(hours=1), dt.timedelta(days=4))


def load_releases(path: Path = RELEASES) -> list[dict]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def split_ids(ids: list[str], seed: int = SEED) -> dict[str, list[str]]:
    """The ids in two halves by a seeded shuffle: ``{"dev": [...], "test": [...]}``."""
    shuffled = sorted(ids)
    random.Random(f"split:{seed}").shuffle(shuffled)
    half = (len(shuffled) + 1) // 2
    return {"dev": shuffled[:half], "test": shuffled[half:]}


def original(release: dict) -> dict:
    """A release as the archive ingests it (title, text, url, source, published, creator)."""
    record = from_state(release)
    if record is None:
        raise ValueError(f"release {release['id']} has no text")
    return record


def copy_of(release: dict, outlet: kinds.Outlet, rng: random.Random) -> tuple[dict, dict]:
    """One outlet's copy of a release: its ingest record and its line of truth."""
    first = dt.datetime.fromisoformat(release["published"])
    moment, date_only = _moment(first, ZoneInfo(outlet.zone), rng)
    day = moment.date()
    kind, text = _text(release["text"], rng, outlet=outlet, day=day, weekday=f"{first:%A}")
    boilerplate = kind == "boilerplate" or rng.random() < 0.5
    if kind != "boilerplate" and boilerplate:
        text = kinds.with_boilerplate(text, outlet=outlet, day=day, rng=rng)
    retitled = rng.random() < RETITLED_SHARE
    title = (
        kinds.retitle(release["title"], rng, text=release["text"]) if retitled else release["title"]
    )
    url = kinds.copy_url(outlet, title, day, f"{rng.getrandbits(32):08x}")
    published = day.isoformat() if date_only else moment.isoformat()
    record = {
        "title": title,
        "text": text,
        "url": url,
        "source": outlet.name,
        "published": published,
    }
    truth = {
        "url": url,
        "published": published,
        "story": release["id"],
        "original": False,
        "kind": kind,
        "retitled": retitled,
        "boilerplate": boilerplate,
        "date_only": date_only,
    }
    return record, truth


def _moment(first: dt.datetime, zone: ZoneInfo, rng: random.Random) -> tuple[dt.datetime, bool]:
    """When the copy came out, on the outlet's clock, and whether it gives its date only.

    A date-only copy is the original's own day both where the original was published
    and at the outlet, and truly later that day: which came first is undecidable, by
    any reading of the date. Too late in the day for that, the copy has a time.
    """
    local = first.astimezone(zone)
    if rng.random() < DATE_ONLY_SHARE and local.date() == first.date():
        midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), zone)
        # Subtracted in UTC: aware times of one zone subtract by their wall clocks.
        room = int((midnight.astimezone(dt.UTC) - first).total_seconds()) - 1
        low = int(DELAY[0].total_seconds())
        if room > low:
            later = first + dt.timedelta(seconds=rng.randint(low, room))
            return later.astimezone(zone).replace(microsecond=0), True
    return (first + _delay(rng)).astimezone(zone).replace(microsecond=0), False


def _delay(rng: random.Random) -> dt.timedelta:
    """Log-uniform within ``DELAY``: most copies within hours, some days later."""
    low, high = (d.total_seconds() for d in DELAY)
    return dt.timedelta(seconds=round(low * (high / low) ** rng.random()))


def _text(
    text: str, rng: random.Random, *, outlet: kinds.Outlet, day: dt.date, weekday: str
) -> tuple[str, str]:
    """A kind drawn by ``KIND_WEIGHTS`` (another if a text is too short to cut) and the
    copy's text."""
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    if kind == "truncated":
        cut = kinds.truncate(text, rng)
        if cut is not None:
            return kind, cut
        kind = rng.choice(("boilerplate", "edited"))
    if kind == "edited":
        return kind, kinds.edit(text, rng, outlet=outlet, weekday=weekday)
    return kind, kinds.with_boilerplate(text, outlet=outlet, day=day, rng=rng)


def original_truth(release: dict) -> dict:
    return {
        "url": release["url"] or release["id"],
        "published": release["published"],
        "story": release["id"],
        "original": True,
        "kind": "original",
        "retitled": False,
        "boilerplate": False,
        "date_only": False,
    }


def make_set(releases: list[dict], *, seed: int = SEED, name: str = "set") -> tuple[list, dict]:
    """The ingest records (shuffled) and the truth for one set of releases."""
    rng = random.Random(f"{name}:{seed}")
    releases = sorted(releases, key=lambda r: r["id"])
    records = [original(r) for r in releases]
    truths = [original_truth(r) for r in releases]
    sampled = rng.sample(releases, round(len(releases) * SAMPLE_SHARE))
    for release in sorted(sampled, key=lambda r: r["id"]):
        for outlet in rng.sample(kinds.OUTLETS, rng.randint(1, 3)):
            record, truth = copy_of(release, outlet, rng)
            records.append(record)
            truths.append(truth)
    order = list(range(len(records)))
    rng.shuffle(order)
    truth = {"seed": seed, "split": name, "articles": truths, "stories": stories(truths)}
    truth["stats"] = stats(truth)
    return [records[i] for i in order], truth


def stories(articles: list[dict]) -> dict[str, dict]:
    """Each story's first publisher (its original) and whether that is decidable: not
    when a copy gives only a date, the original's own day."""
    found: dict[str, dict] = {}
    for article in articles:
        story = found.setdefault(article["story"], {"size": 0, "decidable": True})
        story["size"] += 1
        if article["original"]:
            story["first"] = article["url"]
            story["first_published"] = article["published"]
        if article["date_only"]:
            story["decidable"] = False
    return found


def stats(truth: dict) -> dict:
    """Articles, stories with copies, copies by kind and other traits."""
    copies = [a for a in truth["articles"] if not a["original"]]
    by_kind = Counter(a["kind"] for a in copies)
    return {
        "articles": len(truth["articles"]),
        "originals": len(truth["articles"]) - len(copies),
        "stories_with_copies": sum(1 for s in truth["stories"].values() if s["size"] > 1),
        "copies": len(copies),
        "copies_by_kind": dict(sorted(by_kind.items())),
        "retitled": sum(a["retitled"] for a in copies),
        "boilerplate_added": sum(a["boilerplate"] for a in copies),
        "date_only": sum(a["date_only"] for a in copies),
        "undecidable_stories": sum(not s["decidable"] for s in truth["stories"].values()),
        "local_clock_before_original": _clock_traps(truth),
    }


def _clock_traps(truth: dict) -> int:
    """Copies whose local clock reads earlier than their original's though they came
    later: ordering by the written time, zones ignored, gets these wrong."""
    firsts = {sid: s["first_published"] for sid, s in truth["stories"].items()}
    return sum(
        1
        for a in truth["articles"]
        if not a["original"] and not a["date_only"] and a["published"] < firsts[a["story"]]
    )


def write_set(records: list[dict], truth: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (folder / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.copies.make_set")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "copies")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--split", choices=SPLITS, help="one set only (default: both)")
    parser.add_argument("--releases", type=Path, default=RELEASES)
    args = parser.parse_args(argv)
    releases = load_releases(args.releases)
    by_id = {r["id"]: r for r in releases}
    halves = split_ids(list(by_id), args.seed)
    for name in [args.split] if args.split else SPLITS:
        records, truth = make_set([by_id[i] for i in halves[name]], seed=args.seed, name=name)
        write_set(records, truth, args.out / name)
        print(f"{name}: {args.out / name}")
        print(json.dumps(truth["stats"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How well the archive records who met whom (issue 19), on the State Department releases.

    nice .venv/bin/python -m bench.interactions.evaluate [--out DIR] [--seed N]

Builds a throwaway archive (as ``eval_seeds`` does), ingests the 1,803 releases and
measures:

1. Readout titles: each release titled "<someone>'s Call/Meeting with <counterpart>"
   announces one encounter; it is found when a record sourced from that release has
   the kind, a participant with the counterpart's surname, and the day the release
   gives ("yesterday" in the first paragraph naming the counterpart: the day before;
   else its own day).
2. Duplicates: records of one kind with the same participants dated within a day of
   each other (one encounter filed twice).
3. history.state.gov's record of the Secretary's trips in the same period: for each
   trip, is a visit of the Secretary to that country recorded within its dates, and
   for each person it says he "met with", a meeting with that surname; a miss is
   "not in the releases" when no release of those days names the surname, else
   "extraction missed it".
4. A seeded sample of ``--sample`` records, written to ``DIR/sample.tsv`` to be
   hand-checked (column ``verdict``: ok / wrong); ``--judgements TSV`` summarises one.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import random
import re
import sys
import unicodedata
from collections import defaultdict
from io import StringIO
from pathlib import Path

from bench.judgements import precision

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
RELEASES = SHARED / "state-dept-press-releases/state_dept_press_releases_2021-05_2022-06.jsonl.xz"
TRAVELS = SHARED / "hsg-travels/travels_to_2022-06-30.jsonl"
PERIOD = (dt.date(2021, 5, 20), dt.date(2022, 6, 30))
TITLE_RE = re.compile(
    r"^(?P<who>.+?)['’]s? (?:(?:Phone|Video|Virtual|Telephone) )?(?P<kind>Call|Meeting)s? "
    r"[Ww]ith (?P<with>.+)$"
)
FIELDS = ["id", "kind", "status", "date", "participants", "place", "sentence", "verdict", "note"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.interactions.evaluate")
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "interactions")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--sample", type=int, default=100)
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

    from archive.management.commands.eval_seeds import _throwaway_archive

    args.out.mkdir(parents=True, exist_ok=True)
    with _throwaway_archive():
        print("ingesting the releases …", file=sys.stderr, flush=True)
        call_command("ingest", str(RELEASES), verbosity=0, stdout=StringIO(), stderr=StringIO())
        report = {
            "titles": _titles(),
            "duplicates": _duplicates(),
            "travels": _travels(),
            "records": _count(),
        }
        _write_sample(args.out / "sample.tsv", args.seed, args.sample)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=2, default=str))
    print(f"sample and report in {args.out}")
    return 0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# A title's counterpart that is a group, not one person or body.
_GROUP_RE = re.compile(
    r"(?:Representatives|Officials|Counterparts|Ministers|Leaders|Members|Families|Abroad"
    r"|Groups|Partners|Activists|Workers|Agencies|Delegation|Society|Staff)\b"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", _fold(text))


def _surname(text: str) -> str:
    """The counterpart's surname: the title's last word, before "of <a place>"
    ("Foreign Minister Bourita of Morocco")."""
    from archive.models import Place

    text = text.removesuffix(", Jr.")
    head, of, tail = text.rpartition(" of ")
    if of and Place.objects.filter(name=tail.removeprefix("the ")).exists():
        text = head
    words = _words(text)
    return words[-1] if words else ""


def _titles() -> dict:
    from archive.models import Article, Interaction

    total = groups = found = right_day = 0
    misses = []
    for article in Article.objects.only("pk", "title", "body", "published"):
        m = TITLE_RE.match(article.title)
        if m is None or article.published is None:
            continue
        if _GROUP_RE.search(m["with"]):
            groups += 1  # "Meeting with African Foreign Ministers": no one counterpart
            continue
        total += 1
        kind, surname = m["kind"].lower(), _surname(m["with"])
        # The readout's paragraph: the first to name the counterpart (the first of
        # all is often a header, "Office of the Spokesperson").
        paragraphs = article.body.split("\n\n")
        first = next((p for p in paragraphs if surname in _words(p)), paragraphs[0])
        day = article.published - dt.timedelta(days=1 if "yesterday" in first else 0)
        hits = [
            record
            for record in Interaction.objects.filter(sources__article=article, kind=kind)
            .prefetch_related("participants__person", "participants__organisation")
            .distinct()
            if any(surname in _words(p.entity.name) for p in record.participants.all())
        ]
        if hits:
            found += 1
            right_day += any(r.date == day for r in hits)
        else:
            misses.append(article.title)
    return {
        "titles_with_a_group_left_out": groups,
        "titles": total,
        "found": found,
        "found_share": round(found / max(1, total), 3),
        "right_day": right_day,
        "right_day_share": round(right_day / max(1, total), 3),
        "missed_examples": misses[:25],
    }


def _duplicates() -> dict:
    from archive.models import Interaction

    groups = defaultdict(list)
    for record in Interaction.objects.exclude(kind="visit").prefetch_related("participants"):
        who = frozenset((p.person_id, p.organisation_id) for p in record.participants.all())
        groups[(record.kind, who)].append(record.date)
    pairs = 0
    for dates in groups.values():
        known = sorted(d for d in dates if d)
        pairs += sum(1 for a, b in itertools.pairwise(known) if (b - a).days <= 1)
    return {"groups": len(groups), "records_within_a_day_of_another": pairs}


def _travels() -> dict:
    from django.db.models import Q

    from archive.models import Article, Interaction

    trips = [json.loads(line) for line in TRAVELS.read_text(encoding="utf-8").splitlines()]
    trips = [
        t
        for t in trips
        if t["who"] == "blinken-antony-j"
        and PERIOD[0] <= dt.date.fromisoformat(t["start"]) <= PERIOD[1]
    ]
    visits = met = met_total = 0
    causes = defaultdict(int)
    for trip in trips:
        start, end = dt.date.fromisoformat(trip["start"]), dt.date.fromisoformat(trip["end"])
        window = (start - dt.timedelta(days=3), end + dt.timedelta(days=3))
        blinken = Q(participants__person__name__contains="Blinken")
        visit = Interaction.objects.filter(
            blinken,
            Q(place__name=trip["country"]) | Q(place__country__name=trip["country"]),
            kind="visit",
        ).filter(Q(date__range=window) | Q(date__isnull=True))
        visits += visit.exists()
        for surname in _met_with(trip.get("remarks", "")):
            met_total += 1
            meetings = Interaction.objects.filter(blinken, date__range=window).exclude(kind="visit")
            if any(
                surname in _words(p.entity.name)
                for r in meetings.prefetch_related("participants__person")
                for p in r.participants.all()
                if p.person_id
            ):
                met += 1
            elif not Article.objects.filter(
                published__range=window, body__icontains=surname
            ).exists():
                causes["not in the releases"] += 1
            else:
                causes["extraction missed it"] += 1
    return {
        "trips": len(trips),
        "visits_found": visits,
        "met_with_named": met_total,
        "met_with_found": met,
        "misses_by_cause": dict(causes),
    }


_MET_RE = re.compile(r"Met with ([^.;]+)")


def _met_with(remarks: str) -> list[str]:
    """Surnames of the people a trip's remarks say the Secretary met."""
    names = []
    for m in _MET_RE.finditer(remarks):
        for part in re.split(r",| and ", m.group(1)):
            words = [w for w in part.split() if w[:1].isupper()]
            if len(words) >= 2 and not part.strip().startswith(("senior", "members")):
                names.append(_fold(words[-1]))
    return names


def _count() -> dict:
    from django.db.models import Count

    from archive.models import Interaction

    return dict(Interaction.objects.values_list("kind").annotate(n=Count("pk")))


def _write_sample(path: Path, seed: int, size: int) -> None:
    from archive.models import Interaction

    ids = list(Interaction.objects.order_by("pk").values_list("pk", flat=True))
    picked = sorted(random.Random(seed).sample(ids, min(size, len(ids))))
    records = Interaction.objects.filter(pk__in=picked).prefetch_related(
        "participants__person", "participants__organisation", "sources__article"
    )
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, FIELDS, delimiter="\t")
        writer.writeheader()
        for record in records.select_related("place").order_by("pk"):
            # Every source, oldest first: a later readout is what makes a planned meeting held.
            sources = sorted(record.sources.all(), key=lambda s: (s.article.published, s.pk))
            writer.writerow(
                {
                    "id": record.pk,
                    "kind": record.kind,
                    "status": record.status,
                    "date": record.date,
                    "participants": "; ".join(p.entity.name for p in record.participants.all()),
                    "place": record.place.name if record.place else "",
                    "sentence": " ‖ ".join(
                        f"{s.article.published} {s.article.title} | {s.sentence[:400]}"
                        for s in sources
                    )[:1500],
                    "verdict": "",
                    "note": "",
                }
            )


if __name__ == "__main__":
    raise SystemExit(main())

"""How well the archive groups wire copies and names their first publisher (issue 20).

    nice .venv/bin/python -m bench.copies.evaluate --set var/copies/dev [--out DIR]

Builds a throwaway archive (as ``bench.interactions.evaluate`` does), ingests the set's
``articles.jsonl`` with the real ``ingest`` command, reads the copy groups back and
scores them against the set's ``truth.json`` (``bench.copies.make_set``):

1. Pairwise precision and recall over the pairs of articles grouped together (truth:
   the same story); precision also without the pairs of two real releases, which may
   be real re-publications (they are listed for hand-checking, not counted as errors
   there). Recall by kind of copy (boilerplate / truncated / edited / retitled).
2. First publisher: of the stories with copies whose first publisher is decidable, the
   share whose group names the original without doubt; of the undecidable ones, how
   many groups say there is doubt (right) or name one without doubt (wrong, or missed:
   the copy with a date only is not in the group). ``DIR/first.tsv``: the stories not
   right.
3. ``DIR/pairs.tsv``: every false and missed pair, with both titles and URLs.

A set without ``truth.json`` (the Reuters-21578 check, ``bench.copies.reuters``) gets
its groups counted and written to ``DIR/groups.tsv`` for hand-checking. ``DIR``
defaults to ``SET/evaluation``; ``report.json`` there holds the numbers.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sys
from collections import Counter, defaultdict
from io import StringIO
from pathlib import Path

KINDS = ("boilerplate", "truncated", "edited", "retitled")
PAIR_FIELDS = [
    "error",
    "kinds",
    "title_a",
    "url_a",
    "published_a",
    "title_b",
    "url_b",
    "published_b",
]
FIRST_FIELDS = ["verdict", "story", "first", "first_published", "named", "named_day", "doubt"]


def key(url: str, published: str | None) -> tuple[str, str]:
    """An article's name in a set: its URL and its day (some URLs name two releases)."""
    return (url, (published or "")[:10])


# ---- reading the archive ------------------------------------------------------------


def read_archive() -> tuple[list[dict], dict[int, dict]]:
    """Every stored article (key, title, source, group) and every group (first, doubt)."""
    from archive.models import Article, CopyGroup

    rows = Article.objects.order_by("pk").values(
        "pk", "url", "published", "title", "source__name", "copy_group_id"
    )
    keys = {
        r["pk"]: key(r["url"], r["published"].isoformat() if r["published"] else "") for r in rows
    }
    articles = [
        {
            "key": keys[r["pk"]],
            "title": r["title"],
            "source": r["source__name"] or "",
            "group": r["copy_group_id"],
        }
        for r in rows
    ]
    groups = {
        g["pk"]: {"first": keys.get(g["first_id"]), "doubt": g["doubt"]}
        for g in CopyGroup.objects.values("pk", "first_id", "doubt")
    }
    return articles, groups


# ---- scoring (pure) -----------------------------------------------------------------


def pairs(members: dict[object, list]) -> set[tuple]:
    """The unordered pairs of items that share a label: ``{label: [item, ...]}``."""
    return {
        tuple(sorted(pair))
        for items in members.values()
        for pair in itertools.combinations(set(items), 2)
    }


def grouped(articles: list[dict]) -> dict[int, list]:
    members = defaultdict(list)
    for article in articles:
        if article["group"] is not None:
            members[article["group"]].append(article["key"])
    return dict(members)


def kinds_of(pair: tuple, truth: dict[tuple, dict]) -> list[str]:
    """The kinds of copy a pair involves (``original`` for two real releases)."""
    found = set()
    for side in pair:
        entry = truth.get(side)
        if entry and not entry["original"]:
            found.add(entry["kind"])
            if entry["retitled"]:
                found.add("retitled")
    return sorted(found) or ["original"]


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score_pairs(articles: list[dict], truth: dict) -> dict:
    """Pairwise precision and recall, recall by kind, and the false and missed pairs."""
    by_key = {key(a["url"], a["published"]): a for a in truth["articles"]}
    found = pairs(grouped(articles))
    stories = defaultdict(list)
    for article in truth["articles"]:
        stories[article["story"]].append(key(article["url"], article["published"]))
    true = pairs(stories)
    right = found & true
    false = found - true
    both_real = {p for p in false if all(by_key.get(side, {}).get("original") for side in p)}
    # Two stories whose originals are grouped: their copies' pairs follow from that.
    linked = {frozenset(by_key[side]["story"] for side in p) for p in both_real}
    via_real = {
        p
        for p in false - both_real
        if frozenset(by_key.get(side, {}).get("story") for side in p) in linked
    }
    missed = true - found
    totals, hits = Counter(), Counter()
    for pair in true:
        for kind in kinds_of(pair, by_key):
            totals[kind] += 1
            hits[kind] += pair in found
    return {
        "pairs_found": len(found),
        "pairs_true": len(true),
        "pairs_right": len(right),
        "precision": ratio(len(right), len(found)),
        "precision_without_real_pairs": ratio(
            len(right), len(found) - len(both_real) - len(via_real)
        ),
        "recall": ratio(len(right), len(true)),
        "recall_by_kind": {
            kind: {"pairs": totals[kind], "found": hits[kind], "recall": ratio(hits[kind], n)}
            for kind in KINDS
            if (n := totals[kind])
        },
        "false": sorted(false - both_real - via_real),
        "both_real": sorted(both_real),
        "via_real": sorted(via_real),
        "missed": sorted(missed),
    }


def first_publishers(articles: list[dict], groups: dict[int, dict], truth: dict) -> dict:
    """Per story with copies: does its original's group name it first, without doubt
    when decidable, with doubt when not? The counts, and a row per story not right."""
    group_of = {a["key"]: a["group"] for a in articles}
    # A story's articles, and its copies that make it undecidable (a date only).
    members, dateless = defaultdict(set), defaultdict(set)
    for article in truth["articles"]:
        name = key(article["url"], article["published"])
        members[article["story"]].add(name)
        if article["date_only"]:
            dateless[article["story"]].add(name)
    decidable, undecidable = Counter(), Counter()
    rows = []
    for story, info in sorted(truth["stories"].items()):
        if info["size"] < 2:
            continue
        first = key(info["first"], info["first_published"])
        group_id = group_of.get(first)
        together = group_id is not None and any(
            group_of.get(other) == group_id for other in members[story] - {first}
        )
        group = groups.get(group_id) if together else None
        verdict = _verdict(first, group, info["decidable"])
        if verdict == "no doubt (wrong)" and any(
            group_of.get(k) != group_id for k in dateless[story]
        ):
            verdict = "no doubt (its date-only copy not grouped)"
        (decidable if info["decidable"] else undecidable)[verdict] += 1
        if verdict not in ("right", "doubt (right)"):
            named = (group or {}).get("first") or ("", "")
            rows.append(
                {
                    "verdict": verdict,
                    "story": story,
                    "first": info["first"],
                    "first_published": info["first_published"],
                    "named": named[0],
                    "named_day": named[1],
                    "doubt": (group or {}).get("doubt", ""),
                }
            )
    return {
        "decidable": dict(decidable),
        "decidable_right_share": ratio(decidable["right"], sum(decidable.values())),
        "undecidable": dict(undecidable),
        "not_right": rows,
    }


def _verdict(first: tuple, group: dict | None, decidable: bool) -> str:
    if group is None:
        return "not grouped"
    if not decidable:
        return "doubt (right)" if group["doubt"] else "no doubt (wrong)"
    if group["first"] is None:
        return "no first"
    if group["first"] != first:
        return "another first" + (" (with doubt)" if group["doubt"] else "")
    return "doubt where certain" if group["doubt"] else "right"


def pair_rows(scores: dict, articles: list[dict], truth: dict) -> list[dict]:
    """One row per false, both-real and missed pair, for ``pairs.tsv``."""
    titles = {a["key"]: a["title"] for a in articles}
    by_key = {key(a["url"], a["published"]): a for a in truth["articles"]}
    rows = []
    names = (("false", "false"), ("both real", "both_real"), ("via real", "via_real"))
    for error, name in (*names, ("missed", "missed")):
        for a, b in scores[name]:
            rows.append(
                {
                    "error": error,
                    "kinds": "+".join(kinds_of((a, b), by_key)),
                    "title_a": titles.get(a, "(not stored)"),
                    "url_a": a[0],
                    "published_a": by_key.get(a, {}).get("published", a[1]),
                    "title_b": titles.get(b, "(not stored)"),
                    "url_b": b[0],
                    "published_b": by_key.get(b, {}).get("published", b[1]),
                }
            )
    return rows


def group_summary(articles: list[dict], groups: dict[int, dict]) -> dict:
    """Counts for a set without truth: groups, grouped articles, sizes, doubts."""
    members = grouped(articles)
    sizes = Counter(len(keys) for keys in members.values())
    return {
        "articles": len(articles),
        "groups": len(members),
        "grouped_articles": sum(len(keys) for keys in members.values()),
        "pairs": len(pairs(members)),
        "group_sizes": dict(sorted(sizes.items())),
        "doubt": dict(Counter(groups[g]["doubt"] or "certain" for g in members if g in groups)),
    }


# ---- running ------------------------------------------------------------------------


def evaluate(set_dir: Path, out: Path) -> dict:
    """Ingest the set into a throwaway archive, score it, write the TSVs; the report."""
    articles, groups = ingest_and_read(set_dir / "articles.jsonl")
    truth_path = set_dir / "truth.json"
    if not truth_path.exists():
        write_groups(out / "groups.tsv", articles, groups)
        return group_summary(articles, groups)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    scores = score_pairs(articles, truth)
    write_tsv(out / "pairs.tsv", PAIR_FIELDS, pair_rows(scores, articles, truth))
    first = first_publishers(articles, groups, truth)
    write_tsv(out / "first.tsv", FIRST_FIELDS, first.pop("not_right"))
    stored = {a["key"] for a in articles}
    expected = {key(a["url"], a["published"]) for a in truth["articles"]}
    titles = {a["key"]: a["title"] for a in articles}
    return {
        "set": truth.get("stats", {}),
        "stored": len(stored & expected),
        "not_stored": sorted(expected - stored),
        "not_in_truth": len(stored - expected),
        **group_summary(articles, groups),
        **{
            k: v for k, v in scores.items() if k not in ("false", "both_real", "via_real", "missed")
        },
        "pairs_false": len(scores["false"]),
        "pairs_via_real": len(scores["via_real"]),
        "pairs_missed": len(scores["missed"]),
        "first_publisher": first,
        "both_real_pairs": [
            [f"{titles.get(a)} <{a[0]}> {a[1]}", f"{titles.get(b)} <{b[0]}> {b[1]}"]
            for a, b in scores["both_real"]
        ],
    }


def ingest_and_read(path: Path) -> tuple[list[dict], dict[int, dict]]:
    os.environ.setdefault("SEARCH_INDEX_IN_BACKGROUND", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.core.management import CommandError, call_command

    from archive.management.commands.eval_seeds import _throwaway_archive

    with _throwaway_archive():
        print(f"ingesting {path} …", file=sys.stderr, flush=True)
        errors, output = StringIO(), StringIO()
        try:
            call_command("ingest", str(path), verbosity=0, stdout=output, stderr=errors)
        except CommandError as error:
            # Some records failed (they are named in ``errors``): the others are
            # stored and grouped, and are read all the same.
            print(f"{output.getvalue().strip()}\n{error}", file=sys.stderr)
        if errors.getvalue().strip():
            print(errors.getvalue().strip()[:2000], file=sys.stderr)
        return read_archive()


def write_tsv(path: Path, fields: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fields, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)


def write_groups(path: Path, articles: list[dict], groups: dict[int, dict]) -> None:
    rows = [
        {
            "group": a["group"],
            "first": "yes" if groups.get(a["group"], {}).get("first") == a["key"] else "",
            "doubt": groups.get(a["group"], {}).get("doubt", ""),
            "published": a["key"][1],
            "source": a["source"],
            "title": a["title"],
            "url": a["key"][0],
        }
        for a in sorted(articles, key=lambda a: (a["group"] or 0, a["key"][1]))
        if a["group"] is not None
    ]
    write_tsv(path, ["group", "first", "doubt", "published", "source", "title", "url"], rows)


def summary(report: dict) -> str:
    """The report in a few lines."""
    if "recall" not in report:
        return json.dumps(report, indent=2)
    lines = [
        f"articles stored {report['stored']} (not stored {len(report['not_stored'])}), "
        f"groups {report['groups']}, grouped articles {report['grouped_articles']}",
        f"pairs: found {report['pairs_found']}, true {report['pairs_true']}, "
        f"right {report['pairs_right']}, false {report['pairs_false']} "
        f"(+{len(report['both_real_pairs'])} of two real releases, "
        f"+{report['pairs_via_real']} between their copies), "
        f"missed {report['pairs_missed']}",
        f"precision {_show(report['precision'])} "
        f"(without real pairs {_show(report['precision_without_real_pairs'])}), "
        f"recall {_show(report['recall'])}",
    ]
    for kind, row in report["recall_by_kind"].items():
        lines.append(f"  recall {kind:<12}{_show(row['recall'])}  ({row['found']}/{row['pairs']})")
    first = report["first_publisher"]
    lines.append(
        f"first publisher, decidable: right {_show(first['decidable_right_share'])} "
        f"{first['decidable']}"
    )
    lines.append(f"first publisher, undecidable: {first['undecidable']}")
    for a, b in report["both_real_pairs"]:
        lines.append(f"  real pair to check: {a}\n                      {b}")
    return "\n".join(lines)


def _show(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.copies.evaluate")
    parser.add_argument("--set", type=Path, required=True, dest="set_dir", metavar="DIR")
    parser.add_argument("--out", type=Path, help="default: SET/evaluation")
    args = parser.parse_args(argv)
    out = args.out or args.set_dir / "evaluation"
    out.mkdir(parents=True, exist_ok=True)
    report = evaluate(args.set_dir, out)
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(summary(report))
    print(f"report in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

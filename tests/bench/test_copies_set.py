"""The wire-copies test set (bench/copies): its copies, its truth and its scoring, on
hand-made texts. No database; the last test reads the shared releases when present."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from archive.ingest.jsonl import record_from_object
from bench.copies import evaluate, kinds, make_set, reuters

OUTLET = kinds.OUTLETS[0]
DAY = dt.date(2022, 6, 3)


def _text(paragraphs: int = 6, words: int = 30) -> str:
    return "\n\n".join(
        " ".join(f"Paragraph{p} said word{w} today." for w in range(words // 4))
        for p in range(paragraphs)
    )


def _releases(count: int = 12, published: str = "2022-06-03T10:00:00+00:00") -> list[dict]:
    return [
        {
            "id": f"https://www.state.gov/?page_id={n}",
            "url": f"https://www.state.gov/release-{n}/",
            "title": f"Secretary Blinken’s Call with Foreign Minister Number{n}",
            "published": published,
            "creator": "Office of the Spokesperson",
            "text": f"Office of the Spokesperson\n\nRelease {n}.\n\n{_text()}",
        }
        for n in range(count)
    ]


# ---- kinds of copy --------------------------------------------------------------------


def test_truncation_keeps_the_first_paragraphs_and_fewer_than_all():
    text = _text(paragraphs=10)
    for seed in range(20):
        cut = kinds.truncate(text, random.Random(seed))
        kept = kinds.paragraphs(cut)
        assert kept == kinds.paragraphs(text)[: len(kept)]
        assert 2 <= len(kept) < 10
        assert kinds.words(cut) >= kinds.MIN_WORDS


def test_a_text_too_short_to_cut_is_not_truncated():
    assert (
        kinds.truncate("Office of the Spokesperson\n\nOne short paragraph.", random.Random(1))
        is None
    )
    assert kinds.truncate(_text(paragraphs=2), random.Random(1)) is None


def test_a_boilerplate_copy_contains_the_original_and_adds_to_it():
    text = _text()
    for seed in range(10):
        copy = kinds.with_boilerplate(text, outlet=OUTLET, day=DAY, rng=random.Random(seed))
        assert text in copy
        assert len(copy) > len(text)
    assert kinds.dateline(OUTLET, DAY) == "WASHINGTON, June 3 (Gulf Wire) -"


def test_an_edited_copy_drops_a_few_sentences_and_rewords_a_few_words():
    text = _text(paragraphs=6, words=40)
    copy = kinds.edit(text, random.Random(3), outlet=OUTLET, weekday="Friday")
    assert copy != text
    kept = set(copy.split()) & set(text.split())
    assert len(kept) >= 0.7 * len(set(text.split()))


def test_dropping_sentences_leaves_every_paragraph_and_most_sentences():
    text = _text(paragraphs=5, words=40)
    shorter = kinds.drop_sentences(text, random.Random(2))
    assert len(kinds.paragraphs(shorter)) == 5
    before = sum(len(kinds.sentences(p)) for p in kinds.paragraphs(text))
    after = sum(len(kinds.sentences(p)) for p in kinds.paragraphs(shorter))
    assert before * 0.8 <= after < before


def test_rewording_is_general_and_applied_throughout():
    text = "The Secretary of State said the United States will act. He said so today."
    reworded = kinds.reword(text, random.Random(0), weekday="Friday", most=len(kinds.REWORDINGS))
    assert reworded == (
        "The U.S. Secretary of State stated the U.S. will act. He stated so on Friday."
    )
    assert (
        kinds.reword("They met 3 times.", random.Random(0), weekday="") == "They met three times."
    )


def test_sentences_do_not_end_at_initials_or_abbreviations():
    assert kinds.sentences("Antony J. Blinken met the U.S. Ambassador. Then he left.") == [
        "Antony J. Blinken met the U.S. Ambassador.",
        "Then he left.",
    ]


def test_a_retitled_copy_has_another_title_that_keeps_names():
    title = "Secretary Blinken’s Call with Ukrainian Foreign Minister Kuleba"
    assert (
        kinds.sentence_case(title)
        == "Secretary Blinken’s call with Ukrainian foreign minister Kuleba"
    )
    for seed in range(10):
        new = kinds.retitle(title, random.Random(seed))
        assert new != title
        assert "Blinken’s" in new and "Kuleba" in new


def test_a_copy_url_is_on_the_outlets_site():
    url = kinds.copy_url(OUTLET, "Secretary Blinken’s Call", DAY, "00ff00ff")
    assert url == "https://gulfwire.example/2022/06/03/secretary-blinkens-call-00ff00ff"


# ---- sets and their truth -------------------------------------------------------------


def test_the_split_is_two_disjoint_halves_fixed_by_the_seed():
    ids = [f"id{n}" for n in range(11)]
    halves = make_set.split_ids(ids, 20)
    assert sorted(halves["dev"] + halves["test"]) == sorted(ids)
    assert (len(halves["dev"]), len(halves["test"])) == (6, 5)
    assert make_set.split_ids(list(reversed(ids)), 20) == halves
    assert make_set.split_ids(ids, 21) != halves


def test_the_same_seed_gives_the_same_set_and_another_seed_another():
    releases = _releases()
    assert make_set.make_set(releases, seed=20) == make_set.make_set(releases, seed=20)
    assert make_set.make_set(releases, seed=20) != make_set.make_set(releases, seed=21)


def test_a_set_holds_every_original_and_copies_of_a_quarter_by_other_outlets():
    releases = _releases(12)
    records, truth = make_set.make_set(releases, seed=20)
    originals = [a for a in truth["articles"] if a["original"]]
    copies = [a for a in truth["articles"] if not a["original"]]
    assert len(records) == len(truth["articles"]) == 12 + len(copies)
    assert {a["url"] for a in originals} == {r["url"] for r in releases}
    assert truth["stats"]["stories_with_copies"] == 3
    assert all(1 <= truth["stories"][a["story"]]["size"] - 1 <= 3 for a in copies)
    assert len({a["url"] for a in truth["articles"]}) == len(truth["articles"])
    sources = {r["url"]: r["source"] for r in records}
    assert all(sources[a["url"]] in {o.name for o in kinds.OUTLETS} for a in copies)


def test_the_truth_marks_the_original_first_and_every_copy_later():
    _, truth = make_set.make_set(_releases(), seed=5)
    for article in truth["articles"]:
        story = truth["stories"][article["story"]]
        first = dt.datetime.fromisoformat(story["first_published"])
        if article["original"]:
            assert story["first"] == article["url"]
        elif article["date_only"]:
            assert article["published"] == first.date().isoformat()
            assert not story["decidable"]
        else:
            later = dt.datetime.fromisoformat(article["published"]) - first
            assert make_set.DELAY[0] <= later <= make_set.DELAY[1]


def test_date_only_copies_fall_on_the_originals_day_and_make_it_undecidable(monkeypatch):
    monkeypatch.setattr(make_set, "DATE_ONLY_SHARE", 1.0)
    _, truth = make_set.make_set(_releases(), seed=20)
    copies = [a for a in truth["articles"] if not a["original"]]
    assert copies and all(a["date_only"] and a["published"] == "2022-06-03" for a in copies)
    with_copies = [s for s in truth["stories"].values() if s["size"] > 1]
    assert with_copies and not any(s["decidable"] for s in with_copies)


def test_a_copy_gives_its_date_only_where_that_is_the_originals_day_at_the_outlet_too(
    monkeypatch,
):
    monkeypatch.setattr(make_set, "DATE_ONLY_SHARE", 1.0)
    # 07:30 UTC on June 4: June 4 at every outlet, from Los Angeles eastwards.
    _, truth = make_set.make_set(_releases(published="2022-06-03T23:30:00-08:00"), seed=20)
    assert not any(a["date_only"] for a in truth["articles"])


def test_every_line_is_one_the_archive_ingests():
    records, truth = make_set.make_set(_releases(), seed=20)
    dates = {a["url"]: a for a in truth["articles"]}
    for line in records:
        record = record_from_object(json.loads(json.dumps(line)), source_file="articles.jsonl")
        assert (record.published_at is None) == dates[line["url"]]["date_only"]
        assert record.url == line["url"]


def test_lines_are_shuffled_so_copies_can_come_first():
    records, truth = make_set.make_set(_releases(40), seed=20)
    originals = {a["url"] for a in truth["articles"] if a["original"]}
    order = [r["url"] in originals for r in records]
    assert order != sorted(order, reverse=True)


# ---- scoring --------------------------------------------------------------------------


def _stored(records: list[dict], groups_by_story: bool, truth: dict) -> list[dict]:
    stories = {evaluate.key(a["url"], a["published"]): a["story"] for a in truth["articles"]}
    sizes = {sid: s["size"] for sid, s in truth["stories"].items()}
    stored = []
    for r in records:
        k = evaluate.key(r["url"], r["published"])
        story = stories[k]
        group = story if groups_by_story and sizes[story] > 1 else None
        stored.append({"key": k, "title": r["title"], "source": r["source"], "group": group})
    return stored


def test_an_archive_without_groups_has_undefined_precision_and_no_recall():
    records, truth = make_set.make_set(_releases(), seed=20)
    scores = evaluate.score_pairs(_stored(records, False, truth), truth)
    assert scores["precision"] is None
    assert scores["recall"] == 0
    assert scores["pairs_true"] == len(scores["missed"]) > 0
    first = evaluate.first_publishers(_stored(records, False, truth), {}, truth)
    verdicts = [*first["decidable"].items(), *first["undecidable"].items()]
    assert [verdict for verdict, _ in verdicts] in (["not grouped"], ["not grouped"] * 2)
    assert sum(count for _, count in verdicts) == 3


def test_the_true_groups_score_perfectly():
    records, truth = make_set.make_set(_releases(), seed=20)
    stored = _stored(records, True, truth)
    groups = {
        sid: {"first": evaluate.key(s["first"], s["first_published"]), "doubt": ""}
        for sid, s in truth["stories"].items()
    }
    scores = evaluate.score_pairs(stored, truth)
    assert (scores["precision"], scores["recall"]) == (1.0, 1.0)
    assert all(row["recall"] == 1.0 for row in scores["recall_by_kind"].values())
    assert evaluate.first_publishers(stored, groups, truth)["decidable_right_share"] == 1.0


def test_two_real_releases_grouped_are_set_apart_with_their_copies_pairs():
    truth = {
        "articles": [
            {
                "url": u,
                "published": "2022-06-03",
                "story": s,
                "original": o,
                "kind": k,
                "retitled": False,
            }
            for u, s, o, k in [
                ("https://a/1", "A", True, "original"),
                ("https://b/1", "B", True, "original"),
                ("https://a/2", "A", False, "boilerplate"),
            ]
        ]
    }
    stored = [
        {"key": (a["url"], "2022-06-03"), "title": a["url"], "source": "", "group": 1}
        for a in truth["articles"]
    ]
    scores = evaluate.score_pairs(stored, truth)
    assert scores["both_real"] == [(("https://a/1", "2022-06-03"), ("https://b/1", "2022-06-03"))]
    assert len(scores["via_real"]) == 1 and scores["false"] == []
    assert scores["precision"] == round(1 / 3, 4)
    assert scores["precision_without_real_pairs"] == 1.0


def test_the_first_publisher_verdicts():
    first = ("https://a/1", "2022-06-03")
    assert evaluate._verdict(first, {"first": first, "doubt": ""}, True) == "right"
    assert evaluate._verdict(first, {"first": first, "doubt": "tie"}, True) == "doubt where certain"
    assert evaluate._verdict(first, {"first": ("x", ""), "doubt": ""}, True) == "another first"
    assert evaluate._verdict(first, {"first": first, "doubt": "unknown"}, False) == "doubt (right)"
    assert evaluate._verdict(first, {"first": first, "doubt": ""}, False) == "no doubt (wrong)"
    assert evaluate._verdict(first, None, True) == "not grouped"


# ---- Reuters-21578 --------------------------------------------------------------------


def test_reuters_paragraphs_are_unwrapped_and_the_sign_off_dropped():
    body = "Showers continued\nthroughout the week.\n    The dry period\nmeans a delay.\n Reuter\n"
    assert reuters.paragraphs(body) == [
        "Showers continued throughout the week.",
        "The dry period means a delay.",
    ]
    record = reuters.article(
        {
            "newid": 7,
            "title": "COCOA",
            "dateline": "SALVADOR, Feb 26 -",
            "body": body,
            "date": "1987-02-26T15:01:01",
        }
    )
    assert record["text"].startswith("SALVADOR, Feb 26 - Showers continued")
    assert record["url"] == "https://bench.invalid/reuters21578/7"
    assert reuters.article({"newid": 8, "title": "BRIEF", "body": ""}) is None


@pytest.mark.skipif(not make_set.RELEASES.exists(), reason="the shared State Department releases")
def test_the_real_sets_split_the_releases_in_halves():
    releases = make_set.load_releases()
    halves = make_set.split_ids([r["id"] for r in releases])
    assert (len(halves["dev"]), len(halves["test"])) == (902, 901)
    by_id = {r["id"]: r for r in releases}
    _, truth = make_set.make_set([by_id[i] for i in halves["dev"]], name="dev")
    assert truth["stats"]["originals"] == 902
    assert truth["stats"]["stories_with_copies"] == round(902 * make_set.SAMPLE_SHARE)


def test_an_undecidable_story_whose_date_only_copy_is_missed_is_told_apart():
    rows = [
        ("https://a/1", "2022-06-03T10:00:00+00:00", True, False),
        ("https://b/1", "2022-06-04T10:00:00+00:00", False, False),
        ("https://c/1", "2022-06-03", False, True),
    ]
    truth = {
        "articles": [
            {"url": u, "published": p, "story": "A", "original": o, "date_only": d}
            for u, p, o, d in rows
        ],
        "stories": {
            "A": {
                "size": 3,
                "first": "https://a/1",
                "first_published": "2022-06-03T10:00:00+00:00",
                "decidable": False,
            }
        },
    }
    first = evaluate.key("https://a/1", "2022-06-03")
    groups = {1: {"first": first, "doubt": ""}}

    def verdicts(grouped: set[str]) -> dict:
        stored = [
            {
                "key": evaluate.key(u, p),
                "title": "",
                "source": "",
                "group": 1 if u in grouped else None,
            }
            for u, p, _, _ in rows
        ]
        return evaluate.first_publishers(stored, groups, truth)["undecidable"]

    assert verdicts({"https://a/1", "https://b/1"}) == {
        "no doubt (its date-only copy not grouped)": 1
    }
    assert verdicts({"https://a/1", "https://b/1", "https://c/1"}) == {"no doubt (wrong)": 1}

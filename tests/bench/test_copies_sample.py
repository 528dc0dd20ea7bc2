"""The seeded sample of copy groups to hand-check (bench/copies/sample). No database."""

from __future__ import annotations

import json

from bench.copies import sample


def _groups_tsv(path, groups: int = 12) -> None:
    lines = ["group\tfirst\tdoubt\tpublished\tsource\ttitle\turl"]
    for number in range(1, groups + 1):
        for member in range(2):
            first = "yes" if member == 0 else ""
            url = f"https://bench.invalid/{number}/{member}"
            lines.append(
                f"{number}\t{first}\t\t1987-03-0{member + 1}\tReuters\tTitle {number}\t{url}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_pick_is_seeded_sorted_and_never_more_than_there_are():
    groups = {n: [] for n in range(100)}
    picked = sample.pick(groups, 30, 20)
    assert picked == sample.pick(groups, 30, 20) == sorted(picked)
    assert len(set(picked)) == 30
    assert picked != sample.pick(groups, 30, 21)
    assert sample.pick({1: [], 2: []}, 30, 20) == [1, 2]


def test_titles_are_shortened():
    long = "GRAIN PRICES " * 10
    assert len(sample.short(long)) <= sample.TITLE_CHARS
    assert sample.short(long).endswith("…")
    assert sample.titles([{"title": "A"}, {"title": "B"}]) == "A | B"


def test_pairwise_similarity_of_a_copy_and_another_story():
    text = " ".join(f"word{n}" for n in range(40))
    found = sample.pairwise([text, text + " more words here now", "other words entirely here"])
    assert found[(0, 1)].contained == 1.0
    assert found[(0, 2)].jaccard == 0.0


def test_main_writes_the_texts_to_read_and_a_blank_judgement_per_group(tmp_path):
    _groups_tsv(tmp_path / "groups.tsv")
    with (tmp_path / "articles.jsonl").open("w", encoding="utf-8") as out:
        for number in range(1, 13):
            for member in range(2):
                url = f"https://bench.invalid/{number}/{member}"
                out.write(
                    json.dumps({"url": url, "title": "t", "text": f"Text of {number}."}) + "\n"
                )
    argv = ["--set", str(tmp_path), "--groups", str(tmp_path / "groups.tsv"), "--sample", "5"]
    assert sample.main(argv) == 0
    rows = (tmp_path / "judgements.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == sample.JUDGEMENT_FIELDS
    assert len(rows) == 6
    assert all(row.split("\t")[1] == "2" for row in rows[1:])
    text = (tmp_path / "sample.txt").read_text(encoding="utf-8")
    assert text.count("===== group") == 5
    assert "Text of" in text and "jaccard" in text

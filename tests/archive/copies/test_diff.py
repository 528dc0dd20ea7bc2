"""What a copy changed, passage by passage."""

from __future__ import annotations

from archive.copies.diff import changed_share, compare_texts

from .stories import STORY, edited, with_boilerplate


def test_boilerplate_shows_as_added_and_the_story_as_kept():
    passages = compare_texts(STORY, with_boilerplate(STORY, "Gulf Wire"))
    assert {p.change for p in passages} == {"same", "added", "reworded"}
    added = " ".join(p.copy for p in passages if p.change == "added")
    assert "Reporting by Jan Olsen" in added
    assert changed_share(passages) < 0.3


def test_edits_show_as_removed_and_reworded_passages():
    passages = compare_texts(STORY, edited(STORY))
    removed = [p.original for p in passages if p.change == "removed"]
    assert any("fishermen" in text for text in removed)
    reworded = [p for p in passages if p.change == "reworded"]
    assert any("stated" in p.copy and "said" in p.original for p in reworded)


def test_identical_texts_have_nothing_changed():
    passages = compare_texts(STORY, STORY)
    assert [p.change for p in passages] == ["same"]
    assert changed_share(passages) == 0.0


def test_a_stretch_rewritten_whole_is_removed_and_added_without_pairing():
    old = " ".join(f"The minister met delegation number {n} today." for n in range(30))
    new = " ".join(f"A spokesperson described meeting {n} as useful." for n in range(30))
    passages = compare_texts(old, new)
    assert [p.change for p in passages] == ["removed", "added"]

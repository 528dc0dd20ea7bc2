"""Copies recognised whether verbatim, cut short or lightly edited; a sibling on
the same template is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from archive.copies.compare import is_copy, similarity, within_window
from archive.copies.signatures import copy_keys
from archive.copies.text import shingles, words

from .stories import SIBLING, STORY, edited, truncated, with_boilerplate


def _similar(first: str, second: str):
    return similarity(shingles(words(first)), shingles(words(second)))


@pytest.mark.parametrize(
    "copy",
    [
        STORY,
        STORY.upper().replace("\n\n", " "),
        with_boilerplate(STORY, "Gulf Wire"),
        truncated(STORY),
        edited(STORY),
        "Some context first: the talks were the first in three years.\n\n" + STORY,
    ],
    ids=["verbatim", "case and spacing", "boilerplate", "cut short", "edited", "context added"],
)
def test_copies_are_recognised(copy):
    assert is_copy(_similar(STORY, copy))
    assert is_copy(_similar(copy, STORY))


def test_the_same_template_about_another_meeting_is_no_copy():
    found = _similar(STORY, SIBLING)
    assert found.jaccard > 0  # they share the formula...
    assert not is_copy(found)  # ...but not the particulars


def test_a_sentence_quoted_in_a_long_text_is_no_copy_of_it():
    sentence = STORY.split("\n\n")[1]
    others = [SIBLING.replace("Berg", f"Minister {n}") for n in range(12)]
    transcript = "\n\n".join([*others[:6], sentence, *others[6:]])
    found = _similar(sentence, transcript)
    assert found.contained == 1.0
    assert not is_copy(found)


def test_copies_share_a_key_and_strangers_do_not():
    story = set(copy_keys(STORY))
    assert story & set(copy_keys(with_boilerplate(STORY, "Capital Dispatch")))
    # A copy cut short is found by its opening.
    assert story & set(copy_keys(truncated(STORY, 2)))
    stranger = "The central bank left interest rates unchanged on Thursday, citing inflation."
    assert not story & set(copy_keys(stranger))
    assert copy_keys("") == []
    assert copy_keys(STORY) == copy_keys(STORY)  # the same in every process: stored keys


def test_copies_are_published_within_days():
    day = dt.date(2022, 3, 1)
    assert within_window(day, day + dt.timedelta(days=4))
    assert not within_window(day, day + dt.timedelta(days=365))
    assert within_window(None, day)

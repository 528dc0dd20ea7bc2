"""Whole-word matching: where a name stands in a text as a word of its own."""

from __future__ import annotations

import re

import pytest

from archive.words import whole_word_starts


def starts(text: str, word: str) -> list[int]:
    return list(whole_word_starts(text, word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # Start and end of the text, and the whole text.
        ("OIC Summit", "OIC", [0]),
        ("Summit of the OIC", "OIC", [14]),
        ("OIC", "OIC", [0]),
        ("", "OIC", []),
        ("OI", "OIC", []),
        # Inside a longer word: not a match.
        ("OICs met", "OIC", []),
        ("the NOIC met", "OIC", []),
        ("Blinkens", "Blinken", []),
        # Punctuation, hyphens and apostrophes end a word.
        ("Blinken's Meeting with Kuleba", "Blinken", [0]),
        ("Blinken’s Meeting", "Blinken", [0]),
        ("Hamad Al-Thani", "Al", [6]),
        ("Hamad Al-Thani", "Thani", [9]),
        ("al-Qaida", "Qaida", [3]),
        ("(NATO)", "NATO", [1]),
        ("NATO, EU.", "EU", [6]),
        ("NATO|EU", "EU", [5]),
        # Digits and underscores are word characters.
        ("G20 Summit", "G2", []),
        ("G20 Summit", "G20", [0]),
        ("2026 Summit", "2026", [0]),
        ("Summit_2026", "Summit", []),
        # Letters of any script are word characters.
        ("Zürichsee", "Zürich", []),
        ("in Zürich, today", "Zürich", [3]),
        ("Öcalan", "calan", []),
        ("Ankaraé", "Ankara", []),
        ("Москва и Киев", "Москва", [0]),
        ("Москвах", "Москва", []),
        ("الرياض قمة", "قمة", [7]),
        ("東京サミット", "東京", []),
        # A second occurrence after one inside a word; several; no overlaps.
        ("Bakuvian Baku", "Baku", [9]),
        ("Baku, Baku and Baku", "Baku", [0, 6, 15]),
        ("aa aa", "aa", [0, 3]),
        ("a-a-a", "a-a", [0]),
        ("aaa", "aa", []),
        # Case matters.
        ("oic summit", "OIC", []),
    ],
)
def test_whole_word_starts(text, word, expected):
    assert starts(text, word) == expected


def test_the_same_offsets_as_the_word_boundary_pattern():
    texts = [
        "Blinken's Meeting with Kuleba | Meeting of Blinken and Kuleba",
        "OIC Summit 2026 | Organisation of Islamic Cooperation (OIC) summit",
        "Hamad Al Thani Al-Thani Al_Thani Al2 al Al",
        "Zürich Zürichsee Zürich-Nord _Zürich Zürich_",
        "a-a-a a a-a aa-a",
        "",
        " ",
    ]
    words = ["Blinken", "Kuleba", "OIC", "2026", "Al", "Thani", "Zürich", "a", "a-a", "", " "]
    for text in texts:
        for word in words:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            assert starts(text, word) == [m.start() for m in pattern.finditer(text)], (
                text,
                word,
            )

"""A text as copies are compared: words, shingles and sentences, whatever the
case, punctuation and spacing."""

from __future__ import annotations

import re

# Words per shingle: long enough that unrelated articles share almost none,
# short enough that a reworded word spoils only a few.
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The text's words, lower-cased: copies differ in punctuation, case and spacing."""
    return _WORD.findall(text.casefold())


def shingles(text_words: list[str]) -> set[bytes]:
    """Every run of ``SHINGLE_WORDS`` consecutive words (the whole text if shorter)."""
    if len(text_words) < SHINGLE_WORDS:
        return {" ".join(text_words).encode()} if text_words else set()
    return {
        " ".join(text_words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(text_words) - SHINGLE_WORDS + 1)
    }


# A sentence ends at ., ! or ? before a space and a capital or a quote, or at a line break.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def sentence_key(sentence: str) -> str:
    # Spacing, case and quotes do not make a sentence another.
    return " ".join(re.findall(r"\w+", sentence.casefold()))

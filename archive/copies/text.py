"""A text as copies are compared: words, shingles and sentences, whatever the
case, punctuation and spacing."""

from __future__ import annotations

import re
import zlib

import numpy as np

# Words per shingle: long enough that unrelated articles share almost none,
# short enough that a reworded word spoils only a few.
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
_MULTIPLIER = 0x100000001B3  # the 64-bit FNV prime: any large odd number mixes


def words(text: str) -> list[str]:
    """The text's words, lower-cased: copies differ in punctuation, case and spacing."""
    return _WORD.findall(text.casefold())


def shingle_hashes(text_words: list[str]) -> np.ndarray:
    """A 32-bit hash of every run of ``SHINGLE_WORDS`` consecutive words, in order
    (one of the whole text if shorter). Stable across processes: keys made of
    them are stored."""
    if not text_words:
        return np.empty(0, dtype=np.uint32)
    # Each word hashed once; a run's hash combines its words' (a polynomial in
    # 64 bits, wrapping, folded to 32): no string is built per shingle.
    hashed = np.fromiter(
        (zlib.crc32(word.encode()) for word in text_words), dtype=np.uint64, count=len(text_words)
    )
    width = min(SHINGLE_WORDS, len(hashed))
    runs = np.zeros(len(hashed) - width + 1, dtype=np.uint64)
    for offset in range(width):
        runs = runs * np.uint64(_MULTIPLIER) + hashed[offset : offset + len(runs)]
    return ((runs >> np.uint64(32)) ^ runs).astype(np.uint32)


def shingles(text_words: list[str]) -> set[int]:
    """The text's shingles (as their hashes): what copies are compared on."""
    return set(shingle_hashes(text_words).tolist())


# A sentence ends at ., ! or ? before a space and a capital or a quote, or at a line break.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def sentence_key(sentence: str) -> str:
    # Spacing, case and quotes do not make a sentence another.
    return " ".join(re.findall(r"\w+", sentence.casefold()))

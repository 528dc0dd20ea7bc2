"""Whole-word matching of a literal name in a text, as people read names."""

from __future__ import annotations

from collections.abc import Iterator


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text`` as a whole word, left to right, without overlaps.

    A whole word has no word character (a letter or digit of any script, or
    ``_``) right before or right after it: "Blinken" is whole in "Blinken's"
    and "al-Qaida", not in "Blinkens". The same offsets as
    ``re.finditer(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)``, without
    compiling a pattern for each word.
    """
    length = len(word)
    start = text.find(word)
    while start >= 0:
        end = start + length
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            yield start
            # The next match starts after this one (an empty word: one further on).
            start = text.find(word, end if length else end + 1)
        else:
            start = text.find(word, start + 1)


def _is_word_char(char: str) -> bool:
    # What ``\w`` matches in a ``str`` pattern, code point for code point.
    return char.isalnum() or char == "_"

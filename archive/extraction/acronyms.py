"""Acronyms and their long forms (Schwartz & Hearst 2003)."""

from __future__ import annotations


def matches_acronym(acr: str, long_form: str) -> bool:
    """Schwartz & Hearst (2003): the acronym's letters appear in order in the
    long form, the first one at the start of a word."""
    letters = [ch.lower() for ch in acr if ch.isalnum()]
    long = long_form.lower()
    li = len(long) - 1
    for si in range(len(letters) - 1, -1, -1):
        ch = letters[si]
        while li >= 0 and (long[li] != ch or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def long_form_before(text: str, k: int, acr: str) -> str:
    """The shortest capitalised phrase before position ``k`` that ``acr``
    abbreviates ("Islamic World Educational, Scientific, and Cultural
    Organisation (ICESCO)")."""
    window = text[max(0, k - 160) : k]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("("), window.rfind(")"))
    window = window[cut + 1 :] if cut >= 0 else window
    words = window.split(" ")
    max_words = min(len(acr) + 5, len(acr) * 2)
    for n in range(1, min(len(words), max_words) + 1):
        phrase = " ".join(words[-n:]).strip()
        first = phrase.split(" ", 1)[0]
        if not first[:1].isupper():
            continue
        if matches_acronym(acr, phrase):
            capitalised = [w for w in phrase.split() if w[:1].isupper()]
            if len(capitalised) >= 2:
                return phrase
    return ""

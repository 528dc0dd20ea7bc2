"""What a copy changed against the first publisher's text, sentence by sentence."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Change = Literal["same", "added", "removed", "reworded"]

# A sentence ends at ., ! or ? before a space and a capital or a quote, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?][\"”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Passage:
    change: Change
    # The first publisher's text ("" for an added passage) and the copy's ("" for a removed one).
    original: str
    copy: str


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def _key(sentence: str) -> str:
    # Spacing, case and quotes do not make a sentence another.
    return " ".join(re.findall(r"\w+", sentence.casefold()))


def compare_texts(original: str, copy: str) -> list[Passage]:
    """The two texts as passages kept, added, removed or reworded, in the copy's order."""
    before, after = sentences(original), sentences(copy)
    matcher = difflib.SequenceMatcher(
        a=[_key(s) for s in before], b=[_key(s) for s in after], autojunk=False
    )
    passages = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        old, new = " ".join(before[a1:a2]), " ".join(after[b1:b2])
        if tag == "equal":
            passages.append(Passage("same", old, new))
        elif tag == "insert":
            passages.append(Passage("added", "", new))
        elif tag == "delete":
            passages.append(Passage("removed", old, ""))
        else:
            passages.append(Passage("reworded", old, new))
    return passages


def changed_share(passages: list[Passage]) -> float:
    """The share of the copy's and the original's characters in changed passages."""
    total = sum(len(p.original) + len(p.copy) for p in passages)
    changed = sum(len(p.original) + len(p.copy) for p in passages if p.change != "same")
    return changed / total if total else 0.0

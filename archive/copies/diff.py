"""What a copy changed against the first publisher's text, sentence by sentence."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from .text import sentence_key, sentences

Change = Literal["same", "added", "removed", "reworded"]


# Words two sentences share, of theirs, for one to be the other reworded.
REWORDED = 0.5
# Sentence pairs compared at most in one changed stretch (a page must stay quick).
_MAX_PAIRINGS = 400


@dataclass(frozen=True)
class Passage:
    change: Change
    # The first publisher's text ("" for an added passage) and the copy's ("" for a removed one).
    original: str
    copy: str


def compare_texts(original: str, copy: str) -> list[Passage]:
    """The two texts as passages kept, added, removed or reworded, in the copy's order."""
    before, after = sentences(original), sentences(copy)
    matcher = difflib.SequenceMatcher(
        a=[sentence_key(s) for s in before], b=[sentence_key(s) for s in after], autojunk=False
    )
    passages = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            passages.append(Passage("same", " ".join(before[a1:a2]), " ".join(after[b1:b2])))
        else:
            passages += _pair(before[a1:a2], after[b1:b2])
    return passages


def _pair(old: list[str], new: list[str]) -> list[Passage]:
    """Sentences that differ, paired in order with the most alike: reworded; the
    rest removed or added."""
    if len(old) * len(new) > _MAX_PAIRINGS:
        # Whole sections rewritten: pairing them sentence by sentence would cost
        # more than it tells.
        return [Passage("removed", " ".join(old), ""), Passage("added", "", " ".join(new))]
    passages: list[Passage] = []
    start = 0
    for sentence in old:
        scores = [
            (difflib.SequenceMatcher(a=sentence.split(), b=other.split()).ratio(), at)
            for at, other in enumerate(new[start:], start)
        ]
        best, at = max(scores, default=(0.0, -1))
        if best < REWORDED:
            passages.append(Passage("removed", sentence, ""))
            continue
        passages += [Passage("added", "", added) for added in new[start:at]]
        passages.append(Passage("reworded", sentence, new[at]))
        start = at + 1
    passages += [Passage("added", "", added) for added in new[start:]]
    return passages


def changed_share(passages: list[Passage]) -> float:
    """The share of the copy's and the original's characters in changed passages."""
    total = sum(len(p.original) + len(p.copy) for p in passages)
    changed = sum(len(p.original) + len(p.copy) for p in passages if p.change != "same")
    return changed / total if total else 0.0

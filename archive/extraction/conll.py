"""Score the extractor against CoNLL-2003-style data (exact spans, conlleval).

Pure functions, no Django: read documents (split at ``-DOCSTART-``; ``.xz``
read directly), rebuild each document's text (tokens joined by one space,
sentences by a newline) keeping token offsets, turn BIO tags (IOB1 or IOB2)
into spans, map the extractor's character spans onto tokens and count.

A predicted entity counts only when both its boundaries and its type match a
gold entity. MISC is ignored on both sides; so are the extractor's events and
its demonym place mentions ("German" is MISC to CoNLL, not LOC).
"""

from __future__ import annotations

import bisect
import lzma
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

TYPES = ("PER", "ORG", "LOC")
_KIND_TO_TYPE = {"person": "PER", "organisation": "ORG", "place": "LOC"}

# (first token, last token + 1, type) within one document.
Entity = tuple[int, int, str]


@dataclass
class Document:
    text: str
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # Character offsets of each token in ``text``.
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def gold(self) -> set[Entity]:
        return spans_from_tags(self.tags)


# -- reading -------------------------------------------------------------------


def _open_lines(path: Path) -> Iterator[str]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def parse_conll(lines: Iterable[str]) -> list[Document]:
    """Documents of CoNLL column text (``WORD ... NER`` per line, blank line
    between sentences, ``-DOCSTART-`` before each document)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []

    def end_sentence() -> None:
        nonlocal sentence
        if sentence:
            if not docs:
                docs.append([])
            docs[-1].append(sentence)
            sentence = []

    for raw in lines:
        cols = raw.split()
        if not cols:
            end_sentence()
            continue
        if cols[0] == "-DOCSTART-":
            end_sentence()
            docs.append([])
            continue
        sentence.append((cols[0], cols[-1] if len(cols) > 1 else "O"))
    end_sentence()
    return [_document(sentences) for sentences in docs if sentences]


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    doc = Document(text="")
    parts: list[str] = []
    pos = 0
    for si, sentence in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        for ti, (word, tag) in enumerate(sentence):
            if ti:
                parts.append(" ")
                pos += 1
            doc.tokens.append(word)
            doc.tags.append(tag)
            doc.starts.append(pos)
            parts.append(word)
            pos += len(word)
            doc.ends.append(pos)
    doc.text = "".join(parts)
    return doc


def read_conll(path: str | Path) -> list[Document]:
    """Documents of a CoNLL file (plain or ``.xz``)."""
    return parse_conll(_open_lines(Path(path)))


# -- tags and spans --------------------------------------------------------------


def spans_from_tags(tags: list[str]) -> set[Entity]:
    """Entities of a tag sequence, conlleval's reading: IOB1 ("I-" starts an
    entity after O or another type), IOB2 ("B-" starts every entity) and
    IOBES ("S-", "E-") all work. Types outside PER/ORG/LOC are dropped."""
    out: set[Entity] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and t != kind)
        if start >= 0 and (prefix == "O" or begins):
            out.add((start, i, kind))
            start, kind = -1, ""
        if prefix != "O" and begins:
            start, kind = i, t
        if prefix in ("E", "S") and start >= 0:
            out.add((start, i + 1, kind))
            start, kind = -1, ""
    return {e for e in out if e[2] in TYPES}


class _SpanLike(Protocol):
    start: int
    end: int
    kind: str
    evidence: str


def predicted_entities(doc: Document, spans: Iterable[_SpanLike]) -> set[Entity]:
    """The extractor's spans as token spans: each covers the tokens it
    overlaps; events and demonyms are not scored; when spans overlap, the
    longer one (then the earlier) is kept, as a tagger could keep only one."""
    found: list[Entity] = []
    for span in spans:
        kind = _KIND_TO_TYPE.get(span.kind)
        if kind is None or span.evidence == "demonym" or span.end <= span.start:
            continue
        first = bisect.bisect_right(doc.ends, span.start)
        last = bisect.bisect_left(doc.starts, span.end)
        if first < last:
            found.append((first, last, kind))
    found.sort(key=lambda e: (e[0] - e[1], e[0]))
    taken: set[int] = set()
    out: set[Entity] = set()
    for first, last, kind in found:
        if any(i in taken for i in range(first, last)):
            continue
        taken.update(range(first, last))
        out.add((first, last, kind))
    return out


# -- scoring ---------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f}


def count(gold: set[Entity], predicted: set[Entity]) -> dict[str, Counts]:
    """True/false positives and misses per type (PER, ORG, LOC)."""
    out = {t: Counts() for t in TYPES}
    gold = {e for e in gold if e[2] in TYPES}
    predicted = {e for e in predicted if e[2] in TYPES}
    for e in predicted:
        if e in gold:
            out[e[2]].tp += 1
        else:
            out[e[2]].fp += 1
    for e in gold - predicted:
        out[e[2]].fn += 1
    return out


def score(counts: dict[str, Counts]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and micro-averaged over the three."""
    micro = Counts()
    for t in TYPES:
        micro.add(counts[t])
    result = {t: counts[t].figures() for t in TYPES}
    result["micro"] = micro.figures()
    return result


class _Analysis(Protocol):
    @property
    def spans(self) -> Sequence[_SpanLike]: ...


class _Analyser(Protocol):
    def analyse(self, title: str, body: str) -> _Analysis: ...


def evaluate(docs: Iterable[Document], extractor: _Analyser) -> dict[str, Counts]:
    """Run ``extractor.analyse`` over each document's text (as the body, so
    that offsets are the text's) and count."""
    totals = {t: Counts() for t in TYPES}
    for doc in docs:
        analysis = extractor.analyse("", doc.text)
        predicted = predicted_entities(doc, analysis.spans)
        for t, c in count(doc.gold(), predicted).items():
            totals[t].add(c)
    return totals

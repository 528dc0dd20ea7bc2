"""Rule-based named-entity extraction for diplomatic news (no Django, no models).

``extract_entities(title, body, published=...)`` returns the people,
organisations, places and events of one article, each resolved within the
article (one entity per real-world thing, with the surface forms seen).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from archive.extraction.casing import unshout
from archive.extraction.matcher import GazetteerMatcher
from archive.extraction.mentions import find_mentions
from archive.extraction.reference import Gazetteer, load_gazetteer
from archive.extraction.resolve import resolve_mentions
from archive.extraction.screen import screen
from archive.extraction.spans import Mention
from archive.extraction.types import ExtractedEntity

# Title and body are read as one text; the separator ends the title's sentence.
_SEPARATOR = "\n\n"


@dataclass
class Span:
    """One mention in the body (offsets into ``body``; title mentions have
    negative offsets), with the entity it resolved to."""

    start: int
    end: int
    text: str
    kind: str
    evidence: str
    entity: ExtractedEntity


@dataclass
class Analysis:
    entities: list[ExtractedEntity]
    spans: list[Span]


class RuleExtractor:
    """Gazetteer (Aho–Corasick) + patterns + in-article resolution."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        reference_dir: str | Path | None = None,
    ) -> None:
        self.gazetteer = gazetteer or load_gazetteer(reference_dir)
        self._matcher = GazetteerMatcher(self.gazetteer)

    def _place_word(self, word: str) -> bool:
        """Whether a word names a country or a place the reference data knows."""
        return any(
            surface.kind in ("country", "place") and not surface.demonym
            for surface in self.gazetteer.surfaces.get(word, ())
        )

    def extract(
        self, title: str, body: str, *, published: dt.date | None = None
    ) -> list[ExtractedEntity]:
        return self.analyse(title, body, published=published).entities

    def analyse(self, title: str, body: str, *, published: dt.date | None = None) -> Analysis:
        """Entities plus the spans behind them (for span-level evaluation)."""
        title = (title or "").strip()
        body = body or ""
        text = f"{title}{_SEPARATOR}{body}" if title else body
        body_start = len(text) - len(body)
        # Shouted lines are read title-cased (same offsets, see casing.py).
        text, shouted = unshout(text)
        matches = self._matcher.find(text)
        found = find_mentions(self.gazetteer, text, body_start, matches, shouted)
        resolution = resolve_mentions(self.gazetteer, found, published)
        resolution = screen(text, resolution, self.gazetteer.given_names, self._place_word)
        spans = [_span(m, entity, body_start) for m, entity in resolution.spans]
        return Analysis(entities=resolution.entities, spans=spans)


def _span(m: Mention, entity: ExtractedEntity, body_start: int) -> Span:
    return Span(
        start=m.start - body_start,
        end=m.end - body_start,
        text=m.surface,
        kind=entity.kind,
        evidence=m.evidence,
        entity=entity,
    )


@functools.lru_cache(maxsize=1)
def default_extractor() -> RuleExtractor:
    return RuleExtractor()


def extract_entities(
    title: str, body: str, *, published: dt.date | None = None
) -> list[ExtractedEntity]:
    """Extract with the shared default extractor (reference data loaded once)."""
    return default_extractor().extract(title, body, published=published)

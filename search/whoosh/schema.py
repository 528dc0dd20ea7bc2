"""The index's schema: haystack's fields as Whoosh fields, text analysed in one pass."""

from __future__ import annotations

import functools
from collections import defaultdict

from haystack.fields import CharField, FacetField
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import KEYWORD, NUMERIC, STORED, TEXT
from whoosh.formats import Positions
from whoosh.lang.porter import stem as porter_stem


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return porter_stem(word)


class _StemmedPositions(Positions):
    """Whoosh's Positions format, with a StemmingAnalyzer's words found in one loop.

    The analyzer is four chained generators passing a token object per word: a
    third of the indexing time. For indexing with the standard StemmingAnalyzer,
    this yields the same postings (tests compare the two on real and random
    texts); any other analyzer, and queries, take Whoosh's own path.
    """

    def word_values(self, value, analyzer, **kwargs):
        if kwargs.get("mode") != "index" or not isinstance(value, str) or analyzer != _STEMMING:
            return super().word_values(value, analyzer, **kwargs)
        positions = defaultdict(list)
        pos = None
        for number, match in enumerate(_WORD.finditer(value)):
            word = match.group().lower()
            if len(word) < _MIN_WORD or word in _STOP_WORDS:
                continue
            # Stop words leave no gap: positions count the words kept.
            pos = number if pos is None else pos + 1
            positions[_stem(word)].append(pos)
        boost = self.field_boost
        return [(w, len(p), len(p) * boost, self.encode(p)) for w, p in positions.items()]


_STEMMING = StemmingAnalyzer()
_WORD = _STEMMING.items[0].expression
_MIN_WORD = _STEMMING.items[2].min
_STOP_WORDS = _STEMMING.items[2].stops


def _stemmed_text(**options) -> TEXT:
    """A TEXT field analysed like haystack's, indexed through the fast path."""
    field = TEXT(analyzer=StemmingAnalyzer(), **options)
    field.format = _StemmedPositions(field_boost=field.format.field_boost)
    return field


def _facet_twins(fields) -> list[str]:
    """The index names of the fields that a faceted field's FacetField was made from."""
    sources = {f.facet_for for f in fields.values() if isinstance(f, FacetField) and f.facet_for}
    return [
        field.index_fieldname
        for name, field in fields.items()
        if not isinstance(field, FacetField) and (field.instance_name or name) in sources
    ]


class SchemaBuilding:
    """``build_schema`` for a haystack Whoosh backend with ``spelling_fields``
    (a mixin placed before ``WhooshSearchBackend``)."""

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            if isinstance(field_class, FacetField):
                # Haystack indexes facet fields with the stemming text analyzer,
                # which splits "saudi-arabia" into words. Facet values stay whole.
                schema.remove(name)
                if field_class.is_multivalued:
                    schema.add(name, KEYWORD(stored=True, commas=True, scorable=False))
                else:
                    schema.add(name, WHOOSH_ID(stored=True))
            elif field_class.document:
                # Haystack always stores the document; ours is searched, never shown.
                # Its words are not kept for spelling: that second, unstemmed copy
                # of every word halved the indexing rate (see SPELLING_FIELDS).
                schema.remove(name)
                schema.add(name, _stemmed_text(stored=field_class.stored))
            elif name in self.spelling_fields:
                schema.remove(name)
                schema.add(
                    name,
                    _stemmed_text(
                        stored=field_class.stored, field_boost=field_class.boost, spelling=True
                    ),
                )
            elif type(field_class) is CharField and not field_class.indexed:
                schema.remove(name)
                schema.add(name, STORED())
            elif type(field_class) is CharField and not field_class.stored:
                # Search-only text (entity names): analysed like the document,
                # but neither stored nor sortable, which would only cost space.
                schema.remove(name)
                schema.add(name, _stemmed_text(field_boost=field_class.boost))
            elif field_class.field_type == "integer":
                schema.remove(name)
                schema.add(name, NUMERIC(int, stored=field_class.stored, sortable=True))
        for name in _facet_twins(fields):
            # Searches filter and count on a facet's own field (``person_exact``);
            # its twin (``person``) holds the same values and is only read back
            # from a hit. Indexing it as well cost a tenth of the indexing time.
            schema.remove(name)
            schema.add(name, STORED())
        return content_field_name, schema

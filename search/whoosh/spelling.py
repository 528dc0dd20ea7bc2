"""'Did you mean': the query's unknown words corrected from the spelling fields."""

from __future__ import annotations

from django.utils.encoding import force_str
from whoosh.analysis import LowercaseFilter, RegexTokenizer

# Lowercased words, stop words kept: what the speller looks at.
_SPELLING_WORDS = RegexTokenizer() | LowercaseFilter()


class Spelling:
    """Spelling suggestions for a haystack Whoosh backend with ``spelling_fields`` (a mixin)."""

    def create_spelling_suggestion(self, query_string):
        self.index = self.index.refresh()
        with self.index.searcher() as searcher:
            return self._suggest(searcher, query_string)

    def _suggest(self, searcher, text) -> str | None:
        """The query's words with unknown ones corrected; None when nothing changes.

        Haystack drops words it has no suggestion for and "corrects" words the
        index knows; this keeps every word and corrects only those that find
        nothing, preferring the closest, then the most frequent, correction.
        """
        if not text:
            return None
        reader = searcher.reader()
        field = self.content_field_name
        fieldobj = self.schema[field]
        spelling_fields = [
            self.schema[name].spelling_fieldname(name)
            for name in self.spelling_fields
            if name in self.schema
        ]
        words = [token.text for token in _SPELLING_WORDS(force_str(text))]
        changed = False
        suggested = []
        for word in words:
            terms = [token.text for token in fieldobj.analyzer(word)]
            # A stop word (no terms) or a word that finds something needs no fixing.
            known = not terms or any(reader.doc_frequency(field, term) for term in terms)
            best = None
            if not known and len(word) > 2:
                for distance in (1, 2):
                    frequency: dict[str, float] = {}
                    for spelling_field in spelling_fields:
                        for term in reader.terms_within(spelling_field, word, distance, 1):
                            frequency[term] = frequency.get(term, 0) + reader.frequency(
                                spelling_field, term
                            )
                    if frequency:
                        best = max(frequency, key=lambda term: (frequency[term], term))
                        break
            changed = changed or best is not None
            suggested.append(best or word)
        return " ".join(suggested) if changed else None

"""Snippets: passages of the stored text with the query's terms marked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from haystack.backends.whoosh_backend import WhooshHtmlFormatter
from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.highlight import (
    SCORE,
    BasicFragmentScorer,
    ContextFragmenter,
    set_matched_filter,
    top_fragments,
)

from search.whoosh.schema import _MIN_WORD, _STEMMING, _STOP_WORDS, _WORD, _stem

SNIPPET_FRAGMENTS = 3
SNIPPET_CHARS = 240
# How much of a long article is read for its snippets, from the first match on.
HIGHLIGHT_WINDOW = 6000


def _marked_tokens(text: str, terms: frozenset[str]) -> Iterator[Token]:
    """The standard StemmingAnalyzer's tokens of ``text`` for highlighting, in one
    loop: with character offsets, stop words kept (unstemmed, marked stopped), and
    each marked matched when it is one of ``terms``. Whoosh's analyzer chain and
    ``set_matched_filter`` give the same tokens (tests compare them) through five
    generators: highlighting an article took half as long again that way."""
    token = Token(chars=True, removestops=False, mode="query")
    for match in _WORD.finditer(text):
        word = match.group().lower()
        token.stopped = len(word) < _MIN_WORD or word in _STOP_WORDS
        if not token.stopped:
            word = _stem(word)
        token.text = word
        token.startchar, token.endchar = match.span()
        token.matched = word in terms
        yield token


def _highlight_window(text: str, terms: frozenset[str]) -> str:
    """The part of a long text where the terms first appear: analysing a whole long
    article for three snippets cost milliseconds a result."""
    if len(text) <= HIGHLIGHT_WINDOW:
        return text
    # Stems are word beginnings ("negoti" for "negotiations"), except that a final
    # "y" becomes "i" ("agenc" for "agency" is safe, "polici" is not): drop it.
    starts = sorted({term[:-1] if len(term) > 3 else term for term in terms}, key=len)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + ")", re.IGNORECASE)
    found = pattern.search(text)
    begin = 0 if found is None else max(0, found.start() - SNIPPET_CHARS)
    return text[begin : begin + HIGHLIGHT_WINDOW]


def _positive_terms(query) -> frozenset[str]:
    """Terms the query looks for (not those it excludes), for highlighting."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, wq.Not):
            return
        if node.is_leaf():
            for _field, text in node.iter_all_terms(phrases=True):
                found.add(text.decode() if isinstance(text, bytes) else str(text))
            return
        for child in node.children():
            walk(child)

    walk(query)
    return frozenset(found)


class Highlighting:
    """Snippets for a haystack Whoosh backend (a mixin)."""

    def _fragments(self, text: str, terms: frozenset[str]) -> list[str]:
        """Up to SNIPPET_FRAGMENTS passages with the terms marked, text HTML-escaped."""
        if not terms or not text:
            return []
        text = _highlight_window(text, terms)
        analyzer = self.schema[self.content_field_name].analyzer
        if analyzer == _STEMMING:
            tokens = _marked_tokens(text, terms)
        else:
            tokens = analyzer(text, chars=True, mode="query", removestops=False)
            tokens = set_matched_filter(tokens, terms)
        fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        fragments = top_fragments(
            fragmenter.fragment_tokens(text, tokens),
            SNIPPET_FRAGMENTS,
            BasicFragmentScorer(),
            SCORE,
        )
        # Keep the article's own order, so the snippets read top to bottom.
        fragments.sort(key=lambda fragment: fragment.startchar)
        formatter = WhooshHtmlFormatter("em")  # escapes the text between the marks
        return [formatter.format_fragment(fragment, replace=False) for fragment in fragments]

"""Run a search: a SearchState in, one page of hits, counts and suggestions out.

Only haystack's public API is used here. Facet counts follow the "multi-select"
rule: a facet's own counts apply every active filter except that facet's own, so
choosing one organisation still shows how many articles each other one has.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from haystack.query import SearchQuerySet

from .facet_counts import normalise_facet_counts
from .facet_registry import DATE_FACETS, FACETS
from .query import ParsedQuery

SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
# Deeper pages than this are refused (404): nobody reads them, crawlers do.
MAX_PAGE = 500


@dataclass(frozen=True)
class SearchState:
    """Everything the URL says about a search, checked."""

    query: ParsedQuery
    selected: dict[str, list[str]] = field(default_factory=dict)
    start: dt.date | None = None
    end: dt.date | None = None
    sort: str = "relevance"
    # Every copy of a story, rather than one result per story.
    every_copy: bool = False
    messages: tuple[str, ...] = ()

    @property
    def effective_sort(self) -> str:
        # Relevance means nothing without a query: browse newest first.
        return "newest" if self.sort == "relevance" and self.query.is_empty else self.sort

    @property
    def has_filters(self) -> bool:
        return bool(self.selected or self.start or self.end)


@dataclass
class SearchOutcome:
    state: SearchState  # what was searched for (see ``settle``)
    page: Page  # object_list: haystack SearchResults of this page
    count: int
    facet_counts: dict[str, list[tuple[str, int]]]
    suggestion: str | None


def build_queryset(
    state: SearchState,
    *,
    without_facet: str | None = None,
    facets: list[str] | None = None,
    highlight: bool = True,
) -> SearchQuerySet:
    """The state as a SearchQuerySet; ``without_facet`` leaves that facet's filter out."""
    sqs = SearchQuerySet()
    if state.query.is_empty:
        sqs = sqs.all()
    else:
        sqs = sqs.raw_search(state.query.backend_query)
        if state.query.best_match:
            # How many of the words a match needs, and how it ranks: read by
            # backends that rank best matches (ours; see the README for
            # Elasticsearch's minimum_should_match). Others rank the words OR-ed.
            sqs.query.best_match = settings.SEARCH_BEST_MATCH
        if highlight:
            sqs = sqs.highlight()
    if not state.every_copy:
        # Read by backends that collapse results (ours); others list every copy.
        sqs.query.collapse = settings.SEARCH_ONE_PER_STORY
    if state.start:
        sqs = sqs.filter(published__gte=state.start)
    if state.end:
        sqs = sqs.filter(published__lte=state.end)
    for name, values in state.selected.items():
        if name == without_facet:
            continue
        # Values of one facet OR together; facets AND together. Values are checked
        # slugs, years or months, so quoting is enough.
        either = " OR ".join(f'"{value}"' for value in values)
        sqs = sqs.narrow(f"{name}_exact:({either})")
    sort = state.effective_sort
    # Undated articles come last both ways: "unknown" is neither new nor old.
    if sort == "newest":
        sqs = sqs.order_by("-dated", "-published")
    elif sort == "oldest":
        sqs = sqs.order_by("published")
    for name in FACETS if facets is None else facets:
        # The page shows the top values of a facet; a facet with values chosen and
        # the date facets (listed by date, not count) need them all.
        if name in state.selected or name in DATE_FACETS:
            sqs = sqs.facet(name)
        else:
            sqs = sqs.facet(name, limit=settings.SEARCH_FACET_LIMIT)
    return sqs


def settle(state: SearchState, *, using: str = "default") -> SearchState:
    """The search to run: a query of several words that no article has all of
    searches for any of them, best matches (most words) first, and says so.

    Long questions in plain language rarely have every word in one article;
    an empty page helps nobody there. ``run_search`` settles as it searches.
    """
    relaxed = _relaxed(state)
    if relaxed is None:
        return state
    if build_queryset(state, facets=[], highlight=False).using(using).count():
        return state
    return relaxed


def _relaxed(state: SearchState) -> SearchState | None:
    """The state searching for any of the query's words, if it has several."""
    query = state.query.any_of_words()
    if query is None:
        return None
    notice = "No article has all of these words; showing articles with any of them."
    return replace(state, query=query, messages=(*state.messages, notice))


def run_search(state: SearchState, page_number: object = 1, per_page: int | None = None):
    """One page of results with facet counts, for the state as ``settle`` settles
    it (without a search of its own first); raises InvalidPage for a page that isn't."""
    per_page = per_page or settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE
    number = _page_number(page_number)
    sqs, hits = _search(state, number, per_page)
    if not sqs.count() and (relaxed := _relaxed(state)) is not None:
        state = relaxed
        sqs, hits = _search(state, number, per_page)
    count = sqs.count()
    # The page number is checked against the count once it is known.
    page = Paginator(range(count), per_page).page(number)
    page.object_list = [hit for hit in hits if hit is not None]
    return SearchOutcome(
        state=state,
        page=page,
        count=count,
        facet_counts=facet_counts(state, sqs),
        suggestion=suggestion(state, sqs),
    )


def _search(state: SearchState, number: int, per_page: int) -> tuple[SearchQuerySet, list]:
    sqs = build_queryset(state)
    if state.query.words:
        sqs.query.set_spelling_query(state.query.plain)
    start = (number - 1) * per_page
    return sqs, sqs[start : start + per_page]  # one search: hits, count, facets, spelling


def facet_counts(state: SearchState, sqs: SearchQuerySet) -> dict[str, list[tuple[str, int]]]:
    """``(value, count)`` pairs for every facet, whichever backend answered."""
    counts = normalise_facet_counts(sqs.facet_counts())
    for name in state.selected:
        # This facet's counts without its own filter: one more search per active facet.
        others = build_queryset(state, without_facet=name, facets=[name], highlight=False)
        others.count()
        counts[name] = normalise_facet_counts(others.facet_counts(), names=[name])[name]
    return counts


def suggestion(state: SearchState, sqs: SearchQuerySet) -> str | None:
    """The user's query with misspelled words corrected, or None."""
    if not state.query.words:
        return None
    corrected = sqs.spelling_suggestion()
    if not corrected:
        return None
    replacements = {
        word.lower(): better
        for word, better in zip(state.query.words, corrected.split(), strict=False)
        if word.lower() != better
    }
    if not replacements:
        return None

    def fix(match: re.Match) -> str:
        word = match.group(0)
        better = replacements.get(word.lower(), word)
        return better.capitalize() if word[:1].isupper() and better != word else better

    return re.sub(r"\w+", fix, state.query.text)


def _page_number(value: object) -> int:
    try:
        number = int(str(value or 1))
    except ValueError:
        raise InvalidPage("That page number is not a number.") from None
    if not 1 <= number <= MAX_PAGE:
        raise InvalidPage("That page is out of range.")
    return number

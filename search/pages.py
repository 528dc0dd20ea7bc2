"""What the search page shows, built from a search's outcome: no backend calls here."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse

from archive.copy_selectors import group_sizes
from archive.models import Article

from .engine import SORTS, SearchOutcome, SearchState
from .entities import matching_entities
from .facets import active_filters, build_facets, facet_labels

# Parameters that describe the search itself, as opposed to the page of it.
STATE_PARAMS = ("q", "selected_facets", "start", "end", "sort", "copies")


def state_params(params: QueryDict) -> QueryDict:
    """The URL parameters that make up the search, without page or strays."""
    kept = QueryDict(mutable=True)
    for key in STATE_PARAMS:
        values = [value for value in params.getlist(key) if value]
        if values:
            kept.setlist(key, values)
    return kept


def with_params(params: QueryDict, **changes) -> str:
    """A query string: these params with some replaced (None removes one)."""
    params = params.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return "?" + params.urlencode()


def result_rows(hits, *, one_per_story: bool = False) -> list[dict]:
    """The page's articles in the order found, each with its snippets and, when
    a result stands for its story, how many other copies it has."""
    ids = [int(hit.pk) for hit in hits]
    articles = Article.objects.with_source().in_bulk(ids)
    sizes = group_sizes(a.copy_group_id for a in articles.values()) if one_per_story else {}
    rows = []
    for hit in hits:
        article = articles.get(int(hit.pk))
        if article is None:  # deleted since it was indexed
            continue
        highlighted = getattr(hit, "highlighted", None) or {}
        rows.append(
            {
                "article": article,
                "snippets": highlighted.get("text", []),
                "other_copies": max(sizes.get(article.copy_group_id, 1) - 1, 0),
            }
        )
    return rows


def search_context(params: QueryDict, state: SearchState, outcome: SearchOutcome) -> dict:
    params = state_params(params)
    labels = facet_labels(outcome.facet_counts, state.selected)
    exports = params.urlencode()
    return {
        "state": state,
        "query": state.query.text,
        "notices": state.messages,
        "results": result_rows(outcome.page.object_list, one_per_story=not state.every_copy),
        "copies_url": with_params(params, copies=None if state.every_copy else "all", page=None),
        "total": outcome.count,
        "page_obj": outcome.page,
        "page_url_prefix": "?" + (exports + "&" if exports else ""),
        "facets": build_facets(outcome.facet_counts, state.selected, params, labels=labels),
        "chips": active_filters(
            state.selected, params, labels, {"start": state.start, "end": state.end}
        ),
        "clear_filters_url": with_params(params, selected_facets=None, start=None, end=None),
        "suggestion": outcome.suggestion,
        "suggestion_url": with_params(params, q=outcome.suggestion) if outcome.suggestion else "",
        "entity_groups": matching_entities(state.query),
        "sorts": [
            {
                "key": key,
                "label": label,
                "url": with_params(params, sort=key),
                "selected": key == state.effective_sort,
            }
            for key, label in SORTS.items()
            if key != "relevance" or not state.query.is_empty
        ],
        "export_json_url": reverse("search:export-json") + "?" + exports,
        "export_csv_url": reverse("search:export-csv") + "?" + exports,
        "feed_url": reverse("search:feed") + "?" + exports,
    }

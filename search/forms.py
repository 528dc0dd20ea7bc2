"""The search form: query, facet filters, date range and sort, all carried in the URL.

Nothing a user puts in the URL makes an error page: a bad value is dropped (or the
date range left unapplied) and the page says so.
"""

from __future__ import annotations

from django import forms

from .engine import SORTS, SearchState
from .entities import names_among
from .facet_registry import FACETS
from .query import parse_query

DATE_FORMAT = "%Y-%m-%d"
BEST_MATCH_NOTICE = "Showing the articles that best match your words."


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search the archive")
    start = forms.DateField(required=False, input_formats=[DATE_FORMAT], label="From")
    end = forms.DateField(required=False, input_formats=[DATE_FORMAT], label="To")
    sort = forms.ChoiceField(required=False, choices=list(SORTS.items()), label="Sort by")
    # "all": every copy of a story, rather than one result per story.
    copies = forms.ChoiceField(required=False, choices=[("all", "Every copy")])

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.ignored_facets: list[str] = []
        self.selected_facets = self._selected_facets(data)

    def _selected_facets(self, data) -> dict[str, list[str]]:
        """``field:value`` pairs from the URL; unknown fields and odd values are dropped."""
        selected: dict[str, list[str]] = {}
        if data is None:
            return selected
        for item in data.getlist("selected_facets"):
            field, _, value = item.partition(":")
            facet = FACETS.get(field)
            if facet is not None and facet.accepts(value):
                values = selected.setdefault(field, [])
                if value not in values:
                    values.append(value)
            else:
                self.ignored_facets.append(item[:100])
        return selected

    def state(self) -> SearchState:
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data
        messages = []
        if self.ignored_facets:
            messages.append(
                "Ignored filters this archive does not have: "
                + ", ".join(f"“{item}”" for item in self.ignored_facets)
            )
        start, end = data.get("start"), data.get("end")
        if "start" in self.errors or "end" in self.errors:
            messages.append(
                "Dates must be written YYYY-MM-DD, e.g. 2025-10-09; the date range was not applied."
            )
            start = end = None
        elif start and end and start > end:
            messages.append(
                f"The start date ({start:%Y-%m-%d}) is after the end date "
                f"({end:%Y-%m-%d}); the date range was not applied."
            )
            start = end = None
        query = parse_query(data.get("q", ""), names=names_among)
        if query.fallback:
            searched = " ".join(query.words) if query.words else "every article"
            messages.append(
                f"We could not read your query as written ({query.problem}), "
                f"so we searched for: {searched}."
            )
        if query.best_match:
            messages.append(BEST_MATCH_NOTICE)
        return SearchState(
            query=query,
            selected=self.selected_facets,
            start=start,
            end=end,
            sort=data.get("sort") or "relevance",
            every_copy=data.get("copies") == "all",
            messages=tuple(messages),
        )

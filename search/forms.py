"""The search form: free text plus facet filters, all carried in the URL."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from haystack.query import SearchQuerySet

_FACET_VALUE = re.compile(r"^[\w-]{1,200}$")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=500, label="Search the archive")

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.selected_facets = self._selected_facets(data)

    @staticmethod
    def _selected_facets(data) -> dict[str, list[str]]:
        """``field:value`` pairs from the URL; unknown fields and odd values are dropped."""
        selected: dict[str, list[str]] = {}
        if data is None:
            return selected
        for item in data.getlist("selected_facets"):
            field, _, value = item.partition(":")
            if field in settings.SEARCH_FACETS and _FACET_VALUE.match(value):
                values = selected.setdefault(field, [])
                if value not in values:
                    values.append(value)
        return selected

    def search(self) -> SearchQuerySet:
        sqs = SearchQuerySet()
        query = self.cleaned_data.get("q", "").strip() if self.is_valid() else ""
        if query:
            sqs = sqs.auto_query(query).highlight()
        else:
            sqs = sqs.all().order_by("-published")
        for field, values in self.selected_facets.items():
            # Values of one facet OR together; facets AND together. Values are
            # slugs (checked above), so quoting is enough; escaping would keep
            # the backslashes inside the quotes.
            either = " OR ".join(f'"{value}"' for value in values)
            sqs = sqs.narrow(f"{field}_exact:({either})")
        for field in settings.SEARCH_FACETS:
            # Count the whole-value twin of each field, the one filters match on.
            sqs = sqs.facet(f"{field}_exact")
        return sqs

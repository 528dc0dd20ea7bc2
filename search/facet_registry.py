"""Every search facet, declared once: the form, the query, the counts, the page and
the index all read ``FACETS``.

``settings.SEARCH_FACETS`` keeps each facet's label, its entity kind and the order
pages list them in; this module checks it on load and adds what the code needs:
the index field, the values a URL may select, whether the facet is a date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from archive.models import ENTITY_KINDS

# The facet value of articles whose date is unknown: a choice like any year.
UNKNOWN_DATE = "unknown"
YEAR, MONTH = "year", "month"
# A facet names either an entity of one of these kinds or, with no kind, a date.
SOURCE_KIND = "source"
ENTITY_FACET_KINDS = (*ENTITY_KINDS, SOURCE_KIND)

_SLUG = re.compile(r"^[\w-]{1,200}$")
_DATE_PATTERNS = {
    YEAR: re.compile(rf"^(\d{{4}}|{UNKNOWN_DATE})$"),
    MONTH: re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
}


@dataclass(frozen=True)
class Facet:
    key: str  # in URLs (``selected_facets=key:value``) and in facet counts
    label: str
    index_field: str  # the faceted ArticleIndex field; filtered on ``<index_field>_exact``
    value_pattern: re.Pattern[str]  # what a URL may select
    is_date: bool  # listed newest first with every value, not the top ones by count
    entity_kind: str | None  # one of ENTITY_FACET_KINDS; None for a date
    # The entities an article's encounters bring together (who met whom), rather
    # than those it mentions.
    encounters: bool = False

    def accepts(self, value: str) -> bool:
        return self.value_pattern.match(value) is not None


def load_facets(config: Mapping[str, Mapping[str, object]]) -> dict[str, Facet]:
    """The facets ``config`` (shaped as ``settings.SEARCH_FACETS``) declares, in its
    order; raises ImproperlyConfigured, naming the facet, for one that is not right."""
    facets = {}
    for key, options in config.items():
        if not isinstance(options, Mapping):
            options = {}
        label, kind = options.get("label"), options.get("entity")
        encounters = options.get("encounters", False)
        if not isinstance(label, str) or not label:
            raise ImproperlyConfigured(f"SEARCH_FACETS[{key!r}] has no label.")
        is_date = key in _DATE_PATTERNS
        if is_date and kind is not None:
            raise ImproperlyConfigured(
                f"SEARCH_FACETS[{key!r}] is a date facet: its entity kind must be None, "
                f"not {kind!r}."
            )
        if encounters and kind != "person":
            raise ImproperlyConfigured(
                f"SEARCH_FACETS[{key!r}]: encounters are counted by person; its entity "
                f"kind must be 'person', not {kind!r}."
            )
        if not is_date and kind not in ENTITY_FACET_KINDS:
            raise ImproperlyConfigured(
                f"SEARCH_FACETS[{key!r}] has an unknown entity kind {kind!r}; "
                f"expected one of {', '.join(ENTITY_FACET_KINDS)} (or None for "
                f"{' or '.join(_DATE_PATTERNS)})."
            )
        facets[key] = Facet(
            key=key,
            label=label,
            index_field=key,
            value_pattern=_DATE_PATTERNS.get(key, _SLUG),
            is_date=is_date,
            entity_kind=kind,
            encounters=bool(encounters),
        )
    return facets


FACETS: Mapping[str, Facet] = MappingProxyType(load_facets(settings.SEARCH_FACETS))
DATE_FACETS: tuple[str, ...] = tuple(key for key, facet in FACETS.items() if facet.is_date)

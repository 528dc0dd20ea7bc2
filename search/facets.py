"""Turn raw facet counts into rows a template can show: label, count, links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict

from archive.models import ENTITY_KINDS, Source

from .facet_registry import FACETS, SOURCE_KIND, UNKNOWN_DATE

UNKNOWN_DATE_LABEL = "Date unknown"


@dataclass(frozen=True)
class FacetRow:
    value: str
    label: str
    count: int
    selected: bool
    url: str  # the query string that selects (or, if selected, deselects) this value


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes it."""

    label: str
    value: str
    url: str


@dataclass(frozen=True)
class Facet:
    field: str
    label: str
    rows: list[FacetRow]


def facet_param(field: str, value: str) -> str:
    return f"{field}:{value}"


def toggle_url(params: QueryDict, field: str, value: str) -> str:
    """The query string with this facet value added, or removed if present; page reset."""
    item = facet_param(field, value)
    selected = params.getlist("selected_facets")
    selected = (
        [other for other in selected if other != item] if item in selected else [*selected, item]
    )
    # Pairs urlencoded directly: the same string as a changed copy of the QueryDict,
    # without copying it for each of a page's hundred-odd facet links.
    pairs = []
    for key, values in params.lists():
        if key == "selected_facets":
            pairs += [(key, other) for other in selected]
            selected = []
        elif key != "page":
            pairs += [(key, other) for other in values]
    pairs += [("selected_facets", other) for other in selected]
    return "?" + urlencode(pairs)


def build_facets(
    counts: dict[str, list[tuple[str, int]]],
    selected: dict[str, list[str]],
    params: QueryDict,
    *,
    limit: int | None = None,
    labels: dict[str, dict[str, str]] | None = None,
) -> list[Facet]:
    """Rows for every configured facet, selected values first and always shown.

    ``counts`` maps a facet field to ``(value, count)`` pairs as the backend
    returns them; ``labels`` maps field -> value -> display name.
    """
    limit = limit or settings.SEARCH_FACET_LIMIT
    labels = labels if labels is not None else facet_labels(counts, selected)
    facets = []
    for field, config in FACETS.items():
        chosen = selected.get(field, [])
        # Articles without a value (no date, no source) come back as None.
        pairs = {value: count for value, count in counts.get(field, []) if value is not None}
        ordered = sorted(pairs.items(), key=lambda pair: (-pair[1], pair[0]))
        if config.is_date:
            # Newest first; "unknown" after every date.
            ordered = sorted(pairs.items(), key=lambda pair: (pair[0] != UNKNOWN_DATE, pair[0]))
            ordered.reverse()
        shown = [value for value, count in ordered if count > 0][:limit]
        shown = [value for value in chosen if value not in shown] + shown
        rows = [
            FacetRow(
                value=value,
                label=labels.get(field, {}).get(value, value),
                count=pairs.get(value, 0),
                selected=value in chosen,
                url=toggle_url(params, field, value),
            )
            for value in shown
        ]
        facets.append(Facet(field=field, label=config.label, rows=rows))
    return facets


def facet_labels(
    counts: dict[str, list[tuple[str, int]]], selected: dict[str, list[str]]
) -> dict[str, dict[str, str]]:
    """Display names for the entity slugs a page shows (the top values by count and
    the chosen ones), one query per facet that has values."""
    labels: dict[str, dict[str, str]] = {}
    for field, config in FACETS.items():
        kind = config.entity_kind
        top = counts.get(field, [])
        if not config.is_date:
            top = top[: settings.SEARCH_FACET_LIMIT]
        slugs = {value for value, _ in top if value} | set(selected.get(field, []))
        if config.is_date:
            labels[field] = {value: date_label(value) for value in slugs}
        if not kind or not slugs:
            continue
        model = Source if kind == SOURCE_KIND else ENTITY_KINDS[kind].model
        labels[field] = dict(model.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return labels


def date_label(value: str) -> str:
    """ "2025" stays; "2025-10" reads "October 2025"; "unknown" says so."""
    if value == UNKNOWN_DATE:
        return UNKNOWN_DATE_LABEL
    if len(value) == 7:
        try:
            return dt.date(int(value[:4]), int(value[5:]), 1).strftime("%B %Y")
        except ValueError:
            return value
    return value


def active_filters(
    selected: dict[str, list[str]],
    params: QueryDict,
    labels: dict[str, dict[str, str]],
    dates: dict[str, dt.date | None],
) -> list[Chip]:
    """A chip per selected facet value and per date bound, each removing only itself."""
    chips = []
    for field, values in selected.items():
        label = FACETS[field].label
        for value in values:
            name = labels.get(field, {}).get(value, value)
            chips.append(Chip(label=label, value=name, url=toggle_url(params, field, value)))
    for key, label in (("start", "From"), ("end", "To")):
        if dates.get(key):
            rest = params.copy()
            rest.pop("page", None)
            rest.pop(key, None)
            chips.append(
                Chip(label=label, value=f"{dates[key]:%Y-%m-%d}", url="?" + rest.urlencode())
            )
    return chips

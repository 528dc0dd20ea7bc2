"""/interactions/: encounters, filterable by participant, kind, status, country and dates."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render

from archive.caching import CachedPaginator
from archive.interaction_selectors import InteractionFilters, interactions, with_details
from archive.models import Interaction, Organisation, Person, Place


def interaction_list(request):
    filters, problems = _filters(request.GET)
    records = interactions(filters)
    page = CachedPaginator(records, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "archive/interaction_list.html",
        {
            "page_obj": page,
            "records": with_details(
                Interaction.objects.filter(pk__in=[r.pk for r in page])
            ).order_by("-date", "-pk"),
            "filters": filters,
            "problems": problems,
            "kinds": Interaction.Kind.choices,
            "statuses": Interaction.Status.choices,
            "query": request.GET,
            "extra_params": params.urlencode(),
        },
    )


def _filters(query) -> tuple[InteractionFilters, list[str]]:
    """The filters the query asks for; a value that names nothing is reported, not obeyed."""
    problems = []
    values = {}
    for name in ("participant", "with"):
        slug = query.get(name, "").strip()
        if slug:
            entity = _entity(slug)
            if entity is None:
                problems.append(f"{name}: no person or organisation {slug!r}")
            values["participant" if name == "participant" else "counterpart"] = entity
    kind = query.get("kind", "")
    if kind and kind not in Interaction.Kind.values:
        problems.append(f"kind: {kind!r} is none of {', '.join(Interaction.Kind.values)}")
        kind = ""
    status = query.get("status", "")
    if status and status not in Interaction.Status.values:
        problems.append(f"status: {status!r} is neither held nor planned")
        status = ""
    country = query.get("country", "").strip()
    if country:
        values["country"] = Place.objects.filter(slug=country).first()
        if values["country"] is None:
            problems.append(f"country: no place {country!r}")
    for name, field in (("from", "since"), ("to", "until")):
        text = query.get(name, "").strip()
        if text:
            try:
                values[field] = dt.date.fromisoformat(text)
            except ValueError:
                problems.append(f"{name}: {text!r} is no date (write YYYY-MM-DD)")
    return InteractionFilters(kind=kind, status=status, **values), problems


def _entity(slug: str):
    return (
        Person.objects.filter(slug=slug).first() or Organisation.objects.filter(slug=slug).first()
    )

"""/interactions/: encounters, filterable by participant, kind, status, country and dates."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import render
from django.template.loader import render_to_string

from archive.caching import CachedPaginator, cached
from archive.interaction_selectors import InteractionFilters, interactions, with_details
from archive.models import Interaction, Organisation, Person, Place


def interaction_list(request):
    """The list page. A page of records is HTML kept until the archive changes, as
    an entity page's parts are: rendering fifty records with their participants and
    sources cost more than the rest of the request."""
    filters, problems = _filters(request.GET)
    page = CachedPaginator(interactions(filters), 50).get_page(request.GET.get("page"))
    records = cached(
        f"interaction-list:{filters.key()}:{page.number}", lambda: _render_records(page)
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "archive/interaction_list.html",
        {
            "page_obj": page,
            "records": records,
            "filters": filters,
            "problems": problems,
            "kinds": Interaction.Kind.choices,
            "statuses": Interaction.Status.choices,
            "query": request.GET,
            "extra_params": params.urlencode(),
        },
    )


def _render_records(page) -> str:
    records = with_details(Interaction.objects.filter(pk__in=[r.pk for r in page]))
    return render_to_string(
        "includes/interaction_items.html", {"records": records.order_by("-date", "-pk")}
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

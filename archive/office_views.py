"""Office pages: the index of offices, an office's holders, a tenure's articles."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from archive.caching import CachedPaginator, cached
from archive.models import Office, Person
from archive.office_selectors import (
    holders_on,
    newest_article_date,
    office_timeline,
    offices_by_owner,
    tenure_articles,
)
from archive.selectors import article_cards


def office_index(request):
    """Every office the archive knows a holder of, by country and organisation,
    with who holds it as of the newest article.

    The list is HTML kept until the archive changes: at 100,000 articles it names
    thousands of offices and holders, and rendering them is most of the request."""
    return render(
        request, "archive/office_index.html", {"offices": cached("office-index", _render_offices)}
    )


def _render_offices() -> str:
    groups = offices_by_owner()
    day = newest_article_date()
    holders = holders_on([o for _owner, offices in groups for o in offices], day)
    context = {
        "groups": [
            (owner, [(o, holders.get(o.pk, [])) for o in offices]) for owner, offices in groups
        ],
        "day": day,
    }
    return render_to_string("includes/office_groups.html", context)


def office_detail(request, slug: str):
    office = get_object_or_404(Office.objects.select_related("country", "organisation"), slug=slug)
    return render(
        request,
        "archive/office_detail.html",
        {"office": office, "tenures": office_timeline(office)},
    )


def tenure_detail(request, slug: str, person: str):
    """The articles that show one person in one office, newest first."""
    office = get_object_or_404(Office.objects.select_related("country", "organisation"), slug=slug)
    holder = get_object_or_404(Person, slug=person)
    articles = article_cards(tenure_articles(office, holder))
    page = CachedPaginator(articles, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "archive/tenure_detail.html",
        {"office": office, "holder": holder, "page_obj": page, "articles": page.object_list},
    )

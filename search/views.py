from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from archive.models import Article

from .facets import build_facets
from .forms import SearchForm


def search(request):
    form = SearchForm(request.GET or None)
    sqs = form.search()
    paginator = Paginator(sqs, settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)

    hits = [hit for hit in page.object_list if hit is not None]
    articles = Article.objects.with_source().in_bulk([int(hit.pk) for hit in hits])
    results = [
        {
            "article": articles[int(hit.pk)],
            "snippets": (getattr(hit, "highlighted", None) or {}).get("text", [])[:3],
        }
        for hit in hits
        if int(hit.pk) in articles
    ]
    raw_counts = sqs.facet_counts().get("fields", {})
    # Haystack reports the counts of "organisation_exact" under "organisation".
    counts = {field: raw_counts.get(field, []) for field in settings.SEARCH_FACETS}
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page_url_prefix": "?" + (params.urlencode() + "&" if params else ""),
        "query": form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else "",
        "page_obj": page,
        "results": results,
        "facets": build_facets(counts, form.selected_facets, request.GET),
        "total": paginator.count,
    }
    return render(request, "search/search.html", context)

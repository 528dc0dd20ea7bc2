"""Search pages and their machine-readable twins; the work is done in search/ modules."""

from __future__ import annotations

from django.core.paginator import InvalidPage
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .engine import run_search, settle
from .entities import autocomplete as autocomplete_entities
from .exports import csv_chunks, json_chunks
from .feeds import SearchFeed
from .forms import SearchForm
from .pages import search_context


@require_GET
def search(request):
    form = SearchForm(request.GET)
    try:
        outcome = run_search(form.state(), request.GET.get("page"))
    except InvalidPage as error:
        raise Http404(str(error)) from None
    context = {"form": form, **search_context(request.GET, outcome.state, outcome)}
    return render(request, "search/search.html", context)


@require_GET
def export_json(request):
    state = settle(SearchForm(request.GET).state())
    return StreamingHttpResponse(
        json_chunks(state, request.GET), content_type="application/json; charset=utf-8"
    )


@require_GET
def export_csv(request):
    state = settle(SearchForm(request.GET).state())
    response = StreamingHttpResponse(csv_chunks(state), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="search.csv"'
    return response


@require_GET
def autocomplete(request):
    return JsonResponse({"results": autocomplete_entities(request.GET.get("q", ""))})


feed = SearchFeed()

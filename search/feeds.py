"""An Atom feed of any search, newest first, so a reader can subscribe to a query."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.text import Truncator

from archive.feeds import AtomFeed
from archive.models import Article

from .engine import build_queryset, settle
from .forms import SearchForm
from .pages import state_params


class SearchFeed(Feed):
    feed_type = AtomFeed

    def get_object(self, request, *args, **kwargs):
        state = replace(settle(SearchForm(request.GET).state()), sort="newest")
        return state, state_params(request.GET).urlencode()

    def title(self, obj) -> str:
        state, _ = obj
        label = f"“{state.query.text}”" if state.query.text else "all articles"
        return f"Diplomatic News Archive: {label}"

    def subtitle(self, obj) -> str:
        return "The newest articles matching this search."

    def link(self, obj) -> str:
        _, params = obj
        return reverse("search:search") + ("?" + params if params else "")

    def items(self, obj) -> list[Article]:
        state, _ = obj
        sqs = build_queryset(state, facets=[], highlight=False)
        ids = [int(hit.pk) for hit in sqs[: settings.SEARCH_FEED_ITEMS] if hit is not None]
        articles = Article.objects.with_source().in_bulk(ids)
        return [articles[pk] for pk in ids if pk in articles]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead or Truncator(item.body).words(60)

    def item_pubdate(self, item: Article) -> dt.datetime | None:
        if item.published_at:
            return item.published_at
        if item.published:
            return dt.datetime.combine(item.published, dt.time(), tzinfo=dt.UTC)
        return None

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.updated

    def item_author_name(self, item: Article) -> str:
        return item.author or (item.source.name if item.source else "")

"""Atom feeds: the latest articles, and the latest articles about one entity."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from archive.models import ENTITY_KINDS, Article

FEED_SIZE = 30


class AtomFeed(Atom1Feed):
    """Atom, with each entry's text escaped for the type of element it goes in.

    Django writes an entry's summary as ``type="html"`` and escapes it only for
    XML: a reader unescapes that and renders the rest as HTML, so markup in an
    article's text (an ``<img onerror=…>``) would come alive. Article text is
    plain text, so the summary is escaped for HTML first, and read back as text.
    Titles, subtitles and author names are Atom text (no type), shown as they are.
    Every feed of the archive uses this.
    """

    def add_item(self, title, link, description, **kwargs):
        if description is not None:
            description = escape(description)
        super().add_item(title, link, description, **kwargs)


class LatestArticlesFeed(Feed):
    feed_type = AtomFeed
    title = "Diplomatic News Archive: latest articles"
    subtitle = "The newest articles in the archive."

    def link(self):
        return reverse("archive:article-list")

    def items(self):
        return Article.objects.with_source().newest_first()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead or item.body[:500]

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_pubdate(self, item: Article):
        if item.published_at:
            return item.published_at
        if item.published:
            return timezone.make_aware(dt.datetime.combine(item.published, dt.time()), dt.UTC)
        return item.created

    def item_updateddate(self, item: Article):
        return item.updated


class EntityArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, kind: str, slug: str):
        return get_object_or_404(ENTITY_KINDS[kind].model, slug=slug)

    def title(self, entity) -> str:
        return f"Diplomatic News Archive: {entity.name}"

    def subtitle(self, entity) -> str:
        return f"The newest articles mentioning {entity.name}."

    def link(self, entity) -> str:
        return entity.get_absolute_url()

    def items(self, entity):
        return entity.articles.with_source().newest_first()[:FEED_SIZE]

from __future__ import annotations

import datetime as dt
import string
from functools import partial

from django.conf import settings
from django.core.paginator import InvalidPage
from django.db.models import Count, Max, Min, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import (
    DetailView,
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)

from archive.caching import CachedPaginator, cached
from archive.copy_selectors import copies_of
from archive.extraction.normalize import sort_key
from archive.interaction_selectors import (
    article_interactions,
    interactions_in,
    met_with,
    network,
    travels,
)
from archive.models import ENTITY_KINDS, Article, EntityRedirect, Source
from archive.office_selectors import holders_on, newest_article_date, offices_held, owner_offices
from archive.selectors import (
    article_cards,
    article_count,
    co_occurring,
    entities_by_articles,
    entity_mentions,
    monthly_counts,
    most_mentioned,
)
from archive.text import citation, first_mention_links, render_body
from archive.timeline import build_timeline


def home(request):
    context = {
        "latest": article_cards()[:10],
        "article_count": article_count(),
        "top": [
            (kind, most_mentioned(kind)) for kind in ENTITY_KINDS.values() if kind.name != "event"
        ],
        "timeline": build_timeline(monthly_counts()),
    }
    return render(request, "archive/home.html", context)


class ArticleFilterMixin:
    """Article lists narrowed by ``?organisation=<slug>&person=…&place=…&source=…``."""

    paginate_by = settings.ARCHIVE_ARTICLES_PER_PAGE
    paginator_class = CachedPaginator

    def get_filters(self) -> list[tuple[str, object]]:
        if not hasattr(self, "_filters"):
            self._filters = []
            for field in ("organisation", "person", "place", "source"):
                slug = self.request.GET.get(field, "")
                if not slug:
                    continue
                model = Source if field == "source" else ENTITY_KINDS[field].model
                self._filters.append((field, get_object_or_404(model, slug=slug)))
        return self._filters

    def filter_articles(self, articles):
        for field, entity in self.get_filters():
            lookup = "source" if field == "source" else ENTITY_KINDS[field].plural
            articles = articles.filter(**{lookup: entity})
        return articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        context["filters"] = self.get_filters()
        context["extra_params"] = params.urlencode()
        context["timeline_query"] = f"?{params.urlencode()}" if params else ""
        return context


class ArticleListView(ArticleFilterMixin, ListView):
    def get_queryset(self):
        return self.filter_articles(article_cards())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = build_timeline(
            monthly_counts(self.filter_articles(Article.objects)), query=context["timeline_query"]
        )
        return context


class ArticleDateMixin(ArticleFilterMixin):
    """Year and month pages: the filtered articles of a period, with the year's timeline."""

    date_field = "published"
    template_name = "archive/article_archive.html"

    def get_queryset(self):
        return self.filter_articles(article_cards())

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """The year's months with articles, on the year's page and each month's.

        Taken from the year's monthly counts, which the timeline shows anyway:
        Django's own list reads every article's date through a Python function
        on SQLite.
        """
        today = dt.date.today()
        return [
            month
            for month, count in self.year_months
            if count and (self.get_allow_future() or month <= today)
        ]

    @cached_property
    def year_months(self) -> list[tuple[dt.date, int]]:
        year = int(self.get_year())
        return monthly_counts(self.filter_articles(Article.objects.filter(published__year=year)))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = build_timeline(self.year_months, query=context["timeline_query"])
        context["period"] = str(int(self.get_year()))
        return context


class ArticleYearView(ArticleDateMixin, YearArchiveView):
    make_object_list = True


class ArticleMonthView(ArticleDateMixin, MonthArchiveView):
    month_format = "%m"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = int(self.get_year()), int(self.get_month())
        context["period"] = dt.date(year, month, 1).strftime("%B %Y")
        context["year"], context["month"] = year, month
        return context


class ArticleDetailView(DetailView):
    queryset = Article.objects.with_source()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # An old or missing slug still reaches the article, at its one true address.
        if kwargs.get("slug") != self.object.slug:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        roles = {role.person_id: role.title for role in article.roles.all()}
        groups = [(kind, list(entity_mentions(article, kind))) for kind in ENTITY_KINDS.values()]
        context["entity_groups"] = [
            (
                kind,
                [
                    {
                        "entity": getattr(mention, kind.name),
                        "count": mention.count,
                        "role": roles.get(mention.person_id) if kind.name == "person" else "",
                        "via_office": getattr(mention, "via_office", None),
                    }
                    for mention in mentions
                ],
            )
            for kind, mentions in groups
        ]
        context["encounters"] = article_interactions(article)
        context["copies"] = copies_of(article)
        context["body_html"] = render_body(article.body, first_mention_links(article, groups))
        context["citation"] = citation(article, self.request.build_absolute_uri())
        return context


_LETTERS = frozenset(string.ascii_uppercase)


def entity_index(request, kind: str):
    """All entities of a kind, A–Z, with article counts; filter by initial or name.

    Names sort, and file under their initial, by their sort key, with case and
    accents folded (``Élysée`` under E, ``al-Qaida`` among the other A's), in
    one order on every database.
    """
    entity_kind = ENTITY_KINDS[kind]
    entities = entities_by_articles(entity_kind).order_by("sort_name", "pk")
    name_filter = request.GET.get("name", "").strip()[:100]
    letter = request.GET.get("letter", "")[:1].upper()
    if letter not in _LETTERS:
        letter = ""
    if name_filter:
        entities = entities.filter(sort_name__contains=sort_key(name_filter))
    if letter:
        # A range of the sort key, which its index serves on every database.
        initial = letter.lower()
        entities = entities.filter(sort_name__gte=initial, sort_name__lt=chr(ord(initial) + 1))
    params = request.GET.copy()
    params.pop("page", None)
    # Counting the articles of a hundred entities reads every one of their mentions.
    page = CachedPaginator(entities, 100, keep_rows=True).get_page(request.GET.get("page"))
    context = {
        "kind": entity_kind,
        "page_obj": page,
        "entities": page.object_list,
        "name_filter": name_filter,
        "letter": letter,
        "letters": string.ascii_uppercase,
        "extra_params": params.urlencode(),
    }
    return render(request, "archive/entity_index.html", context)


class EntityArticlesView(TemplateView):
    """An entity's (or a source's) page: its facts, then its articles, newest first.

    Both parts are HTML kept until the archive changes: the facts once, the
    articles once per page of them. Rendering them (twenty article cards, dozens
    of links) cost more than all the rest of the page, so a request finds the
    entity and reads the two. They are rendered without the request: nothing in
    them may depend on who asks.
    """

    template_name = "archive/entity_detail.html"
    facet_field = ""

    def get_articles(self) -> QuerySet[Article]:
        raise NotImplementedError

    def get_facts(self) -> dict:
        """The facts part's context beyond the entity itself."""
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = self.page_number()
        key = f"entity-page:{self.facet_field}:{self.entity.pk}"
        context["entity"] = self.entity
        context["facts"] = cached(f"{key}:facts", self.render_facts)
        context["articles"] = cached(
            f"{key}:articles:{number}", partial(self.render_articles, number)
        )
        return context

    def page_number(self) -> int | str:
        """The page asked for, as ListView reads it: a number, or "last"."""
        number = self.request.GET.get("page") or 1
        if number == "last":
            return number
        try:
            return int(number)
        except ValueError:
            raise Http404("Page is not “last”, nor can it be converted to an int.") from None

    def render_facts(self) -> str:
        context = {"entity": self.entity, "facet_field": self.facet_field, **self.get_facts()}
        return render_to_string("archive/entity_facts.html", context)

    def render_articles(self, number: int | str) -> str:
        paginator = CachedPaginator(
            article_cards(self.get_articles()), settings.ARCHIVE_ARTICLES_PER_PAGE
        )
        try:
            page = paginator.page(paginator.num_pages if number == "last" else number)
        except InvalidPage as error:
            raise Http404(f"Invalid page ({number}): {error}") from error
        context = {"page_obj": page, "object_list": page.object_list}
        return render_to_string("archive/entity_articles.html", context)


class EntityDetailView(EntityArticlesView):
    def get(self, request, *args, **kwargs):
        self.kind = ENTITY_KINDS[kwargs["kind"]]
        self.facet_field = self.kind.name
        self.entity = self.kind.model.objects.filter(slug=kwargs["slug"]).first()
        if self.entity is None:
            # A merged-away or renamed entity's old address leads to its successor.
            moved = get_object_or_404(EntityRedirect, kind=self.kind.name, old_slug=kwargs["slug"])
            return redirect(get_object_or_404(self.kind.model, pk=moved.target_id), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_articles(self):
        return Article.objects.filter(**{self.kind.plural: self.entity})

    def get_facts(self) -> dict:
        entity, kind = self.entity, self.kind
        facts = {
            "kind": kind,
            "aliases": entity.aliases.all(),
            "timeline": build_timeline(monthly_counts(self.get_articles())),
            "together": co_occurring(entity, kind),
            "feed_url": reverse(f"archive:{kind.name}-feed", kwargs={"slug": entity.slug}),
        }
        if kind.name == "event":
            facts["participants"] = [*entity.organisations.all(), *entity.persons.all()]
        if kind.name in ("organisation", "place"):
            # "Who holds its offices", as of the archive's newest article.
            offices = list(owner_offices(entity).order_by("title"))
            if offices:
                day = newest_article_date()
                holders = holders_on(offices, day)
                facts["offices_as_of"] = day
                facts["offices"] = [(office, holders.get(office.pk, [])) for office in offices]
        if kind.name in ("person", "organisation"):
            counterparts = met_with(entity)
            facts["met_with"] = counterparts
            facts["network"] = network(counterparts)
            facts["travels"] = travels(entity)
        if kind.name == "place":
            facts["encounters_here"] = interactions_in(entity)
        if kind.name == "person":
            facts["offices_held"] = offices_held(entity)
            facts["roles"] = (
                entity.roles.values("title")
                .annotate(times=Count("id"), first=Min("seen_on"), last=Max("seen_on"))
                .order_by("-last", "title")
            )
        return facts


class SourceDetailView(EntityArticlesView):
    facet_field = "source"

    def get(self, request, *args, **kwargs):
        self.entity = get_object_or_404(Source, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_articles(self):
        return Article.objects.filter(source=self.entity)

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView, ListView

from archive.models import ENTITY_KINDS, Article, EntityRedirect, Source
from archive.selectors import entities_by_articles, entity_mentions


def home(request):
    context = {
        "latest": Article.objects.with_source().newest_first()[:10],
        "article_count": Article.objects.count(),
        "top": [
            (kind, entities_by_articles(kind)[:8])
            for kind in ENTITY_KINDS.values()
            if kind.name != "event"
        ],
    }
    return render(request, "archive/home.html", context)


class ArticleListView(ListView):
    paginate_by = settings.ARCHIVE_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.with_source().newest_first()


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
        roles = {role.person_id: role.title for role in self.object.roles.all()}
        context["entity_groups"] = [
            (
                kind,
                [
                    {
                        "entity": getattr(mention, kind.name),
                        "count": mention.count,
                        "role": roles.get(mention.person_id) if kind.name == "person" else "",
                    }
                    for mention in entity_mentions(self.object, kind)
                ],
            )
            for kind in ENTITY_KINDS.values()
        ]
        return context


def entity_index(request, kind: str):
    entity_kind = ENTITY_KINDS[kind]
    entities = entities_by_articles(entity_kind).order_by("name")
    name_filter = request.GET.get("name", "").strip()[:100]
    if name_filter:
        entities = entities.filter(name__icontains=name_filter)
    page = Paginator(entities, 100).get_page(request.GET.get("page"))
    context = {
        "kind": entity_kind,
        "page_obj": page,
        "entities": page.object_list,
        "name_filter": name_filter,
    }
    return render(request, "archive/entity_index.html", context)


class EntityArticlesMixin:
    """An entity (or source) page: its facts and its articles, newest first."""

    paginate_by = settings.ARCHIVE_ARTICLES_PER_PAGE
    template_name = "archive/entity_detail.html"
    facet_field = ""

    def get_queryset(self):
        return self.get_articles().with_source().newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entity"] = self.entity
        context["facet_field"] = self.facet_field
        return context


class EntityDetailView(EntityArticlesMixin, ListView):
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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind"] = self.kind
        context["aliases"] = self.entity.aliases.all()
        if self.kind.name == "person":
            context["roles"] = (
                self.entity.roles.values("title")
                .annotate(times=Count("id"))
                .order_by("-times", "title")
            )
        return context


class SourceDetailView(EntityArticlesMixin, ListView):
    facet_field = "source"

    def get(self, request, *args, **kwargs):
        self.entity = get_object_or_404(Source, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_articles(self):
        return Article.objects.filter(source=self.entity)

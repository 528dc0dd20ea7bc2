from django.urls import path

from . import interaction_views, office_views, views
from .feeds import EntityArticlesFeed, LatestArticlesFeed

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:year>/", views.ArticleYearView.as_view(), name="article-year"),
    path(
        "articles/<int:year>/<int:month>/",
        views.ArticleMonthView.as_view(),
        name="article-month",
    ),
    # The id alone identifies an article; the slug is for readers and redirects if stale.
    path("articles/<int:pk>-<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source"),
    path("feeds/latest/", LatestArticlesFeed(), name="feed-latest"),
    path("interactions/", interaction_views.interaction_list, name="interaction-list"),
    path("offices/", office_views.office_index, name="office-list"),
    path("offices/<slug:slug>/", office_views.office_detail, name="office"),
    path("offices/<slug:slug>/<slug:person>/", office_views.tenure_detail, name="tenure"),
]

# One index and one page per kind of entity: /people/, /people/<slug>/, ...
_PREFIXES = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "event": "events",
}
for _kind, _prefix in _PREFIXES.items():
    urlpatterns += [
        path(f"{_prefix}/", views.entity_index, {"kind": _kind}, name=f"{_kind}-list"),
        path(
            f"{_prefix}/<slug:slug>/",
            views.EntityDetailView.as_view(),
            {"kind": _kind},
            name=_kind,
        ),
        path(
            f"feeds/{_prefix}/<slug:slug>/",
            EntityArticlesFeed(),
            {"kind": _kind},
            name=f"{_kind}-feed",
        ),
    ]

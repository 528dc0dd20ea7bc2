from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path

from archive.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("search/", include("search.urls")),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("archive.urls")),
]

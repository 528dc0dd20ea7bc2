from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.json", views.export_json, name="export-json"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("feed/", views.feed, name="feed"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
]

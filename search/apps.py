from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Whoosh's fixes, before any index is opened. Every process that uses the
        # index runs django.setup() (manage.py, WSGI, pytest-django) or is forked
        # from one that did (update_index workers, the ingest's indexers).
        from search.whoosh import patches

        patches.apply()

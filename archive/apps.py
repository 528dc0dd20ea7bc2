from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"

    def ready(self) -> None:
        # The receivers that count the archive's changes (its revision number).
        from archive import signals  # noqa: F401

"""Signals the archive sends about its own work, for whoever keeps derived data.

A bulk write (an ingest run) lets listeners such as the search index batch their
work instead of acting on every single article.

This is also where the archive counts its own changes: every committed
transaction that writes its content bumps the archive's revision number once,
and the reads cached under that number (``archive.caching``) are computed afresh.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from archive.caching import bump_revision_on_commit

bulk_write_started = Signal()
# ``ids`` (optional): the articles the run stored or found unchanged; listeners
# check just those instead of everything.
bulk_write_finished = Signal()

# The derived data of some articles changed (entities merged, rejected or
# re-extracted) without the articles themselves being saved. ``ids``: article pks.
articles_changed = Signal()

# The models whose rows pages show, saved or deleted one at a time (ingest's bulk
# inserts send articles_changed instead).
CONTENT_MODELS = [
    "Article",
    "Source",
    "Person",
    "Organisation",
    "Place",
    "Event",
    "PersonAlias",
    "OrganisationAlias",
    "PlaceAlias",
    "EventAlias",
    "RejectedName",
    "EntityRedirect",
    "Office",
    "Interaction",
    "CopyGroup",
]
# Rows linking articles and entities. Their deletes are not listened to: relinking
# articles and cascades delete them by the thousand, which a receiver would turn
# into a fetch and a signal per row, and those writes announce themselves (the
# article or entity saved or deleted, articles_changed). Inline edits in the admin
# save the person too, and the admin counts its own deletes (archive.admin.ArchiveAdmin).
LINK_MODELS = [
    "PersonMention",
    "OrganisationMention",
    "PlaceMention",
    "EventMention",
    "PersonRole",
    # Rebuilt office by office (services/offices.py), which announces the articles.
    "Tenure",
    "OfficeMention",
    # Rebuilt with the articles that report them (services/interactions.py).
    "InteractionParticipant",
    "InteractionSource",
    # Stored with the articles they belong to.
    "CopyKey",
    "AcronymDefinition",
]
# Event participants, which the admin sets with Event.organisations.set().
PARTICIPANT_MODELS = ["Event_organisations", "Event_persons"]


def _content_changed(sender, **kwargs) -> None:
    bump_revision_on_commit()


def _connect(signal, label: str, model_names: list[str]) -> None:
    for name in model_names:
        # A lazy sender ("archive.Article") connects before the models are loaded.
        signal.connect(
            _content_changed, sender=f"archive.{name}", dispatch_uid=f"revision-{label}-{name}"
        )


_connect(post_save, "save", CONTENT_MODELS + LINK_MODELS)
_connect(post_delete, "delete", CONTENT_MODELS)
_connect(m2m_changed, "m2m", PARTICIPANT_MODELS)
articles_changed.connect(_content_changed, dispatch_uid="archive-revision-articles-changed")
# A bulk run may fill in entities' details without relinking any article.
bulk_write_finished.connect(_content_changed, dispatch_uid="archive-revision-bulk-finished")


def _copy_left(sender, instance, **kwargs) -> None:
    """A deleted article leaves its group of copies: the rest are filed again."""
    if instance.copy_group_id is not None:
        from archive.services.copy_groups import regroup  # it imports this module

        regroup([instance.copy_group_id])


post_delete.connect(_copy_left, sender="archive.Article", dispatch_uid="copies-article-deleted")

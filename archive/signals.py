"""Signals the archive sends about its own work, for whoever keeps derived data.

A bulk write (an ingest run) lets listeners such as the search index batch their
work instead of acting on every single article.
"""

from django.dispatch import Signal

bulk_write_started = Signal()
# ``ids`` (optional): the articles the run stored or found unchanged; listeners
# check just those instead of everything.
bulk_write_finished = Signal()

# The derived data of some articles changed (entities merged, rejected or
# re-extracted) without the articles themselves being saved. ``ids``: article pks.
articles_changed = Signal()

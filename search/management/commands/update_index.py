"""Haystack's ``update_index``, with one worker process per core by default.

Each worker writes its batches into segments of its own and waits for the others
only to join them to the index (see ``ArchiveWhooshBackend.update``), so the
workers index at once. ``--workers 0`` indexes in this process.
"""

from haystack.management.commands import update_index

from search.indexing import default_workers


class Command(update_index.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(workers=default_workers())

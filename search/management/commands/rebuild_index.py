"""Haystack's ``rebuild_index``, indexing with one worker process per core by default."""

from haystack.management.commands import rebuild_index

from search.indexing import default_workers


class Command(rebuild_index.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(workers=default_workers())

"""Everything Whoosh-specific lives here: haystack's Whoosh backend, corrected.

The rest of the code talks to haystack's public API only, so moving to
Elasticsearch is a change of ``HAYSTACK_CONNECTIONS`` and nothing else.
"""

from __future__ import annotations

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.fields import FacetField
from whoosh import index
from whoosh.fields import ID, KEYWORD
from whoosh.filedb.filestore import FileStorage


class ArchiveWhooshBackend(WhooshSearchBackend):
    def setup(self) -> None:
        super().setup()
        if self.use_file_storage:
            # Memory-mapping the segments and then copying them costs a worker
            # gigabytes at scale; plain reads are as fast here.
            self.storage = FileStorage(self.path, supports_mmap=False)
            try:
                self.index = self.storage.open_index(schema=self.schema)
            except index.EmptyIndexError:
                self.index = self.storage.create_index(self.schema)

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        # Haystack indexes facet fields with the stemming text analyzer, which
        # splits "saudi-arabia" into words. Facet values must stay whole.
        for field_class in fields.values():
            if isinstance(field_class, FacetField):
                name = field_class.index_fieldname
                schema.remove(name)
                if field_class.is_multivalued:
                    schema.add(name, KEYWORD(stored=True, commas=True, scorable=False))
                else:
                    schema.add(name, ID(stored=True))
        return content_field_name, schema


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend

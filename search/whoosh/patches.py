"""Whoosh's own code, corrected: applied once per process by ``apply()``, which the
search app's ``ready()`` calls (so every process that runs ``django.setup()``, and
every process forked from one, has it)."""

from __future__ import annotations

import random

import whoosh.codec.base
import whoosh.codec.whoosh3
import whoosh.filedb.filestore
import whoosh.matching
import whoosh.writing
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util import IDCHARS
from whoosh.util.numeric import byte_to_length

# Whoosh draws segment and temp-file names from the global `random` module; a
# `random.seed()` anywhere in the process would make two writers pick the same
# name. A private, OS-seeded generator cannot be reseeded by anyone else.
_names = random.SystemRandom()


def _private_random_name(size: int = 28) -> str:
    return "".join(_names.choice(IDCHARS) for _ in range(size))


def _cached_lengths_reader(self, fieldname, column):
    # Whoosh caches a field's lengths column only when the field has one, so for
    # every posting of a field without (facets, ids) it asks the file system
    # again: a tenth of the indexing time. The answer never changes for a segment.
    if fieldname not in self._readers:
        has = self.has_column(fieldname)
        self._readers[fieldname] = self.column_reader(fieldname, column) if has else None
    return self._readers[fieldname]


def _length_bytes(perdoc, fieldname: str) -> bytes | None:
    """A segment's field length of each document, one byte each, as Whoosh stores them."""
    key = ("lengths", fieldname)
    if key not in perdoc._readers:
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        perdoc._readers[key] = column and column._dbfile.get(column._basepos, column._count)
    return perdoc._readers[key]


def _doc_field_length(self, docnum, fieldname, default=0):
    # Whoosh reads a document's field length from the file once per posting
    # while writing a segment, and once per matched document while scoring.
    # One read of the whole column per segment reader serves them all.
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    lengths = _length_bytes(self, fieldname)
    if lengths is None:
        return default
    if docnum < len(lengths) and lengths[docnum]:
        return byte_to_length(lengths[docnum])
    return None  # what Whoosh answers for a zero length byte


# Whoosh can keep a short posting list inside its term's entry instead of a
# block of its own in the postings file: most words of a segment occur in a few
# documents only, and writing a block each was a fifth of the indexing time.
# Whoosh-Reloaded's posting writer calls `set_inline`, but its term info names
# the method `set_inlined`, so the option fails unless given this alias.
# (The alias is set by apply().)
INLINE_POSTINGS = 16  # posting lists shorter than this are kept in the term's entry
_list_value = whoosh.matching.ListMatcher.value


def _inlined_value(self):
    # An inlined posting without a value must read back as one from a block does,
    # None: Whoosh's list matcher gives "", which a merge refuses as not bytes.
    value = _list_value(self)
    return None if value == "" else value


def apply() -> None:
    """Patch Whoosh; calling it again changes nothing."""
    for _module in (whoosh.codec.base, whoosh.filedb.filestore, whoosh.writing):
        _module.random_name = _private_random_name
    whoosh.codec.whoosh3.W3PerDocReader._cached_reader = _cached_lengths_reader
    whoosh.codec.whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
    whoosh.codec.whoosh3.W3TermInfo.set_inline = whoosh.codec.whoosh3.W3TermInfo.set_inlined
    whoosh.matching.ListMatcher.value = _inlined_value

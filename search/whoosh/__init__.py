"""Everything Whoosh-specific but haystack's adapter (``search/backend.py``).

The rest of the code talks to haystack's public API only, so moving to
Elasticsearch is a change of ``HAYSTACK_CONNECTIONS`` and nothing else.

What this package and the adapter fix in django-haystack 3.4's Whoosh backend,
by module:

``patches`` (Whoosh's own code, patched once per process by ``apply()``, from the
search app's ``ready()``):

- segment names come from a private random generator, so ``random.seed()``
  elsewhere cannot make two writers pick the same name;
- field lengths are read once per segment, not once per posting;
- short posting lists are kept in their terms' entries (an option of Whoosh's
  that was broken).

``schema``:

- facet fields are indexed whole, not through the stemming analyzer, and once:
  the field each facet is made from is only stored;
- text is analysed for indexing in one pass, not four chained generators (with
  the field lengths above: same index, a fifth less CPU per document).

``writing``:

- index writers wait for the lock (one at a time per process, with a timeout
  across processes) and fail loudly instead of dropping a deletion;
- each batch is written into a segment of its own before the index's lock is
  taken, so several processes index at once, a core each.

``merging``:

- a bulk write's batches stay segments of their own; small segments (and the
  smallest, past a maximum count) are merged eight at a time, with no lock held,
  by streaming their postings in order rather than pooling and sorting them again.

``scoring`` and ``arrays``: queries of words and phrases are scored with NumPy
from whole posting lists, and facets are counted, filters applied and results
sorted from per-segment arrays, not one document at a time in Python.

``highlight``:

- highlighting returns several escaped fragments, for the query's positive terms.

``spelling``:

- a spelling suggestion is made when nothing is found (#644), word by word, and
  only for words the index does not know.

``search/backend.py`` (the haystack adapter):

- segments are read without memory-mapping (a worker copied gigabytes otherwise);
- ``narrow()`` filters are applied as an unscored Whoosh filter in the same search,
  not as one extra full scored search each;
- any slice of results is right, not only slices that start on a page boundary
  (haystack #1664, #694).
"""

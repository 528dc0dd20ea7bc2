"""Facet counts from any haystack backend in the one shape the search pages use.

``SearchQuerySet.facet_counts()`` differs per backend:

- Whoosh: ``{"fields": {name: [(value, count), ...]}, "dates": {...}, "queries": {...}}``,
  ``None`` for documents without a value; date range facets keyed by
  ``(start, end)`` datetimes.
- Elasticsearch (haystack's 1.x/2.x, 5 and 7 backends): terms buckets as
  ``(key, doc_count)`` tuples; a ``date_histogram`` as ``(datetime, count)``, the
  datetime built from the bucket's epoch milliseconds (raw keys may still be those
  milliseconds).
- Solr: ``[value, count, value, count]`` flat lists (haystack pairs them up), an
  extra ``"ranges"`` key for ``facet_ranges``, ``"dates"`` in Solr's legacy
  ``{"2021-05-01T00:00:00Z": 3, "gap": "+1MONTH/MONTH", ...}`` form; values may be
  ints or strings.

Any of them may give bytes, zero counts, unsorted lists, a missing ``"fields"`` key
or nothing at all. ``normalise_facet_counts`` turns all of it into
``{facet: [(value, count), ...]}``: values as the index stores them (slugs, years
``"2021"``, months ``"2021-05"``, ``UNKNOWN_DATE``), counts as ints, no zero counts,
most frequent first. A date facet on ``published`` (a histogram or range facet by
year or month) fills the ``year`` and ``month`` facets when they were not
faceted as fields.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .facet_registry import FACETS, MONTH, UNKNOWN_DATE, YEAR

# The indexed date whose date facets become our year and month values.
DATE_FIELD = "published"
# Solr's legacy date facets carry these beside the counts.
_SOLR_DATE_META = {"gap", "start", "end", "before", "after", "between"}
_EPOCH = dt.datetime(1970, 1, 1)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2})(?:[T ].*)?)?")

Pairs = list[tuple[str, int]]


def normalise_facet_counts(
    raw: Mapping[str, Any] | None,
    *,
    names: Iterable[str] | None = None,
    date_gap: str | None = None,
) -> dict[str, Pairs]:
    """Every facet of ``names`` (default: every facet of ``FACETS``) as
    ``(value, count)`` pairs, count descending then value, zero counts left out.

    ``date_gap`` is the ``gap_by`` a date facet on ``published`` was asked for
    (``"year"``, ``"month"``, ``"day"``…). Without it, buckets that start on any day
    but 1 January or span a month at most are read as finer than a year; years are
    right either way, months only from buckets of a month or finer.
    """
    names = list(FACETS if names is None else names)
    raw = _mapping(raw)
    fields = _mapping(raw.get("fields"))
    counts: dict[str, Counter[str]] = {}
    for name in names:
        if name in fields:
            counts[name] = _field_counts(name, fields[name])
    for section in ("dates", "ranges"):  # "ranges": Solr's facet_ranges
        buckets = _mapping(raw.get(section)).get(DATE_FIELD)
        if buckets is None:
            continue
        for name, found in _date_counts(buckets, date_gap).items():
            # A facet counted as a field already is not counted twice.
            if name in names and name not in counts:
                counts[name] = found
    return {name: _ordered(counts.get(name, Counter())) for name in names}


def _mapping(value: Any) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _field_counts(name: str, entries: Any) -> Counter[str]:
    found: Counter[str] = Counter()
    if isinstance(entries, list) and _as_stored(name, entries):
        # A selected facet can have tens of thousands of values: counted as
        # they are, not each read as any engine's shape might be.
        for value, count in entries:
            found[value] += count
        return found
    for value, count in _pairs(entries):
        if value is None and name == YEAR:
            # No year at all: as undated as the articles the index marks so.
            value = UNKNOWN_DATE
        text = _field_value(name, value)
        if text is not None:
            found[text] += count
    return found


def _as_stored(name: str, entries: list) -> bool:
    """Whether these are ``(value, count)`` tuples of a text value as the index
    stores it and an int count: the general path would keep them as they are."""
    facet = FACETS.get(name)
    # A date as the index writes it, in ASCII digits: one the general path would
    # read as a date gives the same text back.
    pattern = facet.value_pattern if facet is not None and facet.is_date else None
    for item in entries:
        if type(item) is not tuple or len(item) != 2:
            return False
        value, count = item
        if type(value) is not str or type(count) is not int:
            return False
        if pattern is not None and not (value.isascii() and pattern.fullmatch(value)):
            return False
    return True


def _field_value(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if name in (YEAR, MONTH):  # the date facets, by granularity
        moment = _as_datetime(value, epoch_ms=False)
        if moment is not None:
            return _date_value(name, moment)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _date_counts(entries: Any, gap: str | None) -> dict[str, Counter[str]]:
    """Year counts from a date facet's buckets, and month counts when the buckets
    are a month or finer."""
    buckets = []
    if gap is not None:
        finer = gap.lower() != YEAR
    elif isinstance(entries, Mapping) and "gap" in entries:  # Solr: "+1MONTH/MONTH"
        finer = YEAR.upper() not in str(entries["gap"]).upper()
    else:
        finer = False
    for key, count in _pairs(entries):
        end = None
        if isinstance(key, tuple | list) and len(key) == 2:
            key, end = key  # Whoosh: the (start, end) of a range
        start = _as_datetime(key, epoch_ms=True)
        if start is None:
            continue
        buckets.append((start, count))
        if gap is None and not finer:
            finish = _as_datetime(end, epoch_ms=True)
            short = finish is not None and (finish - start).days <= 31
            finer = short or (start.month, start.day) != (1, 1)
    found: dict[str, Counter[str]] = {YEAR: Counter()}
    if finer:
        found[MONTH] = Counter()
    for start, count in buckets:
        for name, values in found.items():
            values[_date_value(name, start)] += count
    return found


def _pairs(entries: Any) -> Iterable[tuple[Any, int]]:
    """``(value, count)`` from pairs, bucket dicts, a ``{value: count}`` dict or a
    flat ``[value, count, ...]`` list; a count that is not a number counts 0."""
    if isinstance(entries, Mapping):
        for inner in ("counts", "buckets"):
            if inner in entries:  # Solr's facet_ranges / an Elasticsearch aggregation, raw
                yield from _pairs(entries[inner])
                return
        items = [(key, count) for key, count in entries.items() if key not in _SOLR_DATE_META]
    elif isinstance(entries, list | tuple):
        items = list(entries)
        if items and not all(_is_pair(item) or isinstance(item, Mapping) for item in items):
            items = list(zip(items[::2], items[1::2], strict=False))
    else:
        return
    for item in items:
        if isinstance(item, Mapping):
            # A terms or histogram bucket as the engine sent it.
            item = (item.get("key", item.get("term")), item.get("doc_count", item.get("count")))
        value, count = item
        yield value, _count(count)


def _is_pair(item: Any) -> bool:
    return isinstance(item, tuple | list) and len(item) == 2


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _as_datetime(value: Any, *, epoch_ms: bool) -> dt.datetime | None:
    """A date value as a datetime: datetimes, dates, ISO strings (``2021-05``,
    ``2021-05-01T00:00:00Z``) and, where ``epoch_ms``, Elasticsearch's epoch
    milliseconds. Anything else (a bare year, ``UNKNOWN_DATE``) is None."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if epoch_ms and isinstance(value, int | float) and not isinstance(value, bool):
        try:
            # Before 1970 too, where utcfromtimestamp() would fail on some systems.
            return _EPOCH + dt.timedelta(milliseconds=value)
        except OverflowError:
            return None
    if isinstance(value, str) and (match := _ISO_DATE.fullmatch(value.strip())):
        # The calendar date as written: a bucket's own time zone, if any, is its start.
        try:
            return dt.datetime(int(match[1]), int(match[2]), int(match[3] or 1))
        except ValueError:
            return None
    return None


def _date_value(name: str, moment: dt.datetime) -> str:
    return f"{moment.year:04d}" if name == YEAR else f"{moment.year:04d}-{moment.month:02d}"


def _ordered(counts: Counter[str]) -> Pairs:
    pairs = [(value, count) for value, count in counts.items() if count > 0]
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))

"""Plain records that the parsers produce and the archive stores.

Nothing here knows about Django: parsers turn bytes into ``ArticleRecord``s (or
``ParseError``s), and ``archive.services`` decides what to store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class ParseError(Exception):
    """A file or record that cannot become an article; the message says why."""


@dataclass(frozen=True)
class EntityRecord:
    """An entity carried by our own export format (read back on re-ingest)."""

    name: str
    aliases: tuple[str, ...] = ()
    # The entity's own kind, e.g. "intergovernmental" for an organisation.
    kind: str = ""


@dataclass(frozen=True)
class ArticleRecord:
    title: str
    body: str
    lead: str = ""
    # Publication date as the source states it; ``None`` when the source gives none.
    published: dt.date | None = None
    # Timezone-aware moment of publication when the source gives a time.
    published_at: dt.datetime | None = None
    author: str = ""
    source: str = ""
    url: str = ""
    language: str = "en"
    source_file: str = ""
    # Our own export's grouping of copies: the article's path in the archive that
    # exported it, and the path of its story's first publisher ("" for none).
    # ``copies_listed``: the record says (it has "copy_of"), so it is not looked for.
    path: str = ""
    copy_of: str = ""
    copies_listed: bool = False
    # Entities listed by our own JSON Lines export, keyed by kind
    # ("persons", "organisations", "places", "events").
    entities: dict[str, tuple[EntityRecord, ...]] = field(default_factory=dict)

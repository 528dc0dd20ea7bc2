"""JSON Lines: one article object per line.

Used for bulk sources (the State Department press releases) and for our own
export, which adds entity lists.  A bad line becomes a ``ParseError`` naming
``file:line`` and the lines after it still parse: one broken record must not
cost a whole import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .dates import DateError, parse_date
from .entities import decode_entities
from .headline import derive_headline
from .lead import lead_paragraph
from .records import ArticleRecord, EntityRecord, ParseError

__all__ = ["ENTITY_KINDS", "iter_jsonl", "record_from_object"]

ENTITY_KINDS = ("persons", "organisations", "places", "events")
_STRING_FIELDS = (
    "title",
    "text",
    "lead",
    "url",
    "source",
    "author",
    "creator",
    "language",
    "source_file",
    "path",
    "copy_of",
)


def iter_jsonl(
    lines: Iterable[str], *, source_file: str, label: str | None = None
) -> Iterator[ArticleRecord | ParseError]:
    """Parse JSON Lines; yield a record or a ``ParseError`` per non-blank line.

    ``source_file`` is stored in records that do not name their own;
    ``label`` (default: ``source_file``) starts error messages, so callers can
    name the full path there.
    """
    where = label or source_file
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield ParseError(f"{where}:{number}: invalid JSON: {error.msg} at column {error.colno}")
            continue
        except (ValueError, RecursionError) as error:
            yield ParseError(f"{where}:{number}: invalid JSON: {error}")
            continue
        try:
            yield record_from_object(data, source_file=source_file)
        except ParseError as error:
            yield ParseError(f"{where}:{number}: {error}")
        except Exception as error:  # a bad record must never stop the file
            yield ParseError(f"{where}:{number}: unexpected {type(error).__name__}: {error}")


def record_from_object(data: object, *, source_file: str) -> ArticleRecord:
    """Build a record from one decoded JSON object; raise ``ParseError`` if unusable."""
    if not isinstance(data, dict):
        raise ParseError(f"expected a JSON object, got {_json_type(data)}")
    fields = {name: _string(data, name) for name in _STRING_FIELDS}
    # Scraped feeds keep HTML references ("Sana&#x27;a"); the URL is left as is.
    fields.update({name: decode_entities(value) for name, value in fields.items() if name != "url"})
    title = " ".join(fields["title"].split())
    body = _normalise_text(fields["text"])
    if not title and not body:
        raise ParseError("record has neither a title nor a text")
    # Our own export gives the moment apart from the date.
    when = "published_at" if data.get("published_at") else "published"
    try:
        parsed = parse_date(data.get(when))
    except DateError as error:
        raise ParseError(f"bad date in {when!r}: {error}") from None
    author = " ".join((fields["author"] or fields["creator"]).split())
    lead = " ".join(fields["lead"].split()) or lead_paragraph(body.split("\n\n"), author)
    return ArticleRecord(
        title=title or derive_headline(body),
        body=body,
        lead=lead,
        published=parsed.date if parsed else None,
        published_at=parsed.moment if parsed else None,
        # State Department feeds put "Name, Office" in dc:creator; keep it whole.
        author=author,
        source=fields["source"].strip(),
        url=fields["url"].strip(),
        language=fields["language"].strip().lower() or "en",
        source_file=fields["source_file"].strip() or source_file,
        path=fields["path"].strip(),
        copy_of=fields["copy_of"].strip(),
        copies_listed="copy_of" in data,
        entities=_entities(data),
    )


def _string(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ParseError(f"field {name!r} must be a string, got {_json_type(value)}")
    return value


def _normalise_text(text: str) -> str:
    """Tidy spaces but keep line structure: in these feeds a single newline
    separates list items (country / minister pairs), so lines are not joined."""
    lines = [
        " ".join(line.split())
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entities(data: dict[str, Any]) -> dict[str, tuple[EntityRecord, ...]]:
    entities: dict[str, tuple[EntityRecord, ...]] = {}
    for kind in ENTITY_KINDS:
        items = data.get(kind)
        if items is None:
            continue
        if not isinstance(items, list):
            raise ParseError(f"field {kind!r} must be a list, got {_json_type(items)}")
        entities[kind] = tuple(
            _entity(kind, position, item) for position, item in enumerate(items, 1)
        )
    return entities


def _entity(kind: str, position: int, item: object) -> EntityRecord:
    where = f"{kind}[{position}]"
    # Only our export's objects are read: other feeds use these keys for tag
    # codes ("usa", "west-germany") that must not become entity names.
    if not isinstance(item, dict):
        raise ParseError(f"{where} must be an object with a name, got {_json_type(item)}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ParseError(f"{where} has no name")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ParseError(f"{where} ({name}): 'aliases' must be a list of strings")
    clean = dict.fromkeys(" ".join(a.split()) for a in aliases if a.strip())
    kind_of_entity = item.get("kind") or ""
    if not isinstance(kind_of_entity, str):
        raise ParseError(f"{where} ({name}): 'kind' must be a string")
    return EntityRecord(
        name=" ".join(name.split()), aliases=tuple(clean), kind=kind_of_entity.strip()
    )


def _json_type(value: object) -> str:
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    return names.get(type(value), "a number")

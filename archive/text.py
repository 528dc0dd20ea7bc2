"""Article text as HTML: paragraphs, with each entity's first mention linked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.models import Article

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    title: str


def first_mention_links(article: Article, groups) -> list[Link]:
    """Where each entity is first mentioned in the body, and the page it links to.

    ``groups`` are ``(kind, mentions)`` pairs with the entities and aliases loaded.
    The surface form at the stored offset is the longest of the entity's names
    that the body has there.
    """
    links = []
    body = article.body
    for _kind, mentions in groups:
        for mention in mentions:
            offset = mention.first_offset
            if offset is None:
                continue
            entity = mention.entity
            names = [entity.name, *(alias.name for alias in entity.aliases.all())]
            found = [name for name in names if name and body.startswith(name, offset)]
            if found:
                length = len(max(found, key=len))
                links.append(Link(offset, offset + length, entity.get_absolute_url(), entity.name))
    return links


def render_body(body: str, links: list[Link]) -> SafeString:
    """Escaped paragraphs with ``links`` wrapped around their spans; overlaps skipped."""
    parts = []
    position = 0
    for link in sorted(links, key=lambda link: (link.start, -link.end)):
        if link.start < position or "\n\n" in body[link.start : link.end]:
            continue
        parts.append(escape(body[position : link.start]))
        parts.append(
            f'<a href="{escape(link.url)}" title="{escape(link.title)}">'
            f"{escape(body[link.start : link.end])}</a>"
        )
        position = link.end
    parts.append(escape(body[position:]))
    html = "".join(parts).strip()
    paragraphs = _PARAGRAPH_BREAK.split(html)
    return mark_safe(
        "".join(f"<p>{paragraph.strip().replace(chr(10), '<br>')}</p>" for paragraph in paragraphs)
    )


def citation(article: Article, address: str) -> str:
    """A plain citation line a reader can copy."""
    parts = []
    if article.author:
        parts.append(article.author)
    parts.append(f"“{article.title}”")
    if article.source:
        parts.append(article.source.name)
    parts.append(article.published.strftime("%-d %B %Y") if article.published else "n.d.")
    line = ", ".join(parts) + "."
    if article.url:
        line += f" {article.url}."
    return f"{line} Diplomatic News Archive, {address}."

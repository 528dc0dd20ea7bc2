"""The lead: the article's first paragraph of content, not its byline."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NOT_WORD = re.compile(r"[\W_]+")


def lead_paragraph(paragraphs: Sequence[str], author: str) -> str:
    """The first paragraph that is more than the byline.

    Press releases open with their byline as a paragraph of its own ("Office
    of the Spokesperson"; "Antony J. Blinken, Secretary of State" when the
    author field names several people): shown as the preview, it says nothing
    of the story, and the author field already carries it.
    """
    byline = f" {_words(author)} "
    for paragraph in paragraphs:
        words = _words(paragraph)
        if words and byline.strip() and f" {words} " in byline:
            continue
        return paragraph
    return paragraphs[0] if paragraphs else ""


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())

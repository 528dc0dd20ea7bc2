"""HTML character references left in text ("Sana&#x27;a", "AT&amp;T").

Feeds scraped from web pages often keep them in JSON and plain-text fields.
They are decoded once, at ingest, before anything reads the text. Only
complete references (with their ";") are decoded, so "R&D" or a URL's
"?a=1&copy=2" stay as written, and text is decoded once: HTML parsed by
BeautifulSoup is already decoded and never passes here again.
"""

from __future__ import annotations

import html
import re

__all__ = ["decode_entities"]

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """``text`` with its complete HTML character references decoded, once."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)

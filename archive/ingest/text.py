"""Plain-text articles as scraped into the seed format.

The format is loose: an optional `` date YYYY-MM-DD`` prefix on the first
line, then optional header lines (breadcrumb, repeated title, dateline,
byline, photo caption) before the body, and an optional trailing
``About Name`` author line.  Header lines are recognised one by one until the
first line that reads like prose; everything after that is body, unchanged
except for whitespace.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import DateError, ParsedDate, match_dateline, parse_date
from .entities import decode_entities
from .headline import derive_headline, first_sentence
from .records import ArticleRecord, ParseError

__all__ = ["is_personal_name", "outlet_from_lead", "parse_text"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DATE_FIELD = re.compile(r"\A[ \t]*date[ \t]+(\d[\d./-]*\d)(?=[ \t\n]|\Z)[ \t]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n")
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[/›»>]\s+")
_BREADCRUMB_ROOTS = frozenset({"home", "main", "news", "start", "homepage"})
_BYLINE = re.compile(r"By\s+(?P<names>[^!?;:]{2,80}?)\.?", re.IGNORECASE)
_ABOUT = re.compile(r"About\s+(?P<name>.+)")
# Words that make a capitalised line a title, office or heading, not a person.
_NOT_NAME_WORDS = _words(
    "president prime minister secretary general ambassador director chairman chairwoman "
    "chair head king queen prince princess sheikh emir sultan dr doctor professor prof mr "
    "mrs ms sir lord lady senator governor mayor deputy vice chief speaker spokesperson "
    "spokesman commissioner envoy council ministry department office organization "
    "organisation republic committee agency union bank forum summit university news press "
    "home about contact menu share read more the monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december"
)
_NAME_PARTICLES = _words("bin ibn al el de da di du van von der den la le y")
_OUTLET = r"(?:the\s+)?(?P<{}>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,4}})"
# "..., Azernews reports." or "..., reports Azernews."
_OUTLET_REPORTS = re.compile(
    rf",\s+{_OUTLET.format('before')}\s+(?:reports|reported|informs|writes)\.?\Z"
    rf"|,\s+(?:reports|writes)\s+{_OUTLET.format('after')}\.?\Z"
)


@dataclass
class _Header:
    title: str = ""
    title_repeats: bool = False
    author: str = ""
    dateline: ParsedDate | None = None
    captions: list[str] = field(default_factory=list)


def parse_text(text: str, *, source_file: str) -> ArticleRecord:
    """Parse one plain-text article; raise ``ParseError`` if it has no text or a bad date."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = decode_entities(text)  # scraped text may keep "Sana&#x27;a"; decoded once
    published, text = _take_date_field(text)
    paragraphs = [lines for lines in (_lines(p) for p in _PARAGRAPH_BREAK.split(text)) if lines]
    header = _Header()
    body_blocks = _read_header(paragraphs, header)
    author = header.author
    about = _take_about(body_blocks)
    if not author:
        author = about
    body = [" ".join(" ".join(lines).split()) for lines in body_blocks]
    if not body and header.captions:
        # A text that is nothing but short lines: they are its text after all.
        body = header.captions
    if not body:
        raise ParseError("no article text")

    published_at = None
    dateline = header.dateline
    # The explicit date field wins; a dateline on another day is not trusted.
    if dateline is not None and (published is None or published == dateline.date):
        published = dateline.date
        published_at = dateline.moment
    lead = body[0]
    return ArticleRecord(
        title=header.title or derive_headline(lead),
        body="\n\n".join(body),
        lead=lead,
        published=published,
        published_at=published_at,
        author=author,
        source=outlet_from_lead(lead),
        source_file=source_file,
    )


def is_personal_name(line: str) -> bool:
    """2-4 capitalised words with no office or heading word: 'Laman Ismayilova'."""
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 60:
        return False
    for position, word in enumerate(words):
        bare = word.strip(",")
        if bare.lower() in _NOT_NAME_WORDS:
            return False
        if bare.lower() in _NAME_PARTICLES and 0 < position < len(words) - 1:
            continue
        initial = re.fullmatch(r"[^\W\d_]\.", bare) is not None
        capitalised = bare[:1].isupper() and bare[1:].replace("-", "").replace("'", "").isalpha()
        if initial and position < len(words) - 1:
            continue
        if not capitalised or bare.isupper():
            return False
    return True


def outlet_from_lead(lead: str) -> str:
    """'..., Azernews reports.' -> 'Azernews'; '' when the lead names no outlet."""
    match = _OUTLET_REPORTS.search(first_sentence(lead))
    return (match.group("before") or match.group("after")) if match else ""


def _take_date_field(text: str) -> tuple[dt.date | None, str]:
    match = _DATE_FIELD.match(text)
    if match is None:
        return None, text
    try:
        parsed = parse_date(match.group(1))
    except DateError as error:
        raise ParseError(f"bad date field: {error}") from None
    return (parsed.date if parsed else None), text[match.end() :]


def _lines(paragraph: str) -> list[str]:
    return [line.strip() for line in paragraph.split("\n") if line.strip()]


def _read_header(paragraphs: list[list[str]], header: _Header) -> list[list[str]]:
    """Consume header lines from the top; return the body paragraphs."""
    for index, lines in enumerate(paragraphs):
        remaining = list(lines)
        while remaining:
            # Short lines count as captions or names only when they stand alone
            # (not the first line of a wrapped paragraph) and are not all the text.
            standalone = len(remaining) == 1 and index + 1 < len(paragraphs)
            rest = _header_line(remaining[0], header, standalone=standalone)
            if rest is None:
                break
            if rest:
                # A dateline can share its line with a byline or the first words.
                remaining[0] = rest
            else:
                remaining.pop(0)
        if remaining:
            return [remaining, *paragraphs[index + 1 :]]
    return []


def _header_line(line: str, header: _Header, *, standalone: bool) -> str | None:
    """Record ``line`` in ``header`` if it is a header line.

    Returns None if it is body text, "" if consumed, or the unconsumed rest.
    """
    if header.title_repeats and _same(line, header.title):
        header.title_repeats = False
        return ""
    if not header.title and (crumb := _breadcrumb_title(line)):
        header.title, header.title_repeats = crumb, True
        return ""
    if header.dateline is None:
        try:
            found = match_dateline(line)
        except DateError as error:
            raise ParseError(f"bad dateline: {error}") from None
        if found is not None:
            header.dateline = found[0]
            return found[1]
    if not header.author:
        byline = _BYLINE.fullmatch(line)
        if byline and _is_byline_names(byline.group("names")):
            header.author = byline.group("names").strip()
            return ""
        if standalone and is_personal_name(line):
            header.author = line
            return ""
    if standalone and _is_caption(line):
        # A short heading before the body: the title if we have none yet,
        # otherwise a photo caption or label that is not article text.
        if not header.title and len(line.split()) >= 3:
            header.title = line
        else:
            header.captions.append(line)
        return ""
    return None


def _breadcrumb_title(line: str) -> str:
    parts = _BREADCRUMB_SEPARATOR.split(line)
    if len(parts) < 2 or any(not part or len(part) > 200 for part in parts):
        return ""
    if len(parts) == 2 and parts[0].lower() not in _BREADCRUMB_ROOTS:
        return ""
    # Breadcrumb steps are short section names; a sentence with " / " is not one.
    if any(len(part.split()) > 4 for part in parts[:-1]):
        return ""
    return parts[-1].strip()


def _is_byline_names(names: str) -> bool:
    people = [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", names.strip()) if p]
    return bool(people) and all(
        1 <= len(p.split()) <= 5
        and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in p.split())
        for p in people
    )


def _is_caption(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and line[0].isupper() and not re.search(r"[.!?:;,\"”]\Z", line)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _take_about(blocks: list[list[str]]) -> str:
    """Remove a trailing 'About Name' author line from the body; return the name."""
    if not blocks:
        return ""
    match = _ABOUT.fullmatch(blocks[-1][-1])
    if match is None or not is_personal_name(match.group("name")):
        return ""
    blocks[-1] = blocks[-1][:-1]
    if not blocks[-1]:
        blocks.pop()
    return match.group("name")

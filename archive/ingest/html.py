"""Articles saved as HTML pages.

Metadata is read from the whole page first (meta tags, JSON-LD, the article
header), because the page chrome that holds it (``<header>``, bylines) is
then removed before the article text is taken.  Only text ever leaves this
module: no markup is kept and nothing in the page is executed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from .dates import DateError, ParsedDate, parse_date
from .entities import decode_entities
from .headline import derive_headline
from .lead import lead_paragraph
from .records import ArticleRecord, ParseError

__all__ = ["parse_html"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CHROME_TAGS = _words(
    "script style noscript iframe frame frameset form nav header footer aside figure "
    "figcaption svg math canvas button input select textarea template object embed video "
    "audio map dialog menu"
)
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
)
# Class/id words of blocks that are page furniture, not article text.
_BOILERPLATE = re.compile(
    r"(?:^|[-_])(?:cookies?|consent|gdpr|subscribe|subscription|newsletter|signup|share|sharing|"
    r"social|related|recommended|promo|advert|advertisement|ads?|banner|sidebar|comments?|"
    r"disqus|breadcrumbs?|pagination|paywall|popup|modal|tags|byline|author|dateline|meta|"
    r"toolbar|read-more|outbrain|taboola)(?:$|[-_])",
    re.IGNORECASE,
)
# Containers we choose among; they must survive even with a matching class.
_PROTECTED = frozenset({"html", "body", "article", "main"})
_BLOCKS = _words(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table "
    "tr td th address center hr br"
)
_FURNITURE_TEXT = re.compile(
    r"(?:advertisement|sponsored( content)?|share( this)?( article| story| on \w+)?|"
    r"read more\b.*|(?:also )?read(?: also)?:.*|related( articles| stories| news)?|follow us\b.*|"
    r"subscribe\b.*|sign up\b.*|click here\b.*|©.*|copyright\b.*|all rights reserved.*)",
    re.IGNORECASE,
)
_MAX_TITLE = 300
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report|NewsArticle)$")
_DATE_METAS = (
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
)


def parse_html(markup: str, *, source_file: str) -> ArticleRecord:
    """Parse one HTML page; raise ``ParseError`` if no article text is found."""
    soup = BeautifulSoup(markup, "html.parser")
    metas = _metas(soup)
    linked = _json_ld(soup)
    article = soup.find("article") or soup.find("main")
    site = metas.get("og:site_name") or _ld_name(linked.get("publisher")) or ""

    published, published_at = _published(metas, linked, article)
    title_candidates = [
        _strip_site(metas.get("og:title", ""), site, always=False),
        _heading(article),
        _text(linked.get("headline")),
        _strip_site(metas.get("twitter:title", ""), site, always=False),
        _strip_site(_title_tag(soup), site, always=True),
    ]
    author = _author(soup, metas, linked)

    _remove_chrome(soup)
    paragraphs = _body(soup)
    # An unclosed <title> or <h1> swallows the page; that is no headline.
    cleaned = (" ".join(t.split()) for t in title_candidates)
    title = next((t for t in cleaned if 0 < len(t) <= _MAX_TITLE), "")
    paragraphs = [p for p in paragraphs if not _same(p, title) and not _FURNITURE_TEXT.fullmatch(p)]
    if not paragraphs:
        raise ParseError("no article text found in the HTML")
    return ArticleRecord(
        title=title or derive_headline(paragraphs[0]),
        body="\n\n".join(paragraphs),
        lead=lead_paragraph(paragraphs, author),
        published=published,
        published_at=published_at,
        author=author,
        source=" ".join(site.split()),
        url=_url(soup, metas),
        language=_language(soup, metas),
        source_file=source_file,
    )


def _metas(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (
            meta.get("property")
            or meta.get("name")
            or meta.get("itemprop")
            or meta.get("http-equiv")
        )
        content = meta.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The article object of the page's JSON-LD (``{}`` if none)."""
    objects: list[dict[str, Any]] = []
    for script in soup.find_all(
        "script", attrs={"type": re.compile(r"^\s*application/ld\+json\s*$", re.I)}
    ):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue  # broken JSON-LD is common; the page may still have meta tags
        queue = [data]
        while queue:
            item = queue.pop(0)
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                queue.extend(v for v in (item.get("@graph"), item.get("mainEntity")) if v)
    for obj in objects:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in types):
            return obj
    return next((obj for obj in objects if "datePublished" in obj or "headline" in obj), {})


def _text(value: object) -> str:
    # JSON-LD strings are JSON, not HTML: BeautifulSoup leaves their
    # references ("Sana&#x27;a") as written.
    return " ".join(decode_entities(value).split()) if isinstance(value, str) else ""


def _ld_name(value: object) -> str:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _ld_names(value: object) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        name = _ld_name(item)
        if name:
            yield name


def _strip_site(title: str, site: str, *, always: bool) -> str:
    """'Headline | Site' -> 'Headline'; only a known site name unless ``always``."""
    title = " ".join(title.split())
    # Greedy head: the site name follows the last separator.
    match = re.match(r"(?P<head>.+)\s(?P<sep>[|–—-]|::)\s(?P<tail>.+)$", title)
    if match is None:
        return title
    tail = match.group("tail")
    known = bool(site) and _same(tail, site)
    short = match.group("sep") == "|" or len(tail.split()) <= 4
    return match.group("head") if known or (always and short) else title


def _title_tag(soup: BeautifulSoup) -> str:
    # Direct text only: with an unclosed <title> the parser nests the page in it.
    if soup.title is None:
        return ""
    return "".join(str(s) for s in soup.title.children if type(s) is NavigableString)


def _heading(article: Tag | None) -> str:
    h1 = article.find("h1") if article is not None else None
    return h1.get_text(" ", strip=True) if isinstance(h1, Tag) else ""


def _published(
    metas: dict[str, str], linked: dict[str, Any], article: Tag | None
) -> tuple[dt.date | None, dt.datetime | None]:
    candidates = [metas.get("article:published_time")]
    time = article.find("time", attrs={"datetime": True}) if article is not None else None
    if isinstance(time, Tag):
        candidates.append(str(time["datetime"]))
    candidates.append(_text(linked.get("datePublished")))
    candidates.extend(metas.get(name) for name in ("datepublished", *_DATE_METAS))
    parsed: list[ParsedDate] = []
    for candidate in candidates:
        try:
            result = parse_date(candidate)
        except DateError:
            continue  # a bad candidate must not hide a good one further down
        if result is not None:
            parsed.append(result)
    if not parsed:
        return None, None
    first = parsed[0]
    # A later candidate may carry the time the first one lacks.
    moment = next((p.moment for p in parsed if p.moment and p.date == first.date), None)
    return first.date, moment


def _author(soup: BeautifulSoup, metas: dict[str, str], linked: dict[str, Any]) -> str:
    for key in ("author", "article:author", "dc.creator", "byl"):
        value = metas.get(key, "")
        if value and not re.match(r"https?://", value):
            return _clean_byline(value)
    names = list(dict.fromkeys(_ld_names(linked.get("author"))))
    if names:
        return ", ".join(names)
    rel = [a.get_text(" ", strip=True) for a in soup.find_all("a", rel="author")]
    rel = [name for name in dict.fromkeys(rel) if name]
    if rel:
        return ", ".join(rel)
    byline = soup.find(class_=re.compile(r"(?:^|[-_])byline(?:$|[-_])", re.I))
    return _clean_byline(byline.get_text(" ", strip=True)) if isinstance(byline, Tag) else ""


def _clean_byline(text: str) -> str:
    text = re.sub(r"^\s*by\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    # Bylines often run on into the date: "Jane Doe | 29 April 2025".
    return re.split(r"\s+[|•·]\s+|\s+[-–—]\s+|,?\s+(?:on|updated|published)\s+\w", text)[0].strip()


def _remove_chrome(soup: BeautifulSoup) -> None:
    # One walk that does not descend into doomed subtrees, so nothing is
    # removed twice and the cost stays linear in the size of the page.
    doomed: list[Tag] = []
    stack: list[Tag] = [soup]
    while stack:
        for child in stack.pop().children:
            if not isinstance(child, Tag):
                continue
            if child.name in _CHROME_TAGS or (
                child.name not in _PROTECTED and _is_furniture(child)
            ):
                doomed.append(child)
            else:
                stack.append(child)
    for tag in doomed:
        tag.decompose()


def _is_furniture(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", str(tag.get("style", "")), re.I):
        return True
    if str(tag.get("role", "")).lower() in _CHROME_ROLES:
        return True
    classes = tag.get("class") or []
    names = [*classes, str(tag.get("id", ""))] if isinstance(classes, list) else [str(classes)]
    return any(_BOILERPLATE.search(name) for name in names if name)


def _body(soup: BeautifulSoup) -> list[str]:
    candidates: list[Tag] = sorted(soup.find_all("article"), key=_p_text_length, reverse=True)
    candidates += [
        t for t in (soup.find("main"), soup.find(attrs={"role": "main"})) if isinstance(t, Tag)
    ]
    densest = _densest_p_parent(soup)
    if densest is not None:
        candidates.append(densest)
    candidates += [t for t in (soup.body, soup) if t is not None]
    for container in candidates:
        paragraphs = _paragraphs(container)
        if paragraphs:
            return paragraphs
    return []


def _p_text_length(tag: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p"))


def _densest_p_parent(soup: BeautifulSoup) -> Tag | None:
    scores: dict[int, int] = {}
    parents: dict[int, Tag] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            scores[id(parent)] = scores.get(id(parent), 0) + len(p.get_text(" ", strip=True))
            parents[id(parent)] = parent
    return parents[max(scores, key=scores.__getitem__)] if scores else None


def _paragraphs(container: Tag) -> list[str]:
    """Text of ``container`` split at block elements, without recursion.

    Consecutive strings belong to one paragraph while their nearest block
    ancestor stays the same; deeply nested pages cannot exhaust the stack.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    current_block: int | None = None
    block_of: dict[int, int] = {}

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            paragraphs.append(text)
        current.clear()

    for node in container.descendants:
        if isinstance(node, Tag):
            if node.name in ("br", "hr"):
                flush()
            continue
        # Exact type: comments, CDATA, doctype and script text are subclasses.
        if type(node) is not NavigableString:
            continue
        block = _nearest_block(node, container, block_of)
        if block != current_block:
            flush()
            current_block = block
        current.append(str(node))
    flush()
    return paragraphs


def _nearest_block(node: NavigableString, container: Tag, memo: dict[int, int]) -> int:
    path: list[int] = []
    element = node.parent
    while element is not None and id(element) not in memo:
        if element is container or element.name in _BLOCKS:
            memo[id(element)] = id(element)
            break
        path.append(id(element))
        element = element.parent
    block = memo[id(element)] if element is not None else id(container)
    for key in path:
        memo[key] = block
    return block


def _url(soup: BeautifulSoup, metas: dict[str, str]) -> str:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        if "canonical" in [r.lower() for r in rels] and re.match(
            r"https?://", str(link["href"]).strip()
        ):
            return str(link["href"]).strip()
    og_url = metas.get("og:url", "")
    return og_url if re.match(r"https?://", og_url) else ""


def _language(soup: BeautifulSoup, metas: dict[str, str]) -> str:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    for value in (lang, metas.get("content-language"), metas.get("og:locale")):
        match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", str(value or ""))
        if match:
            return match.group(1).lower()
    return "en"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()

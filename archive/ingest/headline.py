"""Readable headlines for articles whose source gives no title.

News leads pack the headline's content into their first clause and append
attribution ("..., an official told Report.").  We take the first sentence,
shorten "Full Name (ACR)" to the acronym, drop the attribution and cut at a
clause boundary so the result reads like a headline, not a paragraph.
"""

from __future__ import annotations

import re

__all__ = ["MAX_HEADLINE", "derive_headline", "first_sentence"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_HEADLINE = 100
# A cut that leaves less than this is a fragment, not a headline.
_MIN_CLAUSE = 25

# A full stop after these is not the end of a sentence.
_ABBREVIATIONS = _words(
    "mr mrs ms dr prof st gen col lt maj sgt capt cmdr adm gov sen rep rev hon jr sr no "
    "nos vol art sec dept est inc ltd co corp bros vs etc al approx fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e"
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]?[A-Z0-9&-]{1,8})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’&.-]*|of|and|for|the|on|in|de|la|du|des|,", re.UNICODE)
_REPORTING = re.compile(
    r"\b(?:told|tells|said|says|reports|reported|noted|notes|stated|states|announced|"
    r"added|adds|wrote|writes|informs|informed|quoted|according to)\b"
)
# Words a name or a title may contain besides capitalised ones
# ("Assistant Secretary-General of the OIC for Economic Affairs").
_CONNECTORS = _words("of the for and at to on in de du la le bin ibn al el van von")
_COMMA = re.compile(r"[\"'”’]?,[\"'”’]?\s+")


def first_sentence(paragraph: str) -> str:
    """The first sentence, not fooled by ``Dr.``, ``U.S.`` or initials like ``J.``."""
    text = " ".join(paragraph.split())
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()]
        word = re.search(r"([\w.]+)$", before)
        token = word.group(1).lower() if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        return text[: match.end()].strip()
    return text


def derive_headline(text: str, *, max_length: int = MAX_HEADLINE) -> str:
    """A short headline from the first paragraph of ``text``; "" if it has none."""
    paragraph = next((p for p in re.split(r"\n\s*\n", text) if p.strip()), "")
    sentence = _shorten_names(first_sentence(paragraph))
    headline = _drop_attribution(sentence)
    if len(headline) > max_length:
        headline = _cut(headline, max_length)
    headline = re.sub(r"^(?:The|A|An)\s+(?=[A-Z]{2,}\b)", "", headline)
    return _tidy(headline)


def _shorten_names(sentence: str) -> str:
    """'The Organization of Islamic Cooperation (OIC) hopes' -> 'The OIC hopes'."""
    result = sentence
    for match in reversed(list(_ACRONYM.finditer(sentence))):
        start = _name_start(sentence[: match.start()], match.group("acr"))
        if start is not None:
            result = result[:start] + match.group("acr") + result[match.end() :]
    return result


def _name_start(before: str, acronym: str) -> int | None:
    """Where the capitalised name that ``acronym`` abbreviates begins, if it does."""
    words = list(re.finditer(r"\S+", before))
    index = len(words)
    # Walk back over capitalised words and the small words names contain.
    while index > 0 and _NAME_WORD.fullmatch(words[index - 1].group().rstrip(",")):
        index -= 1
    run = words[index:]
    # Leading articles and connectors belong to the sentence, not the name.
    while run and not (run[0].group()[0].isupper() and run[0].group()[0] == acronym[0].upper()):
        run = run[1:]
    capitalised = [w for w in run if w.group()[0].isupper()]
    if len(capitalised) < 2 or len(capitalised) + 1 < len(acronym) // 2:
        return None
    return run[0].start()


def _drop_attribution(sentence: str) -> str:
    """Cut '..., Dr. X, Assistant Secretary-General of the OIC, told Report'.

    The attribution is the last comma-separated segment when it has a
    reporting verb, plus the name and title appositives just before it.
    Cuts further back are tried only while the head stays a real clause.
    """
    sentence = sentence.rstrip(".").strip()
    commas = list(_COMMA.finditer(sentence))
    if not commas:
        return sentence
    tail = sentence[commas[-1].end() :]
    if not _REPORTING.search(tail):
        according = re.search(r",?\s+according to\b", sentence)
        if according and according.start() >= _MIN_CLAUSE:
            return sentence[: according.start()]
        return sentence
    cuts = [commas[-1].start()]
    for previous, current in zip(reversed(commas[:-1]), reversed(commas[1:]), strict=True):
        segment = sentence[previous.end() : current.start()]
        if not _is_appositive(segment):
            break
        cuts.append(previous.start())
    usable = [cut for cut in cuts if cut >= _MIN_CLAUSE]
    return sentence[: usable[-1]] if usable else sentence


def _is_appositive(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 12 and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)


def _cut(text: str, max_length: int) -> str:
    # Prefer the last clause boundary that still leaves a real headline.
    window = text[: max_length + 1]
    for separator in ("; ", " – ", " — ", " - ", ": ", ", "):
        position = window.rfind(separator)
        if position >= max(_MIN_CLAUSE, max_length // 2):
            return text[:position]
    cut = (
        text[: max_length - 1].rsplit(" ", 1)[0]
        if " " in text[:max_length]
        else text[: max_length - 1]
    )
    return cut.rstrip(" ,;:–—-") + "…"


def _tidy(headline: str) -> str:
    headline = headline.strip().rstrip(".,;:").strip()
    # A quotation cut in half loses its closing mark; drop the orphaned opener.
    for opener, closer in (("“", "”"), ('"', '"')):
        if headline.count(opener) + headline.count(closer) == 1 and headline.startswith(opener):
            headline = headline[1:]
    return headline

"""A body's sentences, and sentences that tell history rather than news."""

from __future__ import annotations

import datetime as dt
import re

# A full stop, "!" or "?" before a space or the end, or a line's end, may end a sentence;
# not after an initial or a dotted abbreviation ("Antony J. Blinken", "U.S. support",
# "Washington, D.C.") or a title ("Mr.") unless the next word starts a sentence.
_STOP_RE = re.compile(r"[.!?](?=\s|$)|\n")


_NO_STOP_RE = re.compile(
    r"(?:(?<![^\s.(])[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Lt|Col|Maj|Capt|Adm|Amb|Sen|Rep"
    r"|Gov|Prof|Hon|Rev|Mt|Ft))\.$"
)


# "Washington, D.C." closes a place, not a name ("U.S. Ambassador"): a capital after
# it starts a sentence ("... in Washington, D.C. Secretary Blinken and ...").
_PLACE_ABBREVIATION_RE = re.compile(r", D\.C\.$")


_CAPITAL_NEXT_RE = re.compile(r"\s+[A-Z]")


_STARTS_SENTENCE_RE = re.compile(
    r"\s+(?:The|They|Their|He|She|His|Her|It|Its|In|On|At|This|These|Those|Both|We|Our|During"
    r"|After|Before|While|Following|Additionally|Also|Earlier|Later|Today|Yesterday)\b"
)


def split_sentences(body: str) -> list[str]:
    """The body's sentences, stripped."""
    sentences, start = [], 0
    for stop in _STOP_RE.finditer(body):
        end = stop.end()
        if (
            stop.group() == "."
            and _NO_STOP_RE.search(body, max(start, end - 5), end)
            and not _STARTS_SENTENCE_RE.match(body, end)
            and not (
                _PLACE_ABBREVIATION_RE.search(body, max(start, end - 8), end)
                and _CAPITAL_NEXT_RE.match(body, end)
            )
        ):
            continue
        sentences.append(body[start:end].strip())
        start = end
    sentences.append(body[start:].strip())
    return [sentence for sentence in sentences if sentence]


_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")


def past_year(sentence: str, published: dt.date | None) -> bool:
    years = [int(y) for y in _YEAR_RE.findall(sentence)]
    return published is not None and bool(years) and max(years) < published.year

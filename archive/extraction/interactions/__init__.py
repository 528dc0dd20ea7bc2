"""Encounters an article reports: meetings, calls, visits, talks, agreements signed,
joint statements.

Values in, values out. ``find_interactions`` reads the title and each sentence
of the body for a trigger ("spoke with", "met with", "received", "visited",
"will travel to", "held talks with", "signed", a readout's title "Secretary
Blinken's Call with Foreign Minister Kuleba"); the participants are the
article's people and organisations named in that sentence (the caller passes
their names: the archive's entities and their aliases), or the offices named
without a holder ("the Secretary"), which the caller resolves. The date is the
one the sentence gives ("today", "yesterday", "on Tuesday", "on July 6"), read
against the article's date; "will", "is expected to" make it planned. One
article's reports of one encounter (a title and its readout) are one.

The modules, in the order an article is read: ``titles`` (readout titles),
``joint`` (joint statements), ``sentences`` (the body's sentences), ``reports``
(one sentence's report: trigger, who, with whom, planned or held), ``named``
(which of the article's entities a text names), ``dates`` (the day a sentence
gives) and ``merging`` (one article's reports of one encounter as one).
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import date_of, titled_day
from .joint import JOINT_BY_RE, JOINT_RE, JOINT_TITLE_RE, joint_from_sentence, joint_from_title
from .merging import merged
from .named import named_in, with_name_parts
from .records import FoundInteraction, Named
from .reports import ANY_TRIGGER, TRIGGER_RES, actor_of, from_sentence
from .sentences import past_year, split_sentences
from .titles import THEIR_MEETING_RE, TITLE_RE, from_title

__all__ = ["FoundInteraction", "Named", "find_interactions", "might_report", "with_name_parts"]


def might_report(title: str, body: str) -> bool:
    """Whether the article may report an encounter (a cheap look before reading it)."""
    return bool(
        TITLE_RE.match(title.strip())
        or THEIR_MEETING_RE.search(title)
        or JOINT_TITLE_RE.search(title)
        or ANY_TRIGGER.search(body)
        or JOINT_RE.search(body)
    )


# Speaker labels of a transcript: "QUESTION:", "MR PRICE:", "SECRETARY BLINKEN:".
_TRANSCRIPT_RE = re.compile(
    r"(?m)^(?:QUESTION|MODERATOR|OPERATOR|(?:MR|MS|MRS|DR)\.? [A-Z]+|[A-Z]{3,}(?: [A-Z]{2,})*):"
)


_FIRST_PERSON_RE = re.compile(r"\b(?:I|I’m|I'm|we|We|our|Our|us|my|My)\b")


def find_interactions(
    title: str, body: str, published: dt.date | None, names: dict[str, Named]
) -> list[FoundInteraction]:
    """The encounters the article reports, one per encounter."""
    names = with_name_parts(names)
    published = titled_day(title, published) or published
    found = from_title(title, published, names) + joint_from_title(title, body, published, names)
    if _TRANSCRIPT_RE.search(body):
        return merged(found, title, published)  # a briefing's or an interview's talk is no report
    # "He will then meet with ...": the last person (or office: "The Secretary will
    # meet ... In Morocco, he will meet ...") an encounter was reported of.
    actor = actor_of(found[0]) if found else ([], [])
    sentences = split_sentences(body)
    for sentence in sentences:
        if len(sentence) < 12 or not (
            ANY_TRIGGER.search(sentence) or JOINT_TITLE_RE.search(sentence)
        ):
            continue
        if past_year(sentence, published):
            continue  # "In 2006, then-Senator Biden ... visit": history
        joint = JOINT_RE.search(sentence) or JOINT_BY_RE.search(sentence)
        if joint and not _FIRST_PERSON_RE.search(sentence, 0, joint.start()):
            items = joint_from_sentence(sentence, joint, published, names, actor)
            found += items
        for kind, pattern, hosts in TRIGGER_RES:
            trigger = pattern.search(sentence)
            if trigger is None:
                continue
            if _FIRST_PERSON_RE.search(sentence, 0, trigger.start()):
                # Remarks ("when I met ...") tell, they do not report; a readout's
                # "our" after its verb ("to reiterate our support") is no speaker.
                break
            items = from_sentence(sentence, trigger, kind, hosts, published, names, actor)
            if items and (items[0].participants or items[0].offices):
                actor = actor_of(items[0])
            found += items
            break
    return _dated_by_the_lead(merged(found, title, published), sentences[:3], published, names)


# What a lead says of a call or a meeting: "In separate March 4 calls, ...".
_KIND_WORDS = {
    "call": re.compile(r"\b(?:calls?|spoke|speak|talked|phone)\b", re.IGNORECASE),
    "meeting": re.compile(r"\b(?:meetings?|met|meet)\b", re.IGNORECASE),
}


def _dated_by_the_lead(
    found: list[FoundInteraction], lead: list[str], published, names: dict[str, Named]
) -> list[FoundInteraction]:
    """An encounter dated only by the report takes the day the body's lead gives
    it: one of its first sentences that names the encounter's kind and all its
    participants with a day on or before the report ("In separate March 4 calls,
    Sung Kim discussed ... with Funakoshi Takehiro")."""
    reported = [f for f in found if f.precision == "reported" and f.kind in _KIND_WORDS]
    if not reported or published is None:
        return found
    for sentence in lead:  # a byline, then the lead's sentences
        day, precision = date_of(sentence, published, planned=False)
        if precision != "day" or day > published:
            continue
        named = set(named_in(sentence, names))
        for item in reported:
            if _KIND_WORDS[item.kind].search(sentence) and set(item.participants) <= named:
                item.date, item.precision = day, "day"
                item.sentences.append(sentence)
    return found

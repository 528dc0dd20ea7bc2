"""Joint statements: releases titled as one, and sentences saying one was issued."""

from __future__ import annotations

import re

from .dates import COMING_RE, PLANNED_RE, date_of
from .named import named_in, named_spans, people_first, without_principals
from .records import FoundInteraction, Named
from .reports import ANY_TRIGGER, CLAUSE_END, PRONOUN_RE
from .sentences import split_sentences

# Joint statements: a release titled "Joint Statement by/of/from <issuers> on ...",
# or "<issuers> Joint Statement", whose lead says who released it ("The following
# statement was released by ..."; the text itself follows "Begin text"), and a
# sentence "X and Y issued a joint statement", "X issued a joint statement with Y".
JOINT_TITLE_RE = re.compile(r"\bJoint (?:Press )?Statement\b", re.IGNORECASE)


JOINT_RE = re.compile(
    r"\b(?:issued|issues|issue|released|releases|release|adopted|adopts|adopt|signed|signs"
    r"|sign|made|make)\s+(?:a |the |their |this |another )?joint (?:press )?statements?\b",
    re.IGNORECASE,
)


JOINT_BY_RE = re.compile(
    r"\bjoint (?:press )?statement (?:was |were |has been |is )?(?:issued |released |adopted )?"
    r"(?:by|between|from) ",
    re.IGNORECASE,
)


# What opens the issuers in a title or a lead, and what ends them.
_ISSUED_BY_RE = re.compile(
    r"\b(?:(?:released|issued|adopted|made|signed)\s+by|statement\s+(?:by|from|between|of))\s+",
    re.IGNORECASE,
)


_ISSUE_THE_FOLLOWING_RE = re.compile(
    r"^(?P<who>[^.:]*?)\s+(?:issue|issued|have issued|has issued|released|release)"
    r"\s+the following\b",
    re.IGNORECASE,
)


_ISSUERS_END_RE = re.compile(
    r"[:;]|\.$|\s(?:on|regarding|commending|welcoming|addressing|following|through|concerning"
    r"|condemning|after|during|about|upon)\s",
    re.IGNORECASE,
)


_BEGIN_TEXT_RE = re.compile(r"\bBegin\s+text\b", re.IGNORECASE)


def joint_from_title(title: str, body: str, published, names) -> list[FoundInteraction]:
    """A release titled as a joint statement: its issuers, from the title and the lead."""
    joint = JOINT_TITLE_RE.search(title)
    if joint is None:
        return []
    texts = [title[: joint.start()], _issuers_after(title[joint.end() :], opened=True)]
    lead = body[: 600 if (begin := _BEGIN_TEXT_RE.search(body)) is None else begin.start()]
    sentences = [title]
    for sentence in split_sentences(lead)[:3]:
        by = _ISSUED_BY_RE.search(sentence)
        following = _ISSUE_THE_FOLLOWING_RE.search(sentence)
        if by:
            texts.append(_issuers_after(sentence[by.end() :]))
        elif following:
            texts.append(following["who"])
        else:
            continue
        sentences.append(sentence)
        break
    participants = _issuers(" ; ".join(texts), names)
    if len(participants) < 2:
        return []
    return [
        FoundInteraction(
            kind="joint statement",
            status="held",
            date=published,
            precision="reported",
            participants=participants,
            sentences=sentences,
        )
    ]


def _issuers_after(text: str, *, opened: bool = False) -> str:
    """The issuers a title's "by/of/from" or a lead's "released by" opens, up to what
    the statement is about; ``opened``: only if the text starts with such a word."""
    if opened:
        m = re.match(r"\s*(?:of|by|from|between)\s+", text, re.IGNORECASE)
        if m is None:
            return ""
        text = text[m.end() :]
    end = _ISSUERS_END_RE.search(text)
    return text[: end.start()] if end else text


def _issuers(text: str, names: dict[str, Named]) -> list[Named]:
    """Who issued a statement: the people, or when fewer than two are named, the
    people and the organisations that are no person's title ("EU High Representative
    Josep Borrell" is Borrell); none when it names more countries than these."""
    spans = [
        sp for sp in without_principals(text, named_spans(text, names)) if sp[0].kind != "place"
    ]
    people = list(dict.fromkeys(n for n, _s, _e in spans if n.kind == "person"))
    if len(people) >= 2:
        return people
    # Countries are places, no participants: a statement mostly theirs ("by the
    # Governments of the United States, Italy, ..., and the Arab League") is not
    # the few organisations it also names.
    countries = {
        n
        for n, _s, _e in named_spans(text, names)
        if n.kind == "place" and n.place_kind == "country"
    }
    free = [
        named
        for (named, _s, end), following in zip(spans, [*spans[1:], None], strict=False)
        if named.kind == "person"
        or not (
            following
            and following[0].kind == "person"
            and "," not in text[end : following[1]]
            and ";" not in text[end : following[1]]
        )
    ]
    free = list(dict.fromkeys(free))
    return [] if len(countries) > len(free) else free


def joint_from_sentence(sentence, joint, published, names, actor) -> list[FoundInteraction]:
    """ "X and Y issued a joint statement", "X issued a joint statement with Y",
    "a joint statement released by X and Y"."""
    before, after = sentence[: joint.start()], sentence[joint.end() :]
    if joint.group().lower().endswith(("by ", "between ", "from ")):
        participants = _issuers(_issuers_after(after), names)
        subject_text = ""
    else:
        # The subject: before any other encounter the sentence reports ("Kerry had a
        # call with Putin and issued a joint statement with ...": Kerry).
        other = ANY_TRIGGER.search(before)
        subject_text = before[: other.start()] if other else before
        subject = [
            n for n in named_in(subject_text[-200:], names, principals=False) if n.kind != "place"
        ]
        if not subject and PRONOUN_RE.search(before):
            subject = list(actor[0])
        clause = CLAUSE_END.split(after, 1)[0]
        with_ = re.search(r"\b(?:with|between)\s", clause)
        objects = (
            [
                n
                for n in named_in(clause[with_.end() :], names, principals=False)
                if n.kind != "place"
            ]
            if with_
            else []
        )
        participants = list(dict.fromkeys(people_first(subject) + people_first(objects)))
    if len(participants) < 2:
        return []
    planned = PLANNED_RE.search(before + joint.group()) or COMING_RE.search(sentence)
    date, precision = date_of(sentence, published, planned=bool(planned))
    return [
        FoundInteraction(
            kind="joint statement",
            status="planned" if planned else "held",
            date=date,
            precision=precision,
            participants=participants,
            sentences=[sentence],
        )
    ]

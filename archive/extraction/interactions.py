"""Encounters an article reports: meetings, calls, visits, talks, agreements signed.

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
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from archive.extraction.office_mentions import find_office_mentions
from archive.words import whole_word_starts


@dataclass(frozen=True, slots=True)
class Named:
    """A name the article's entities answer to."""

    kind: str  # "person", "organisation" or "place"
    name: str  # the entity's canonical name
    place_kind: str = ""  # a place's: "country", "city", "region"


@dataclass
class FoundInteraction:
    kind: str
    status: str  # "held" or "planned"
    date: dt.date | None
    precision: str  # "day", or "reported": on or before the article's date
    participants: list[Named] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)  # "Secretary": the caller resolves
    host: Named | None = None
    place: str = ""
    sentences: list[str] = field(default_factory=list)


# Triggers: (kind, pattern, the subject hosts). "with" after the verb opens the counterpart.
# Words between a verb and its "with": "spoke by phone today with", "met virtually with".
_WHEN = (
    r"(?: (?:today|yesterday|again|separately|jointly|virtually|in person|by (?:tele)?phone"
    r"|by video(?: ?conference)?|on the (?:tele)?phone|on \w+day|this \w+|earlier|later))*"
)
# Triggers: (kind, pattern, the subject hosts). "with" after the verb opens the counterpart.
_TRIGGERS = [
    ("call", rf"\b(?:spoke|speaks|speak|talked|spoken){_WHEN} (?:with|to)\b", False),
    ("call", r"\b(?:(?:tele)?phone|video|virtual) (?:call|conversation)s? with\b", False),
    ("call", r"\bcall(?:ed|s)? with\b", False),
    # "held calls to discuss the launch with ...": the counterparts follow the "with".
    (
        "call",
        r"\b(?:held|holds|hold|had|has|have) (?:a |an |two |separate |several )?"
        r"(?:(?:tele)?phone |video |virtual )?calls\b(?= [^.]*?\bwith\b)",
        False,
    ),
    ("talks", r"\b(?:held|hold|holds|holding) (?:\w+ ){0,2}talks with\b", False),
    ("meeting", rf"\b(?:met|meets|meet|meeting|meetings){_WHEN} with\b", False),
    ("meeting", rf"\bmet{_WHEN} (?=(?:the )?[A-Z])", False),
    # The host receives: "Aliyev has received Secretary General ... Taha".
    # Not "co-hosted the ... Symposium": a host of an event receives nobody.
    (
        "meeting",
        r"(?<!-)\b(?:received|receives|hosted|hosts)(?= (?:the )?(?:[A-Z]|a delegation))",
        True,
    ),
    (
        "visit",
        r"\b(?:visit(?:ed|s|ing)?|travel(?:led|ed|s|ing)? to|trip to|arrived in|arrives in)\b",
        False,
    ),
    (
        "agreement",
        r"\b(?:signed|signs|sign|signing)\b"
        r"(?=[^.]*\b(?:agreement|memorandum|MoU|accord|treaty|declaration|protocol)\b)",
        False,
    ),
]
_TRIGGER_RES = [(kind, re.compile(p), hosts) for kind, p, hosts in _TRIGGERS]
# Any trigger at all: a sentence (or an article) without one reports nothing.
_ANY_TRIGGER = re.compile("|".join(f"(?:{p})" for _kind, p, _hosts in _TRIGGERS))


def might_report(title: str, body: str) -> bool:
    """Whether the article may report an encounter (a cheap look before reading it)."""
    return bool(
        _TITLE_RE.match(title.strip())
        or _THEIR_MEETING_RE.search(title)
        or _JOINT_TITLE_RE.search(title)
        or _ANY_TRIGGER.search(body)
        or _JOINT_RE.search(body)
    )


# Joint statements: a release titled "Joint Statement by/of/from <issuers> on ...",
# or "<issuers> Joint Statement", whose lead says who released it ("The following
# statement was released by ..."; the text itself follows "Begin text"), and a
# sentence "X and Y issued a joint statement", "X issued a joint statement with Y".
_JOINT_TITLE_RE = re.compile(r"\bJoint (?:Press )?Statement\b", re.IGNORECASE)
_JOINT_RE = re.compile(
    r"\b(?:issued|issues|issue|released|releases|release|adopted|adopts|adopt|signed|signs"
    r"|sign|made|make)\s+(?:a |the |their |this |another )?joint (?:press )?statements?\b",
    re.IGNORECASE,
)
_JOINT_BY_RE = re.compile(
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


# A readout's title: "Secretary Blinken's Call with ...", "Deputy Secretary Sherman's Meeting with".
_TITLE_RE = re.compile(
    r"^(?P<who>.+?)(?:['’]s?)? (?:(?:Phone|Video|Virtual|Telephone) )?"
    r"(?P<kind>Calls?|Meetings?|Travel|Trip|Visit|Talks)(?P<rest> (?:[Ww]ith|[Tt]o)\b.*)$"
)
# "Secretary Blinken and Foreign Minister Liimets Before Their Meeting"
_THEIR_MEETING_RE = re.compile(r"\b(?:Before|After|At|During|Following) (?:Their|the) Meeting\b")
# The traveller or caller is the one whose travel it is, after the last word that opens
# what a briefing is about: "Assistant Secretary X on the Secretary's Upcoming Travel",
# "Briefing with Senior State Department Official on the Secretary's Travel".
# A word or two after the owner's possessive: "Secretary Blinken’s Upcoming" (not the
# "’s" of "People’s Republic of Korea Kim").
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])(?: [\w-]+){1,2}$")
_ABOUT_RE = re.compile(r".*(?:\b(?:[Oo]n|[Aa]bout|[Rr]egarding|[Pp]reviewing|[Ww]ith)\b|[:–—])\s*")
_TITLE_KINDS = {
    "Call": "call",
    "Calls": "call",
    "Meeting": "meeting",
    "Meetings": "meeting",
    "Talks": "talks",
    "Travel": "visit",
    "Trip": "visit",
    "Visit": "visit",
}
# What makes an encounter planned: a verb's ("will meet"), said of its subject, or
# a time to come anywhere before the clause's end ("Next week, Blinken travels to").
_PLANNED_RE = re.compile(
    r"\b(?:will|shall|to be|is expected to|are expected to|is scheduled to|are scheduled to|"
    r"plans to|plan to|is set to|are set to)\b"
)
_COMING_RE = re.compile(r"\b(?:upcoming|next week|tomorrow)\b", re.IGNORECASE)
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
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DAY_RE = re.compile(
    r"\b(?:(?P<rel>today|yesterday|tomorrow)|on (?P<weekday>" + "|".join(_WEEKDAYS) + r")"
    r"|(?:on )?(?P<month>"
    + "|".join(_MONTHS)
    + r") (?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?"
    r"|(?:on )?(?P<day2>\d{1,2}) (?P<month2>" + "|".join(_MONTHS) + r")(?: (?P<year2>\d{4}))?)\b",
    re.IGNORECASE,
)
_DAY_OF_RE = re.compile(r"\b(?:the|their|its|his|her|our|this|that)\s+$")
_PRONOUN_RE = re.compile(r"(?:^|\W)(?:He|She|he|she)\W*(?:\w+\W+){0,3}$")
# "to" before a verb ("to discuss"), not an office's ("Chief of Staff to President").
_CLAUSE_END = re.compile(
    r"\b(?:to(?= (?!the )[a-z])|about|regarding|concerning|where|that|who|which|following"
    r"|after|before|during|"
    r"(?:and )?(?:discussed|reaffirmed|emphasized|emphasised|expressed|underscored|welcomed|"
    r"reiterated|highlighted|thanked|agreed)|"
    r"and (?:(?:will|would|to) )?(?:also |then )?(?:also|"
    r"(?:issue|release|sign|announce|launch|visit|tour|attend|deliver|join|participate|host"
    r"|address|inaugurate|engage|lead|give|hold|travel|speak|discuss|reaffirm|emphasi[sz]e"
    r"|express|underscore|welcome|reiterate|highlight|thank|agree|meet|provide|receive"
    r"|accompany|view|open|lay|co-chair|chair)(?:s|d|ed|es|ing)?|met|spoke|held|led|gave|laid))"
    r"\b|[;:]"
)
# Said before the subject, not of it: "Following President Biden's travel to Brussels,
# Nuland will meet ...", "In Seoul, ..."; and a clause of its own after "as", "while":
# "... sent his best wishes from President Biden as President Cortizo travels to".
_FRONTED_RE = re.compile(
    r"^(?:(?:Also|And|Finally|Then|Later|Separately),? )?(?:Following|After|Before|During|Ahead of"
    r"|Upon|On|In|At|While in|While|Since|Prior to|Further to|As part of|Throughout|Later)\b"
    r"[^,]*,\s*"
)
_SUBORDINATE_RE = re.compile(
    r"\b(?:(?<!well )(?<!such )as(?! well\b)|while|when|because|since|although|though|whereas"
    r"|but)\s"
)
# A place the sentence opens with: "In Ho Chi Minh City, Sherman will meet ...".
_FRONTED_PLACE_RE = re.compile(
    r"^(?:(?:Also|And|Finally|Then|Later|Separately),? )?(?:[Ww]hile )?[Ii]n (?:the )?"
)
# What may come between a visit's verb and its first place: "traveled to the", "visit to".
_TO_PLACE_RE = re.compile(r"^\s*(?:(?:to|in|of|the|city|town|capital|region|province)\s+)*$")
# A visit said as a noun ("Kim’s travel to Seoul emphasizes ..."): reported only
# when the sentence says it is to come or has happened.
_NOUN_VISIT_RE = re.compile(r"(?:['’]s|\b(?:his|her|their|its))(?: [\w-]+){0,2} $")
_NOUN_TRIGGERS = {"visit", "travel to", "trip to"}
_PAST_RE = re.compile(
    r"\b(?:was|were|had|has|have|did|during|following|followed|after|concluded|completed|ended"
    r"|results?|took place)\b"
)
# What a host hosts that is no visitor: "hosted the Regional Forum Symposium on ...".
_EVENT_RE = re.compile(
    r"\s*(?:the |a |an )?(?:[A-Z(][\w().'’&-]* ){0,8}?(?:[Ss]ymposium|[Cc]onference|[Ss]ummit"
    r"|[Dd]ialogue|[Mm]inisterial|[Ww]orkshop|[Rr]eception|[Rr]oundtable|[Ss]ession|[Mm]eeting"
    r"|[Ee]vent|[Ff]estival|[Dd]inner|[Ll]uncheon|[Bb]reakfast|[Ff]orum|[Cc]eremony|[Ww]ebinar)s?\b"
)
# Where one "spoke with" someone in person: "during the ... Meeting", "on the margins of".
_AT_AN_EVENT_RE = re.compile(
    r"\b(?:on the (?:margins|sidelines) of|(?:during|at) (?:the|a|an|their) "
    r"(?:[A-Z(][\w().'’&+-]* ){0,8}?(?:[Mm]eeting|[Ss]ummit|[Mm]inisterial|[Cc]onference"
    r"|[Ff]orum|[Dd]ialogue|[Ss]ession|[Aa]ssembly|[Rr]eception|[Dd]inner|[Ll]unch(?:eon)?"
    r"|[Bb]reakfast)s?\b)"
)
_VENUE_RE = re.compile(r"(?:\b(?:at|in|inside|outside)|,\s*from) (?:the )?$")
# "the OIC Contact Group delegation's visit": the name, a word or two, "'s", the visit.
_POSSESSIVE_VISIT_RE = re.compile(r"(?:[ -][\w-]+){0,2}['’]s? (?:[\w-]+ )?$")
# A trigger whose counterpart it opens ("met with", "spoke to"): none named, no encounter.
_OPENS_COUNTERPART_RE = re.compile(r"\b(?:with|to)$")
# Told as what had happened before the story ("Austin had traveled to Syria").
# Said not to happen: "will no longer travel to Egypt", "did not meet with".
_NEGATED_RE = re.compile(
    r"\b(?:no longer|not|never|cancel(?:l)?ed|postponed|(?:won|didn|hasn|haven|wasn)['’]t)"
    r"(?: (?!only\b)\w+)? $"
)
_PLUPERFECT_RE = re.compile(
    r"\bhad (?:(?:previously|already|also|earlier|recently|just|never|once|first|last) )?$"
)
# Whom one speaks to that is no call: "will speak to the CBYX alumni about ...".
_AUDIENCE_RE = re.compile(
    r"\b(?:alumni|students|audiences?|reporters|press|media|journalists|participants"
    r"|graduates|members|delegates|employees|staff|crowds?|gathering|conference|forum|event"
    r"|youth|community|workers|attendees|fellows|graduating|class|cadets|veterans)\b",
    re.IGNORECASE,
)


# Speaker labels of a transcript: "QUESTION:", "MR PRICE:", "SECRETARY BLINKEN:".
_TRANSCRIPT_RE = re.compile(
    r"(?m)^(?:QUESTION|MODERATOR|OPERATOR|(?:MR|MS|MRS|DR)\.? [A-Z]+|[A-Z]{3,}(?: [A-Z]{2,})*):"
)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I’m|I'm|we|We|our|Our|us|my|My)\b")
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")


def _sentences(body: str) -> list[str]:
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


def _past_year(sentence: str, published: dt.date | None) -> bool:
    years = [int(y) for y in _YEAR_RE.findall(sentence)]
    return published is not None and bool(years) and max(years) < published.year


# Places after these words are where the encounter happened.


def find_interactions(
    title: str, body: str, published: dt.date | None, names: dict[str, Named]
) -> list[FoundInteraction]:
    """The encounters the article reports, one per encounter."""
    names = with_name_parts(names)
    found = _from_title(title, published, names) + _joint_from_title(title, body, published, names)
    if _TRANSCRIPT_RE.search(body):
        return _merged(found, title, published)  # a briefing's or an interview's talk is no report
    # "He will then meet with ...": the last person (or office: "The Secretary will
    # meet ... In Morocco, he will meet ...") an encounter was reported of.
    actor = _actor(found[0]) if found else ([], [])
    for sentence in _sentences(body):
        if len(sentence) < 12 or not (
            _ANY_TRIGGER.search(sentence) or _JOINT_TITLE_RE.search(sentence)
        ):
            continue
        if _past_year(sentence, published):
            continue  # "In 2006, then-Senator Biden ... visit": history
        joint = _JOINT_RE.search(sentence) or _JOINT_BY_RE.search(sentence)
        if joint and not _FIRST_PERSON_RE.search(sentence, 0, joint.start()):
            items = _joint_from_sentence(sentence, joint, published, names, actor)
            found += items
        for kind, pattern, hosts in _TRIGGER_RES:
            trigger = pattern.search(sentence)
            if trigger is None:
                continue
            if _FIRST_PERSON_RE.search(sentence, 0, trigger.start()):
                # Remarks ("when I met ...") tell, they do not report; a readout's
                # "our" after its verb ("to reiterate our support") is no speaker.
                break
            items = _from_sentence(sentence, trigger, kind, hosts, published, names, actor)
            if items and (items[0].participants or items[0].offices):
                actor = _actor(items[0])
            found += items
            break
    return _merged(found, title, published)


def with_name_parts(names: dict[str, Named]) -> dict[str, Named]:
    """``names`` and each word of a person's name that names nobody else here:
    titles write "Advisor Akiba" for Akiba Takeo, "Secretary of State Blinken"."""
    parts: dict[str, set[Named]] = {}
    for named in set(names.values()):
        if named.kind == "person":
            for word in named.name.split():
                if len(word) >= 4 and word[0].isupper() and word[-1] != ".":
                    parts.setdefault(word, set()).add(named)
    added = {word: next(iter(found)) for word, found in parts.items() if len(found) == 1}
    return {**added, **names}


def _from_title(title: str, published, names) -> list[FoundInteraction]:
    title = title.strip()
    if _THEIR_MEETING_RE.search(title):
        people = [n for n in _named_in(title, names, principals=False) if n.kind == "person"]
        if len(people) < 2:
            return []
        return [
            FoundInteraction(
                kind="meeting",
                status="held",
                date=published,
                precision="reported",
                participants=people,
                sentences=[title],
            )
        ]
    m = _TITLE_RE.match(title)
    if m is None:
        return []
    kind = _TITLE_KINDS[m["kind"]]
    owner = _POSSESSIVE_RE.sub("", _ABOUT_RE.sub("", m["who"]))
    owner = owner.removeprefix("the ").removeprefix("The ")
    who = [n for n in _named_in(owner, names, principals=False) if n.kind != "place"]
    others = _named_in(m["rest"], names, principals=False)
    offices = [] if who else [f.role for f in find_office_mentions(f"the {owner}")]
    if not who and not offices:
        return []
    if kind == "visit":
        # "Deputy Secretary Sherman's Travel to Belgium, Turkey, ...": planned,
        # one visit a place listed after "to" ("to Houston for a forum": Houston);
        # the body says when.
        places = _places_in(m["rest"], names, near=10)
        return [
            FoundInteraction(
                kind="visit",
                status="planned",
                date=None,
                precision="",
                participants=_people_first(who),
                offices=offices,
                place=place,
                sentences=[title],
            )
            for place in places
        ]
    counterparts = [n for n in others if n.kind != "place"]
    if not counterparts:
        return []
    return [
        FoundInteraction(
            kind=kind,
            status="held",
            date=published,
            precision="reported",
            participants=list(dict.fromkeys(_people_first(who) + _people_first(counterparts))),
            offices=offices,
            sentences=[title],
        )
    ]


def _actor(item: FoundInteraction) -> tuple[list[Named], list[str]]:
    """Who "he" or "she" is after ``item``: the one it was reported of, its office
    when it named no holder."""
    return ([], item.offices[:1]) if item.offices else (item.participants[:1], [])


def _joint_from_title(title: str, body: str, published, names) -> list[FoundInteraction]:
    """A release titled as a joint statement: its issuers, from the title and the lead."""
    joint = _JOINT_TITLE_RE.search(title)
    if joint is None:
        return []
    texts = [title[: joint.start()], _issuers_after(title[joint.end() :], opened=True)]
    lead = body[: 600 if (begin := _BEGIN_TEXT_RE.search(body)) is None else begin.start()]
    sentences = [title]
    for sentence in _sentences(lead)[:3]:
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
        sp for sp in _without_principals(text, _named_spans(text, names)) if sp[0].kind != "place"
    ]
    people = list(dict.fromkeys(n for n, _s, _e in spans if n.kind == "person"))
    if len(people) >= 2:
        return people
    # Countries are places, no participants: a statement mostly theirs ("by the
    # Governments of the United States, Italy, ..., and the Arab League") is not
    # the few organisations it also names.
    countries = {
        n
        for n, _s, _e in _named_spans(text, names)
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


def _joint_from_sentence(sentence, joint, published, names, actor) -> list[FoundInteraction]:
    """ "X and Y issued a joint statement", "X issued a joint statement with Y",
    "a joint statement released by X and Y"."""
    before, after = sentence[: joint.start()], sentence[joint.end() :]
    if joint.group().lower().endswith(("by ", "between ", "from ")):
        participants = _issuers(_issuers_after(after), names)
        subject_text = ""
    else:
        # The subject: before any other encounter the sentence reports ("Kerry had a
        # call with Putin and issued a joint statement with ...": Kerry).
        other = _ANY_TRIGGER.search(before)
        subject_text = before[: other.start()] if other else before
        subject = [
            n for n in _named_in(subject_text[-200:], names, principals=False) if n.kind != "place"
        ]
        if not subject and _PRONOUN_RE.search(before):
            subject = list(actor[0])
        clause = _CLAUSE_END.split(after, 1)[0]
        with_ = re.search(r"\b(?:with|between)\s", clause)
        objects = (
            [
                n
                for n in _named_in(clause[with_.end() :], names, principals=False)
                if n.kind != "place"
            ]
            if with_
            else []
        )
        participants = list(dict.fromkeys(_people_first(subject) + _people_first(objects)))
    if len(participants) < 2:
        return []
    planned = _PLANNED_RE.search(before + joint.group()) or _COMING_RE.search(sentence)
    date, precision = _date_of(sentence, published, planned=bool(planned))
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


def _from_sentence(
    sentence, trigger, kind, hosts, published, names, actor
) -> list[FoundInteraction]:
    before, after = sentence[: trigger.start()], sentence[trigger.end() :]
    if _PLUPERFECT_RE.search(before):
        return []  # "Austin had traveled to Syria": the story's background
    if _NEGATED_RE.search(before):
        return []  # "the Deputy Secretary will no longer travel to Egypt"
    if trigger.group().endswith("calls"):
        # "held calls to discuss the launch with Funakoshi": after the "with".
        after = after[re.search(r"\bwith\b", after).end() :]
    subject = [
        n
        for n in _named_in(_subject_text(before, names), names, principals=False)
        if n.kind != "place"
    ]
    pronoun = None if subject else _PRONOUN_RE.search(before)
    if pronoun:
        subject = list(actor[0])
    # The counterparts are named right after the verb, up to the clause's end.
    clause = _CLAUSE_END.split(after, 1)[0]
    objects = _counterparts(clause, names)
    office_mentions = [] if subject else find_office_mentions(before)[-1:]
    offices = [f.role for f in office_mentions] or (list(actor[1]) if pronoun else [])
    # The clause from its subject on says whether it is to come: "Nuland will speak
    # on issues raised during President Biden's visit" reports Biden's visit held.
    spans = [sp for sp in _named_spans(before, names) if sp[0].kind != "place"]
    opens = spans[-1][1] if spans else pronoun.start() if pronoun else 0
    if office_mentions and not spans:
        opens = office_mentions[0].start
    if kind == "visit" and spans and _POSSESSIVE_VISIT_RE.match(before, spans[-1][2]):
        # "the OIC Contact Group delegation's visit to": the visitor is the name
        # just before the visit, whoever else the sentence names.
        subject = [spans[-1][0]]
    # A "will" before the subject governs it when no clause opens between them:
    # "Reeker will accompany Secretary Blinken on his travel to Berlin".
    lead = [m.end() for m in _PLANNED_RE.finditer(before, 0, opens)]
    planned = (
        _PLANNED_RE.search(before[opens:] + trigger.group() + clause)
        or (lead and not _CLAUSE_END.search(before, lead[-1], opens))
        or _COMING_RE.search(before + trigger.group() + clause)
    )
    status = "planned" if planned else "held"
    if kind == "call" and _AT_AN_EVENT_RE.search(after):
        kind = "meeting"  # "spoke with ... during the EAS Foreign Ministers' Meeting"
    if (
        kind == "call"
        and trigger.group().endswith(" to")
        and not _spoken_to_a_person(clause, names)
    ):
        return []  # a speech: "will speak to the CBYX alumni about"
    date, precision = _date_of(sentence, published, planned=status == "planned")
    if status == "held" and date and published and date > published:
        status = "planned"  # "is traveling to Riga April 3-5" on April 2: to come
    if kind == "visit":
        if not (subject or offices):
            return []
        if (
            trigger.group() in _NOUN_TRIGGERS
            and _NOUN_VISIT_RE.search(before)
            and not planned
            and not _PAST_RE.search(sentence)
        ):
            return []  # "Kim’s travel to Seoul emphasizes ...": no report of it
        # A visit with no place named here ("visited the above district") may
        # date the one the article names elsewhere (``_merged``).
        places = _places_in(after[:160], names, near=30) or [""]
        return [
            FoundInteraction(
                kind="visit",
                status=status,
                date=date,
                precision=precision,
                participants=_people_first(subject),
                offices=offices,
                place=place,
                sentences=[sentence],
            )
            for place in places
        ]
    if not (subject or offices):
        return []  # "in meetings with President Bukele": whose meetings, it does not say
    if not objects and _OPENS_COUNTERPART_RE.search(trigger.group()):
        return []  # "... and other officials met yesterday with representatives of"
    if hosts and not any(n.kind == "person" for n in objects) and _EVENT_RE.match(after):
        return []  # "hosted the ASEAN Regional Forum Symposium": an event, not a visitor
    participants = list(dict.fromkeys(_people_first(subject) + _people_first(objects)))
    if len(participants) + len(offices) < 2:
        return []
    return [
        FoundInteraction(
            kind=kind,
            status=status,
            date=date,
            precision=precision,
            participants=participants,
            offices=offices,
            host=subject[0] if hosts and subject else None,
            # Where, in the clause: not "about the situation in Nicaragua"; or
            # where the sentence opens ("In Seoul, Sherman will meet with ...").
            place=_place_after_in(clause, names) or _fronted_place(sentence, names),
            sentences=[sentence],
        )
    ]


def _subject_text(before: str, names: dict[str, Named]) -> str:
    """Where a sentence names who did it: not in a phrase set before the subject
    ("Following President Biden's travel, Nuland will meet"), and in a clause of its
    own after "as", "while" when it names someone there."""
    before = before[-200:]
    fronted = _FRONTED_RE.match(before)
    if fronted:
        before = before[fronted.end() :]
    subordinate = list(_SUBORDINATE_RE.finditer(before))
    if subordinate:
        own = before[subordinate[-1].end() :]
        if any(sp[0].kind != "place" for sp in _named_spans(own, names)):
            return own
    return before


def _fronted_place(sentence: str, names: dict[str, Named]) -> str:
    opens = _FRONTED_PLACE_RE.match(sentence)
    if opens is None:
        return ""
    spans = _named_spans(sentence[opens.end() : opens.end() + 60], names)
    if spans and spans[0][1] == 0 and spans[0][0].kind == "place":
        return spans[0][0].name
    return ""


def _counterparts(clause: str, names: dict[str, Named]) -> list[Named]:
    """Who the clause after the verb names: people and organisations, not those
    named only in another's title, nor where it was ("at the Department of State")."""
    found: list[Named] = []
    for named, start, _end in _without_principals(clause, _named_spans(clause, names)):
        if named.kind == "place" or named in found:
            continue
        if named.kind == "organisation" and _VENUE_RE.search(clause, max(0, start - 12), start):
            continue
        found.append(named)
    return found


def _spoken_to_a_person(clause: str, names: dict[str, Named]) -> bool:
    """Whether "spoke to" is said of a person (a call), not of an audience."""
    person = next((sp for sp in _named_spans(clause, names) if sp[0].kind == "person"), None)
    return person is not None and not _AUDIENCE_RE.search(clause, 0, person[1])


def _people_first(named: list[Named]) -> list[Named]:
    """People and the organisations that are no person's title ("Secretary General
    of the OIC Hissein Taha" is Taha, not the OIC, when a person is named)."""
    people = [n for n in named if n.kind == "person"]
    return people or [n for n in named if n.kind == "organisation"]


def _named_in(text: str, names: dict[str, Named], *, principals: bool = True) -> list[Named]:
    """The entities ``text`` names, in order, each once; ``principals=False``:
    not a person named only in someone else's title ("Bjoern Seibert, Chief of
    Staff for President Ursula von der Leyen": Seibert)."""
    seen: set[Named] = set()
    ordered = []
    spans = _named_spans(text, names)
    if not principals:
        spans = _without_principals(text, spans)
    for named, _start, _end in spans:
        if named not in seen:
            seen.add(named)
            ordered.append(named)
    return ordered


# Whom an office is held for: "Chief of Staff to President", "wife of King", "for
# European Commission President" (a name after it is the principal's).
_FOR_LEADER = (
    r"\b(?:to|for|of)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}?(?:Vice\s+|Deputy\s+)?"
    r"(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Prince|Chancellor|Pope|Sheikh"
    r"|Sultan|Premier|Governor|Chair(?:man|woman|person)?|Leader|Commissioner)\s+$"
)
# After a person: ", Chief of Staff for ... President " and the principal's name.
_APPOSITIVE_FOR_RE = re.compile(r"^,\s+(?:(?!\band\b)[^;])*?" + _FOR_LEADER)
_BEFORE_FOR_RE = re.compile(_FOR_LEADER)
# "President Zelenskyy’s Chief of Staff Andriy Yermak": Zelenskyy is the principal.
_POSSESSOR_RE = re.compile(
    r"^['’]s (?!(?:[\w.-]+ )*?(?:meeting|call|visit|travel|trip|talks|with|and|met|spoke)\b)"
    r"(?:[\w.-]+ ){1,6}$"
)


def _without_principals(text: str, spans: list) -> list:
    """``spans`` but the people named only as whom another person's office is for."""
    people = [i for i, (named, _s, _e) in enumerate(spans) if named.kind == "person"]
    dropped = set()
    for before, after in itertools.pairwise(people):
        q_start, q_end = spans[before][1:]
        p_start = spans[after][1]
        gap = text[q_end:p_start]
        if _APPOSITIVE_FOR_RE.search(gap):
            dropped.add(after)  # "Seibert, Chief of Staff for ... President von der Leyen"
        elif _POSSESSOR_RE.match(gap):
            dropped.add(before)  # "President Zelenskyy’s Chief of Staff Andriy Yermak"
        elif gap.strip(" ,") == "" and _BEFORE_FOR_RE.search(text[max(0, q_start - 80) : q_start]):
            dropped.add(before)  # "Chief of Staff to President Zelenskyy Andriy Yermak"
    return [span for i, span in enumerate(spans) if i not in dropped]


def _named_spans(text: str, names: dict[str, Named]) -> list[tuple[Named, int, int]]:
    """Where ``text`` names the entities, in order; the longest name wins an overlap."""
    found: list[tuple[Named, int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        if surface not in text:
            continue
        for start in whole_word_starts(text, surface):
            end = start + len(surface)
            if not any(s < end and start < e for _n, s, e in found):
                found.append((names[surface], start, end))
    return sorted(found, key=lambda item: item[1])


def _places_in(text: str, names: dict[str, Named], near: int | None = None) -> list[str]:
    """The places ``text`` names, in order; a country or region written after a
    town to say where it is ("Beirut, Lebanon", "Frederick, Maryland") or before
    it ("Azerbaijan's Aghdam region") is left out. ``near``: a list of places
    starting within that many characters, and going on only through ", " and
    "and" (a place later in the sentence is not where anyone went)."""
    places: list[str] = []
    previous = None
    for named, start, end in _named_spans(text, names):
        if named.kind != "place":
            continue
        gap = text[previous[2] : start] if previous else text[:start]
        if near is not None and (
            (previous is None and (start > near or not _TO_PLACE_RE.match(gap)))
            or (previous is not None and not _LIST_GAP.match(gap))
        ):
            break
        if previous is not None and gap in ("’s ", "'s ") and places:
            places.pop()  # "Azerbaijan's Aghdam region": Aghdam
        elif (
            previous is not None
            and previous[0].place_kind not in ("country", "region")
            and named.place_kind in ("country", "region")
            and gap == ", "
        ):
            previous = (named, start, end)
            continue
        places.append(named.name)
        previous = (named, start, end)
    return list(dict.fromkeys(places))


_LIST_GAP = re.compile(
    r"^(?:,? (?:and |the |and the )?|’s |'s "
    r"|\s+(?:region|city|province|district|and|,)+\s+(?:and )?(?:the )?)$"
)


def _place_after_in(text: str, names: dict[str, Named]) -> str:
    """Where an encounter happened: a place named right after "in" or "at"."""
    for m in re.finditer(r"\b(?:in|at) ", text):
        spans = _named_spans(text[m.end() : m.end() + 40], names)
        if spans and spans[0][1] == 0 and spans[0][0].kind == "place":
            return spans[0][0].name
    return ""


def _date_of(sentence: str, published: dt.date | None, *, planned: bool) -> tuple:
    """The day the sentence gives, and how precise: "day", or "reported"."""
    if published is None:
        return None, ""
    # Not a day that names something else: "the March 24 NATO Summit".
    m = next(
        (d for d in _DAY_RE.finditer(sentence) if not _DAY_OF_RE.search(sentence, 0, d.start())),
        None,
    )
    if m is None:
        return (None, "") if planned else (published, "reported")
    if m["rel"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        return published + dt.timedelta(days=shift), "day"
    if m["weekday"]:
        wanted = _WEEKDAYS.index(m["weekday"].lower())
        delta = (published.weekday() - wanted) % 7
        day = published - dt.timedelta(days=delta)
        if planned and delta:
            day += dt.timedelta(days=7)
        return day, "day"
    month = _MONTHS.index((m["month"] or m["month2"]).lower()) + 1
    day_of_month = int(m["day"] or m["day2"])
    year = int(m["year"] or m["year2"] or published.year)
    try:
        day = dt.date(year, month, day_of_month)
    except ValueError:
        return (None, "") if planned else (published, "reported")
    if not (m["year"] or m["year2"]) and not planned and (day - published).days > 31:
        day = day.replace(year=year - 1)  # "on December 30" in a January article
    return day, "day"


def _merged(found: list[FoundInteraction], title: str, published) -> list[FoundInteraction]:
    """One article's reports of one encounter as one: same kind, shared participants.
    A visit reported without its place dates the same visitor's visits the
    article names, and is then dropped; the places of a title's travel ("Kerry's
    Visit to the UAE, Saudi Arabia and Egypt") were visited, on or before the
    article's day, when its body reports the traveller's trip held ("traveled to
    the Middle East")."""
    placeless = [f for f in found if f.kind == "visit" and not f.place]
    found = [f for f in found if not (f.kind == "visit" and not f.place)]
    for item in placeless:
        for visit in found:
            if (
                visit.kind == "visit"
                and set(visit.participants) & set(item.participants)
                and visit.precision != "day"
                and item.precision == "day"
            ):
                visit.date, visit.precision, visit.status = item.date, "day", item.status
                visit.sentences.append(item.sentences[0])
    merged: list[FoundInteraction] = []
    for item in found:
        into = next((m for m in merged if _same(m, item)), None)
        if into is None:
            merged.append(item)
            continue
        for named in item.participants:
            if named not in into.participants:
                into.participants.append(named)
        into.offices = list(dict.fromkeys([*into.offices, *item.offices]))
        into.sentences.append(item.sentences[0])
        if into.precision != "day" and item.precision == "day":
            into.date, into.precision = item.date, item.precision
        if item.status == "held" and item.date is not None and into.status == "planned":
            into.status, into.date, into.precision = "held", item.date, item.precision
        into.host = into.host or item.host
        into.place = into.place or item.place
    trips = [v for v in merged if v.kind == "visit" and v.status == "held"]
    # A stop still to come ("will travel to Riga") says the trip is not over.
    to_come = {
        n
        for v in merged
        if v.kind == "visit" and v.date
        for n in v.participants
        if v.status == "planned"
    }
    for visit in merged:
        if (
            visit.kind == "visit"
            and visit.date is None
            and visit.sentences[0] == title.strip()
            and published
            and any(set(trip.participants) & set(visit.participants) for trip in trips)
            and not set(visit.participants) & to_come
        ):
            visit.status, visit.date, visit.precision = "held", published, "reported"
    return merged


def _same(a: FoundInteraction, b: FoundInteraction) -> bool:
    """Reports of one encounter: same kind and day where both give one, a shared
    participant, and nobody on one side the other side lacks but for the office
    a report names without its holder ("The Secretary spoke with Kuleba")."""
    if a.kind != b.kind:
        return False
    if a.date and b.date and a.precision == b.precision == "day" and a.date != b.date:
        return False
    if a.place != b.place and (a.kind == "visit" or (a.place and b.place)):
        return False  # a visit is to one place; meetings in two places are two
    shared = set(a.participants) & set(b.participants)
    if not shared:
        return a.kind == "visit" and bool(set(a.offices) & set(b.offices))
    return not (set(a.participants) - shared) or not (set(b.participants) - shared)

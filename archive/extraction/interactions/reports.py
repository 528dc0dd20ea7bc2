"""A sentence's report of an encounter: its trigger ("spoke with", "met with",
"received", "will travel to", "held talks with", "signed"), who did it, with whom,
whether it is to come, when and where."""

from __future__ import annotations

import re

from archive.extraction.office_mentions import find_office_mentions

from .dates import COMING_RE, PLANNED_RE, date_of
from .named import (
    fronted_place,
    named_in,
    named_spans,
    people_first,
    place_after_in,
    places_in,
    without_principals,
)
from .records import FoundInteraction, Named, visits

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


TRIGGER_RES = [(kind, re.compile(p), hosts) for kind, p, hosts in _TRIGGERS]


# Any trigger at all: a sentence (or an article) without one reports nothing.
ANY_TRIGGER = re.compile("|".join(f"(?:{p})" for _kind, p, _hosts in _TRIGGERS))


PRONOUN_RE = re.compile(r"(?:^|\W)(?:He|She|he|she)\W*(?:\w+\W+){0,3}$")


# "to" before a verb ("to discuss"), not an office's ("Chief of Staff to President").
CLAUSE_END = re.compile(
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


_SEPARATELY_RE = re.compile(r",?\s+(?:and\s+)?,?\s*separately,?\s+")
# Whom one speaks to that is no call: "will speak to the CBYX alumni about ...".
_AUDIENCE_RE = re.compile(
    r"\b(?:alumni|students|audiences?|reporters|press|media|journalists|participants"
    r"|graduates|members|delegates|employees|staff|crowds?|gathering|conference|forum|event"
    r"|youth|community|workers|attendees|fellows|graduating|class|cadets|veterans)\b",
    re.IGNORECASE,
)


def from_sentence(
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
        for n in named_in(_subject_text(before, names), names, principals=False)
        if n.kind != "place"
    ]
    pronoun = None if subject else PRONOUN_RE.search(before)
    if pronoun:
        subject = list(actor[0])
    # The counterparts are named right after the verb, up to the clause's end.
    clause = CLAUSE_END.split(after, 1)[0]
    objects = _counterparts(clause, names)
    office_mentions = [] if subject else find_office_mentions(before)[-1:]
    offices = [f.role for f in office_mentions] or (list(actor[1]) if pronoun else [])
    # The clause from its subject on says whether it is to come: "Nuland will speak
    # on issues raised during President Biden's visit" reports Biden's visit held.
    spans = [sp for sp in named_spans(before, names) if sp[0].kind != "place"]
    opens = spans[-1][1] if spans else pronoun.start() if pronoun else 0
    if office_mentions and not spans:
        opens = office_mentions[0].start
    if kind == "visit" and spans and _POSSESSIVE_VISIT_RE.match(before, spans[-1][2]):
        # "the OIC Contact Group delegation's visit to": the visitor is the name
        # just before the visit, whoever else the sentence names.
        subject = [spans[-1][0]]
    # A "will" before the subject governs it when no clause opens between them:
    # "Reeker will accompany Secretary Blinken on his travel to Berlin".
    lead = [m.end() for m in PLANNED_RE.finditer(before, 0, opens)]
    planned = (
        PLANNED_RE.search(before[opens:] + trigger.group() + clause)
        or (lead and not CLAUSE_END.search(before, lead[-1], opens))
        or COMING_RE.search(before + trigger.group() + clause)
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
    date, precision = date_of(sentence, published, planned=status == "planned")
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
        # date the one the article names elsewhere (``merged``).
        places = places_in(after[:160], names, near=30) or [""]
        return visits(places, status, date, precision, people_first(subject), offices, sentence)
    if not (subject or offices):
        return []  # "in meetings with President Bukele": whose meetings, it does not say
    if not objects and _OPENS_COUNTERPART_RE.search(trigger.group()):
        return []  # "... and other officials met yesterday with representatives of"
    if hosts and not any(n.kind == "person" for n in objects) and _EVENT_RE.match(after):
        return []  # "hosted the ASEAN Regional Forum Symposium": an event, not a visitor
    # "will meet with Foreign Minister Chung and, separately, with Admiral Aquilino":
    # one encounter each.
    sides = [side for part in _SEPARATELY_RE.split(clause) if (side := _counterparts(part, names))]
    found = []
    for side in sides if len(sides) > 1 else [objects]:
        participants = list(dict.fromkeys(people_first(subject) + people_first(side)))
        if len(participants) + len(offices) < 2:
            continue
        found.append(
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
                place=place_after_in(clause, names) or fronted_place(sentence, names),
                sentences=[sentence],
            )
        )
    return found


def actor_of(item: FoundInteraction) -> tuple[list[Named], list[str]]:
    """Who "he" or "she" is after ``item``: the one it was reported of, its office
    when it named no holder."""
    return ([], item.offices[:1]) if item.offices else (item.participants[:1], [])


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
        if any(sp[0].kind != "place" for sp in named_spans(own, names)):
            return own
    return before


def _counterparts(clause: str, names: dict[str, Named]) -> list[Named]:
    """Who the clause after the verb names: people and organisations, not those
    named only in another's title, nor where it was ("at the Department of State")."""
    found: list[Named] = []
    for named, start, _end in without_principals(clause, named_spans(clause, names)):
        if named.kind == "place" or named in found:
            continue
        if named.kind == "organisation" and _VENUE_RE.search(clause, max(0, start - 12), start):
            continue
        found.append(named)
    return found


def _spoken_to_a_person(clause: str, names: dict[str, Named]) -> bool:
    """Whether "spoke to" is said of a person (a call), not of an audience."""
    person = next((sp for sp in named_spans(clause, names) if sp[0].kind == "person"), None)
    return person is not None and not _AUDIENCE_RE.search(clause, 0, person[1])

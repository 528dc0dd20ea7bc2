"""One article's reports of one encounter, as one."""

from __future__ import annotations

from .records import FoundInteraction


def merged(found: list[FoundInteraction], title: str, published) -> list[FoundInteraction]:
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

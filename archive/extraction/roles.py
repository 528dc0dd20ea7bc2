"""Roles as written next to names, with the entities in them canonicalised.

"President of the Republic of Azerbaijan" -> "President of Azerbaijan";
"ICESCO Director General" -> "Director General of ICESCO".
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.matcher import Match
from archive.extraction.reference import Gazetteer
from archive.extraction.spans import Unit


def gap(text: str, a: Unit, b: Unit) -> str:
    """The text between two units, non-breaking spaces read as spaces."""
    return text[a.end : b.start].replace("\xa0", " ")


def build_role(
    text: str, gaz: Gazetteer, prefix: list[Unit], tail: list[Unit]
) -> tuple[str, str, str]:
    """Role as written with entities canonicalised, the "Title Name" alias
    and the bare title."""
    units = [u for u in prefix if not (u.match is None and u.word in {"The", "the"})]
    # Honorifics at either end are not part of the role ("Dr.", "Prince"),
    # unless nothing else names the office ("Crown Prince").
    core = list(units)

    def has_title(us: list[Unit]) -> bool:
        return any(u.match is None and u.word in lx.TITLE_HEADS for u in us)

    while core and core[0].match is None and core[0].word in lx.HONORIFICS:
        core = core[1:]
    while len(core) > 1 and core[-1].match is None and core[-1].word in lx.HONORIFICS:
        if not has_title(core[:-1]):
            break
        core = core[:-1]
    title_alias = ""
    if tail and prefix and all(u.match is None for u in prefix) and len(prefix) <= 3:
        gaps = [gap(text, a, b) for a, b in itertools.pairwise(prefix)]
        if all(g in (" ", "-") for g in gaps):
            title_alias = text[prefix[0].start : tail[-1].end]
    if not core or not has_title(core):
        return "", title_alias, ""
    lead: list[str] = []
    lead_surface: list[str] = []
    i = 0
    while i < len(core) and core[i].match is not None:
        lead.append(canonical_short(gaz, core[i].match))
        lead_surface.append(core[i].word if core[i].match.best.demonym else lead[-1])
        i += 1
    pieces: list[str] = []
    for k in range(i, len(core)):
        u = core[k]
        if k > i:
            between = gap(text, core[k - 1], u)
            if u.match is not None and between.endswith(" the "):
                between = between[:-4]
            pieces.append(" " if between.strip() == "" and between != "-" else between)
        pieces.append(u.word if u.match is None else canonical_short(gaz, u.match))
    body = "".join(pieces).strip()
    body = " ".join(body.split())
    title = body
    if lead:
        # "ICESCO Director General" -> "Director General of ICESCO", but
        # "Israeli Minister of Intelligence" stays as written.
        if " of " not in f" {body} ":
            body = f"{body} of {' '.join(lead)}"
        else:
            body = f"{' '.join(lead_surface)} {body}"
    return body, title_alias, title


def canonical_short(gaz: Gazetteer, m: Match) -> str:
    """How a role names an entity: a country's name, an organisation's acronym."""
    surface = m.best
    record = gaz.record(surface)
    if surface.kind == "organisation":
        return record.acronym or record.name
    return record.name


class PendingRole(NamedTuple):
    """A title read without a name, waiting for the name after it."""

    role: str
    end: int
    strong: bool


def role_gap_ok(text: str, pending: PendingRole, s: int) -> bool:
    """Only a comma, a space or the like between a title and a name at ``s``."""
    between = text[pending.end : s]
    return "\n" not in between and bool(pt.ROLE_NAME_GAP_RE.match(between))

"""Acronyms and their long forms (Schwartz & Hearst 2003)."""

from __future__ import annotations

import dataclasses
import itertools
import re

from archive.extraction import lexicon as lx
from archive.extraction import patterns as pt
from archive.extraction.spans import Findings, Mention

# A full stop that ends a sentence: not one inside an initialism ("U.S. ", "D.C. ").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z]\.[A-Z])\. ")


def matches_acronym(acr: str, long_form: str) -> bool:
    """Schwartz & Hearst (2003): the acronym's letters appear in order in the
    long form, the first one at the start of a word."""
    letters = [ch.lower() for ch in acr if ch.isalnum()]
    long = long_form.lower()
    li = len(long) - 1
    for si in range(len(letters) - 1, -1, -1):
        ch = letters[si]
        while li >= 0 and (long[li] != ch or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        li -= 1
    return True


def long_form_before(text: str, k: int, acr: str) -> str:
    """The shortest capitalised phrase before position ``k`` that ``acr``
    abbreviates ("Islamic World Educational, Scientific, and Cultural
    Organisation (ICESCO)")."""
    window = text[max(0, k - 160) : k]
    # A sentence ends at a full stop, not at an initialism's ("U.S. Refugee
    # Admissions Program (USRAP)").
    stops = [m.start() for m in _SENTENCE_STOP.finditer(window)]
    cut = max(stops[-1] if stops else -1, window.rfind("\n"), window.rfind("("), window.rfind(")"))
    window = window[cut + 1 :] if cut >= 0 else window
    words = window.split(" ")
    max_words = min(len(acr) + 5, len(acr) * 2)
    for n in range(1, min(len(words), max_words) + 1):
        phrase = " ".join(words[-n:]).strip()
        first = phrase.split(" ", 1)[0]
        if not first[:1].isupper():
            continue
        if matches_acronym(acr, phrase):
            capitalised = [w for w in phrase.split() if w[:1].isupper()]
            if len(capitalised) >= 2:
                return phrase
    return ""


def link_acronyms(found: Findings) -> Findings:
    """After "Full Name (ACR)", the acronym names that entity in this article.

    The parenthesised acronym is part of the defining mention (an alias of
    it), not a second mention. Returns new findings; ``found`` is left as it is.
    """
    # The mentions an acronym can follow are the ones this stage changes.
    work = found.copy(kinds={"organisation", "event", "place"})
    text, mentions, acronyms = work.text, work.mentions, work.acronyms
    candidates, singles = work.candidates, work.singles
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    cands_by_end = {c.end: c for c in candidates}

    def drop_inside(s: int, e: int) -> None:
        """Forget what was read inside the parentheses of a definition."""
        nonlocal singles
        inner = by_start.get(s)
        if inner is not None and inner.end == e and inner in mentions:
            mentions.remove(inner)
        singles = [c for c in singles if c.start != s]

    for d in pt.ACRONYM_DEF_RE.finditer(text):
        acr = d["acr"]
        if sum(ch.isupper() for ch in acr) < 2:
            continue
        k = d.start()
        while k > 0 and text[k - 1] in " \t\xa0":
            k -= 1
        target = by_end.get(k)
        if (
            target is not None
            and target.kind == "place"
            and not matches_acronym(acr, target.surface)
        ):
            # "... Palestine Refugees in the Near East (UNRWA)": the acronym of
            # the longer name the place ends, never the place's.
            target = None
        if target is not None and target.kind in ("organisation", "event", "place"):
            if not target.acronym and target.kind != "place":
                target.acronym = acr
            acronyms.setdefault(acr, target)
            drop_inside(d.start() + 1, d.end() - 1)
            target.aliases += (acr,)
            continue
        if acr in acronyms:
            continue
        cand = cands_by_end.get(k)
        long_form = cand.surface if cand else long_form_before(text, k, acr)
        if long_form.endswith(("'s", "’s")):
            # "the Organization for ... in Europe’s (OSCE) Moscow Mechanism"
            long_form, k = long_form[:-2], k - 2
        if not long_form or not matches_acronym(acr, long_form):
            continue
        head = long_form.rsplit(None, 1)[-1]
        # "Flight Information Region (FIR)": a kind of area, no body.
        programme = names_a_thing(long_form) or head in lx.PLACE_HEADS
        if programme or not names_a_body(text, k - len(long_form), d.end()):
            # "as a Specially Designated Global Terrorist (SDGT)": a class of
            # things; "the Women, Peace, and Security (WPS) Report": a part
            # of a longer name; "the Trans-Pacific Partnership (TPP)": an
            # agreement. None is an organisation, nor a person.
            # The article says what the acronym is: nowhere an organisation.
            s = k - len(long_form)
            candidates = [c for c in candidates if not s <= c.start < k]
            singles = [c for c in singles if not s <= c.start < k and c.surface != acr]
            continue
        mention = Mention.organisation(
            k - len(long_form), k, long_form, "acronym", acronym=acr, aliases=(acr,)
        )
        # Words read inside the long form are part of it ("Katibat al Tawhid
        # wal Jihad (KTJ)"), never a name of their own.
        candidates = [c for c in candidates if not (mention.start <= c.start < k)]
        singles = [c for c in singles if not (mention.start <= c.start < k)]
        # Nor are names read inside it ("Works Agency for Palestine Refugees",
        # "Near East" in "... Palestine Refugees in the Near East (UNRWA)").
        mentions[:] = [m for m in mentions if not (mention.start <= m.start and m.end <= k)]
        drop_inside(d.start() + 1, d.end() - 1)
        mentions.append(mention)
        acronyms[acr] = mention
    return dataclasses.replace(work, candidates=candidates, singles=singles)


def programme_acronyms(text: str) -> dict[str, bool]:
    """The acronyms ``text`` defines, each with whether it names a programme.

    ``True`` for "the Young African Leaders Initiative (YALI)" (a long form headed
    by Initiative, Program, Plan, Act...), ``False`` for any other long form
    ("National Security Council (NSC)"); an acronym defined both ways is
    ``False``. The archive-wide rule that a programme's acronym is no
    organisation elsewhere either reads this (``services/identity.py``).
    """
    found: dict[str, bool] = {}
    for d in pt.ACRONYM_DEF_RE.finditer(text):
        acr = d["acr"]
        if sum(ch.isupper() for ch in acr) < 2:
            continue
        k = d.start()
        while k > 0 and text[k - 1] in " \t\xa0":
            k -= 1
        long_form = long_form_before(text, k, acr)
        if not long_form:
            continue
        found[acr] = found.get(acr, True) and names_a_thing(long_form)
    return found


# Agreements and laws an acronym may stand for ("Global Compact for ... Migration (GCM)").
_AGREEMENT_HEADS = frozenset(
    head for head, kind in lx.EVENT_HEADS.items() if kind == "agreement"
) | lx.words("Compact Compacts")
_OF_WORDS = frozenset({"for", "on", "of", "to", "against"})


def names_a_thing(long_form: str) -> bool:
    """Whether a long form names a programme, a plan, a law or an agreement:
    its head, the last word or the word before "for", "on" or "of", says so
    ("Trafficking Victims Protection Act", "Global Compact for Safe, Orderly
    and Regular Migration"), not a body ("Agency for International Development")."""
    words = long_form.split()
    head = next(
        (w for w, after in itertools.pairwise(words) if after in _OF_WORDS),
        words[-1],
    )
    return head in lx.PROGRAMME_HEADS or head in _AGREEMENT_HEADS or words[-1] in lx.PROGRAMME_HEADS


def names_a_body(text: str, start: int, after: int) -> bool:
    """Whether a long form at ``start`` with its "(ACR)" ending at ``after``
    can name an organisation: no indefinite article before it, no head noun
    of another kind of name right after it."""
    if pt.INDEFINITE_BEFORE_RE.search(text, max(0, start - 4), start):
        return False
    m = pt.WORD_AFTER_RE.match(text, after)
    if m is None:
        return True
    word = m["word"]
    return word in lx.ORG_HEADS or not (word in lx.EVENT_HEADS or word in lx.NOT_PERSON_WORDS)

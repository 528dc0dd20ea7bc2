"""Words around an unknown name that say what it names.

"striker Vinko Marinovic", "opposition party Radical Cause", "the town of
Tauranga": a lower-case noun just before a capitalised name (or just after
it: "Tunceli province") types it when nothing else does. These are grammar
(closed lists of common nouns), not names of anything.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns for people that stand before a name as an apposition ("coach Rolf
# Fringer", "Sudanese rebel leader John Garang"), lower-case in running text.
PERSON_NOUNS = _words(
    """president vice-president premier minister chancellor king queen prince princess
    emperor leader chairman chairwoman chief spokesman spokeswoman spokesperson secretary
    ambassador envoy diplomat colonel captain commander lieutenant sergeant admiral
    marshal officer official governor mayor senator congressman lawmaker legislator
    deputy delegate negotiator mediator adviser advisor aide director executive manager
    coach trainer striker midfielder defender goalkeeper forward winger fullback
    full-back left-back right-back sweeper playmaker batsman bowler spinner all-rounder
    wicketkeeper pitcher catcher outfielder infielder shortstop baseman hitter slugger
    reliever quarterback jockey driver rider cyclist sprinter runner hurdler jumper
    thrower swimmer skier golfer boxer wrestler player champion titleholder seed veteran
    teenager newcomer incumbent rival challenger opponent candidate nominee lawyer
    attorney barrister judge prosecutor magistrate analyst economist strategist dealer
    trader businessman businesswoman tycoon magnate billionaire millionaire financier
    banker entrepreneur founder owner father mother son daughter wife husband brother
    sister uncle aunt nephew niece widow cousin grandson granddaughter colleague
    compatriot countryman countrywoman teammate team-mate friend boss priest bishop
    archbishop cardinal pope cleric imam rabbi pastor monk nun rebel guerrilla warlord
    militant activist dissident journalist reporter correspondent photographer editor
    columnist writer author novelist poet playwright historian scholar professor
    scientist researcher doctor surgeon physician actor actress singer musician composer
    conductor painter artist film-maker filmmaker dictator strongman president-elect
    premier-elect ex-president ex-minister chief-executive suspect fugitive defendant
    victim hostage witness student teacher farmer worker soldier policeman detective
    inspector investor resident participant expert observer organiser organizer
    protester demonstrator voter shareholder consumer buyer seller"""
)
# Nouns for organisations before a name ("German retailer Promodes", "the
# daily Le Monde").
ORG_NOUNS = _words(
    """company firm group conglomerate corporation carmaker automaker retailer insurer
    reinsurer bank lender airline carrier broker brokerage newspaper daily weekly
    magazine agency broadcaster network channel station club side party union movement
    subsidiary unit maker manufacturer producer operator chain giant concern consortium
    utility refiner miner publisher distributor exporter importer supplier developer
    contractor holding fund outfit association federation council committee
    organisation organization institute"""
)
# Words after an organisation's name: "Ihlas news agency", "Anatolian
# reported", "SOLIDERE shares", "PUK officials".
_ORG_AFTER = _words("news newspaper agency reported quoted shares stock shareholders officials")
# Cricket scorecards: "c Croft b Cork", "lbw b Mullally".
_SCORECARD = _words("c b lbw")
# "a unit of Volkswagen AG", "shares in MFS".
_ORG_OF = _words("unit subsidiary division arm shares stake owner")
# Nouns for places before "of" ("the town of Tauranga", "north of Zadar") and
# right after the name ("Tunceli province").
_PLACE_OF = _words(
    """city town village region district province county state capital island suburb
    port outskirts republic area municipality settlement north south east west
    northeast northwest southeast southwest"""
)
_PLACE_AFTER = _words(
    """city town village region district province county island port airport area
    valley river mountains border governorate prefecture oblast municipality
    settlement"""
)


def common_noun(word: str) -> bool:
    """A noun of these lists, or its plural ("traders", "witnesses")."""
    return any(
        w in PERSON_NOUNS or w in ORG_NOUNS
        for w in (
            word,
            word[:-1] if word.endswith("s") else "",
            word[:-2] if word.endswith("es") else "",
        )
        if w
    )


@dataclass(frozen=True, slots=True)
class Context:
    """What the words around a name say it is."""

    person: bool = False
    organisation: bool = False
    place: bool = False


def read(text: str, s: int, e: int) -> Context:
    """The context of the name at ``text[s:e]``."""
    before = _before(text, s)
    after = _after(text, e)
    last = before[-1] if before else ""
    return Context(
        # "coach Rolf Fringer", "c Croft b Cork"
        person=last in PERSON_NOUNS or last in _SCORECARD,
        # "retailer Promodes", "a unit of Volkswagen AG", "Ihlas news agency",
        # "Anatolian reported", "Brighton v Scunthorpe"
        organisation=(
            last in ORG_NOUNS
            or (len(before) >= 2 and last in ("of", "in") and before[-2] in _ORG_OF)
            or after in _ORG_AFTER
            or "v" in (last, after)
        ),
        # "the town of Tauranga", "north of Zadar", "in Linz", "Tunceli province"
        place=_place_before(before) or after in _PLACE_AFTER,
    )


def _before(text: str, s: int) -> list[str]:
    """The (up to) three words right before ``s``, nearest last; none when
    the name does not follow a space (it follows punctuation)."""
    if s == 0 or text[s - 1] not in " \t":
        return []
    return text[max(0, s - 40) : s].split()[-3:]


def _after(text: str, e: int) -> str:
    if text[e : e + 1] not in (" ", "\t"):
        return ""
    after = text[e : e + 20].split(None, 1)
    return after[0] if after else ""


def _place_before(words: list[str]) -> bool:
    if not words:
        return False
    if words[-1] in ("near", "outside", "in", "at"):
        # "in Linz", "at Stansted": in news, mostly places ("in the Friends
        # of ..." is not).
        return True
    if words[-1] == "the":
        words = words[:-1]
    return len(words) >= 2 and words[-1] == "of" and words[-2] in _PLACE_OF

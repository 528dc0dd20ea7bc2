"""Build the compact reference JSON files the extractor ships with.

Usage, from the repository root::

    python -m tools.build_reference /work/shared/data [out_dir]

Reads the CIA Factbook extracts, history.state.gov's POCOM (public domain),
country-codes-orgs (MIT), mledoze/countries (ODbL 1.0) and SupraVerden (CC BY-SA
4.0), merges them with the hand-curated lists in ``tools/reference/curated/`` and
writes ``fixtures/reference/``.
The product only reads the output, so it runs without the source data; see
``fixtures/reference/README.md`` for attribution and licences.
"""

from __future__ import annotations

import csv
import json
import lzma
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from archive.extraction import lexicon
from archive.extraction.checks import ReferenceDataError, check, find_file_problems
from archive.extraction.normalize import name_key
from tools.curated import Curated, load_curated

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "fixtures" / "reference"

Record = dict[str, Any]


# -- helpers -------------------------------------------------------------------


def _squash(name: str) -> str:
    """A merge key that also ignores spaces ("Non-Aligned" == "Nonaligned")."""
    return name_key(name).replace(" ", "")


def _latin(text: str) -> bool:
    # Non-Latin alternative spellings never occur in English news.
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in text)


def _uniq_exact(items: Iterable[str], *, drop: Iterable[str] = ()) -> list[str]:
    """Keep spelling variants (they are matched case-sensitively)."""
    seen = set(drop)
    out = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _write(path: Path, records: list[Record]) -> int:
    """One compact JSON object per line: small and diff-friendly."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    path.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    return path.stat().st_size


def _prune(record: Record) -> Record:
    return {k: v for k, v in record.items() if v not in ("", None, [], {})}


# -- countries -----------------------------------------------------------------

_PLURAL = re.compile(r"^(?P<base>.+?)\s*\((?P<suffix>s|es|men|women)\)$")
_PAREN = re.compile(r"\s*\([^)]*\)")


def parse_nationality(text: str | None) -> list[str]:
    """``Azerbaijani(s)`` -> Azerbaijani, Azerbaijanis; ``Frenchman(men)`` -> ... ."""
    if not text or text.strip().lower() in {"none", "na"}:
        return []
    text = re.split(r";|\bnote\b", text)[0]
    out: list[str] = []
    for part in re.split(r",| or ", text):
        part = part.strip()
        match = _PLURAL.match(part)
        if match:
            base, suffix = match["base"].strip(), match["suffix"]
            out.append(base)
            if suffix in {"s", "es"}:
                out.append(base + suffix)
            elif base.endswith("man"):
                out.append(base[:-3] + "men")
            continue
        part = _PAREN.sub("", part).strip()
        if part and part[0].isupper() and len(part.split()) <= 3:
            out.append(part)
    return [p for p in out if p[0].isupper() and p.upper() != "NA"]


def plural_demonyms(demonyms: list[str]) -> list[str]:
    """Plural nouns news uses for demonyms ending in -n or -i ("Armenians",
    "Azerbaijanis"). A "-man" word whose "-men" plural is listed (and that
    plural itself) is left alone: no "Frenchmans" or "Frenchmens"; "Germans"
    and "Turkmens" are still made."""
    listed = set(demonyms)
    out = []
    for d in demonyms:
        if d.endswith("man") and d[:-3] + "men" in listed:
            continue
        if d.endswith("men") and d[:-3] + "man" in listed:
            continue
        if d[-1] in "ni":
            out.append(d + "s")
    return out


def _clean_cia_name(text: str | None) -> str:
    if not text or text.strip().lower() == "none":
        return ""
    text = re.split(r";|\bnote\b", text)[0]
    text = _PAREN.sub("", text).strip()
    return "" if "," in text else text


def _clean_capital(text: str | None) -> list[str]:
    if not text or text.strip().lower() == "none":
        return []
    first = re.split(r";|\bnote\b", text)[0]
    first = _PAREN.sub("", first).strip()
    names = [first] if first else []
    if first.startswith("Washington"):
        names += ["Washington", "Washington, D.C.", "Washington DC"]
    return names


def build_countries(data: Path, curated: Curated) -> tuple[list[Record], dict[str, Record]]:
    codes = {
        row["ISO_3166_2"]: row
        for row in csv.DictReader(
            (data / "country-codes-orgs" / "Countrycodes.csv").open(encoding="utf-8")
        )
    }
    cia = {}
    for line in (data / "cia-factbook" / "factbook_countries.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        cia[rec["gec"]] = rec
    with lzma.open(data / "countries-mledoze" / "countries.json.xz", "rt") as fh:
        mledoze = json.load(fh)

    countries: list[Record] = []
    by_gec: dict[str, Record] = {}
    for item in mledoze:
        cca2, cca3 = item["cca2"], item["cca3"]
        common = item["name"]["common"]
        name = curated.country_name_overrides.get(cca3, common)
        official = item["name"]["official"]
        gec = (codes.get(cca2) or {}).get("FIPS_GEC", "")
        fact = cia.get(gec.lower(), {}) if gec else {}
        aliases = [common, official]
        for alt in item.get("altSpellings", []):
            if alt in (cca2, cca3) and alt not in curated.country_codes_kept:
                continue
            if len(alt) < 3 and alt not in curated.country_codes_kept:
                continue
            if ", " in alt or not _latin(alt):
                continue
            aliases.append(alt)
        for field in ("name_short", "name_long"):
            cleaned = _clean_cia_name(fact.get(field))
            if cleaned:
                aliases.append(cleaned)
        for abbr in re.split(r" or ", fact.get("abbreviation") or ""):
            if abbr.strip() in curated.country_codes_kept:
                aliases.append(abbr.strip())
        aliases += curated.country_extra_aliases.get(cca3, [])
        # "The Gambia" is matched as "Gambia" so the article's "the" does not matter.
        aliases += [a[4:] for a in aliases if a.startswith("The ")]
        demonyms = []
        eng = (item.get("demonyms") or {}).get("eng") or {}
        # "Antiguan, Barbudan" and "Kittitian or Nevisian" are two words each.
        for value in (eng.get("m", ""), eng.get("f", "")):
            demonyms += [d.strip() for d in re.split(r",| or ", value)]
        demonyms += parse_nationality(fact.get("nationality_noun"))
        demonyms += parse_nationality(fact.get("nationality_adjective"))
        demonyms += curated.country_extra_demonyms.get(cca3, [])
        # The country's own names are not demonyms ("Liechtenstein"), so they
        # get no plural ("Liechtensteins") either.
        demonyms = [
            d
            for d in demonyms
            if d and _latin(d) and (d not in aliases or d in curated.country_aliases_dropped)
        ]
        demonyms += plural_demonyms(demonyms)
        record = {
            "id": cca3,
            "name": name,
            "official": official,
            "cca2": cca2,
            "gec": gec.lower(),
            "aliases": _uniq_exact(aliases, drop=[name, *curated.country_aliases_dropped]),
            "demonyms": _uniq_exact(demonyms),
            "capital": (item.get("capital") or [""])[0],
            "region": item.get("region", ""),
            "subregion": item.get("subregion", ""),
            "independent": bool(item.get("independent")),
            "un_member": bool(item.get("unMember")),
        }
        record["_cia_capital"] = fact.get("capital")
        countries.append(record)
        if gec:
            by_gec[gec.lower()] = record
    countries.sort(key=lambda r: r["name"])
    return countries, by_gec


# -- places --------------------------------------------------------------------


def build_places(countries: list[Record], curated: Curated) -> list[Record]:
    by_cca3 = {c["id"]: c for c in countries}
    places: dict[str, Record] = {}
    for country in countries:
        capital = country.get("capital", "")
        if not capital or capital in curated.capitals_skipped:
            continue
        extra = _clean_capital(country.pop("_cia_capital", None))
        key = name_key(capital)
        if key in places:
            continue
        places[key] = {
            "name": capital,
            "kind": "city",
            "country": country["name"],
            "capital": True,
            "aliases": _uniq_exact(extra, drop=[capital]),
        }
    for country in countries:
        country.pop("_cia_capital", None)
    for name, kind, cca3, aliases in curated.places:
        country = by_cca3[cca3]["name"] if cca3 else ""
        key = name_key(name)
        if key in places:
            places[key]["aliases"] = _uniq_exact(places[key]["aliases"] + aliases, drop=[name])
            continue
        places[key] = {
            "name": name,
            "kind": kind,
            "country": country,
            "aliases": _uniq_exact(aliases, drop=[name]),
        }
    out = sorted(places.values(), key=lambda r: r["name"])
    for i, rec in enumerate(out):
        rec["id"] = f"P{i}"
    return [_prune(r) for r in out]


# -- organisations -------------------------------------------------------------

_ACRONYM = re.compile(r"^[A-Za-z0-9&.\-+]{2,12}$")
# Three-letter acronyms so well known that matching them bare is safe.
_FAMOUS_SHORT = {
    "WHO",
    "WFP",
    "IMF",
    "ILO",
    "IMO",
    "WTO",
    "EIB",
    "ECB",
    "ICJ",
    "IOM",
    "ITU",
    "UPU",
    "WMO",
    "FAO",
    "GCC",
    "OAS",
    "SCO",
    "IFC",
    "IDA",
    "BIS",
    "ICC",
    "OIC",
    "NAM",
    "CIS",
    "ECO",
    "UNU",
    "EEAS",
    "IAEA",
    "CJEU",
    "EFTA",
    "ADB",
    "IDB",
}


def _acronym_ok(acr: str, *, curated_org: bool, cia: bool, dropped: frozenset[str]) -> bool:
    if not acr or " " in acr or not _ACRONYM.match(acr):
        return False
    if sum(ch.isupper() for ch in acr) < 2:
        return False
    if curated_org:
        return True
    if acr in dropped:
        return False
    return cia or len(acr) >= 4 or acr in _FAMOUS_SHORT


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(" | ") if p.strip()] if cell else []


class _OrgIndex:
    """Merges organisation records from several sources by any shared name."""

    def __init__(self) -> None:
        self.orgs: list[Record] = []
        self.by_name: dict[str, int] = {}
        self.by_acronym: dict[str, list[int]] = defaultdict(list)

    def find(self, names: Iterable[str], acronyms: Iterable[str]) -> int | None:
        names = list(names)
        for name in names:
            idx = self.by_name.get(_squash(name))
            if idx is not None:
                return idx
        # Same acronym and mostly the same words: a spelling variant
        # ("Organization of Petroleum Exporting Countries" vs "... of the ...").
        for acr in acronyms:
            for idx in self.by_acronym.get(acr, []):
                org = self.orgs[idx]
                if any(_similar(a, b) for a in names for b in [org["name"], *org["aliases"]]):
                    return idx
        return None

    def add(self, record: Record, names: Iterable[str]) -> None:
        acronyms = [a for a in [record.get("acronym", ""), *record.get("acronyms", [])] if a]
        idx = self.find(names, acronyms)
        if idx is None:
            idx = len(self.orgs)
            self.orgs.append(record)
        else:
            existing = self.orgs[idx]
            existing["aliases"] = _uniq_exact(
                [*existing["aliases"], record["name"], *record["aliases"]],
                drop=[existing["name"]],
            )
            for acr in acronyms:
                if acr and acr != existing.get("acronym"):
                    existing.setdefault("acronyms", [])
                    if acr not in existing["acronyms"]:
                        existing["acronyms"].append(acr)
                    if not existing.get("acronym"):
                        existing["acronym"] = acr
                        existing["acronyms"].remove(acr)
            existing["sources"] = sorted(set(existing["sources"]) | set(record["sources"]))
            for key in ("family", "wikidata"):
                if record.get(key) and not existing.get(key):
                    existing[key] = record[key]
        for name in [self.orgs[idx]["name"]] + self.orgs[idx]["aliases"]:
            self.by_name.setdefault(_squash(name), idx)
        for acr in acronyms:
            if idx not in self.by_acronym[acr]:
                self.by_acronym[acr].append(idx)


_FUNCTION_WORDS = {"of", "the", "for", "and", "on", "in", "to"}


def _similar(a: str, b: str) -> bool:
    wa = set(name_key(a).split()) - _FUNCTION_WORDS
    wb = set(name_key(b).split()) - _FUNCTION_WORDS
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def build_organisations(data: Path, curated: Curated) -> list[Record]:
    index = _OrgIndex()
    dropped = curated.org_names_dropped
    dropped_acronyms = curated.acronyms_dropped
    for org in curated.orgs:
        record = {
            "name": org["name"],
            "acronym": org.get("acronym", ""),
            "acronyms": list(org.get("acronyms", [])),
            "aliases": list(org.get("aliases", [])),
            "kind": org.get("kind", "intergovernmental"),
            "sources": ["curated"],
            "curated": True,
        }
        index.add(record, [record["name"], *record["aliases"]])

    path = data / "intl-orgs-supraverden" / "intl_orgs.tsv"
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        names = [row["name_en"] or row["key"]]
        aliases = [
            a
            for a in _split(row["other_names_en"]) + _split(row["former_names_en"])
            if a not in dropped and _latin(a)
        ]
        acronyms = [
            a for a in [row["abbreviation_en"], *_split(row["other_abbreviations_en"])] if a
        ]
        # Multi-word "abbreviations" ("AHA Centre") are names, not acronyms.
        aliases += [a for a in acronyms if " " in a and a not in dropped]
        acronyms = [
            a
            for a in acronyms
            if _acronym_ok(a, curated_org=False, cia=False, dropped=dropped_acronyms)
        ]
        if names[0] in dropped:
            continue
        record = {
            "name": names[0],
            "acronym": acronyms[0] if acronyms else "",
            "acronyms": acronyms[1:],
            "aliases": aliases,
            "kind": "intergovernmental",
            "family": "" if row["org_family"] == "none" else row["org_family"],
            "wikidata": row["wikidata"] if row["wikidata"].startswith("Q") else "",
            "sources": ["supraverden"],
        }
        index.add(record, names + aliases)

    path = data / "country-codes-orgs" / "intl_orgs_acronyms.tsv"
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        acr, name = row["org_id"], row["org_name"]
        if name in dropped:
            continue
        # Ids such as ARCTIC_COUNCIL or UN_SECURITY_COUNCIL are not acronyms.
        ok = "_" not in acr and _acronym_ok(
            acr, curated_org=False, cia=True, dropped=dropped_acronyms
        )
        record = {
            "name": name,
            "acronym": acr if ok else "",
            "acronyms": [],
            "aliases": [],
            "kind": "intergovernmental",
            "sources": ["country-codes-orgs"],
        }
        index.add(record, [name])

    orgs = index.orgs
    # Curated acronyms are authoritative; drop data acronyms they contradict.
    for org in orgs:
        curated_org = org.pop("curated", False)
        acrs = [org.get("acronym", ""), *org.get("acronyms", [])]
        acrs = [a for a in _uniq_exact(acrs) if a and (curated_org or a not in dropped_acronyms)]
        org["acronym"] = acrs[0] if acrs else ""
        org["acronyms"] = acrs[1:]
    for i, org in enumerate(orgs):
        org["id"] = f"O{i}"
    return [_prune(o) for o in orgs]


# -- leaders -------------------------------------------------------------------

_LEADER = re.compile(r"(?P<pre>[^;()]*?)\s*\((?:both |all )?since (?P<since>[^)]*)\)")
_CAPS_TOKEN = re.compile(r"^[A-Z][A-Z'\-.]*[A-Z]$")
_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
_LEADER_TITLE_WORDS = set(
    """President Prime Minister King Queen Emperor Chancellor Premier Crown Prince Princess
    Vice Co-Vice Governor General Governor-General Sultan Emir Amir Pope Supreme Leader
    Chairman Chief Executive Taoiseach Federal State Council Counsellor Counselor Grand
    Duke Co-prince Co-Prince Captain Captains Regent Head Deputy Ministers Presidents
    First Second Acting Interim Transitional Overall Taliban Commander Marshal
    Lieutenant Colonel General Sheikh Mullah Maulawi Dr. Field Chairperson Presidential
    Military Sovereign Transition Junta High Representative Administrator Commissioner
    Secretary Tanaiste Ruler Chief-of-State Generalissimo Caretaker Minister-President""".split()  # noqa: SIM905
)
_PARTICLES_CAPS = {"BIN": "bin", "BINT": "bint", "IBN": "ibn", "AL": "Al", "EL": "El"}


def _fix_caps(token: str, first: bool) -> str:
    if token in _PARTICLES_CAPS and not first:
        return _PARTICLES_CAPS[token]
    if _ROMAN.match(token) and not first:
        return token
    if not _CAPS_TOKEN.match(token):
        return token
    out = []
    upper_next = True
    for ch in token.lower():
        out.append(ch.upper() if upper_next else ch)
        upper_next = ch in "-'’."
    fixed = "".join(out)
    # "al-SUDANI" keeps its lower-case particle.
    return fixed


def _fix_name_token(token: str, first: bool) -> str:
    if "-" in token and token.split("-")[0].lower() in {"al", "el", "ad", "as", "ash"}:
        head, rest = token.split("-", 1)
        return f"{head}-{_fix_caps(rest, False)}"
    return _fix_caps(token, first)


def _strip_title(title_tokens: list[str]) -> str:
    # "President of the Republic" -> "President"; honorifics are not titles.
    if "of" in title_tokens:
        title_tokens = title_tokens[: title_tokens.index("of")]
    honorifics = {"Sheikh", "Dr.", "Dr", "Sir", "Dame", "Mullah", "Maulawi"}
    title_tokens = [t for t in title_tokens if t not in honorifics]
    title = " ".join(title_tokens)
    for plural, singular in (
        ("Ministers", "Minister"),
        ("Presidents", "President"),
        ("Premiers", "Premier"),
    ):
        title = title.replace(plural, singular)
    return title


_NAME_PARTICLES = {
    "bin",
    "bint",
    "ibn",
    "al",
    "de",
    "da",
    "van",
    "von",
    "der",
    "el",
    "la",
    "du",
    "dos",
    "y",
    "del",
}


def parse_leader_text(text: str, place_words: frozenset[str] = frozenset()) -> list[Record]:
    """People named in a Factbook chief-of-state / head-of-government field.

    ``place_words`` are the words of the country's names, so that "President of
    French Polynesia Moetai BROTHERSON" loses its complement.
    """
    found: list[Record] = []
    text = re.split(r"\bnote\b", text)[0]
    for segment in text.split(";"):
        title = ""  # "Deputy Prime Ministers A (since ..), B (since ..)" share it
        for match in _LEADER.finditer(segment):
            pre = match["pre"].strip().strip(",").strip()
            pre = re.sub(r"^(?:and\s+)?represented by\s+", "", pre)
            pre = re.sub(r"[\"“][^\"”]*[\"”]\s*", "", pre)  # nicknames
            pre = re.sub(r",?\s*(?:Dr|Jr|Sr)\.?$", "", pre).strip()
            for part in re.split(r",\s*|\s+and\s+(?=[A-Z][a-z]*\s+[A-Z]{2})", pre):
                tokens = part.split()
                i = 0
                after_of = False
                while i < len(tokens):
                    tok = tokens[i]
                    if tok in _LEADER_TITLE_WORDS or (after_of and tok in place_words):
                        i += 1
                    elif tok in {"and", "of", "the"} and i > 0:
                        after_of = after_of or tok == "of"
                        i += 1
                    else:
                        break
                if i:
                    title = _strip_title(tokens[:i])
                rest = tokens[i:]
                # "State Affairs Commission President KIM Jong Un": the name
                # starts after the last title word.
                inner = [k for k, t in enumerate(rest) if t in _LEADER_TITLE_WORDS]
                if inner and inner[-1] + 1 < len(rest):
                    title = _strip_title(rest[: inner[-1] + 1])
                    rest = rest[inner[-1] + 1 :]
                person = _leader_name(rest)
                if person:
                    person["title"] = title
                    person["since"] = _parse_date(match["since"])
                    found.append(person)
    return found


def _leader_name(tokens: list[str]) -> Record | None:
    if "of" in tokens:  # "King WILLEM-ALEXANDER of the Netherlands"
        tokens = tokens[: tokens.index("of")]
    if not tokens or not any(_CAPS_TOKEN.match(t) for t in tokens):
        return None
    for tok in tokens:
        if tok[0].islower() and tok not in _NAME_PARTICLES and not tok.startswith(("al-", "el-")):
            return None
    caps = [t for t in tokens if _CAPS_TOKEN.match(t) and t not in _PARTICLES_CAPS]
    name = " ".join(_fix_name_token(t, i == 0) for i, t in enumerate(tokens))
    surname = ""
    # "XI Jinping": a Roman-numeral-looking surname when it comes first.
    if len(caps) == 1 and (not _ROMAN.match(caps[0]) or tokens[0] == caps[0]):
        surname = _fix_name_token(caps[0], tokens[0] == caps[0])
    return {"name": name, "surname": surname}


_PATRONYMIC = re.compile(r"^[A-Z]\w+(?:ovich|evich|ovna|evna|yevich|yevna)$")


def _drop_patronymic(name: str) -> str:
    """Drop patronymics: news writes "Vladimir Putin", not "Vladimir Vladimirovich Putin"."""
    tokens = name.split()
    if len(tokens) >= 3:
        kept = [
            t
            for i, t in enumerate(tokens)
            if not (0 < i < len(tokens) - 1 and _PATRONYMIC.match(t))
        ]
        return " ".join(kept)
    return name


def _parse_date(text: str) -> str:
    text = text.strip().rstrip(",")
    for fmt in ("%d %B %Y", "%B %Y", "%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


# Titles a dependency shares with its sovereign ("President Joseph R. BIDEN" is
# listed for Guam): those people belong to the sovereign country only.
_SOVEREIGN_TITLES = {"President", "Vice President", "King", "Queen", "Emperor", "Prime Minister"}


def _place_words(country: Record) -> frozenset[str]:
    words: set[str] = set()
    for name in [country["name"], country.get("official", ""), *country["aliases"]]:
        words.update(name.replace(",", " ").split())
    return frozenset(words)


def build_leaders(data: Path, by_gec: dict[str, Record]) -> list[Record]:
    current: set[tuple[str, str]] = set()
    path = data / "cia-factbook" / "factbook_countries.jsonl"
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        country = by_gec.get(rec["gec"])
        for field in ("chief_of_state", "head_of_government"):
            if country and rec.get(field):
                for person in parse_leader_text(rec[field], _place_words(country)):
                    current.add((rec["gec"], name_key(person["name"])))

    path = data / "cia-factbook" / "factbook_executive_history.tsv.xz"
    groups: dict[tuple, Record] = {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            country = by_gec.get(row["gec"])
            if country is None:
                continue
            for person in parse_leader_text(row["text"], _place_words(country)):
                if not country["independent"] and person["title"] in _SOVEREIGN_TITLES:
                    continue
                # One person per (country, surname or name, since): spelling
                # variants across Factbook editions become aliases.
                ident = person["surname"] or person["name"]
                key = (row["gec"], name_key(ident), person["since"])
                group = groups.setdefault(
                    key,
                    {
                        "names": Counter(),
                        "title": person["title"],
                        "surname": person["surname"],
                        "gec": row["gec"],
                        "country": country["name"],
                        "since": person["since"],
                        "first_seen": row["first_seen"],
                        "last_seen": row["last_seen"],
                        "represented": "represented by" in row["text"],
                        "default_title": (
                            "Head of Government"
                            if row["role"] == "head_of_government"
                            else "Head of State"
                        ),
                    },
                )
                group["names"][person["name"]] += int(row["n_snapshots"] or 1)
                group["first_seen"] = min(group["first_seen"], row["first_seen"])
                if row["last_seen"] >= group["last_seen"]:
                    group["last_seen"] = row["last_seen"]
                    if person["title"]:
                        group["title"] = person["title"]

    # The same person under several "since" dates or in several countries
    # (Commonwealth realms share their King) becomes one record with roles.
    people: dict[str, Record] = {}
    for group in sorted(groups.values(), key=lambda g: (g["represented"], g["since"])):
        full = group["names"].most_common(1)[0][0]
        name = _drop_patronymic(full)
        if name != full:
            group["names"][name] += 0  # keeps the full form as an alias
        title = group["title"] or group["default_title"]
        role = f"{title} of {group['country']}"
        key = name_key(name)
        person = people.get(key)
        if person is not None and person["country"] != group["country"]:
            same_office = group["since"] in {r["since"] for r in person["roles"]}
            if not same_office:
                key = f"{key}|{group['country']}"
                person = people.get(key)
        if person is None:
            person = people[key] = {
                "name": name,
                "aliases": [],
                "surname": group["surname"],
                "country": group["country"],
                "roles": [],
                "since": group["since"],
                "first_seen": group["first_seen"],
                "last_seen": group["last_seen"],
                "current": False,
            }
        person["aliases"] = _uniq_exact(
            person["aliases"] + list(group["names"]), drop=[person["name"]]
        )
        if role not in [r["role"] for r in person["roles"]]:
            person["roles"].append({"role": role, "title": title, "since": group["since"]})
        person["first_seen"] = min(person["first_seen"], group["first_seen"])
        person["last_seen"] = max(person["last_seen"], group["last_seen"])
        if group["since"] and (not person["since"] or group["since"] < person["since"]):
            person["since"] = group["since"]
        if any((group["gec"], name_key(n)) in current for n in group["names"]):
            person["current"] = True
    out = []
    for person in people.values():
        tokens = person["name"].split()
        # "Vladimir Vladimirovich Putin" is usually "Vladimir Putin" in news.
        if person["surname"] and len(tokens) > 2 and tokens[-1] == person["surname"]:
            short = f"{tokens[0]} {person['surname']}"
            person["aliases"] = _uniq_exact(person["aliases"] + [short])
        person["roles"].sort(key=lambda r: r["since"] or "")
        out.append(_prune(person))
    out.sort(key=lambda r: (r["country"], r["name"]))
    for i, rec in enumerate(out):
        rec["id"] = f"L{i}"
    return out


# -- events and names ----------------------------------------------------------


def build_events(curated: Curated) -> list[Record]:
    out = []
    for i, event in enumerate(curated.events):
        rec = dict(event)
        rec["id"] = f"E{i}"
        rec["year"] = int(event["start"][:4]) if event.get("start") else None
        rec["aliases"] = _uniq_exact(event.get("aliases", []), drop=[event["name"]])
        out.append(_prune(rec))
    return out


# Words the Factbook puts before some leaders' names that are titles, not
# given names ("Prefect", "Bailiff", "CEO" written "Ceo").
_NOT_GIVEN = {"Bailiff", "Baron", "Ceo", "Elect", "New", "Prefect", "Premiers", "Superior"}


def build_names(
    leaders: list[Record], curated: Curated, countries: Iterable[Record] = ()
) -> list[Record]:
    given = set(curated.given_names)
    not_given = _NOT_GIVEN | lexicon.ROLE_WORDS | lexicon.HONORIFICS
    not_given |= {d for c in countries for d in c.get("demonyms", ())}
    for leader in leaders:
        tokens = leader["name"].split()
        # Given names of leaders: the first token when it is not the surname
        # nor a title or nationality the source left in front of the name.
        if len(tokens) >= 2 and tokens[0] != leader.get("surname"):
            token = tokens[0]
            if token[0].isupper() and len(token) > 2 and token.isalpha() and token not in not_given:
                given.add(token)
    return [{"given_names": sorted(given)}]


def build_us_officers(data: Path) -> list[Record]:
    """U.S. principal officers (Secretary, Deputy Secretary, Under and Assistant
    Secretaries...) with their dates, from history.state.gov's POCOM data (public
    domain): the reference tenures of U.S. offices."""
    path = data / "hsg-pocom" / "us_office_holders_since_1990.jsonl"
    officers: dict[str, Record] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        start = row.get("started") or row.get("appointed")
        if row.get("kind") != "principal" or not start or not row.get("surname"):
            continue
        given = (row.get("forename") or "").split()
        surname = row["surname"]
        names = [" ".join([*given, surname])]
        if given:
            names.append(f"{given[0]} {surname}")
            if len(given) > 1:
                initials = " ".join(f"{g[0]}." for g in given[1:] if g[:1].isalpha())
                names.append(f"{given[0]} {initials} {surname}")
        record = _prune(
            {
                "id": f"{row['person_id']}:{row.get('position_id', '')}:{start}",
                "office": row["office"],
                "of": row.get("of") or "United States",
                "name": names[0],
                "aliases": list(dict.fromkeys(names[1:])),
                "start": _full_date(start),
                "end": _full_date(row.get("ended") or ""),
                # Upstream gives some dates as a month or a year only.
                "approximate": (len(start) < 10 or 0 < len(row.get("ended") or "") < 10) or None,
            }
        )
        # Upstream lists a few tenures twice, once without its end: keep the fuller.
        known = officers.get(record["id"])
        if known is None or ("end" in record and "end" not in known):
            officers[record["id"]] = record
    return sorted(officers.values(), key=lambda r: (r["office"], r["start"], r["id"]))


def _full_date(text: str) -> str:
    """``2019-06`` as ``2019-06-01``, ``2019`` as ``2019-01-01``; "" stays ""."""
    text = text[:10]
    return {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)


# -- main ----------------------------------------------------------------------


def build(data: Path, out: Path = DEFAULT_OUT) -> dict[str, int]:
    # The hand-written lists are read (and checked) first: a typo there fails
    # before any output is written.
    curated = load_curated()
    out.mkdir(parents=True, exist_ok=True)
    countries, by_gec = build_countries(data, curated)
    places = build_places(countries, curated)
    orgs = build_organisations(data, curated)
    leaders = build_leaders(data, by_gec)
    events = build_events(curated)
    names = build_names(leaders, curated, countries)
    officers = build_us_officers(data)
    countries = [_prune(c) for c in countries]
    sizes = {}
    for filename, records in (
        ("countries.json", countries),
        ("places.json", places),
        ("organisations.json", orgs),
        ("leaders.json", leaders),
        ("events.json", events),
        ("names.json", names),
        ("us_officers.json", officers),
    ):
        check(find_file_problems(out / filename, records))
        sizes[filename] = _write(out / filename, records)
    return sizes


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    try:
        sizes = build(Path(argv[0]), out)
    except ReferenceDataError as error:
        # Each line names a file and line an editor can open: no traceback needed.
        print(error, file=sys.stderr)
        return 1
    for filename, size in sizes.items():
        print(f"{filename}: {size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

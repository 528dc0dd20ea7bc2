"""Every expectation of the seeds' gold standard, checked at extractor level."""

from __future__ import annotations

import pytest

from archive.extraction.extractor import extract_entities
from archive.extraction.normalize import name_key
from archive.extraction.types import ExtractedEntity

from .seeds import SEEDS_DIR, gold_names, load_gold, read_seed

KINDS = {
    "persons": "person",
    "organisations": "organisation",
    "places": "place",
    "events": "event",
}


def _entities(name: str) -> list[ExtractedEntity]:
    title, body, published = read_seed(name)
    return extract_entities(title, body, published=published)


def _find(entities: list[ExtractedEntity], kind: str, name: str) -> ExtractedEntity:
    found = [e for e in entities if e.kind == kind and e.name == name]
    assert found, (
        f"no {kind} named {name!r}; got {sorted(e.name for e in entities if e.kind == kind)}"
    )
    assert len(found) == 1, f"{name!r} resolved to {len(found)} {kind} entities"
    return found[0]


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold()


@pytest.mark.parametrize("article", gold_names())
def test_seed_published_date_matches_gold(gold, article):
    _, _, published = read_seed(article)
    expected = gold["articles"][article]["published"]
    assert (published.isoformat() if published else None) == expected


@pytest.mark.parametrize("article", gold_names())
@pytest.mark.parametrize("section", ["persons", "organisations"])
def test_named_entities_and_aliases(gold, article, section):
    entities = _entities(article)
    for name, aliases in gold["articles"][article][section].items():
        entity = _find(entities, KINDS[section], name)
        missing = set(aliases) - entity.aliases
        assert not missing, f"{name!r} lacks aliases {missing}; has {entity.aliases}"
        assert entity.count >= max(1, len(aliases))


@pytest.mark.parametrize("article", gold_names())
def test_places(gold, article):
    entities = _entities(article)
    for name in gold["articles"][article]["places"]:
        entity = _find(entities, "place", name)
        assert entity.place_kind in {"country", "city", "region"}


@pytest.mark.parametrize("article", gold_names())
def test_events_with_place_and_year(gold, article):
    entities = _entities(article)
    for name, expected in gold["articles"][article]["events"].items():
        entity = _find(entities, "event", name)
        missing = set(expected.get("aliases", [])) - entity.aliases
        assert not missing, f"{name!r} lacks aliases {missing}; has {entity.aliases}"
        if "year" in expected:
            assert entity.year == expected["year"]
        if "place" in expected:
            assert entity.place == expected["place"]


@pytest.mark.parametrize("article", gold_names())
def test_must_not(gold, article):
    entities = _entities(article)
    for section, names in gold["articles"][article]["must_not"].items():
        kind = KINDS[section]
        keys = {name_key(e.name) for e in entities if e.kind == kind}
        for name in names:
            assert name_key(name) not in keys, f"{name!r} became a {kind}"


@pytest.mark.parametrize("article", gold_names())
def test_must_not_holds_on_unparsed_text(gold, article):
    """Breadcrumbs, "About <author>" footers and date lines left in the body
    still produce none of the forbidden entities."""
    raw = (SEEDS_DIR / article).read_text(encoding="utf-8")
    entities = extract_entities("", raw)
    for section, names in gold["articles"][article]["must_not"].items():
        kind = KINDS[section]
        keys = {name_key(e.name) for e in entities if e.kind == kind}
        for name in names:
            assert name_key(name) not in keys, f"{name!r} became a {kind}"


def test_across_articles_one_oic_one_sengendo_one_war(gold):
    """The cross-article claims of gold.json hold at extractor level: the same
    canonical names come out of every article (the archive joins on them)."""
    by_article = {name: _entities(name) for name in gold["articles"]}
    oic = [
        name
        for name, entities in by_article.items()
        if any(e.name == "Organisation of Islamic Cooperation" for e in entities)
    ]
    assert len(oic) == 4
    sengendo = {
        name
        for name, entities in by_article.items()
        if any(e.kind == "person" and e.name == "Ahmad Kawesa Sengendo" for e in entities)
    }
    assert sengendo == {"000_559ac3be9b7589b6.txt", "003_6d2201c64f15c868.txt"}
    war = {
        name
        for name, entities in by_article.items()
        if any(e.kind == "event" and e.name == "Second Karabakh War" for e in entities)
    }
    assert war == {"001_7ce36fb11aacb69e.txt", "003_6d2201c64f15c868.txt"}

"""Ingesting the seeds links each article to its entities, one record per entity."""

from __future__ import annotations

from archive.extraction.normalize import name_key
from archive.models import Event, Organisation, Person, Place


def _names(article, relation: str) -> set[str]:
    return {entity.name for entity in getattr(article, relation).all()}


def test_each_seed_is_linked_to_its_people_organisations_and_places(seeds, gold):
    for name, expected in gold["articles"].items():
        article = seeds[name]
        assert set(expected["persons"]) <= _names(article, "persons"), name
        assert set(expected["organisations"]) <= _names(article, "organisations"), name
        assert set(expected["places"]) <= _names(article, "places"), name


def test_aliases_resolve_to_one_entity_and_must_nots_never_exist(seeds, gold):
    models = {"persons": Person, "organisations": Organisation}
    for expected in gold["articles"].values():
        for relation, model in models.items():
            for canonical, aliases in expected[relation].items():
                entity = model.objects.get(name=canonical)
                known = {name_key(alias.name) for alias in entity.aliases.all()}
                known.add(entity.key)
                for alias in aliases:
                    assert name_key(alias) in known, (canonical, alias)
            for wrong in expected["must_not"].get(relation, []):
                assert not model.objects.filter(name=wrong).exists(), (relation, wrong)


def test_one_organisation_for_every_spelling_of_the_oic(seeds):
    oic = Organisation.objects.get(name="Organisation of Islamic Cooperation")
    assert oic.articles.count() == 4
    assert oic.acronym == "OIC"
    assert Organisation.objects.filter(acronym="OIC").count() == 1


def test_one_person_across_articles_with_the_role_kept(seeds):
    sengendo = Person.objects.get(name="Ahmad Kawesa Sengendo")
    assert {a.source_file for a in sengendo.articles.all()} == {
        "000_559ac3be9b7589b6.txt",
        "003_6d2201c64f15c868.txt",
    }
    aliyev = Person.objects.get(name="Ilham Aliyev")
    assert any("President" in role.title for role in aliyev.roles.all())


def test_mentions_keep_count_and_first_offset(seeds):
    article = seeds["001_7ce36fb11aacb69e.txt"]
    mention = article.personmention_set.get(person__name="Ilham Aliyev")
    assert mention.count >= 5
    assert mention.first_offset is not None
    surface = article.body[mention.first_offset : mention.first_offset + 40]
    assert "Aliyev" in surface or "Ilham" in surface


def test_places_and_events_are_records_of_their_own(seeds):
    assert Place.objects.filter(name="Azerbaijan").count() == 1
    baku = Place.objects.get(name="Baku")
    assert baku.articles.count() >= 3
    assert Event.objects.filter(name="Second Karabakh War").exists()


def test_events_are_linked_to_the_organisations_taking_part(seeds, client):
    summit = Event.objects.get(name="OIC Summit 2026")
    assert list(summit.organisations.values_list("acronym", flat=True)) == ["OIC"]
    assert summit.place.name == "Baku"
    content = client.get(summit.get_absolute_url()).content.decode()
    assert "Taking part" in content
    assert Organisation.objects.get(acronym="OIC").get_absolute_url() in content

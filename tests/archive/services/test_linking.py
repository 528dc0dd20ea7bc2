"""Ingesting the seeds links each article to its entities, one record per entity."""

from __future__ import annotations

import pytest

from archive.extraction.normalize import name_key
from archive.extraction.types import ExtractedEntity
from archive.models import Article, Event, Organisation, Person, Place
from archive.services.linking import link_entities


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


# People who share a surname (the names are made up)

_articles = 0


def _new_article() -> Article:
    global _articles
    _articles += 1
    return Article.objects.create(
        title=f"Release {_articles}",
        slug=f"release-{_articles}",
        body="Text.",
        content_hash=f"release-{_articles}",
    )


def _link_people(*found: tuple[str, set[str]]) -> Article:
    """A new article whose people are ``(name, other surface forms)``, linked as ingest links."""
    article = _new_article()
    people = [
        ExtractedEntity(kind="person", name=name, aliases={name, *forms}, count=1)
        for name, forms in found
    ]
    link_entities(article, people)
    return article


def _linked(article: Article) -> set[str]:
    return set(article.persons.values_list("name", flat=True))


def _known_as(name: str) -> set[str]:
    return set(Person.objects.get(name=name).aliases.values_list("name", flat=True))


def _people() -> set[str]:
    return set(Person.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_a_full_name_with_other_given_names_is_not_filed_under_the_surname():
    _link_people(("Helen R. Baek", {"Baek", "Director Baek"}))
    # The surname first, then the given name: someone else for sharing "Baek".
    minister = _link_people(("Baek Min-jun", {"Baek", "Minister Baek"}))
    envoy = _link_people(("Tomas Baek", {"Baek", "Envoy Baek"}))
    assert _people() == {"Helen R. Baek", "Baek Min-jun", "Tomas Baek"}
    assert _linked(minister) == {"Baek Min-jun"}
    assert _linked(envoy) == {"Tomas Baek"}
    assert _known_as("Helen R. Baek") == {"Baek", "Director Baek"}
    assert _known_as("Baek Min-jun") == {"Baek", "Minister Baek"}


@pytest.mark.django_db
def test_middle_names_that_disagree_are_not_filed_under_the_surname():
    _link_people(("Robert H. Kane", {"Kane"}))
    _link_people(("Robert J. Kane", {"Kane"}))
    assert _people() == {"Robert H. Kane", "Robert J. Kane"}


@pytest.mark.django_db
def test_a_surname_two_people_are_known_by_pulls_in_neither():
    _link_people(("Helen R. Baek", {"Baek", "Director Baek"}))
    _link_people(("Baek Min-jun", {"Baek", "Minister Baek"}))
    # A third full name, and the lone surname: each page keeps only its own person.
    third = _link_people(("Baek Ji-ho", {"Baek"}))
    lone = _link_people(("Baek", set()))
    assert _linked(third) == {"Baek Ji-ho"}
    assert _linked(lone) == {"Baek"}
    assert _people() == {"Helen R. Baek", "Baek Min-jun", "Baek Ji-ho", "Baek"}
    for name in ("Helen R. Baek", "Baek Min-jun", "Baek Ji-ho"):
        assert Person.objects.get(name=name).articles.count() == 1


@pytest.mark.django_db
def test_a_surname_two_people_share_joins_the_one_its_title_form_names():
    _link_people(("Helen R. Baek", {"Baek", "Director Baek"}))
    _link_people(("Baek Min-jun", {"Baek", "Minister Baek"}))
    later = _link_people(("Baek", {"Minister Baek"}))
    assert _linked(later) == {"Baek Min-jun"}
    assert "Baek" not in _people()


@pytest.mark.django_db
def test_a_lone_surname_still_joins_the_one_person_known_by_it():
    _link_people(("Pavel Orlovsky", {"Orlovsky"}))
    later = _link_people(("Orlovsky", {"Minister Orlovsky"}))
    assert _linked(later) == {"Pavel Orlovsky"}
    assert _people() == {"Pavel Orlovsky"}


@pytest.mark.django_db
def test_a_surname_after_a_title_still_joins_the_person_known_by_it():
    _link_people(("Marian T. Kessel", {"Kessel", "Secretary Kessel"}))
    by_title = _link_people(("Kessel", {"Secretary Kessel"}))
    assert _linked(by_title) == {"Marian T. Kessel"}
    # Known by the title form only: the lone surname follows it.
    _link_people(("Oskar Lindqvist", {"Ambassador Lindqvist"}))
    later = _link_people(("Lindqvist", {"Ambassador Lindqvist"}))
    assert _linked(later) == {"Oskar Lindqvist"}
    assert _people() == {"Marian T. Kessel", "Oskar Lindqvist"}


@pytest.mark.django_db
def test_a_short_form_reversed_order_or_fewer_given_names_still_join():
    _link_people(("Elizabeth Harwick", {"Harwick"}))
    short = _link_people(("Liz Harwick", {"Harwick"}))
    _link_people(("Hiroshi Tanabe", {"Tanabe"}))
    reversed_order = _link_people(("Tanabe Hiroshi", {"Tanabe"}))
    _link_people(("Khalid bin Saeed Al Mansouri", {"Al Mansouri"}))
    fewer = _link_people(("Khalid Al Mansouri", {"Al Mansouri"}))
    assert _linked(short) == {"Elizabeth Harwick"}
    assert _linked(reversed_order) == {"Hiroshi Tanabe"}
    assert _linked(fewer) == {"Khalid bin Saeed Al Mansouri"}
    assert _people() == {"Elizabeth Harwick", "Hiroshi Tanabe", "Khalid bin Saeed Al Mansouri"}


@pytest.mark.django_db
def test_a_surname_goes_to_the_namesake_mentioned_ten_times_as_often():
    for _ in range(10):
        _link_people(("Marian T. Kessel", {"Kessel"}))
    _link_people(("Ola Kessel", {"Kessel"}))
    later = _link_people(("Kessel", set()))
    assert _people() == {"Marian T. Kessel", "Ola Kessel"}
    assert _linked(later) == {"Marian T. Kessel"}


@pytest.mark.django_db
def test_a_name_after_a_title_is_never_taken_for_a_stored_persons_given_name():
    _link_people(("Austin Reyna-Holt", {"Austin"}))
    _link_people(("Lloyd Abbott Austin", {"Austin"}))
    later = _link_people(("Austin", {"Secretary Austin"}))
    assert _linked(later) == {"Lloyd Abbott Austin"}
    assert _known_as("Austin Reyna-Holt") == {"Austin"}
    # Someone's surname though not known by it alone yet: not the given name's holder.
    _link_people(("Keiko Arai", {"Keiko"}))
    _link_people(("Lena Keiko", set()))
    assert _linked(_link_people(("Keiko", {"Ambassador Keiko"}))) == {"Lena Keiko"}
    assert _known_as("Keiko Arai") == {"Keiko"}
    # Bare, with nothing against it, a given name still joins the one known by it.
    _link_people(("Rafaela Ostin", {"Rafaela"}))
    assert _linked(_link_people(("Rafaela", set()))) == {"Rafaela Ostin"}


@pytest.mark.django_db
def test_a_surname_written_first_joins_after_a_title_when_an_office_went_before_it():
    _link_people(("Wang Tao", {"Wang", "Foreign Minister Wang Tao"}))
    later = _link_people(("Wang", {"Councilor Wang"}))
    assert _linked(later) == {"Wang Tao"}
    assert _people() == {"Wang Tao"}


@pytest.mark.django_db
def test_a_surname_after_another_office_than_its_holders_joins_no_one():
    _link_people(("Ji-ho Pak", {"Pak", "Special Representative Pak"}))
    _link_people(("Mi-rae Pak", set()))
    # The same office, or a word of courtesy only: the one known by it.
    same = _link_people(("Pak", {"Special Representative Pak"}))
    courtesy = _link_people(("Pak", {"Mr. Pak"}))
    assert _linked(same) == _linked(courtesy) == {"Ji-ho Pak"}
    vice = _link_people(("Pak", {"Vice Minister Pak"}))
    assert _linked(vice) == {"Pak"}
    assert "Vice Minister Pak" not in _known_as("Ji-ho Pak")


@pytest.mark.django_db
def test_an_office_written_short_for_life_or_before_the_full_name_agrees():
    _link_people(("Karin Vell", {"Vell", "Under Secretary Vell"}))
    short = _link_people(("Vell", {"Sec. Vell"}))
    assert _linked(short) == {"Karin Vell"}
    # An ambassador keeps the title for life: it contradicts no later office.
    assert _linked(_link_people(("Vell", {"Amb. Vell"}))) == {"Karin Vell"}
    forms = {"Ruiz", "Foreign Minister Marta Ruiz", "Vice President Ruiz"}
    _link_people(("Marta Ruiz Blanco", forms))
    _link_people(("Pedro Gil Ruiz", set()))
    minister = _link_people(("Ruiz", {"Foreign Minister Ruiz"}))
    assert _linked(minister) == {"Marta Ruiz Blanco"}


@pytest.mark.django_db
def test_a_name_many_people_share_after_an_office_none_of_them_holds_joins_no_one():
    _link_people(("Matt Loo", {"Loo", "Mr. Loo"}))
    _link_people(("Loo Hyun-woo", set()))
    chair = _link_people(("Loo", {"Chairwoman Loo"}))
    assert _linked(chair) == {"Loo"}
    assert _known_as("Matt Loo") == {"Loo", "Mr. Loo"}
    # A word of courtesy only: the one known by it, as before.
    assert _linked(_link_people(("Loo", {"Mr. Loo"}))) == {"Loo"}  # the record made above


@pytest.mark.django_db
def test_a_ministry_named_with_its_country_never_joins_another_countrys_by_alias():
    for country in ("Peru", "Chile"):
        article = _new_article()
        name = f"Ministry of Mining of {country}"
        ministry = ExtractedEntity(
            kind="organisation", name=name, aliases={name, "Ministry of Mining"}, count=1
        )
        link_entities(article, [ministry])
    assert set(Organisation.objects.values_list("name", flat=True)) == {
        "Ministry of Mining of Peru",
        "Ministry of Mining of Chile",
    }

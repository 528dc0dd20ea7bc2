"""Tenures built from dated evidence, editors' tenures, and links inferred from offices."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from archive.extraction.checks import ReferenceDataError
from archive.extraction.types import ExtractedEntity
from archive.models import Article, Office, PersonMention, Place, Tenure
from archive.services.linking import link_entities
from archive.services.offices import home_country, load_us_officers, refresh_office

pytestmark = pytest.mark.django_db

_count = 0
ISRAEL = ExtractedEntity(
    kind="place", name="Israel", aliases={"Israel"}, count=1, place_kind="country"
)


def article(day: dt.date, body: str = "Text.", url: str = "") -> Article:
    global _count
    _count += 1
    return Article.objects.create(
        title=f"Article {_count}",
        slug=f"article-{_count}",
        body=body,
        content_hash=str(_count),
        published=day,
        url=url or f"https://example.org/{_count}",
    )


def said(day: dt.date, *people: tuple[str, str], body: str = "Text.", url: str = "") -> Article:
    """An article of ``day`` naming each person with a role, and Israel."""
    found = [ISRAEL] + [
        ExtractedEntity(kind="person", name=name, aliases={name}, count=1, roles=[role])
        for name, role in people
    ]
    stored = article(day, body, url)
    link_entities(stored, [ExtractedEntity(**vars(e)) for e in found])
    return stored


def timeline(title: str = "Prime Minister") -> list[tuple]:
    office = Office.objects.get(title=title, country__name="Israel")
    return [
        (t.person.name, t.start, t.end, t.conflict)
        for t in office.tenures.select_related("person").order_by("first_seen", "start")
    ]


D = dt.date


def test_a_successor_closes_the_predecessors_tenure():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    said(D(2021, 6, 1), ("Ada Levi", "Israeli Prime Minister"))
    said(D(2021, 7, 1), ("Ben Cohen", "Prime Minister of Israel"))
    said(D(2021, 9, 1), ("Ben Cohen", "Prime Minister of Israel"))
    assert timeline() == [
        ("Ada Levi", None, D(2021, 7, 1), False),
        ("Ben Cohen", D(2021, 7, 1), None, False),
    ]


def test_former_ends_a_tenure_and_is_no_evidence_of_holding_it():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    said(D(2021, 8, 1), ("Ada Levi", "former Prime Minister of Israel"))
    said(D(2022, 1, 1), ("Ada Levi", "former Prime Minister of Israel"))
    (tenure,) = Office.objects.get(title="Prime Minister").tenures.all()
    assert (tenure.last_seen, tenure.end, tenure.evidence) == (D(2021, 5, 1), D(2021, 8, 1), 1)


def test_a_predecessor_seen_again_after_the_change_is_shown_as_a_conflict():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    said(D(2021, 7, 1), ("Ben Cohen", "Prime Minister of Israel"))
    said(D(2021, 8, 1), ("Ada Levi", "Prime Minister of Israel"))
    assert [row[3] for row in timeline()] == [True, True]
    # Nobody is inferred where the evidence disagrees.
    august = said(D(2021, 8, 10), body="The Israeli Prime Minister arrived.")
    assert [row[2] for row in timeline()] == [None, None]
    assert not PersonMention.objects.filter(article=august).exists()


def test_a_bare_title_two_of_the_persons_offices_begin_with_joins_neither():
    said(D(2021, 5, 1), ("Ada Levi", "Deputy Secretary of State of Israel"))
    said(D(2021, 5, 2), ("Ada Levi", "Deputy Secretary of State for Management of Israel"))
    said(D(2021, 5, 3), ("Ada Levi", "Deputy Secretary"))
    office = Office.objects.get(title="Deputy Secretary of State")
    assert office.tenures.get().evidence == 1


def test_offices_with_several_holders_are_not_closed_by_each_other():
    said(D(2021, 5, 1), ("Ada Levi", "Deputy Prime Minister of Israel"))
    said(D(2021, 7, 1), ("Ben Cohen", "Deputy Prime Minister of Israel"))
    assert [row[2] for row in timeline("Deputy Prime Minister")] == [None, None]


def test_a_title_without_its_country_joins_the_one_office_the_person_holds():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister"))
    said(D(2021, 6, 1), ("Ada Levi", "Prime Minister of Israel"))
    (tenure,) = Office.objects.get(title="Prime Minister").tenures.all()
    assert (tenure.first_seen, tenure.evidence) == (D(2021, 5, 1), 2)


def test_an_office_named_without_its_holder_links_the_holder_of_the_day():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    said(D(2021, 7, 1), ("Ben Cohen", "Prime Minister of Israel"))
    june = said(D(2021, 6, 10), body="Talks with the Israeli Prime Minister went well.")
    august = said(D(2021, 8, 10), body="The Israeli Prime Minister arrived.")
    before = said(D(2021, 1, 10), body="The Israeli Prime Minister arrived.")
    assert [m.person.name for m in PersonMention.objects.filter(article=june)] == ["Ada Levi"]
    assert [m.person.name for m in PersonMention.objects.filter(article=august)] == ["Ben Cohen"]
    inferred = PersonMention.objects.get(article=june)
    assert inferred.via_office.title == "Prime Minister"
    # Nobody is known to hold it that day: nothing is invented.
    assert not PersonMention.objects.filter(article=before).exists()


def test_a_later_article_changes_an_earlier_inference():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    june = said(D(2021, 6, 10), body="The Israeli Prime Minister arrived.")
    assert PersonMention.objects.get(article=june).person.name == "Ada Levi"
    said(D(2021, 6, 5), ("Ben Cohen", "Prime Minister of Israel"))
    assert PersonMention.objects.get(article=june).person.name == "Ben Cohen"


def test_a_named_person_is_not_also_inferred():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    june = said(
        D(2021, 6, 10),
        ("Ada Levi", "Prime Minister of Israel"),
        body="Ada Levi met aides. The Israeli Prime Minister then left.",
    )
    (mention,) = PersonMention.objects.filter(article=june)
    assert mention.via_office is None


def test_an_editors_tenure_wins_and_survives_rebuilding_and_reextract():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    june = said(D(2021, 6, 10), body="The Israeli Prime Minister arrived.")
    office = Office.objects.get(title="Prime Minister")
    tenure = office.tenures.get()
    tenure.end, tenure.source = D(2021, 6, 1), Tenure.Source.EDITOR
    tenure.save()
    refresh_office(office.pk)
    assert not PersonMention.objects.filter(article=june).exists()
    # reextract reads "Text." again: no article names her or Israel any more.
    call_command("reextract", stdout=StringIO(), stderr=StringIO())
    office = Office.objects.get(title="Prime Minister", country__name="Israel")
    kept = office.tenures.get(person__name="Ada Levi")
    assert (kept.source, kept.end) == (Tenure.Source.EDITOR, D(2021, 6, 1))


def test_a_rejected_tenure_is_left_out_of_inference():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    june = said(D(2021, 6, 10), body="The Israeli Prime Minister arrived.")
    office = Office.objects.get(title="Prime Minister")
    office.tenures.update(rejected=True, source=Tenure.Source.EDITOR)
    refresh_office(office.pk)
    assert not PersonMention.objects.filter(article=june).exists()


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.state.gov/a-release/", "United States"),
        ("https://www.defense.mil/x", "United States"),
        ("https://www.gov.uk/government/news/x", "United Kingdom"),
        ("https://mfa.gov.az/en/news/x", "Azerbaijan"),
        ("https://www.reuters.com/world/x", None),
        ("", None),
    ],
)
def test_the_home_country_of_a_government_site(url, country):
    assert home_country(url) == country


def test_reference_tenures_date_a_holder_the_archive_knows():
    Place.objects.create(name="United States", slug="united-states", kind="country")
    said(
        D(2021, 6, 1),
        ("Antony J. Blinken", "Secretary of State of United States"),
        url="https://www.state.gov/a/",
    )
    tenure = Tenure.objects.get(person__name="Antony J. Blinken")
    assert (tenure.start, tenure.end, tenure.source) == (
        D(2021, 1, 26),
        D(2025, 1, 20),
        Tenure.Source.REFERENCE,
    )
    assert (tenure.first_seen, tenure.evidence) == (D(2021, 6, 1), 1)
    # A stray text tenure of someone else does not outweigh the reference data.
    said(
        D(2021, 6, 2),
        ("Mike Pompeo", "Secretary of State of United States"),
        url="https://www.state.gov/c/",
    )
    # "the Secretary" in a later State Department release is him.
    later = said(D(2021, 7, 1), body="The Secretary spoke today.", url="https://www.state.gov/b/")
    assert [m.person.name for m in PersonMention.objects.filter(article=later)] == [
        "Antony J. Blinken"
    ]


def test_the_us_officers_file_is_checked_on_load(tmp_path):
    path = tmp_path / "officers.json"
    path.write_text(
        '[{"office": "Secretary of State", "name": "A B", "start": "2021-13-01"},'
        ' {"office": "Secretary of State", "start": "2021-01-01"}]'
    )
    with pytest.raises(ReferenceDataError) as error:
        load_us_officers(path)
    assert "entry 0" in str(error.value) and "entry 1" in str(error.value)


def test_whose_tenure_counts_when_several_cover_the_day():
    from archive.services.offices import holder_on

    def tenure(person_id, source, evidence=0):
        return Tenure(person_id=person_id, source=source, start=D(2021, 1, 1), evidence=evidence)

    day = D(2022, 1, 1)
    text, reference, editor = Tenure.Source.TEXT, Tenure.Source.REFERENCE, Tenure.Source.EDITOR
    # The reference data's holder the articles also show wins over a stray text tenure.
    assert holder_on([tenure(1, reference, 3), tenure(2, text, 1)], day) == 1
    # One the articles never show (an end missing in the data) gives way to them.
    assert holder_on([tenure(1, reference), tenure(2, text, 5)], day) == 2
    # Alone, the reference data's holder is the holder; an editor's beats everyone.
    assert holder_on([tenure(1, reference)], day) == 1
    assert holder_on([tenure(1, reference, 3), tenure(3, editor)], day) == 3
    # Two of equal standing: nobody is inferred; one the articles show far more often wins.
    assert holder_on([tenure(1, text, 2), tenure(2, text, 2)], day) is None
    assert holder_on([tenure(1, text, 113), tenure(2, text, 1)], day) == 1


def test_the_office_a_named_person_of_the_article_holds_is_not_inferred_to_another():
    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    later = said(
        D(2021, 6, 1),
        ("Dan Meir", "Prime Minister of Israel for Economic Affairs"),
        body="The Prime Minister spoke. The Israeli Prime Minister left.",
    )
    # "the Prime Minister" here is Dan Meir, whose title begins so, not Ada Levi.
    assert not PersonMention.objects.filter(article=later, person__name="Ada Levi").exists()


def test_merging_two_people_moves_their_roles_and_rebuilds_the_tenures():
    from archive.models import Person
    from archive.services.editing import merge_entities

    said(D(2021, 5, 1), ("Ada Levi", "Prime Minister of Israel"))
    said(D(2021, 6, 1), ("A. Levi", "Prime Minister of Israel"))
    merge_entities(
        survivor=Person.objects.get(name="Ada Levi"), others=[Person.objects.get(name="A. Levi")]
    )
    (tenure,) = Office.objects.get(title="Prime Minister").tenures.all()
    assert (tenure.person.name, tenure.evidence, tenure.last_seen) == ("Ada Levi", 2, D(2021, 6, 1))

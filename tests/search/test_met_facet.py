"""Search narrowed to the articles reporting an encounter with someone (the "met" facet)."""

from __future__ import annotations

from django.urls import reverse

from archive.models import Article, InteractionParticipant

SEARCH = reverse("search:search")


def test_the_met_facet_finds_the_articles_reporting_encounters_with_a_person(seeds, client):
    participants = InteractionParticipant.objects.filter(
        person__isnull=False, interaction__rejected=False
    ).select_related("person")
    assert participants, "the seeds report encounters (gold.json lists them)"
    person = participants[0].person
    reporting = set(
        Article.objects.filter(
            interaction_sources__interaction__participants__person=person
        ).values_list("pk", flat=True)
    )
    mentioning = set(person.articles.values_list("pk", flat=True))
    assert reporting and reporting <= mentioning

    response = client.get(SEARCH, {"selected_facets": f"met:{person.slug}", "copies": "all"})
    found = {row["article"].pk for row in response.context["results"]}
    assert found == reporting
    facets = {facet.field: facet for facet in response.context["facets"]}
    assert person.name in {row.label for row in facets["met"].rows}


def test_an_editor_rejecting_an_encounter_updates_the_facet(
    seeds, client, django_capture_on_commit_callbacks
):
    participant = InteractionParticipant.objects.filter(person__isnull=False).first()
    person, interaction = participant.person, participant.interaction
    with django_capture_on_commit_callbacks(execute=True):
        interaction.rejected = True
        interaction.save()
    still = set(
        Article.objects.filter(
            interaction_sources__interaction__participants__person=person,
            interaction_sources__interaction__rejected=False,
        ).values_list("pk", flat=True)
    )
    response = client.get(SEARCH, {"selected_facets": f"met:{person.slug}", "copies": "all"})
    assert {row["article"].pk for row in response.context["results"]} == still


def test_a_persons_page_links_to_the_articles_reporting_their_encounters(seeds, client):
    person = InteractionParticipant.objects.filter(person__isnull=False).first().person
    page = client.get(person.get_absolute_url()).content.decode()
    assert f"/search/?selected_facets=met:{person.slug}" in page

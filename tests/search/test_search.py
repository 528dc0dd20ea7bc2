"""Search through the real view, backend and index."""

from __future__ import annotations

from django.urls import reverse

from archive.models import Organisation

SEARCH = reverse("search:search")


def _titles(response) -> set[str]:
    return {result["article"].source_file for result in response.context["results"]}


def test_icesco_finds_the_icesco_article(seeds, client):
    response = client.get(SEARCH, {"q": "ICESCO"})
    assert response.status_code == 200
    assert "002_a6d354069dc08d8b.txt" in _titles(response)


def test_oic_finds_every_seed_whatever_the_spelling(seeds, client):
    response = client.get(SEARCH, {"q": "OIC"})
    assert len(_titles(response)) == 4


def test_results_show_highlighted_snippets(seeds, client):
    response = client.get(SEARCH, {"q": "halal"})
    [result] = response.context["results"]
    assert any("<em>" in snippet.lower() for snippet in result["snippets"])
    assert b"<em>" in response.content.lower()


def test_organisation_facet_counts_four_seeds_for_the_oic(seeds, client):
    response = client.get(SEARCH)
    facets = {facet.field: facet for facet in response.context["facets"]}
    rows = {row.label: row for row in facets["organisation"].rows}
    assert rows["Organisation of Islamic Cooperation"].count == 4
    assert response.context["total"] == 4
    assert {"person", "place", "year"} <= {field for field, f in facets.items() if f.rows}


def test_selecting_and_deselecting_a_facet(seeds, client):
    icesco = Organisation.objects.get(acronym="ICESCO")
    selected = {"selected_facets": f"organisation:{icesco.slug}"}
    response = client.get(SEARCH, selected)
    assert _titles(response) == {"002_a6d354069dc08d8b.txt"}
    facets = {facet.field: facet for facet in response.context["facets"]}
    row = next(row for row in facets["organisation"].rows if row.value == icesco.slug)
    assert row.selected
    # The selected row's link removes the filter again.
    assert len(_titles(client.get(SEARCH + row.url))) == 4


def test_values_of_one_facet_or_together_and_facets_and_together(seeds, client):
    years = {"selected_facets": ["year:2025", "year:2021"]}
    assert len(_titles(client.get(SEARCH, years))) == 3
    icesco = Organisation.objects.get(acronym="ICESCO")
    both = {"selected_facets": ["year:2025", "year:2021", f"organisation:{icesco.slug}"]}
    assert _titles(client.get(SEARCH, both)) == {"002_a6d354069dc08d8b.txt"}


def test_unknown_facets_are_ignored_not_an_error(seeds, client):
    response = client.get(SEARCH, {"selected_facets": ["nonsense:x", "year:'; drop"]})
    assert response.status_code == 200
    assert response.context["total"] == 4


def test_renaming_an_entity_updates_the_index(seeds, client, django_capture_on_commit_callbacks):
    icesco = Organisation.objects.get(acronym="ICESCO")
    with django_capture_on_commit_callbacks(execute=True):
        icesco.name = "Zanzibarian Heritage Organisation"
        icesco.save()
    response = client.get(SEARCH, {"q": "Zanzibarian"})
    assert _titles(response) == {"002_a6d354069dc08d8b.txt"}
    labels = {row.label for f in response.context["facets"] for row in f.rows}
    assert "Zanzibarian Heritage Organisation" in labels


def test_rebuild_index_indexes_every_article(seeds, client):
    from io import StringIO

    from django.core.management import call_command

    call_command("rebuild_index", interactive=False, stdout=StringIO())
    assert client.get(SEARCH).context["total"] == 4

"""Search through the real view, backend and index."""

from __future__ import annotations

import json

from django.urls import reverse

from archive.models import Organisation
from search.backend import ArchiveWhooshBackend
from search.entities import names_among
from tests.search.factories import ArticleFactory
from tests.search.helpers import found, in_order

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


# The query language, through the page.


def test_a_phrase_finds_only_the_articles_with_those_words_together(seeds, client):
    response = client.get(SEARCH, {"q": '"Islamic Development Bank"'})
    assert found(response) == {"000", "002"}


def test_minus_excludes_articles_with_the_word(seeds, client):
    assert found(client.get(SEARCH, {"q": "Karabakh"})) == {"000", "001", "003"}
    assert found(client.get(SEARCH, {"q": "Karabakh -Sengendo"})) == {"001"}


def test_a_query_of_exclusions_finds_every_article_without_them(seeds, client):
    for typed in ("-Karabakh", "NOT Karabakh", "-(-(-Karabakh))"):
        response = client.get(SEARCH, {"q": typed})
        assert found(response) == {"002"}, typed
        assert not response.context["notices"], typed


def test_stacked_negations_cancel_out(seeds, client):
    for typed in ("NOT NOT Karabakh", "NOT -Karabakh", "--Karabakh", "-(-Karabakh)"):
        response = client.get(SEARCH, {"q": typed})
        assert response.status_code == 200, typed
        assert found(response) == {"000", "001", "003"}, typed
    assert found(client.get(SEARCH, {"q": "title:(-ICESCO)"})) == {"000", "001", "003"}


def test_or_and_not_combine(seeds, client):
    assert found(client.get(SEARCH, {"q": "Sengendo OR ICESCO"})) == {"000", "002", "003"}
    assert found(client.get(SEARCH, {"q": "(Sengendo OR ICESCO) NOT Aghdam"})) == {"000", "002"}


def test_stemming_matches_other_forms_of_a_word(seeds, client):
    assert found(client.get(SEARCH, {"q": "investing"})) == {"000"}


def test_fielded_terms_search_entity_names_and_aliases(seeds, client):
    assert found(client.get(SEARCH, {"q": 'person:"Ilham Aliyev"'})) == {"001"}
    # The organisation is spelled out in its article; the field knows its acronym.
    assert found(client.get(SEARCH, {"q": "organisation:ICESCO"})) == {"002"}
    assert found(client.get(SEARCH, {"q": "title:ICESCO"})) == {"002"}
    # "Sengendo" is in 000's and 003's text, but the field looks at people only.
    assert found(client.get(SEARCH, {"q": "place:Sengendo"})) == set()


MALFORMED = [
    '"Islamic Development',
    "(OIC",
    "OIC)",
    "OR",
    "-",
    "person:",
    "OIC AND",
    "x" * 5000,
    "title:(",
    "((",
    '"',
]


def test_malformed_queries_give_a_page_not_an_error(seeds, client):
    # One test for them all: each would otherwise ingest the seeds again.
    for typed in MALFORMED:
        response = client.get(SEARCH, {"q": typed})
        assert response.status_code == 200, typed
        assert "could not read your query" in " ".join(response.context["notices"]), typed


def test_odd_unicode_is_tidied_away_silently(seeds, client):
    response = client.get(SEARCH, {"q": "\u202e\u0000OIC\u200b ❤️"})
    assert response.status_code == 200 and not response.context["notices"]
    assert found(response) == {"000", "001", "002", "003"}


def test_a_malformed_query_searches_its_plain_words_and_says_so(seeds, client):
    response = client.get(SEARCH, {"q": '"Islamic Development'})
    assert found(response) == {"000", "002"}
    assert b"could not read your query as written" in response.content


def test_an_empty_query_browses_everything_newest_first_with_every_facet(seeds, client):
    response = client.get(SEARCH, {"q": ""})
    assert in_order(response) == ["000", "002", "003", "001"]
    fields = {facet.field for facet in response.context["facets"] if facet.rows}
    assert fields == {
        "organisation",
        "person",
        "place",
        "event",
        "met",
        "source",
        "year",
        "month",
    }


# Snippets


def test_snippets_escape_the_article_text(client, reindex):
    article = ArticleFactory(
        title="Payload", body='Before <script>alert("x")</script> the summit <b>opened</b>.'
    )
    reindex(article)
    response = client.get(SEARCH, {"q": "summit"})
    [row] = response.context["results"]
    assert "&lt;script&gt;" in row["snippets"][0] and "<em>summit</em>" in row["snippets"][0]
    assert b"<script>alert" not in response.content


def test_long_articles_get_several_snippets(client, reindex):
    filler = " ".join(["the delegation discussed trade and transport routes"] * 40)
    body = f"Sanctions were named first. {filler} Sanctions again. {filler} Sanctions last."
    article = ArticleFactory(title="Long", body=body)
    reindex(article)
    [row] = client.get(SEARCH, {"q": "sanctions"}).context["results"]
    assert len(row["snippets"]) == 3
    assert all("<em>Sanctions</em>" in snippet for snippet in row["snippets"]), row["snippets"]


# Suggestions and entities


def test_a_misspelled_query_that_finds_nothing_gets_a_suggestion(seeds, client):
    response = client.get(SEARCH, {"q": "Karabak"})
    assert response.context["total"] == 0
    assert response.context["suggestion"] == "Karabakh"
    assert found(client.get(SEARCH + response.context["suggestion_url"])) == {"000", "001", "003"}


def test_words_the_index_knows_are_not_corrected(seeds, client):
    assert client.get(SEARCH, {"q": "OIC Sengendo"}).context["suggestion"] is None


def test_zero_results_with_filters_offer_the_query_without_them(seeds, client):
    response = client.get(SEARCH, {"q": "ICESCO", "selected_facets": "year:2021"})
    assert response.context["total"] == 0
    url = response.context["clear_filters_url"]
    assert url == "?q=ICESCO"
    assert url.encode() in response.content
    assert found(client.get(SEARCH + url)) == {"002"}


def test_entities_matching_the_query_are_listed_above_the_results(seeds, client):
    response = client.get(SEARCH, {"q": "Ilham Aliyev"})
    [group] = response.context["entity_groups"]
    [aliyev] = group.entities
    assert (group.kind.name, aliyev.name, aliyev.article_count) == ("person", "Ilham Aliyev", 1)
    assert aliyev.get_absolute_url().encode() in response.content
    oic = client.get(SEARCH, {"q": "OIC"}).context["entity_groups"]
    names = {entity.name for group in oic for entity in group.entities}
    assert "Organisation of Islamic Cooperation" in names


def test_words_no_article_has_together_find_articles_with_any_of_them(seeds, client):
    # "halal" is only in 000, "ICESCO" only in 002: no article has both.
    response = client.get(SEARCH, {"q": "halal ICESCO"})
    assert _titles(response) == {"000_559ac3be9b7589b6.txt", "002_a6d354069dc08d8b.txt"}
    assert "showing articles with any of them" in response.content.decode()
    exported = client.get(reverse("search:export-json"), {"q": "halal ICESCO"})
    assert json.loads(b"".join(exported.streaming_content))["count"] == 2


def test_words_some_article_has_together_stay_strict(seeds, client):
    response = client.get(SEARCH, {"q": "halal Baku"})
    assert _titles(response) == {"000_559ac3be9b7589b6.txt"}
    assert "any of them" not in response.content.decode()


def test_words_found_together_take_one_search_not_a_count_first(seeds, client, monkeypatch):
    searches = []
    search = ArchiveWhooshBackend.search

    def counted(self, query_string, **kwargs):
        searches.append(query_string)
        return search(self, query_string, **kwargs)

    monkeypatch.setattr(ArchiveWhooshBackend, "search", counted)
    assert _titles(client.get(SEARCH, {"q": "halal Baku"})) == {"000_559ac3be9b7589b6.txt"}
    assert len(searches) == 1
    searches.clear()
    assert len(_titles(client.get(SEARCH, {"q": "halal ICESCO"}))) == 2
    assert len(searches) == 2  # all the words, then any of them


def test_snippets_of_a_very_long_article_come_from_where_the_words_first_appear(client, reindex):
    filler = " ".join(["the delegation discussed trade and transport routes"] * 200)
    body = f"{filler} Sanctions were announced at last. {filler}"
    reindex(ArticleFactory(title="Very long", body=body))
    [row] = client.get(SEARCH, {"q": "sanctions"}).context["results"]
    assert any("<em>Sanctions</em> were announced" in snippet for snippet in row["snippets"])


# Questions in plain language


def test_a_question_finds_the_best_matches_first_and_says_so(seeds, client):
    question = "what did the OIC say about Muslim countries investing in liberated Karabakh"
    response = client.get(SEARCH, {"q": question})
    assert response.status_code == 200
    assert "Showing the articles that best match your words." in response.context["notices"]
    assert b"best match your words" in response.content
    # No seed has every word, yet the Karabakh article comes first.
    assert in_order(response)[0] == "000"
    assert len(found(response)) > 1  # articles with some of the words follow


def test_a_question_ranks_the_same_on_the_page_and_in_the_exports(seeds, client):
    question = {"q": "how will Muslim countries invest in the liberated territories of Karabakh"}
    page = [
        r["article"].get_absolute_url() for r in client.get(SEARCH, question).context["results"]
    ]
    response = client.get(reverse("search:export-json"), question)
    exported = json.loads(b"".join(response.streaming_content))
    assert [row["path"] for row in exported["results"]] == page
    assert len(page) > 1


def test_names_in_a_question_are_looked_up_among_the_archives_entities(seeds):
    oic = Organisation.objects.get(acronym="OIC")
    runs = [oic.name.lower(), "oic", "muslim countries", "islamic cooperation of"]
    assert names_among(runs) == {oic.name.lower(), "oic"}

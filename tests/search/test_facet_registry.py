"""The facet registry: what settings declare, checked on load, and the values a URL may select."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from archive.models import ENTITY_KINDS
from search.facet_registry import DATE_FACETS, FACETS, UNKNOWN_DATE, load_facets
from search.search_indexes import ArticleIndex


def test_the_registry_keeps_the_settings_labels_kinds_and_order():
    assert list(FACETS) == list(settings.SEARCH_FACETS)
    for key, facet in FACETS.items():
        assert facet.key == facet.index_field == key
        assert facet.label == settings.SEARCH_FACETS[key]["label"]
        assert facet.entity_kind == settings.SEARCH_FACETS[key]["entity"]
    assert DATE_FACETS == ("year", "month")
    assert [key for key, facet in FACETS.items() if facet.is_date] == ["year", "month"]


def test_every_facet_is_a_faceted_field_of_the_index():
    fields = ArticleIndex().fields
    for facet in FACETS.values():
        assert fields[facet.index_field].faceted, facet.key
        assert f"{facet.index_field}_exact" in fields


def test_an_unknown_entity_kind_is_an_error_naming_the_facet():
    with pytest.raises(ImproperlyConfigured, match=r"'country'.*unknown entity kind 'nation'"):
        load_facets({"country": {"label": "Countries", "entity": "nation"}})


def test_a_facet_without_a_kind_must_be_a_date():
    with pytest.raises(ImproperlyConfigured, match="'topic'"):
        load_facets({"topic": {"label": "Topics", "entity": None}})


def test_a_date_facet_has_no_entity_kind():
    with pytest.raises(ImproperlyConfigured, match=r"'year'.*date facet"):
        load_facets({"year": {"label": "Year", "entity": "person"}})


@pytest.mark.parametrize("options", [{"entity": "person"}, {"label": "", "entity": "person"}, None])
def test_a_facet_without_a_label_is_an_error(options):
    with pytest.raises(ImproperlyConfigured, match=r"\['person'\] has no label"):
        load_facets({"person": options})


def test_every_entity_kind_and_the_source_may_be_a_facet():
    config = {kind: {"label": kind.title(), "entity": kind} for kind in [*ENTITY_KINDS, "source"]}
    assert [facet.entity_kind for facet in load_facets(config).values()] == list(config)


@pytest.mark.parametrize(
    ("key", "value", "accepted"),
    [
        ("year", "2025", True),
        ("year", UNKNOWN_DATE, True),
        ("year", "25", False),
        ("year", "20255", False),
        ("year", "2025-10", False),
        ("month", "2025-10", True),
        ("month", "2025-01", True),
        ("month", "2025-13", False),
        ("month", "2025-00", False),
        ("month", "2025", False),
        ("month", UNKNOWN_DATE, False),
        ("organisation", "oic", True),
        ("person", "ilham-aliyev", True),
        ("source", "trend_az", True),
        ("place", "x" * 200, True),
        ("place", "x" * 201, False),
        ("event", "", False),
        ("person", "ilham aliyev", False),
        ("person", 'a"b', False),
        ("organisation", "oic:un", False),
    ],
)
def test_the_values_a_url_may_select(key, value, accepted):
    assert FACETS[key].accepts(value) is accepted


def test_an_encounters_facet_counts_people():
    with pytest.raises(ImproperlyConfigured, match=r"SEARCH_FACETS\['met'\].*'person'"):
        load_facets({"met": {"label": "Met", "entity": "place", "encounters": True}})
    assert load_facets({"met": {"label": "Met", "entity": "person", "encounters": True}})[
        "met"
    ].encounters

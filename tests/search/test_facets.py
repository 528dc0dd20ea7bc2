"""The facet munger, with hand-written counts: no backend needed."""

from __future__ import annotations

from urllib.parse import parse_qs

from django.http import QueryDict

from search.facets import build_facets


def test_rows_carry_labels_counts_and_toggle_links():
    params = QueryDict("q=summit&page=3&selected_facets=year:2025")
    counts = {"year": [("2024", 2), ("2025", 5)], "organisation": [("oic", 7), ("un", 9)]}
    labels = {"organisation": {"oic": "Organisation of Islamic Cooperation"}}
    facets = {f.field: f for f in build_facets(counts, {"year": ["2025"]}, params, labels=labels)}

    organisations = facets["organisation"].rows
    assert [row.value for row in organisations] == ["un", "oic"]
    assert organisations[1].label == "Organisation of Islamic Cooperation"
    assert organisations[0].label == "un"
    link = parse_qs(organisations[0].url.lstrip("?"))
    assert link["selected_facets"] == ["year:2025", "organisation:un"]
    assert "page" not in link and link["q"] == ["summit"]

    years = facets["year"].rows
    assert [row.value for row in years] == ["2025", "2024"]
    assert years[0].selected
    assert "selected_facets" not in parse_qs(years[0].url.lstrip("?"))


def test_a_selected_value_with_no_count_is_still_shown_so_it_can_be_removed():
    params = QueryDict("selected_facets=place:atlantis")
    facets = build_facets({}, {"place": ["atlantis"]}, params, labels={})
    [row] = next(f for f in facets if f.field == "place").rows
    assert row.selected and row.count == 0


def test_zero_counts_are_hidden_and_the_limit_holds():
    counts = {"person": [(f"p{i}", 30 - i) for i in range(30)] + [("nobody", 0)]}
    facets = build_facets(counts, {}, QueryDict(""), limit=5, labels={})
    rows = next(f for f in facets if f.field == "person").rows
    assert [row.value for row in rows] == ["p0", "p1", "p2", "p3", "p4"]

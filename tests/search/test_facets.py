"""The facet munger, with hand-written counts: no backend needed."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pytest
from django.http import QueryDict

from search.facets import active_filters, build_facets, toggle_url


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


def test_date_facets_list_newest_first_with_unknown_last_and_readable_labels():
    counts = {
        "month": [("2024-12", 9), ("2025-10", 1)],
        "year": [("unknown", 5), ("2021", 1), ("2025", 2)],
    }
    facets = {f.field: f for f in build_facets(counts, {}, QueryDict(""))}
    assert [row.value for row in facets["year"].rows] == ["2025", "2021", "unknown"]
    assert facets["year"].rows[-1].label == "Date unknown"
    assert [row.label for row in facets["month"].rows] == ["October 2025", "December 2024"]


def test_chips_remove_one_filter_each_and_keep_the_query():
    params = QueryDict(
        "q=oic&selected_facets=year:2025&selected_facets=place:baku&start=2025-01-01"
    )
    chips = active_filters(
        {"year": ["2025"], "place": ["baku"]},
        params,
        {"place": {"baku": "Baku"}},
        {"start": dt.date(2025, 1, 1), "end": None},
    )
    assert [(chip.label, chip.value) for chip in chips] == [
        ("Year", "2025"),
        ("Places", "Baku"),
        ("From", "2025-01-01"),
    ]
    baku = parse_qs(chips[1].url.lstrip("?"))
    assert baku == {"q": ["oic"], "selected_facets": ["year:2025"], "start": ["2025-01-01"]}
    assert "start" not in parse_qs(chips[2].url.lstrip("?"))


def _copied_toggle_url(params: QueryDict, field: str, value: str) -> str:
    """The toggle link made the plain way, by changing a copy of the parameters."""
    params = params.copy()
    params.pop("page", None)
    selected = params.getlist("selected_facets")
    item = f"{field}:{value}"
    if item in selected:
        selected.remove(item)
    else:
        selected.append(item)
    params.setlist("selected_facets", selected)
    return "?" + params.urlencode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=summit&page=2",
        "selected_facets=year:2025&q=caf%C3%A9+%22a+b%22&sort=newest",
        "q=x&selected_facets=place:baku&start=2021-01-01&selected_facets=year:2025&page=9",
        "selected_facets=place:s%C3%A3o-paulo",
    ],
)
@pytest.mark.parametrize(
    "field, value", [("place", "baku"), ("year", "2025"), ("place", "são-paulo")]
)
def test_toggle_links_are_the_parameters_with_one_value_added_or_removed(query, field, value):
    params = QueryDict(query)
    assert toggle_url(params, field, value) == _copied_toggle_url(params, field, value)

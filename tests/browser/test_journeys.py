"""The main journeys through the archive, in a real browser."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest

from archive.models import Article, Organisation
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture
def archive(seeds, ingest, tmp_path):
    """The seeds plus 40 State Department releases: enough for a second page."""
    lines = (ROOT / "fixtures" / "demo" / "state-dept-sample.jsonl").read_text().splitlines()
    more = tmp_path / "more.jsonl"
    more.write_text("\n".join(lines[:40]) + "\n")
    ingest(more)
    return seeds


def _params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_search_select_and_remove_a_facet(archive, page):
    page.goto("/")
    main = page.get_by_role("main")
    main.get_by_label("Search the archive").fill("OIC")
    main.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?"))
    results = page.locator("#results-heading")
    assert re.match(r"4 results", results.inner_text())

    facets = page.get_by_role("complementary", name="Filters")
    facets.get_by_role("link", name=re.compile("Islamic World Educational")).click()
    page.wait_for_url(re.compile("selected_facets=organisation"))
    assert re.match(r"1 result", page.locator("#results-heading").inner_text())

    facets.get_by_role("link", name=re.compile("Islamic World Educational")).first.click()
    page.wait_for_url(lambda url: "selected_facets" not in url)
    assert re.match(r"4 results", page.locator("#results-heading").inner_text())


def test_date_range_sort_and_second_page(archive, page):
    page.goto("/search/")
    page.get_by_label("From").fill("2025-01-01")
    page.get_by_label("To").fill("2025-12-31")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile("start=2025-01-01"))
    assert re.match(r"2 results", page.locator("#results-heading").inner_text())

    page.goto("/search/")
    page.get_by_label("Sort").select_option("oldest")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile("sort=oldest"))
    first = page.locator("article.card time").first.get_attribute("datetime")
    assert first.startswith("2021-04-08")

    page.get_by_role("link", name=re.compile("Next")).first.click()
    page.wait_for_url(re.compile("page=2"))
    assert _params(page)["sort"] == ["oldest"]
    assert page.locator("article.card").count() > 0


def test_search_on_a_phone_keeps_the_filters_behind_a_control(archive, page, artefacts):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/search/?q=Secretary&selected_facets=source:us-department-of-state&start=2021-01-01")
    results = page.locator("article.card")
    assert results.count() == 20
    assert results.first.bounding_box()["y"] < 844  # the first result in the first screen
    assert page.locator("#results-heading").is_visible()
    chips = page.get_by_role("list", name="Active filters")
    assert chips.get_by_role("link", name=re.compile("U.S. Department of State")).is_visible()
    assert chips.get_by_role("link", name=re.compile("From: 2021-01-01")).is_visible()

    facets = page.get_by_role("complementary", name="Filters")
    control = facets.locator("summary")
    assert control.inner_text() == "Filters (2 active)"
    assert control.bounding_box()["y"] < results.first.bounding_box()["y"]
    organisations = facets.get_by_role("heading", name="Organisations")
    assert not organisations.is_visible()
    shot = artefacts / "search-390px.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 0

    control.click()
    assert organisations.is_visible()
    control.focus()  # a keyboard closes it again
    page.keyboard.press("Enter")
    assert not organisations.is_visible()

    page.set_viewport_size({"width": 1280, "height": 800})
    assert organisations.is_visible()  # the sidebar, open without a click
    assert not control.is_visible()
    assert facets.bounding_box()["x"] > results.first.bounding_box()["x"]


def test_open_an_article_and_follow_an_entity(archive, page):
    article = archive["002_a6d354069dc08d8b.txt"]
    page.goto("/articles/")
    page.get_by_role("link", name=article.title).click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == article.title

    page.locator(".body").get_by_role("link", name="Salim bin Mohammed AlMalik").click()
    page.wait_for_url("**/people/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Salim bin Mohammed AlMalik"
    assert page.get_by_role("link", name=article.title).is_visible()


def test_timeline_bars_lead_to_their_month(archive, page):
    page.goto("/")
    page.locator('.timeline a[aria-label^="April 2025"]').click()
    page.wait_for_url("**/articles/2025/4/")
    assert "April 2025" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_role("link", name=archive["002_a6d354069dc08d8b.txt"].title).is_visible()


def test_timeline_labels_years_and_shows_a_month_of_one_article(archive, page, artefacts):
    # June 2021 with 300 more articles: October 2025's one article is 1/300 of the peak.
    Article.objects.bulk_create(
        Article(
            title=f"Busy month {n}",
            slug=f"busy-month-{n}",
            body=f"Body {n}.",
            published=dt.date(2021, 6, 15),
            content_hash=f"{n:064x}",  # 64 characters, as the column holds
        )
        for n in range(300)
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    axis = page.locator(".timeline-axis")
    for year in ("2021", "2022", "2023", "2024", "2025"):
        assert axis.get_by_text(year, exact=True).is_visible()
    label = axis.get_by_text("2023", exact=True)
    narrow = label.bounding_box()
    one = page.locator('.timeline a[aria-label="October 2025: 1 article"] rect')
    assert one.bounding_box()["height"] >= 2
    shot = artefacts / "timeline-390px.png"
    shot.unlink(missing_ok=True)
    page.locator(".timeline").screenshot(path=str(shot))
    assert shot.stat().st_size > 0

    page.set_viewport_size({"width": 1280, "height": 800})
    wide = label.bounding_box()
    # The labels keep their shape when the bars stretch.
    assert abs(wide["width"] - narrow["width"]) < 1 and abs(wide["height"] - narrow["height"]) < 1
    assert one.bounding_box()["height"] >= 2


def test_admin_rename_shows_on_the_page_and_in_search_facets(
    archive, page, django_user_model, live_server
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "s3cret-pass")
    icesco = Organisation.objects.get(acronym="ICESCO")

    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("s3cret-pass")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/archive/organisation/{icesco.pk}/change/")
    page.locator("#id_name").fill("ICESCO (Islamic World Educational Organisation)")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/admin/archive/organisation/")

    page.goto(icesco.get_absolute_url())
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("ICESCO (Islamic World Educational Organisation)")
    page.goto("/search/?q=ICESCO")
    facets = page.get_by_role("complementary", name="Filters")
    assert facets.get_by_role("link", name=re.compile(r"ICESCO \(Islamic World")).is_visible()

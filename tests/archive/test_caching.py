"""The archive's revision number and the reads cached under it.

These tests commit for real (``transaction=True``): the revision is bumped when a
transaction commits, and a transaction with uncommitted writes reads around the
cache, so inside pytest-django's usual rolled-back test transaction nothing is
ever cached.
"""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.caching import CachedPaginator, current_revision
from archive.models import Article, Interaction, Office, PersonRole, Tenure
from archive.selectors import article_count
from archive.signals import LINK_MODELS, articles_changed, bulk_write_finished
from tests.archive.admin_helpers import rename_organisation_in_admin
from tests.search.factories import ArticleFactory, OrganisationFactory, PersonFactory, mention

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive():
    """Three articles in which one person and one organisation appear together."""
    organisation = OrganisationFactory(name="Zanzibar Maritime Council", slug="zmc")
    person = PersonFactory(name="Amina Harbourmaster", slug="amina-harbourmaster")
    articles = [
        ArticleFactory(title=f"Harbour talks, round {n}", published=dt.date(2025, n, 1))
        for n in (1, 2, 3)
    ]
    for article in articles:
        mention(article, organisation)
        mention(article, person)
    return {"organisation": organisation, "person": person, "articles": articles}


# The revision


def test_a_transaction_bumps_the_revision_once_when_it_commits():
    before = current_revision()
    with transaction.atomic():
        for _ in range(3):
            PersonFactory()
        assert current_revision() == before  # not before the rows are visible
    assert current_revision() == before + 1


def test_a_rolled_back_transaction_leaves_the_revision_alone():
    before = current_revision()
    with pytest.raises(RuntimeError), transaction.atomic():
        PersonFactory()
        raise RuntimeError
    assert current_revision() == before


def test_a_write_outside_a_transaction_counts_at_once():
    before = current_revision()
    person = PersonFactory()
    person.delete()
    assert current_revision() == before + 2


@pytest.mark.parametrize("signal", [articles_changed, bulk_write_finished])
def test_the_archives_own_announcements_count(signal):
    before = current_revision()
    signal.send(sender=Article, ids=[])
    assert current_revision() == before + 1


def test_every_archive_model_announces_its_writes():
    for model in apps.get_app_config("archive").get_models(include_auto_created=True):
        if model._meta.auto_created:  # Event's participants, set with .set()/.add()
            assert m2m_changed.has_listeners(model), model
            continue
        assert post_save.has_listeners(model), model
        if model.__name__ not in LINK_MODELS:
            assert post_delete.has_listeners(model), model


# Cached reads


def test_a_transaction_reads_its_own_writes_and_caches_none_of_them(archive, page_cache):
    assert article_count() == 3
    with transaction.atomic():
        ArticleFactory()
        assert article_count() == 4
        transaction.set_rollback(True)
    assert article_count() == 3


def test_an_admin_rename_shows_at_once_where_the_old_name_was_cached(
    archive, page_cache, client, staff_client
):
    person_page = archive["person"].get_absolute_url()
    home = reverse("archive:home")
    for url in (person_page, home):
        assert "Zanzibar Maritime Council" in client.get(url).content.decode()

    before = current_revision()
    organisation = archive["organisation"]
    rename_organisation_in_admin(
        staff_client, organisation, "Zanzibar Ports Authority", organisation.slug
    )
    assert current_revision() == before + 1  # the whole admin save: one transaction

    for url in (person_page, home):
        content = client.get(url).content.decode()
        assert "Zanzibar Ports Authority" in content
        assert "Zanzibar Maritime Council" not in content


def _delete_in_admin(staff_client, row, how: str) -> None:
    """Delete ``row`` as an editor would: ticked in its list ("action"), or from its own page."""
    opts = row._meta
    if how == "action":
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [row.pk], "post": "yes"}
    else:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[row.pk])
        data = {"post": "yes"}
    assert staff_client.post(url, data).status_code == 302
    assert not type(row).objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("how", ["action", "page"])
@pytest.mark.parametrize("entity", ["person", "organisation"])
def test_an_admin_delete_of_a_mention_shows_at_once(
    archive, page_cache, client, staff_client, entity, how
):
    page, gone = archive[entity].get_absolute_url(), archive["articles"][0]
    content = client.get(page).content.decode()
    assert "3 articles" in content and gone.get_absolute_url() in content

    before = current_revision()
    _delete_in_admin(staff_client, archive[entity].mentions.get(article=gone), how)
    assert current_revision() == before + 1

    content = client.get(page).content.decode()
    assert "2 articles" in content and gone.get_absolute_url() not in content


@pytest.mark.parametrize("how", ["action", "page"])
def test_an_admin_delete_of_a_role_shows_at_once(archive, page_cache, client, staff_client, how):
    person = archive["person"]
    role = PersonRole.objects.create(
        person=person, title="Harbour Commissioner", article=archive["articles"][0]
    )
    assert "Harbour Commissioner" in client.get(person.get_absolute_url()).content.decode()

    before = current_revision()
    _delete_in_admin(staff_client, role, how)
    assert current_revision() == before + 1
    assert "Harbour Commissioner" not in client.get(person.get_absolute_url()).content.decode()


@pytest.mark.parametrize("how", ["action", "page"])
def test_an_admin_delete_of_an_entity_bumps_the_revision_once(
    archive, page_cache, client, staff_client, how
):
    page = archive["articles"][0].get_absolute_url()
    assert "Zanzibar Maritime Council" in client.get(page).content.decode()

    before = current_revision()
    _delete_in_admin(staff_client, archive["organisation"], how)
    assert current_revision() == before + 1
    assert "Zanzibar Maritime Council" not in client.get(page).content.decode()


def test_an_ingest_shows_at_once_on_pages_read_before_it(archive, page_cache, client, tmp_path):
    home, articles = reverse("archive:home"), reverse("archive:article-list")
    assert "3 articles" in client.get(home).content.decode()
    assert client.get(articles).context["paginator"].count == 3

    new = tmp_path / "new.jsonl"
    record = {
        "title": "Harbour talks resume in Stone Town",
        "published": "2025-04-02",
        "text": "Delegations met in Stone Town on Wednesday to resume the harbour talks.",
        "url": "https://example.org/harbour-talks-resume",
    }
    new.write_text(json.dumps(record) + "\n")
    call_command("ingest", str(new), stdout=StringIO(), stderr=StringIO())

    assert "4 articles" in client.get(home).content.decode()
    listed = client.get(articles)
    assert listed.context["paginator"].count == 4
    assert listed.context["object_list"][0].title == record["title"]


def test_a_deleted_article_leaves_every_cached_list_at_once(archive, page_cache, client):
    gone = archive["articles"][-1]
    url, entity_page = gone.get_absolute_url(), archive["organisation"].get_absolute_url()
    assert url in client.get(entity_page).content.decode()
    gone.delete()
    content = client.get(entity_page).content.decode()
    assert url not in content
    assert "2 articles" in content


def test_the_encounters_list_follows_an_editors_rejection_and_a_new_participant(
    archive, page_cache, client
):
    person, organisation = archive["person"], archive["organisation"]
    meeting = Interaction.objects.create(kind="meeting", date=dt.date(2025, 2, 1))
    meeting.participants.create(person=person)
    meeting.sources.create(article=archive["articles"][1], sentence="They met in Stone Town.")
    url = reverse("archive:interaction-list")
    assert "They met in Stone Town." in client.get(url).content.decode()
    assert organisation.name not in client.get(url).content.decode()

    meeting.participants.create(organisation=organisation)
    assert organisation.name in client.get(url).content.decode()
    meeting.rejected = True
    meeting.save()
    assert "They met in Stone Town." not in client.get(url).content.decode()


def test_the_office_index_follows_a_new_tenure(archive, page_cache, client):
    office = Office.objects.create(
        title="Harbour Master",
        key="harbour master|zmc",
        slug="harbour-master",
        organisation=archive["organisation"],
    )
    url = reverse("archive:office-list")
    assert "Harbour Master" not in client.get(url).content.decode()
    Tenure.objects.create(office=office, person=archive["person"], start=dt.date(2025, 1, 1))
    page = client.get(url).content.decode()
    assert "Harbour Master" in page and archive["person"].name in page


def test_a_cached_page_reads_the_revision_once_and_its_own_rows(archive, page_cache, client):
    urls = [
        reverse("archive:home"),
        reverse("archive:article-list"),
        reverse("archive:organisation-list"),
        archive["person"].get_absolute_url(),
        archive["organisation"].get_absolute_url(),
    ]
    for url in urls:
        client.get(url)
    for url in urls:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        sql = [query["sql"] for query in context.captured_queries]
        assert sum("archive_revision" in query for query in sql) == 1, url
        assert not any("COUNT(" in query for query in sql), url  # counts come from the cache
    with CaptureQueriesContext(connection) as context:
        client.get(reverse("archive:home"))
    assert len(context.captured_queries) == 2  # the revision, the latest articles


def test_cached_pages_cost_as_many_queries_when_the_archive_grows(archive, page_cache, client):
    urls = [reverse("archive:home"), archive["organisation"].get_absolute_url()]

    def queries(url):
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        return len(context.captured_queries)

    small = [(queries(url), queries(url)) for url in urls]  # computed, then cached
    for n in range(30):
        mention(ArticleFactory(published=dt.date(2024, 1 + n % 12, 1)), archive["organisation"])
    assert [(queries(url), queries(url)) for url in urls] == small


def test_a_cached_entity_page_reads_just_the_entity_and_the_revision(archive, page_cache, client):
    for n in range(25):
        mention(ArticleFactory(published=dt.date(2024, 1 + n % 12, 1)), archive["person"])
    page = archive["person"].get_absolute_url()
    urls = [page, f"{page}?page=2", f"{page}?page=last"]
    first = [client.get(url).content for url in urls]
    for url, content in zip(urls, first, strict=True):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).content == content
        assert len(context.captured_queries) == 2, url


def test_a_page_of_an_entity_that_was_missing_appears_with_its_articles(
    archive, page_cache, client
):
    url = f"{archive['person'].get_absolute_url()}?page=2"
    assert client.get(url).status_code == 404
    for _ in range(20):
        mention(ArticleFactory(), archive["person"])
    assert client.get(url).status_code == 200


# Pages of articles


def test_a_cached_page_holds_the_same_articles_as_plain_pagination(page_cache):
    for n in range(45):
        day = None if n % 9 == 0 else dt.date(2025, 1 + n % 5, 1 + n % 3)  # ties and undated
        ArticleFactory(published=day)
    articles = Article.objects.with_source().newest_first()
    for number in (1, 2, 3):
        plain = list(Paginator(articles, 20).page(number).object_list)
        assert CachedPaginator(articles, 20).page(number).object_list == plain
        assert CachedPaginator(articles, 20).page(number).object_list == plain  # from the cache

"""update_index and rebuild_index: one worker process per core by default.

Committed for real (``transaction=True``): the worker processes read the
articles through database connections of their own.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command, get_commands, load_command_class
from haystack.query import SearchQuerySet

from archive.models import Article
from conftest import SEEDS_DIR
from search.indexing import index_drift

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive():
    call_command("ingest", str(SEEDS_DIR), stdout=StringIO(), stderr=StringIO())
    return Article.objects.count()


def test_rebuild_index_in_worker_processes_indexes_every_article(archive):
    # A batch per article: the workers' segments are joined to the index in turns.
    call_command("rebuild_index", interactive=False, workers=2, batchsize=1, verbosity=0)
    assert SearchQuerySet().models(Article).count() == archive == 4
    assert not index_drift().found


def test_update_index_after_a_change_indexes_it_in_a_worker(archive):
    article = Article.objects.order_by("pk").first()
    Article.objects.filter(pk=article.pk).update(title="Zanzibarian summit")
    call_command("update_index", workers=2, verbosity=0)
    assert [hit.pk for hit in SearchQuerySet().filter(content="Zanzibarian")] == [str(article.pk)]
    assert SearchQuerySet().models(Article).count() == archive


@pytest.mark.parametrize("command", ["update_index", "rebuild_index"])
@pytest.mark.parametrize(("processes", "workers"), [(1, 0), (2, 2), (4, 4)])
def test_the_commands_use_a_worker_per_core_unless_there_is_one(
    settings, command, processes, workers
):
    settings.SEARCH_INDEX_PROCESSES = processes
    assert get_commands()[command] == "search"  # haystack's own are replaced
    parser = load_command_class("search", command).create_parser("manage.py", command)
    assert parser.parse_args([]).workers == workers

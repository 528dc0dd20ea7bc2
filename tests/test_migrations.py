from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.text import slugify

from archive.extraction.normalize import name_key
from archive.models import Event, Organisation, Person, Place


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_existing_entities_get_their_sort_names_when_migrating():
    before = [("archive", "0004_article_newest_index")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    try:
        old_apps = executor.loader.project_state(before).apps
        for model_name, name in [
            ("organisation", "Élysée Treaty"),
            ("organisation", "al-Qaida"),
            ("person", "ÖZGÜR Demir"),
            ("place", "Łódź"),
            ("event", "ACE Summit"),
        ]:
            model = old_apps.get_model("archive", model_name)
            model.objects.create(name=name, slug=slugify(name), key=name_key(name))
        executor = MigrationExecutor(connection)
        executor.migrate([("archive", "0005_entity_sort_name")])
    finally:
        MigrationExecutor(connection).migrate(latest)

    assert dict(Organisation.objects.values_list("name", "sort_name")) == {
        "Élysée Treaty": "elysee treaty",
        "al-Qaida": "al-qaida",
    }
    assert Person.objects.get().sort_name == "ozgur demir"
    assert Place.objects.get().sort_name == "lodz"
    assert Event.objects.get().sort_name == "ace summit"
    assert list(Organisation.objects.values_list("name", flat=True)) == [
        "al-Qaida",
        "Élysée Treaty",
    ]

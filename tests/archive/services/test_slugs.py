"""New entities get the slugs creating them one by one would give them."""

from __future__ import annotations

import pytest
from django.db import transaction

from archive.models import Person
from archive.services.slugs import assign_slugs, unique_slug


@pytest.mark.django_db
def test_new_entities_get_the_slugs_one_by_one_creation_gives_them():
    for name in ["Smith", "Smith 2", "Jones", "Jones 3"]:
        Person.objects.create(name=name, slug=unique_slug(Person, name))
    names = ["Smith", "smith", "Smith 2", "Jones", "Jones", "Jones 3", "Taha", "Taha"]

    expected = []
    with transaction.atomic():
        for name in names:
            expected.append(Person.objects.create(name=name, slug=unique_slug(Person, name)).slug)
        transaction.set_rollback(True)
    new = [Person(name=name) for name in names]
    assign_slugs(Person, new, fallback="person")

    assert [person.slug for person in new] == expected
    assert expected == [
        "smith-3",
        "smith-4",
        "smith-2-2",
        "jones-2",
        "jones-4",
        "jones-3-2",
        "taha",
        "taha-2",
    ]

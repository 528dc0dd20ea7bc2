"""Fixtures the archive's page and admin tests share."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def staff_client(django_user_model):
    """A signed-in editor, beside the anonymous ``client`` a test reads pages with."""
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client

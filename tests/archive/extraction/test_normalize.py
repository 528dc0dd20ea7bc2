"""name_key: the key under which names resolve across the archive."""

from __future__ import annotations

import pytest

from archive.extraction.normalize import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Organisation of Islamic Cooperation", "organization of islamic co-operation"),
        ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
        (
            "Islamic World Educational, Scientific and Cultural Organization",
            "Islamic World Educational, Scientific, and Cultural Organisation",
        ),
        ("International Labour Organisation", "International Labor Organization"),
        ("The Hague", "Hague"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Türkiye", "Turkiye"),
        ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
        ("Azerbaijan’s", "Azerbaijan's"),
        ("Co-ordination Centre", "Coordination Center"),
        ("Ahmad  Kawesa\tSengendo", "ahmad kawesa sengendo"),
    ],
)
def test_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OIC", "OIC Contact Group"),
        ("Second Karabakh War", "First Karabakh War"),
        ("Niger", "Nigeria"),
        ("Theodore", "The Odore"),
    ],
)
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_key_is_plain_lower_case_words():
    assert name_key("  The Organisation of Islamic Cooperation (OIC)! ") == (
        "organization of islamic cooperation oic"
    )
    assert name_key("") == ""

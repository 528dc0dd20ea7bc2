"""name_key: the key under which names resolve across the archive; sort_key: A–Z order."""

from __future__ import annotations

import pytest

from archive.extraction.normalize import name_key, sort_key


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


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ACE", "ace"),
        ("Access to COVID-19 Tools", "access to covid-19 tools"),
        ("Élysée Treaty", "elysee treaty"),
        ("al-Qaida", "al-qaida"),
        ("Straße  von\tHormuz", "strasse von hormuz"),
        ("Øresund Łódź Æthelred", "oresund lodz aethelred"),
        ("“Quoted” Forum", "quoted” forum"),
        ("---", "---"),
    ],
)
def test_sort_key_folds_case_and_accents_and_keeps_the_words(name, key):
    assert sort_key(name) == key


def test_sort_keys_put_names_in_dictionary_order():
    names = ["AUKUS", "Élysée Treaty", "al-Qaida", "Access to COVID-19 Tools", "ACE", "Zagreb"]
    assert sorted(names, key=sort_key) == [
        "Access to COVID-19 Tools",
        "ACE",
        "al-Qaida",
        "AUKUS",
        "Élysée Treaty",
        "Zagreb",
    ]

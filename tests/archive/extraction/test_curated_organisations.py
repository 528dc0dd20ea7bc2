"""Organisations no rule finds from the words around them, known from the
hand-curated list (issue 17): platforms, companies, broadcasters and their
programmes, foundations. Made-up sentences, with the ordinary-word risks."""

from __future__ import annotations

from archive.extraction.extractor import default_extractor


def found(text: str) -> dict[str, tuple[str, str, str]]:
    """Each span's text -> (kind, canonical name, organisation kind)."""
    spans = default_extractor().analyse("", text).spans
    return {s.text: (s.kind, s.entity.name, s.entity.org_kind) for s in spans}


def test_platforms_are_companies():
    spans = found("Follow the Embassy of Zarvella on Twitter, Facebook and Telegram .")
    assert spans["Twitter"] == ("organisation", "Twitter", "company")
    assert spans["Facebook"] == ("organisation", "Facebook", "company")
    assert spans["Telegram"] == ("organisation", "Telegram", "company")


def test_airline_named_only_by_its_flight():
    spans = found("Officials diverted a Ryanair flight to land in Minsk .")
    assert spans["Ryanair"] == ("organisation", "Ryanair", "company")


def test_broadcaster_its_programme_and_a_foundation():
    text = (
        "The minister told NBC's Meet the Press that the Bill & Melinda Gates "
        "Foundation and Saudi Aramco would fund the clinic ."
    )
    spans = found(text)
    assert spans["NBC"] == ("organisation", "NBC", "media")
    # A news programme is its broadcaster's: "Meet the Press" names NBC.
    assert spans["Meet the Press"] == ("organisation", "NBC", "media")
    foundation = ("organisation", "Bill & Melinda Gates Foundation", "ngo")
    assert spans["Bill & Melinda Gates Foundation"] == foundation
    assert spans["Saudi Aramco"] == ("organisation", "Saudi Aramco", "company")


def test_alias_resolves_to_the_canonical_name():
    spans = found("Shares of Exxon and Aramco rose in early trading .")
    assert spans["Exxon"] == ("organisation", "ExxonMobil", "company")
    assert spans["Aramco"] == ("organisation", "Saudi Aramco", "company")


def test_ordinary_words_and_names_are_not_companies():
    # Listed only in forms news does not use otherwise: "Apple Inc.", "Amazon.com",
    # "Meta Platforms", "Emirates Airline".
    assert "Apple" not in found("Apple orchards in the valley were damaged by frost .")
    assert found("Apple Inc. opened an office in Baku .")["Apple Inc."][2] == "company"
    assert "Amazon" not in found("Fires in the Amazon rose sharply this year .")
    president = found("President Meta said Albania was ready to help .")["Meta"]
    assert president[0] == "person"
    uae = found("The Emirates condemned the attack .")["Emirates"]
    assert uae[:2] == ("place", "United Arab Emirates")
    assert "60 Minutes" not in found("The meeting lasted 60 minutes .")

"""Shared helpers for the search tests."""

from __future__ import annotations

from django.urls import reverse

SEARCH = reverse("search:search")
SEEDS = {
    "000": "000_559ac3be9b7589b6.txt",
    "001": "001_7ce36fb11aacb69e.txt",
    "002": "002_a6d354069dc08d8b.txt",
    "003": "003_6d2201c64f15c868.txt",
}


def found(response) -> set[str]:
    """Seed numbers ("000" …) of the articles a search page shows."""
    names = {name: number for number, name in SEEDS.items()}
    return {
        names.get(r["article"].source_file, r["article"].title) for r in response.context["results"]
    }


def in_order(response) -> list[str]:
    names = {name: number for number, name in SEEDS.items()}
    return [
        names.get(r["article"].source_file, r["article"].title) for r in response.context["results"]
    ]

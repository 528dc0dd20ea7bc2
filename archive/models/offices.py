"""Offices and who held them when.

An office is a title held in a country or an organisation ("Prime Minister"
of Israel, "Secretary General" of the OIC). A tenure is one person's holding
of one office, with the dates the archive knows and where they come from:
the articles' text (each dated mention of the person with the title), the
reference data shipped with the product (the CIA World Factbook's heads of
state and government, history.state.gov's U.S. principal officers), or an
editor, whose word wins and survives ``reextract``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse


class Office(models.Model):
    title = models.CharField(max_length=300)
    # The title's name_key, the owner's kind and id: one office however it is written.
    key = models.CharField(max_length=340, unique=True, editable=False)
    country = models.ForeignKey(
        "Place", null=True, blank=True, on_delete=models.CASCADE, related_name="offices"
    )
    organisation = models.ForeignKey(
        "Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="offices"
    )
    # One holder at a time: a successor closes the predecessor's tenure.
    single = models.BooleanField(default=False)
    slug = models.SlugField(max_length=360, unique=True)

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=True) ^ Q(organisation__isnull=True),
                name="office_held_in_one_place_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("archive:office", kwargs={"slug": self.slug})

    @property
    def owner(self):
        return self.country or self.organisation

    @property
    def name(self) -> str:
        """The office as a heading names it (and its slug is made from)."""
        return f"{self.title} {self.owner.name}"


class Tenure(models.Model):
    class Source(models.TextChoices):
        TEXT = "text", "Articles"
        REFERENCE = "reference", "Reference data"
        EDITOR = "editor", "Editor"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="tenures")
    person = models.ForeignKey("Person", on_delete=models.CASCADE, related_name="tenures")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    # The first and last day an article shows the person holding the office.
    first_seen = models.DateField(null=True, blank=True, editable=False)
    last_seen = models.DateField(null=True, blank=True, editable=False)
    evidence = models.PositiveIntegerField(default=0, editable=False)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.TEXT)
    # "acting", "interim": how the articles qualify the holding.
    qualifier = models.CharField(max_length=20, blank=True)
    # Another holder is seen in the same office within this tenure's dates.
    conflict = models.BooleanField(default=False, editable=False)
    # An editor's "this person never held this office": inference leaves it out.
    rejected = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["office", "-start", "-first_seen", "pk"]
        indexes = [models.Index(fields=["office", "start"], name="tenure_office_start_idx")]

    def __str__(self) -> str:
        return f"{self.person} as {self.office}"

    def holds_on(self, day) -> bool:
        """Whether the tenure covers ``day`` (an open start is the first day seen)."""
        start = self.start or self.first_seen
        return start is not None and start <= day and (self.end is None or day < self.end)


class OfficeMention(models.Model):
    """An office an article names without its holder ("the Israeli Prime Minister")."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="office_mentions")
    title = models.CharField(max_length=300)
    office = models.ForeignKey(
        Office, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    count = models.PositiveIntegerField(default=1)
    first_offset = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["article", "first_offset"]
        constraints = [
            models.UniqueConstraint(fields=["article", "title"], name="office_mention_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} in {self.article}"

"""Encounters: meetings, calls, visits, talks, agreements and joint statements, each
one record with its participants and the articles and sentences that report it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Interaction(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        CALL = "call", "Call"
        VISIT = "visit", "Visit"
        TALKS = "talks", "Talks"
        AGREEMENT = "agreement", "Agreement signed"
        JOINT_STATEMENT = "joint statement", "Joint statement"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        PLANNED = "planned", "Planned"

    class Precision(models.TextChoices):
        DAY = "day", "The day the text gives"
        REPORTED = "reported", "On or before the report"
        UNKNOWN = "", "Unknown"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.HELD)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=Precision.choices, blank=True, default=Precision.UNKNOWN
    )
    place = models.ForeignKey(
        "Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="interactions"
    )
    host_person = models.ForeignKey(
        "Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted"
    )
    host_organisation = models.ForeignKey(
        "Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted"
    )
    # An editor changed it: rebuilding from the articles leaves it as it is.
    edited = models.BooleanField(default=False)
    # An editor's "this is no encounter": hidden, and not found again.
    rejected = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date", "kind"], name="interaction_date_kind_idx")]

    def __str__(self) -> str:
        names = ", ".join(p.entity.name for p in self.participants.all()[:4])
        return f"{self.get_kind_display()}: {names} ({self.date or 'date unknown'})"

    @property
    def host(self):
        return self.host_person or self.host_organisation


class InteractionParticipant(models.Model):
    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "Person", null=True, blank=True, on_delete=models.CASCADE, related_name="interactions"
    )
    organisation = models.ForeignKey(
        "Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    # The office the person held as the source wrote it ("Foreign Minister of Ukraine").
    role = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["interaction", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=True) ^ Q(organisation__isnull=True),
                name="participant_is_a_person_or_an_organisation",
            ),
        ]

    def __str__(self) -> str:
        return str(self.entity)

    @property
    def entity(self):
        return self.person or self.organisation


class InteractionSource(models.Model):
    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="interaction_sources"
    )
    sentence = models.TextField()

    class Meta:
        ordering = ["interaction", "article__published", "pk"]

    def __str__(self) -> str:
        return f"{self.article}: {self.sentence[:80]}"

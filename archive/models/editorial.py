"""Editors' decisions that extraction must honour."""

from __future__ import annotations

from django.db import models

from archive.extraction.normalize import name_key

KIND_CHOICES = [
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("place", "Place"),
    ("event", "Event"),
]


class RejectedName(models.Model):
    """A surface form that is not an entity (of one kind, or of any kind)."""

    kind = models.CharField(
        max_length=20, choices=KIND_CHOICES, blank=True, help_text="Blank: of any kind."
    )
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="rejected_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (not {'an entity' if not self.kind else 'a ' + self.kind})"

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class EntityRedirect(models.Model):
    """An entity page that moved: merged into another entity, or renamed."""

    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    old_slug = models.SlugField(max_length=320)
    target_id = models.PositiveBigIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "old_slug"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_slug"], name="entity_redirect_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.old_slug} → {self.target_id}"

"""Copies: one story published by several outlets, grouped, with its first publisher."""

from __future__ import annotations

from django.db import models


class CopyGroup(models.Model):
    """Articles that are copies of one story (verbatim, cut short or lightly edited)."""

    class Doubt(models.TextChoices):
        NONE = "", "Certain"
        TIE = "tie", "Published at the same time"
        UNKNOWN = "unknown", "Publication times not known precisely enough"

    # The earliest-published copy. When ``doubt`` is set it is only the likeliest:
    # pages say so rather than name it outright.
    first = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    doubt = models.CharField(max_length=8, choices=Doubt.choices, blank=True, default=Doubt.NONE)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"Copies of {self.first}" if self.first_id else f"Copy group {self.pk}"


class CopyKey(models.Model):
    """One locality-sensitive hash of an article's text (a MinHash band): articles
    sharing a key are compared when one of them arrives."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="copy_keys")
    key = models.BigIntegerField()
    # The article's publication date, kept here so that looking up a key skips
    # the articles published too long before or after to be copies (a yearly
    # statement repeated word for word).
    day = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["key", "day", "article"], name="copykey_key_day_idx")]

    def __str__(self) -> str:
        return f"{self.key:016x}"

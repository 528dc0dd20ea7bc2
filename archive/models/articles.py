"""Articles and the outlets that publish them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse


class SourceManager(models.Manager["Source"]):
    def get_by_natural_key(self, slug: str) -> Source:
        return self.get(slug=slug)


class Source(models.Model):
    """A news outlet or publishing office."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    website = models.URLField(blank=True)

    objects = SourceManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("archive:source", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ArticleQuerySet(models.QuerySet["Article"]):
    def newest_first(self) -> ArticleQuerySet:
        # Undated articles go last: "unknown" is not "newest".
        return self.order_by(
            models.F("published").desc(nulls_last=True),
            models.F("published_at").desc(nulls_last=True),
            "-pk",
        )

    def with_source(self) -> ArticleQuerySet:
        return self.select_related("source")


class Article(models.Model):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120)
    lead = models.TextField(blank=True)
    body = models.TextField()
    # The date the source states; null when it states none. Dates are never invented.
    published = models.DateField(null=True, blank=True)
    # The exact moment, stored in UTC, when the source gives a time.
    published_at = models.DateTimeField(null=True, blank=True)
    # The source's own UTC offset in minutes, to show the time as the source did.
    published_offset = models.SmallIntegerField(null=True, blank=True)
    author = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=16, default="en")
    # SHA-256 of the normalised title and body: an outlet stores a text once;
    # another outlet's (or URL's) identical text is stored as a copy.
    content_hash = models.CharField(max_length=64)
    source_file = models.CharField(max_length=500, blank=True)
    # The group of copies of the same story it belongs to, if any.
    copy_group = models.ForeignKey(
        "CopyGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # An editor (or a read-back export) put it in its group or took it out of one:
    # finding copies again leaves it where it is.
    copy_pinned = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    persons = models.ManyToManyField("Person", through="PersonMention", related_name="articles")
    organisations = models.ManyToManyField(
        "Organisation", through="OrganisationMention", related_name="articles"
    )
    places = models.ManyToManyField("Place", through="PlaceMention", related_name="articles")
    events = models.ManyToManyField("Event", through="EventMention", related_name="articles")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-pk"]
        indexes = [
            # Newest first, as lists show articles; serves date lookups too.
            models.Index(fields=["published", "published_at"], name="article_newest_idx"),
            models.Index(fields=["url"], name="article_url_idx"),
            models.Index(fields=["source_file"], name="article_source_file_idx"),
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
        ]
        constraints = [
            # Two processes storing the same record at once: one wins, the other
            # finds it stored.
            models.UniqueConstraint(
                fields=["content_hash", "url", "source"], name="article_one_text_per_url_source"
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(published__isnull=False),
                name="article_time_needs_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:article", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def local_published_at(self) -> dt.datetime | None:
        """The publication time in the source's own offset."""
        if self.published_at is None:
            return None
        offset = dt.timezone(dt.timedelta(minutes=self.published_offset or 0))
        return self.published_at.astimezone(offset)

    @property
    def utc_offset(self) -> str:
        """The source's own offset as pages show it: ``UTC``, ``UTC+04:00``, ``UTC-05:00``."""
        minutes = self.published_offset or 0
        if not minutes:
            return "UTC"
        hours, minutes = divmod(abs(minutes), 60)
        return f"UTC{'+' if self.published_offset > 0 else '-'}{hours:02}:{minutes:02}"

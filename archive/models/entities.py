"""People, organisations, places and events that articles mention.

Each entity has one canonical name and a unique slug; the surface forms seen in
text are its aliases. ``key`` is the normalised name under which the archive
resolves mentions to entities (see ``archive.extraction.normalize.name_key``);
``sort_name`` is the name as A–Z lists sort and file it (``sort_key``).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from archive.extraction.normalize import name_key, sort_key


class EntityManager(models.Manager):
    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class SortNameField(models.CharField):
    """Text compared code point by code point on every database.

    SQLite compares text so by default; PostgreSQL's default collation follows
    the server's locale (which skips spaces and hyphens, among others), so the
    column takes the "C" collation there. Sorting by it then gives one order on
    both, and its index serves ``ORDER BY`` and prefix ranges alike.
    """

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters


class Entity(models.Model):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    key = models.CharField(max_length=300, db_index=True, editable=False)
    sort_name = SortNameField(max_length=300, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EntityManager()

    url_name: str = ""

    class Meta:
        abstract = True
        ordering = ["sort_name", "pk"]
        indexes = [models.Index(fields=["sort_name", "id"], name="%(class)s_sort_name_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.set_name_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(f"archive:{self.url_name}", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def set_name_keys(self) -> None:
        """Derive the keys the archive resolves and sorts the entity by from its name."""
        self.key = name_key(self.name)
        self.sort_name = sort_key(self.name)[: self._meta.get_field("sort_name").max_length]


class Person(Entity):
    url_name = "person"

    class Meta(Entity.Meta):
        verbose_name_plural = "people"


class Organisation(Entity):
    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental organisation"
        GOVERNMENT = "government", "Government body"
        COMPANY = "company", "Company"
        NGO = "ngo", "Non-governmental organisation"
        MEDIA = "media", "Media"
        OTHER = "other", "Other"

    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    url_name = "organisation"

    class Meta(Entity.Meta):
        indexes = [
            *Entity.Meta.indexes,
            models.Index(fields=["acronym"], name="organisation_acronym_idx"),
        ]


class Place(Entity):
    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        CITY = "city", "City"
        REGION = "region", "Region"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places_within",
        limit_choices_to={"kind": Kind.COUNTRY},
    )

    url_name = "place"


class Event(Entity):
    class Kind(models.TextChoices):
        SUMMIT = "summit", "Summit"
        FORUM = "forum", "Forum"
        CONFERENCE = "conference", "Conference"
        SESSION = "session", "Session"
        VISIT = "visit", "Official visit"
        MEETING = "meeting", "Meeting"
        WAR = "war", "War"
        AGREEMENT = "agreement", "Agreement"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    # Who took part, where the text says so (an "OIC Summit" involves the OIC).
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="events")
    persons = models.ManyToManyField(Person, blank=True, related_name="events")

    url_name = "event"

    class Meta(Entity.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            ),
        ]


class Alias(models.Model):
    """A surface form seen in text for an entity."""

    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="person_alias_unique"),
        ]


class OrganisationAlias(Alias):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "organisation aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="organisation_alias_unique"
            ),
        ]


class PlaceAlias(Alias):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "place aliases"
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="place_alias_unique"),
        ]


class EventAlias(Alias):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "event aliases"
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="event_alias_unique"),
        ]


class PersonRole(models.Model):
    """A title a person held, as an article stated it on a given date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=300)
    seen_on = models.DateField(null=True, blank=True)
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )
    # The office the title names (archive.services.offices), and whether the
    # article shows it held that day ("") or "former", "acting", "incoming"...
    office = models.ForeignKey(
        "Office", null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    # db_default: rows are also inserted in bulk without it (services.bulk).
    qualifier = models.CharField(max_length=20, blank=True, db_default="")

    class Meta:
        ordering = ["person", "-seen_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "title", "article"], name="person_role_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.title}"

"""Article-to-entity links: how often and where an article mentions an entity."""

from __future__ import annotations

from django.db import models


class Mention(models.Model):
    article = models.ForeignKey("Article", on_delete=models.CASCADE)
    count = models.PositiveIntegerField(default=1)
    # Offset of the first mention in the body; null when only the title names it.
    first_offset = models.PositiveIntegerField(null=True, blank=True)

    entity_field: str = ""

    class Meta:
        abstract = True
        ordering = ["article", "-count"]

    def __str__(self) -> str:
        return f"{self.entity} in {self.article}"

    @property
    def entity(self):
        return getattr(self, self.entity_field)


class PersonMention(Mention):
    person = models.ForeignKey("Person", on_delete=models.CASCADE, related_name="mentions")
    # Set when the article names only the office the person held that day
    # ("the Israeli Prime Minister"): the link is inferred, not read.
    via_office = models.ForeignKey(
        "Office", null=True, blank=True, on_delete=models.CASCADE, related_name="inferred_mentions"
    )

    entity_field = "person"

    class Meta(Mention.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="person_mention_unique"),
        ]


class OrganisationMention(Mention):
    organisation = models.ForeignKey(
        "Organisation", on_delete=models.CASCADE, related_name="mentions"
    )

    entity_field = "organisation"

    class Meta(Mention.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organisation"], name="organisation_mention_unique"
            ),
        ]


class PlaceMention(Mention):
    place = models.ForeignKey("Place", on_delete=models.CASCADE, related_name="mentions")

    entity_field = "place"

    class Meta(Mention.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "place"], name="place_mention_unique"),
        ]


class EventMention(Mention):
    event = models.ForeignKey("Event", on_delete=models.CASCADE, related_name="mentions")

    entity_field = "event"

    class Meta(Mention.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "event"], name="event_mention_unique"),
        ]


class AcronymDefinition(models.Model):
    """An acronym an article defines ("the Young African Leaders Initiative (YALI)"),
    and whether its long form names a programme, plan or law rather than a body.

    Read across the archive: a programme's acronym is no organisation anywhere
    (``services/identity.programmes_in_archive``), without searching every text.
    """

    article = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="acronym_definitions"
    )
    acronym = models.CharField(max_length=40)
    programme = models.BooleanField()

    class Meta:
        indexes = [models.Index(fields=["acronym", "programme"], name="acronym_programme_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "acronym"], name="one_definition_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} in {self.article_id}"

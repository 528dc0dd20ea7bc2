from django.contrib import admin

from archive.models import (
    Article,
    Event,
    EventAlias,
    EventMention,
    Organisation,
    OrganisationAlias,
    OrganisationMention,
    Person,
    PersonAlias,
    PersonMention,
    PersonRole,
    Place,
    PlaceAlias,
    PlaceMention,
    Source,
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "updated"]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated"]
    show_full_result_count = False


def alias_inline(model):
    return type(
        f"{model.__name__}Inline",
        (admin.TabularInline,),
        {"model": model, "extra": 1, "fields": ["name"]},
    )


class PersonRoleInline(admin.TabularInline):
    model = PersonRole
    extra = 0
    fields = ["title", "seen_on", "article"]
    raw_id_fields = ["article"]


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    inlines = [alias_inline(PersonAlias), PersonRoleInline]


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    list_display = ["name", "acronym", "kind", "slug", "updated"]
    list_filter = ["kind"]
    search_fields = [*EntityAdmin.search_fields, "acronym"]
    inlines = [alias_inline(OrganisationAlias)]


@admin.register(Place)
class PlaceAdmin(EntityAdmin):
    list_display = ["name", "kind", "country", "slug"]
    list_filter = ["kind"]
    autocomplete_fields = ["country"]
    inlines = [alias_inline(PlaceAlias)]


@admin.register(Event)
class EventAdmin(EntityAdmin):
    list_display = ["name", "kind", "year", "start_date", "place"]
    list_filter = ["kind", "year"]
    autocomplete_fields = ["place"]
    inlines = [alias_inline(EventAlias)]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "source", "author", "language", "updated"]
    list_filter = ["source", "language", "published"]
    search_fields = ["title", "author", "url", "source_file"]
    date_hierarchy = "published"
    list_select_related = ["source"]
    readonly_fields = ["content_hash", "created", "updated"]
    autocomplete_fields = ["source"]
    show_full_result_count = False


class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "entity"]
    search_fields = ["name"]

    @admin.display(description="entity")
    def entity(self, alias):
        return str(getattr(alias, self.entity_field))


for alias_model, entity_field in [
    (PersonAlias, "person"),
    (OrganisationAlias, "organisation"),
    (PlaceAlias, "place"),
    (EventAlias, "event"),
]:
    admin.site.register(
        alias_model,
        type(
            f"{alias_model.__name__}Admin",
            (AliasAdmin,),
            {
                "entity_field": entity_field,
                "raw_id_fields": [entity_field],
                "list_select_related": [entity_field],
            },
        ),
    )


class MentionAdmin(admin.ModelAdmin):
    list_display = ["article", "count", "first_offset"]
    raw_id_fields = ["article"]
    list_select_related = ["article"]
    show_full_result_count = False


for mention_model, entity_field in [
    (PersonMention, "person"),
    (OrganisationMention, "organisation"),
    (PlaceMention, "place"),
    (EventMention, "event"),
]:
    admin.site.register(
        mention_model,
        type(
            f"{mention_model.__name__}Admin",
            (MentionAdmin,),
            {
                "list_display": [entity_field, *MentionAdmin.list_display],
                "raw_id_fields": [entity_field, "article"],
                "list_select_related": [entity_field, "article"],
                "search_fields": [f"{entity_field}__name", "article__title"],
            },
        ),
    )


@admin.register(PersonRole)
class PersonRoleAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "seen_on", "article"]
    search_fields = ["person__name", "title"]
    list_filter = ["seen_on"]
    raw_id_fields = ["person", "article"]
    list_select_related = ["person", "article"]

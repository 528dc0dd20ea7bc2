from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.caching import bump_revision_on_commit
from archive.models import (
    AcronymDefinition,
    Article,
    CopyGroup,
    CopyKey,
    EntityRedirect,
    Event,
    EventAlias,
    EventMention,
    Interaction,
    InteractionParticipant,
    InteractionSource,
    Office,
    OfficeMention,
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
    RejectedName,
    Source,
    Tenure,
)
from archive.services.copy_groups import join_as_copies, take_out_of_groups
from archive.services.editing import kind_of, merge_entities, move_entity_page, reject_name
from archive.services.interactions import merge_interactions
from archive.services.offices import refresh_office

admin.site.site_header = "Diplomatic News Archive"
admin.site.site_title = "Diplomatic News Archive admin"
admin.site.index_title = "Editing the archive"
admin.site.site_url = "/"

# Addresses typed without a scheme are https, as Django 6 will assume.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ArchiveAdmin(admin.ModelAdmin):
    """An archive model's admin, whose deletes count as changes to the archive.

    Saves count through the models' signals (``archive.signals``), but mentions
    and roles have no delete receivers: deleting them here, one at a time or
    ticked in a list, would send nothing the revision counts. So every model's
    admin counts its own deletes, whatever the signals listen to, in the delete's
    own transaction: the revision moves once, on commit, even where the rows'
    delete receivers count the same delete.
    """

    def delete_model(self, request, obj):
        with transaction.atomic(using=obj._state.db):
            super().delete_model(request, obj)
            bump_revision_on_commit()

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=queryset.db):
            super().delete_queryset(request, queryset)
            bump_revision_on_commit()


@admin.register(Source)
class SourceAdmin(ArchiveAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}


class EntityAdmin(ArchiveAdmin):
    list_display = ["name", "slug", "updated"]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated"]
    show_full_result_count = False
    actions = ["merge_selected", "reject_selected"]
    # Says what the actions do, above the list where editors choose them.
    change_list_template = "admin/archive/entity_change_list.html"

    def changelist_view(self, request, extra_context=None):
        alias_list = reverse(f"admin:archive_{self.model._meta.model_name}alias_changelist")
        return super().changelist_view(request, {"alias_list": alias_list, **(extra_context or {})})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        old_slug = form.initial.get("slug")
        if change and old_slug and old_slug != obj.slug:
            move_entity_page(entity=obj, old_slug=old_slug)

    @admin.action(description="Merge selected %(verbose_name_plural)s into one…")
    def merge_selected(self, request, queryset):
        entities = list(queryset.order_by("sort_name", "pk"))
        if len(entities) < 2:
            self.message_user(request, "Select at least two to merge.", messages.WARNING)
            return None
        survivor_pk = request.POST.get("survivor")
        if survivor_pk:
            survivor = next((e for e in entities if str(e.pk) == survivor_pk), None)
            if survivor is None:
                self.message_user(request, "Choose one of the selected.", messages.ERROR)
                return None
            articles = merge_entities(survivor=survivor, others=entities)
            self.message_user(
                request,
                f"Merged {len(entities) - 1} into “{survivor}”; "
                f"{len(articles)} article(s) updated.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Choose the one to keep",
            "entities": entities,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/archive/merge_entities.html", context)

    @admin.action(description="Not an entity: remove and never extract again")
    def reject_selected(self, request, queryset):
        entities = list(queryset)
        for entity in entities:
            names = [entity.name, *entity.aliases.values_list("name", flat=True)]
            for name in names:
                reject_name(name=name, kind=kind_of(entity).name)
        self.message_user(
            request, f"Rejected {len(entities)}; their names will not be extracted again."
        )


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
    autocomplete_fields = ["place", "organisations", "persons"]
    inlines = [alias_inline(EventAlias)]


@admin.register(Article)
class ArticleAdmin(ArchiveAdmin):
    """Articles; an editor groups copies of one story, or takes an article out of
    its group, with the actions (finding copies again keeps their word)."""

    formfield_overrides = URL_FIELDS
    list_display = ["title", "published", "source", "author", "copy_group", "updated"]
    list_filter = ["source", "language", "published", "copy_pinned"]
    search_fields = ["title", "author", "url", "source_file"]
    date_hierarchy = "published"
    list_select_related = ["source", "copy_group"]
    readonly_fields = ["content_hash", "copy_group", "copy_pinned", "created", "updated"]
    autocomplete_fields = ["source"]
    show_full_result_count = False
    actions = ["group_as_copies", "take_out_of_group"]

    @admin.action(description="Copies of one story: group the selected articles")
    def group_as_copies(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) < 2:
            self.message_user(request, "Select two articles or more to group.", messages.WARNING)
            return
        with transaction.atomic():
            group = join_as_copies(ids)
        self.message_user(request, f"Grouped {len(ids)} articles as copies (group {group}).")

    @admin.action(description="Not copies: take the selected articles out of their groups")
    def take_out_of_group(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        with transaction.atomic():
            take_out_of_groups(ids)
        self.message_user(request, f"Took {len(ids)} article(s) out of their copy groups.")


class DerivedRowsAdmin(ArchiveAdmin):
    """Rows read from the articles at ingest: listed for editors, never edited."""

    raw_id_fields = ["article"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AcronymDefinition)
class AcronymDefinitionAdmin(DerivedRowsAdmin):
    """The acronyms articles define: a programme's is no organisation anywhere."""

    list_display = ["acronym", "programme", "article"]
    list_filter = ["programme"]
    search_fields = ["acronym"]


@admin.register(CopyKey)
class CopyKeyAdmin(DerivedRowsAdmin):
    """The LSH keys copies are found by (``find_copies`` rebuilds them)."""

    list_display = ["key", "day", "article"]


class CopyMemberInline(admin.TabularInline):
    model = Article
    fk_name = "copy_group"
    fields = ["title", "source", "published", "published_at", "copy_pinned"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CopyGroup)
class CopyGroupAdmin(ArchiveAdmin):
    """Stories published by several outlets: the copies, the first publisher (or why
    it is in doubt); "join" makes several groups one story."""

    list_display = ["__str__", "first", "doubt", "size"]
    list_filter = ["doubt"]
    search_fields = ["articles__title"]
    readonly_fields = ["first", "doubt", "created"]
    inlines = [CopyMemberInline]
    actions = ["join_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("first")
            .annotate(member_count=models.Count("articles"))
        )

    @admin.display(description="copies", ordering="member_count")
    def size(self, group):
        return group.member_count

    @admin.action(description="Join the selected groups: copies of one story")
    def join_selected(self, request, queryset):
        ids = list(Article.objects.filter(copy_group__in=queryset).values_list("pk", flat=True))
        with transaction.atomic():
            group = join_as_copies(ids)
        self.message_user(request, f"Joined into group {group}.")


class AliasAdmin(ArchiveAdmin):
    list_display = ["name", "entity"]
    search_fields = ["name"]
    actions = ["reject_selected"]
    change_list_template = "admin/archive/alias_change_list.html"
    entity_field = ""

    def changelist_view(self, request, extra_context=None):
        entity_opts = self.model._meta.get_field(self.entity_field).related_model._meta
        context = {
            "entity_opts": entity_opts,
            "entity_list": reverse(f"admin:archive_{entity_opts.model_name}_changelist"),
        }
        return super().changelist_view(request, {**context, **(extra_context or {})})

    @admin.action(description="Not an entity: remove and never extract again")
    def reject_selected(self, request, queryset):
        aliases = list(queryset)
        for alias in aliases:
            reject_name(name=alias.name, kind=self.entity_field)
        self.message_user(request, f"Rejected {len(aliases)} name(s).")

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


class MentionAdmin(ArchiveAdmin):
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
class PersonRoleAdmin(ArchiveAdmin):
    list_display = ["person", "title", "seen_on", "article"]
    search_fields = ["person__name", "title"]
    list_filter = ["seen_on"]
    raw_id_fields = ["person", "article"]
    list_select_related = ["person", "article"]


@admin.register(RejectedName)
class RejectedNameAdmin(ArchiveAdmin):
    list_display = ["name", "kind", "created"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Entities and aliases known by the name go at once, not at the next ingest.
        reject_name(name=obj.name, kind=obj.kind)


@admin.register(EntityRedirect)
class EntityRedirectAdmin(ArchiveAdmin):
    list_display = ["kind", "old_slug", "target_id", "created"]
    list_filter = ["kind"]
    search_fields = ["old_slug"]


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    fields = ["person", "start", "end", "source", "qualifier", "rejected", "note"]
    readonly_fields = ["source"]
    raw_id_fields = ["person"]


@admin.register(Office)
class OfficeAdmin(ArchiveAdmin):
    list_display = ["title", "country", "organisation", "single"]
    list_filter = ["single"]
    search_fields = ["title", "country__name", "organisation__name"]
    raw_id_fields = ["country", "organisation"]
    readonly_fields = ["key"]
    inlines = [TenureInline]

    def save_related(self, request, form, formsets, change):
        # A tenure added or changed here is the editor's: it wins over inference.
        for formset in formsets:
            for tenure_form in formset.forms:
                if tenure_form.has_changed() and isinstance(tenure_form.instance, Tenure):
                    tenure_form.instance.source = Tenure.Source.EDITOR
        super().save_related(request, form, formsets, change)
        refresh_office(form.instance.pk)


@admin.register(Tenure)
class TenureAdmin(ArchiveAdmin):
    """Tenures: an editor's correction or addition wins over the articles and the
    reference data, and survives ``reextract``; "rejected" says the person never
    held the office, and inference leaves them out."""

    list_display = ["person", "office", "start", "end", "source", "evidence", "conflict"]
    list_filter = ["source", "conflict", "rejected"]
    search_fields = ["person__name", "office__title"]
    raw_id_fields = ["person", "office"]
    readonly_fields = ["source", "first_seen", "last_seen", "evidence", "conflict"]
    list_select_related = ["person", "office__country", "office__organisation"]

    def save_model(self, request, obj, form, change):
        obj.source = Tenure.Source.EDITOR
        super().save_model(request, obj, form, change)
        refresh_office(obj.office_id)

    def delete_model(self, request, obj):
        office_id = obj.office_id
        super().delete_model(request, obj)
        refresh_office(office_id)


@admin.register(OfficeMention)
class OfficeMentionAdmin(ArchiveAdmin):
    """Offices articles name without a holder; the holder of the day is linked from them."""

    list_display = ["title", "office", "article", "count"]
    search_fields = ["title", "office__title", "article__title"]
    raw_id_fields = ["article", "office"]
    list_select_related = ["article", "office__country", "office__organisation"]


class InteractionParticipantInline(admin.TabularInline):
    model = InteractionParticipant
    extra = 0
    raw_id_fields = ["person", "organisation"]


class InteractionSourceInline(admin.TabularInline):
    model = InteractionSource
    extra = 0
    raw_id_fields = ["article"]


@admin.register(Interaction)
class InteractionAdmin(ArchiveAdmin):
    """Encounters: an editor's change marks the record edited, and rebuilding from
    the articles (ingest, ``reextract``) leaves it as the editor left it; a rejected
    record is hidden and not made again; "merge" makes several records one."""

    list_display = ["__str__", "kind", "status", "date", "place", "edited", "rejected"]
    list_filter = ["kind", "status", "edited", "rejected"]
    search_fields = [
        "participants__person__name",
        "participants__organisation__name",
        "sources__sentence",
    ]
    raw_id_fields = ["place", "host_person", "host_organisation"]
    date_hierarchy = "date"
    inlines = [InteractionParticipantInline, InteractionSourceInline]
    actions = ["merge_selected"]

    def save_model(self, request, obj, form, change):
        obj.edited = True
        super().save_model(request, obj, form, change)

    @admin.action(description="Merge the selected encounters into the oldest")
    def merge_selected(self, request, queryset):
        records = list(queryset.order_by("pk"))
        if len(records) < 2:
            self.message_user(request, "Select two encounters or more to merge.", messages.WARNING)
            return
        merge_interactions(survivor=records[0], others=records[1:])
        self.message_user(request, f"Merged {len(records) - 1} into {records[0]}.")


@admin.register(InteractionParticipant)
class InteractionParticipantAdmin(ArchiveAdmin):
    list_display = ["interaction", "person", "organisation", "role"]
    search_fields = ["person__name", "organisation__name", "role"]
    raw_id_fields = ["interaction", "person", "organisation"]


@admin.register(InteractionSource)
class InteractionSourceAdmin(ArchiveAdmin):
    list_display = ["interaction", "article"]
    search_fields = ["sentence", "article__title"]
    raw_id_fields = ["interaction", "article"]

"""What an article page shows of a story's other copies: who else published it,
who was first, and what this copy changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count

from archive.copies.diff import Passage, changed_share, compare_texts
from archive.models import Article, CopyGroup


@dataclass(frozen=True)
class Copies:
    group: CopyGroup
    # The first publisher (the likeliest one when ``group.doubt`` is set).
    first: Article | None
    # The story's other copies, first published first.
    others: list[Article]
    # What this copy changed against the first publisher's (None for the first itself).
    changes: list[Passage] | None
    changed_share: float


def copies_of(article: Article) -> Copies | None:
    """The story's other copies, or None when no other outlet published it."""
    if article.copy_group_id is None:
        return None
    group = CopyGroup.objects.select_related("first__source").get(pk=article.copy_group_id)
    others = list(
        Article.objects.with_source()
        .filter(copy_group=group)
        .exclude(pk=article.pk)
        .order_by("published_at", "published", "pk")
        .only("pk", "slug", "title", "published", "published_at", "published_offset", "source")
    )
    first = group.first
    changes = None
    if first is not None and first.pk != article.pk:
        changes = compare_texts(first.body, article.body)
    return Copies(
        group=group,
        first=first,
        others=others,
        changes=changes,
        changed_share=changed_share(changes) if changes else 0.0,
    )


def group_sizes(group_ids: Iterable[int]) -> dict[int, int]:
    """The number of copies in each group."""
    return dict(
        CopyGroup.objects.filter(pk__in=set(group_ids))
        .annotate(size=Count("articles"))
        .values_list("pk", "size")
    )

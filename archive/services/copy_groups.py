"""Groups of copies: their first publishers named, and the editors' word on them.

``refresh_groups`` after anything that changes a group's members (ingest,
a deletion, an editor's split or join); ``join_as_copies`` and
``take_out_of_groups`` are the editors' (pinned: finding copies again keeps
them); ``restore_groups`` reads back our own export's grouping.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from archive.copies.first import Published, first_publisher
from archive.models import Article, CopyGroup
from archive.signals import articles_changed


def refresh_groups(group_ids: Iterable[int]) -> set[int]:
    """Name each group's first publisher again; dissolve those left with one member.

    Returns the articles whose group went away.
    """
    group_ids = set(group_ids) - {None}
    if not group_ids:
        return set()
    members: dict[int, list[Published]] = {pk: [] for pk in group_ids}
    rows = Article.objects.filter(copy_group_id__in=group_ids).values_list(
        "pk", "copy_group_id", "published", "published_at"
    )
    for pk, group_id, published, published_at in rows:
        members[group_id].append(Published(pk, published, published_at))
    released: set[int] = set()
    lonely = [group_id for group_id, copies in members.items() if len(copies) < 2]
    if lonely:
        released = {copy.key for group_id in lonely for copy in members[group_id]}
        Article.objects.filter(pk__in=released).update(copy_group=None, updated=timezone.now())
        CopyGroup.objects.filter(pk__in=lonely).delete()
    for group_id, copies in members.items():
        if len(copies) >= 2:
            first, doubt = first_publisher(copies)
            CopyGroup.objects.filter(pk=group_id).update(first_id=first, doubt=doubt)
    return released


def regroup(group_ids: Iterable[int]) -> None:
    """After members left these groups (deleted, or taken out by an editor): name
    their first publishers again and tell the search index."""
    group_ids = set(group_ids)
    members = set(Article.objects.filter(copy_group_id__in=group_ids).values_list("pk", flat=True))
    announce(members | refresh_groups(group_ids))


def announce(article_ids: set[int]) -> None:
    """Tell the search index (it waits for the commit) that these articles' groups changed."""
    if article_ids:
        articles_changed.send(sender=Article, ids=sorted(article_ids))


def join_as_copies(article_ids: Iterable[int]) -> int:
    """An editor's word: these articles (and the groups they are in) are copies of
    one story. They are pinned there: finding copies again leaves them. Returns
    the group."""
    ids = set(article_ids)
    groups = set(
        Article.objects.filter(pk__in=ids, copy_group__isnull=False).values_list(
            "copy_group_id", flat=True
        )
    )
    group_id = min(groups) if groups else CopyGroup.objects.create().pk
    members = ids | set(
        Article.objects.filter(copy_group_id__in=groups).values_list("pk", flat=True)
    )
    Article.objects.filter(pk__in=members).update(
        copy_group_id=group_id, copy_pinned=True, updated=timezone.now()
    )
    CopyGroup.objects.filter(pk__in=groups - {group_id}).delete()
    announce(members | refresh_groups({group_id}))
    return group_id


def take_out_of_groups(article_ids: Iterable[int]) -> None:
    """An editor's word: these articles are no copies of the others in their
    groups. They stay alone (pinned) when copies are found again."""
    ids = set(article_ids)
    groups = set(
        Article.objects.filter(pk__in=ids, copy_group__isnull=False).values_list(
            "copy_group_id", flat=True
        )
    )
    Article.objects.filter(pk__in=ids).update(
        copy_group=None, copy_pinned=True, updated=timezone.now()
    )
    announce(ids)
    regroup(groups)


def restore_groups(links: list[tuple[int, int]]) -> set[int]:
    """Group articles as an export listed them: ``(copy, first publisher)`` pairs of
    article pks. A pair's copies join the first publisher's group."""
    if not links:
        return set()
    group_of = dict(
        Article.objects.filter(pk__in={pk for pair in links for pk in pair}).values_list(
            "pk", "copy_group_id"
        )
    )
    changed: set[int] = set()
    for copy, first in links:
        if copy not in group_of or first not in group_of:
            continue
        if group_of[copy] is not None and group_of[copy] == group_of[first]:
            continue
        group_id = group_of[first] or CopyGroup.objects.create().pk
        moving = {copy, first}
        old = group_of[copy]
        if old is not None:
            moving |= {pk for pk, group in group_of.items() if group == old}
            moving |= set(Article.objects.filter(copy_group_id=old).values_list("pk", flat=True))
        Article.objects.filter(pk__in=moving).update(copy_group_id=group_id, updated=timezone.now())
        group_of.update(dict.fromkeys(moving, group_id))
        changed |= moving
    changed |= refresh_groups(set(group_of.values()))
    CopyGroup.objects.filter(articles__isnull=True).delete()
    announce(changed)
    return changed

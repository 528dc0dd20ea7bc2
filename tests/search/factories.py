"""Small hand-made corpora for search tests."""

from __future__ import annotations

import hashlib

import factory
from django.utils.text import slugify

from archive.models import Article, Organisation, OrganisationMention, Person, PersonMention, Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:100] or "article")
    body = factory.Sequence(lambda n: f"Body text number {n}.")
    published = None
    content_hash = factory.LazyAttribute(
        lambda o: hashlib.sha256(f"{o.title}\n{o.body}".encode()).hexdigest()
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def mention(article, entity) -> None:
    if isinstance(entity, Person):
        PersonMention.objects.create(article=article, person=entity)
    else:
        OrganisationMention.objects.create(article=article, organisation=entity)

"""Template tags through which pages outside search/ show what the index knows.

The archive's templates load these; the archive's code never imports search/.
"""

from django import template

from search.related import related_articles

register = template.Library()


@register.inclusion_tag("search/related_articles.html")
def more_like_this(article, limit: int = 5):
    return {"related": related_articles(article, limit=limit)}

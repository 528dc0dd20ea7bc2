"""The fixed query mix, and how each search is asked of the archive and of Datasette.

A search names facet values either literally (``"1987"``) or by rank in the
corpus (``"@1"``: the most frequent value of that facet), so the mix fits any
corpus size; ranks are resolved once and the same concrete searches go to both
sides.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

# Facets as both sides hold them: entity kinds are lists of slugs, the rest one value.
ARRAY_FACETS = ("organisation", "person", "place", "event")
SCALAR_FACETS = ("source", "year", "month")
FACETS = ARRAY_FACETS + SCALAR_FACETS
PER_PAGE = 20


@dataclass(frozen=True)
class Search:
    kind: str  # word, phrase, multi, or, question, facet, date, browse
    q: str = ""
    facets: tuple[tuple[str, str], ...] = ()
    start: str | None = None
    end: str | None = None
    sort: str = "relevance"

    def as_dict(self) -> dict:
        data = asdict(self)
        data["facets"] = [list(pair) for pair in self.facets]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Search:
        return cls(**{**data, "facets": tuple(tuple(pair) for pair in data["facets"])})


MIX: tuple[Search, ...] = (
    # Single words
    Search("word", "minister"),
    Search("word", "sanctions"),
    Search("word", "oil"),
    Search("word", "ukraine"),
    Search("word", "tariffs"),
    # Phrases
    Search("phrase", '"foreign minister"'),
    Search("phrase", '"united nations"'),
    Search("phrase", '"central bank"'),
    # Several words (all required), and OR
    Search("multi", "trade deficit japan"),
    Search("multi", "secretary blinken call"),
    Search("multi", "opec oil prices"),
    Search("multi", "european community farm"),
    Search("or", "iran OR iraq"),
    # Questions in plain language: best matches of any of their words
    Search("question", "what did the united states say about sanctions on iranian oil"),
    Search("question", "how are opec members cutting oil production this year"),
    Search("question", "who met the foreign minister of japan to discuss trade"),
    Search("question", "why did the central bank raise interest rates again"),
    Search("question", "what aid has the united nations sent to refugees from ukraine"),
    # Words with facet filters and date ranges
    Search("facet", "minister", facets=(("organisation", "@1"),)),
    Search("facet", "trade", facets=(("place", "@1"),)),
    Search("facet", '"foreign minister"', facets=(("person", "@1"),)),
    Search("facet", "oil", facets=(("place", "@2"), ("year", "1987"))),
    Search("facet", "summit", facets=(("year", "1987"), ("year", "2022"))),
    Search("facet", "minister", facets=(("source", "@1"),), sort="newest"),
    Search("date", "sanctions", start="2022-02-01", end="2022-03-31"),
    Search("date", "talks", facets=(("place", "@1"),), start="1987-03-01", end="1987-04-30"),
    # Browsing: no words, newest first
    Search("browse"),
    Search("browse", facets=(("organisation", "@1"),)),
    Search("browse", facets=(("place", "@3"),)),
    Search("browse", facets=(("event", "@1"),)),
    Search("browse", facets=(("source", "@1"), ("month", "@1"))),
    Search("browse", start="2022-01-01", end="2022-06-30"),
)


def resolve(mix: tuple[Search, ...], top: dict[str, list[str]]) -> tuple[list[Search], list[str]]:
    """Concrete searches: ``@n`` becomes the n-th most frequent value of its facet.

    A search whose facet has fewer than n values in this corpus is left out
    (and named in the second list), so both sides always run the same searches.
    """
    resolved, skipped = [], []
    for search in mix:
        facets = []
        for name, value in search.facets:
            if value.startswith("@"):
                rank = int(value[1:])
                values = top.get(name, [])
                if len(values) < rank:
                    break
                value = values[rank - 1]
            facets.append((name, value))
        else:
            resolved.append(
                Search(search.kind, search.q, tuple(facets), search.start, search.end, search.sort)
            )
            continue
        skipped.append(f"{search.kind} {search.q!r} {search.facets}")
    return resolved, skipped


def django_url(search: Search, path: str = "/search/") -> str:
    """The archive's search page for ``search``."""
    params: list[tuple[str, str]] = [("q", search.q)]
    params += [("selected_facets", f"{name}:{value}") for name, value in search.facets]
    if search.start:
        params.append(("start", search.start))
    if search.end:
        params.append(("end", search.end))
    if search.sort != "relevance":
        params.append(("sort", search.sort))
    return f"{path}?{urlencode(params)}"


def datasette_url(search: Search, path: str) -> str:
    """Datasette's JSON table view for ``search``, with the same facets and filters.

    FTS5 reads the mix's syntax as written (implicit AND, ``"phrase"``, ``OR``),
    hence ``_searchmode=raw``. Values of one facet OR together, as in the archive.
    """
    params: list[tuple[str, str]] = []
    if search.q:
        # A question is any of its words on both sides (FTS5 would require them all).
        q = " OR ".join(search.q.split()) if search.kind == "question" else search.q
        params += [("_search", q), ("_searchmode", "raw")]
    chosen: dict[str, list[str]] = {}
    for name, value in search.facets:
        chosen.setdefault(name, []).append(value)
    for name, values in chosen.items():
        if name in ARRAY_FACETS:
            if len(values) > 1:
                raise ValueError(f"Datasette cannot OR values of the list column {name!r}")
            params.append((f"{name}__arraycontains", values[0]))
        elif len(values) == 1:
            params.append((f"{name}__exact", values[0]))
        else:
            params.append((f"{name}__in", ",".join(values)))
    if search.start:
        params.append(("published__gte", search.start))
    if search.end:
        params.append(("published__lte", search.end))
    if search.sort == "newest" or (search.sort == "relevance" and not search.q):
        params.append(("_sort_desc", "published"))
    elif search.sort == "oldest":
        params.append(("_sort", "published"))
    params += [("_facet_array", name) for name in ARRAY_FACETS]
    params += [("_facet", name) for name in SCALAR_FACETS]
    params.append(("_size", str(PER_PAGE)))
    return f"{path}?{urlencode(params)}"


def describe(search: Search) -> str:
    """A short label: ``facet "oil" place=iraq year=1987``."""
    parts = [search.kind, f'"{search.q}"' if search.q and search.q[0] != '"' else search.q]
    parts += [f"{name}={value}" for name, value in search.facets]
    if search.start or search.end:
        parts.append(f"{search.start or ''}..{search.end or ''}")
    if search.sort != "relevance":
        parts.append(f"sort={search.sort}")
    return " ".join(part for part in parts if part)

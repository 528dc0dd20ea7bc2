"""Read what a user typed into the search box.

The query language: words (see below), ``"exact phrases"``, ``OR`` (binds
tighter than AND, so ``aliyev taha OR sengendo`` means aliyev AND (taha OR
sengendo)), ``AND``, ``NOT`` / ``-word``, parentheses, ``word*`` prefixes, and
fields: ``title:``, ``person:``, ``organisation:``, ``place:``, ``event:``,
``source:`` followed by a word, a phrase or a group.

Plain words (no operators, quotes or fields) are read as a keyword search or a
question. Question and filler words ("what", "did", "about") are never required.
One to three remaining words are all required, as before; more than that is a
question, searched for as a best match: any of its words, the articles with more
of them and with them side by side first (see ``BestMatch`` and the README).

The result is rebuilt from a parse tree into a fully parenthesised query in the
syntax Whoosh and Elasticsearch's query strings share, so nothing the user typed
reaches the backend unchecked. A query that cannot be read (unbalanced quotes or
parentheses, a bare operator, a field with no value, far too long) falls back
to a search for its plain words, and says why.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

# The user's field name -> the index field it searches.
FIELDS = {
    "title": "title",
    "person": "person_names",
    "organisation": "organisation_names",
    "organization": "organisation_names",
    "place": "place_names",
    "event": "event_names",
    "source": "source_name",
}
MAX_QUERY_CHARS = 1000
MAX_TERMS = 40  # operators' operands: words, phrases, fields
MAX_QUESTION_WORDS = 60  # different words of a question searched for
MAX_WORD = 100  # longer "words" are noise (a pasted hash, a key held down)
OPERATORS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR", "NOT": "NOT"}

_WORD = re.compile(r"\w+")
_PLAIN_WORD = re.compile(r"^\w+$")
_PREFIX = re.compile(r"^\w{2,}\*$")
_FIELD = re.compile(r"^(\w+):(.*)$", re.DOTALL)
# Most content words a query may have and still be read as keywords, all required.
KEYWORD_WORDS = 3
# Boosts of the phrases a best match adds: two neighbouring words of the question,
# and a run of words that names an entity of the archive (measured: bench/ir/README.md).
PAIR_BOOST = 0.25
NAME_BOOST = 1.0
QUERY_TF_K3 = 8.0
LONGEST_NAME = 6  # words: runs longer than this are not looked up as names
FILLER_WORDS_FILE = Path(__file__).parent / "data" / "filler_words.txt"
# Typographic quotes a phone keyboard or a word processor puts in.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})


def load_word_list(path: Path) -> frozenset[str]:
    """One lowercase word per line, ``#`` comments; a bad line is an error naming it."""
    words: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        if not _PLAIN_WORD.match(word) or word != word.lower() or word in words:
            raise ValueError(f"{path}, line {number}: {word!r} is not a new lowercase word")
        words.add(word)
    return frozenset(words)


# Words that ask rather than say what a question is about (see the file).
FILLER_WORDS = load_word_list(FILLER_WORDS_FILE)


class QuerySyntaxError(ValueError):
    """What is wrong with a query, in words a user understands."""


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # what the user typed, tidied
    backend_query: str  # for the search backend; "" means "everything"
    words: list[str] = field(default_factory=list)  # words searched for, not excluded
    phrases: list[str] = field(default_factory=list)  # phrases and field values searched for
    fallback: bool = False
    problem: str = ""  # why the query fell back to plain words
    # The words that must all be found ("all of"), or none when the query says
    # exactly what it wants, or is a best match (see ``best_match``).
    required: list[str] = field(default_factory=list)
    best_match: bool = False  # a question: any of its words, best matches first

    @property
    def is_empty(self) -> bool:
        return not self.backend_query

    @property
    def plain(self) -> str:
        """The query's positive words, e.g. for spelling suggestions."""
        return " ".join(self.words)

    def any_of_words(self) -> ParsedQuery | None:
        """The required words as "any of them", for a few keywords.

        None for a single word, a best match (which asks for any word already),
        or where the user asked for more (phrases, fields, OR, NOT): those say
        exactly what they want.
        """
        if len(self.required) < 2:
            return None
        return replace(self, backend_query="(" + " OR ".join(self.required) + ")", required=[])


# The parse tree. Each node renders itself in the backend's query syntax.


@dataclass
class Term:
    text: str
    prefix: bool = False

    def render(self) -> str:
        if self.prefix:
            return f"{self.text.lower()}*"
        if _PLAIN_WORD.match(self.text):
            return self.text.lower()
        # "bin-Salman", "U.N.": let the field's analyzer split it, as it did the text.
        return f'"{self.text}"'


@dataclass
class Phrase:
    text: str

    def render(self) -> str:
        return f'"{self.text}"'


@dataclass
class Field:
    name: str
    child: object

    def render(self) -> str:
        return f"{FIELDS[self.name]}:{self.child.render()}"


@dataclass
class Not:
    child: object

    def render(self) -> str:
        return f"NOT {self.child.render()}"


@dataclass
class Group:
    operator: str  # "AND" or "OR"
    children: list
    explicit: bool = False  # the user typed the operator (AND), not just spaces

    def render(self) -> str:
        return "(" + f" {self.operator} ".join(child.render() for child in self.children) + ")"


NameLookup = Callable[[list[str]], Iterable[str]]


def parse_query(text: str | None, *, names: NameLookup | None = None) -> ParsedQuery:
    """The query as the backend should run it.

    ``names`` tells which of some runs of words (lowercased) name an entity of
    the archive; a best match scores those as phrases. Without it, none do.
    """
    text = normalise(text or "")
    if not text:
        return ParsedQuery(text="", backend_query="")
    try:
        if len(text) > MAX_QUERY_CHARS:
            raise QuerySyntaxError("it is too long")
        tree = _Parser(_tokens(text)).parse()
        words, phrases, count = _positive(tree)
        plain = _plain_terms(tree) if tree is not None else None
        if plain is None and count > MAX_TERMS:
            raise QuerySyntaxError(f"it has more than {MAX_TERMS} terms")
    except QuerySyntaxError as error:
        return _plain_words(text, str(error))
    if tree is None:
        return ParsedQuery(text=text, backend_query="")
    if plain is not None:
        return _words_query(text, plain, words, names=names)
    rendered = tree.render()
    if not rendered.startswith("("):
        # Parenthesised, so haystack can AND it with filters safely.
        rendered = f"({rendered})"
    return ParsedQuery(text=text, backend_query=rendered, words=words, phrases=phrases)


def normalise(text: str) -> str:
    """NFKC, typographic quotes made plain, control and invisible characters dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            kept.append(char)
    return " ".join("".join(kept).split())


def _plain_words(text: str, problem: str) -> ParsedQuery:
    words = [
        word for word in _WORD.findall(text) if word not in OPERATORS and len(word) <= MAX_WORD
    ][:MAX_TERMS]
    if not words:
        return ParsedQuery(text=text, backend_query="", fallback=True, problem=problem)
    query = _words_query(text, words, words, names=None)
    return replace(
        query,
        phrases=[" ".join(words)] if len(words) > 1 else [],
        fallback=True,
        problem=problem,
    )


def _plain_terms(tree) -> list[str] | None:
    """The terms, for a query of nothing but words; else None.

    A term may hold several words ("bin-Salman"): those stay a phrase.
    """
    terms: list[str] = []

    def walk(node) -> bool:
        if isinstance(node, Group) and node.operator == "AND" and not node.explicit:
            # Parentheses around words joined by the default AND group nothing:
            # "(made using free-flight models)" is a parenthetical, not syntax.
            return all(walk(child) for child in node.children)
        if isinstance(node, Term) and not node.prefix:
            terms.append(node.text)
            return True
        return False

    return terms if walk(tree) else None


def _words_query(
    text: str, terms: list[str], words: list[str], *, names: NameLookup | None
) -> ParsedQuery:
    """Plain words as keywords (all required) or as a question (a best match)."""
    pieces = {term: [word.lower() for word in _WORD.findall(term)] for term in terms}
    content = [term for term in pieces if not all(word in FILLER_WORDS for word in pieces[term])]
    if not content:
        content = list(pieces)  # nothing but filler ("what about it"): take it at its word
    # How often the query has each word, in the order of first use.
    times = Counter(word for term in content for word in pieces[term])
    if len(times) <= KEYWORD_WORDS:
        rendered = [Term(term).render() for term in content]
        return ParsedQuery(
            text=text,
            backend_query="(" + " AND ".join(rendered) + ")",
            words=words,
            phrases=[term for term in content if len(pieces[term]) > 1],
            # Single words only: "any of them" would take a phrase apart.
            required=rendered if all(len(pieces[term]) == 1 for term in content) else [],
        )
    flat = [word for term in terms for word in pieces[term]]
    # A word the question repeats weighs more, as in BM25's query term frequency.
    # A question costs a posting list per different word: the first MAX_QUESTION_WORDS.
    clauses = [
        _weighted(word, n) for word, n in itertools.islice(times.items(), MAX_QUESTION_WORDS)
    ]
    clauses += _best_match_phrases(flat, names)
    return ParsedQuery(
        text=text,
        backend_query="(" + " OR ".join(clauses) + ")",
        words=words,
        best_match=True,
    )


def _weighted(word: str, times: int) -> str:
    if times == 1:
        return word
    # Robertson's saturation of query term frequency, k3 = QUERY_TF_K3.
    return f"{word}^{(QUERY_TF_K3 + 1) * times / (QUERY_TF_K3 + times):.3g}"


def _best_match_phrases(words: list[str], names: NameLookup | None) -> list[str]:
    """Phrases that raise a best match: neighbouring content words (with at most
    one filler word between them, which the phrase keeps), and runs that name
    an entity. Rendered with their boosts, in the order of the question."""
    phrases: dict[str, float] = {}
    content = [n for n, word in enumerate(words) if word not in FILLER_WORDS]
    for here, there in itertools.pairwise(content):
        if there - here <= 2:
            phrases[" ".join(words[here : there + 1])] = PAIR_BOOST
    if names is not None:
        runs = list(
            dict.fromkeys(
                " ".join(words[start:end])
                for start in content
                for end in range(start + 2, min(start + LONGEST_NAME, len(words)) + 1)
                if words[end - 1] not in FILLER_WORDS
            )
        )
        for run in names(runs) if runs else ():
            phrases[run] = max(phrases.get(run, 0.0), NAME_BOOST)
    return [f'"{phrase}"^{boost:g}' for phrase, boost in phrases.items()]


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace() or char == "+":
            position += 1
        elif char == '"':
            end = text.find('"', position + 1)
            if end < 0:
                raise QuerySyntaxError("a quotation mark is not closed")
            tokens.append(("PHRASE", text[position + 1 : end]))
            position = end + 1
        elif char in "()":
            tokens.append(("LPAREN" if char == "(" else "RPAREN", char))
            position += 1
        elif char == "-":
            if position + 1 >= length or text[position + 1].isspace():
                raise QuerySyntaxError("a “-” is not followed by a word")
            tokens.append(("NOT", "-"))
            position += 1
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] not in '"()':
                end += 1
            word, position = text[position:end], end
            tokens.extend(_word_tokens(word, text[position : position + 1]))
    return tokens


def _word_tokens(word: str, following: str) -> list[tuple[str, str]]:
    if word in OPERATORS:
        return [(OPERATORS[word], word)]
    match = _FIELD.match(word)
    if match and match.group(1).lower() in FIELDS:
        name, value = match.group(1).lower(), match.group(2)
        if not value and following not in ('"', "("):
            raise QuerySyntaxError(f"“{name}:” has no value after it")
        return [("FIELD", name)] + ([("TERM", value)] if value else [])
    return [("TERM", word)]


# Parentheses nested deeper than this are refused: nobody writes them, and each
# level costs the parser (and the backend's) a few frames of Python's stack.
MAX_NESTING = 20


class _Parser:
    """Recursive descent: and_expr := or_expr ([AND] or_expr)*; or_expr := unary (OR unary)*."""

    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.position = 0
        self.depth = 0

    def parse(self):
        node = self.and_expr()
        if self.peek() is not None:
            raise QuerySyntaxError("a closing parenthesis has no opening one")
        return node

    def peek(self) -> str | None:
        return self.tokens[self.position][0] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def and_expr(self):
        children = [self.or_expr()]
        explicit = False
        while self.peek() not in (None, "RPAREN"):
            if self.peek() == "AND":
                self.take()
                self._expect_operand("AND")
                explicit = True
            children.append(self.or_expr())
        group = _group("AND", children)
        if isinstance(group, Group):
            group.explicit = explicit
        return group

    def or_expr(self):
        children = [self.unary()]
        while self.peek() == "OR":
            self.take()
            self._expect_operand("OR")
            children.append(self.unary())
        return _group("OR", children)

    def unary(self):
        # Stacked negations ("NOT -oic", "--oic") cancel out in pairs: the backend's
        # parser cannot read "NOT NOT oic" (Whoosh's raises IndexError on it).
        negated = False
        while self.peek() == "NOT":
            operator = self.take()[1]
            self._expect_operand(operator)
            negated = not negated
        node = self.primary()
        return _negated(node) if negated and node is not None else node

    def primary(self):
        kind = self.peek()
        if kind is None:
            raise QuerySyntaxError("it ends where a word was expected")
        if kind in ("AND", "OR"):
            raise QuerySyntaxError(f"“{kind}” needs a word on each side")
        if kind == "RPAREN":
            raise QuerySyntaxError("a closing parenthesis has no opening one")
        kind, value = self.take()
        if kind == "LPAREN":
            if self.peek() == "RPAREN":
                raise QuerySyntaxError("a pair of parentheses is empty")
            if self.depth == MAX_NESTING:
                raise QuerySyntaxError("its parentheses are nested too deeply")
            self.depth += 1
            node = self.and_expr()
            self.depth -= 1
            if self.peek() != "RPAREN":
                raise QuerySyntaxError("a parenthesis is not closed")
            self.take()
            return node
        if kind == "FIELD":
            if self.peek() not in ("TERM", "PHRASE", "LPAREN"):
                raise QuerySyntaxError(f"“{value}:” has no value after it")
            child = self.primary()
            return _fielded(value, child) if child is not None else None
        if kind == "PHRASE":
            cleaned = value.replace("\\", " ").strip()
            return Phrase(cleaned) if _WORD.search(cleaned) else None
        # A word: punctuation alone finds nothing and is dropped.
        if _PREFIX.match(value):
            return Term(value[:-1], prefix=True)
        cleaned = value.replace("\\", "").replace("*", "").replace("?", "")
        return Term(cleaned) if _WORD.search(cleaned) else None

    def _expect_operand(self, operator: str) -> None:
        if self.peek() in (None, "RPAREN", "AND", "OR"):
            raise QuerySyntaxError(f"“{operator}” needs a word after it")


def _negated(node):
    return node.child if isinstance(node, Not) else Not(node)


def _fielded(name: str, node):
    """A field applied to a node: around what a NOT excludes ("title:(-oic)" is
    NOT title:oic; "title:NOT oic" would search the text), a field inside kept."""
    if isinstance(node, Not):
        return Not(_fielded(name, node.child))
    return node if isinstance(node, Field) else Field(name, node)


def _group(operator: str, children: list):
    children = [child for child in children if child is not None]
    if not children:
        return None
    return children[0] if len(children) == 1 else Group(operator, children)


def _positive(tree) -> tuple[list[str], list[str], int]:
    """Words and phrases the query looks for (not under NOT), and how many leaves it has."""
    words: list[str] = []
    phrases: list[str] = []
    count = 0

    def walk(node, negated: bool) -> None:
        nonlocal count
        if node is None:
            return
        if isinstance(node, Not):
            walk(node.child, True)
        elif isinstance(node, Group):
            for child in node.children:
                walk(child, negated)
        elif isinstance(node, Field):
            if not negated and isinstance(node.child, Term | Phrase):
                phrases.append(node.child.text)
            walk(node.child, negated)
        else:
            count += 1
            if negated:
                return
            found = _WORD.findall(node.text)
            words.extend(found)
            if isinstance(node, Phrase) or len(found) > 1:
                phrases.append(node.text)

    walk(tree, False)
    return words, list(dict.fromkeys(phrases)), count

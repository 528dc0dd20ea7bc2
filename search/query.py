"""Read what a user typed into the search box.

The query language: words (all required: the default operator is AND),
``"exact phrases"``, ``OR`` (binds tighter than AND, so ``aliyev taha OR sengendo``
means aliyev AND (taha OR sengendo)), ``AND``, ``NOT`` / ``-word``, parentheses,
``word*`` prefixes, and fields: ``title:``, ``person:``, ``organisation:``,
``place:``, ``event:``, ``source:`` followed by a word, a phrase or a group.

The result is rebuilt from a parse tree into a fully parenthesised query in the
syntax Whoosh and Elasticsearch's query strings share, so nothing the user typed
reaches the backend unchecked. A query that cannot be read (unbalanced quotes or
parentheses, a bare operator, a field with no value, far too long) falls back
to a search for its plain words, and says why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

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
MAX_TERMS = 40
MAX_WORD = 100  # longer "words" are noise (a pasted hash, a key held down)
OPERATORS = {"AND": "AND", "&&": "AND", "OR": "OR", "||": "OR", "NOT": "NOT"}

_WORD = re.compile(r"\w+")
_PLAIN_WORD = re.compile(r"^\w+$")
_PREFIX = re.compile(r"^\w{2,}\*$")
_FIELD = re.compile(r"^(\w+):(.*)$", re.DOTALL)
# Typographic quotes a phone keyboard or a word processor puts in.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})


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

    @property
    def is_empty(self) -> bool:
        return not self.backend_query

    @property
    def plain(self) -> str:
        """The query's positive words, e.g. for spelling suggestions."""
        return " ".join(self.words)

    def any_of_words(self) -> ParsedQuery | None:
        """The same words as "any of them", for a query of nothing but words.

        None for a single word, or where the user asked for more (phrases,
        fields, OR, NOT): those say exactly what they want.
        """
        lowered = [word.lower() for word in self.words]
        if len(lowered) < 2 or self.backend_query != "(" + " AND ".join(lowered) + ")":
            return None
        return replace(self, backend_query="(" + " OR ".join(lowered) + ")")


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

    def render(self) -> str:
        return "(" + f" {self.operator} ".join(child.render() for child in self.children) + ")"


def parse_query(text: str | None) -> ParsedQuery:
    text = normalise(text or "")
    if not text:
        return ParsedQuery(text="", backend_query="")
    try:
        if len(text) > MAX_QUERY_CHARS:
            raise QuerySyntaxError("it is too long")
        tree = _Parser(_tokens(text)).parse()
        words, phrases, count = _positive(tree)
        if count > MAX_TERMS:
            raise QuerySyntaxError(f"it has more than {MAX_TERMS} terms")
    except QuerySyntaxError as error:
        return _plain_words(text, str(error))
    if tree is None:
        return ParsedQuery(text=text, backend_query="")
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
    query = "(" + " AND ".join(word.lower() for word in words) + ")" if words else ""
    return ParsedQuery(
        text=text,
        backend_query=query,
        words=words,
        phrases=[" ".join(words)] if len(words) > 1 else [],
        fallback=True,
        problem=problem,
    )


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


class _Parser:
    """Recursive descent: and_expr := or_expr ([AND] or_expr)*; or_expr := unary (OR unary)*."""

    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.position = 0

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
        while self.peek() not in (None, "RPAREN"):
            if self.peek() == "AND":
                self.take()
                self._expect_operand("AND")
            children.append(self.or_expr())
        return _group("AND", children)

    def or_expr(self):
        children = [self.unary()]
        while self.peek() == "OR":
            self.take()
            self._expect_operand("OR")
            children.append(self.unary())
        return _group("OR", children)

    def unary(self):
        if self.peek() == "NOT":
            operator = self.take()[1]
            self._expect_operand(operator)
            child = self.unary()
            return Not(child) if child is not None else None
        return self.primary()

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
            node = self.and_expr()
            if self.peek() != "RPAREN":
                raise QuerySyntaxError("a parenthesis is not closed")
            self.take()
            return node
        if kind == "FIELD":
            if self.peek() not in ("TERM", "PHRASE", "LPAREN"):
                raise QuerySyntaxError(f"“{value}:” has no value after it")
            child = self.primary()
            return Field(value, child) if child is not None else None
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

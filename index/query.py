"""The query language, parsed once into a small tree that every backend translates.

    blauwe kaart            words are ANDed
    "blauwe kaart"          a phrase, on the exact (unstemmed) words; "kaart": that exact word
    wiskunde-onderwijs      the hyphenated words, or them written as one (wiskundeonderwijs)
    migratie OR asiel       either
    NOT asiel, -asiel       without
    financ*                 prefix
    (a OR b) c              grouping
    section:subsidiariteit stance:negatief type:fiche year:2022   filters

Safe by default: anything that is not valid syntax is read as words (`F-35`, `COM(2022) 546`,
an unbalanced quote, a stray colon). Only a filter with an unknown value is an error, because
silently ignoring `stance:negatif` would give wrong results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.compounds import hyphen_pieces
from parsers.model import ASPECT_LABELS, OVERIG, PARAGRAPH_LABELS, SECTION_KEYS

SECTION_FILTER_VALUES = (*SECTION_KEYS, OVERIG)
STANCE_FILTER_VALUES = (*ASPECT_LABELS, *PARAGRAPH_LABELS)
FILTER_FIELDS = ("section", "stance", "type", "year")


class QueryError(ValueError):
    """A query or filter that cannot be run; the message says what is wrong."""


@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    text: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Prefix | Not | And | Or


@dataclass
class Filters:
    """Exact-match filters; every list is OR within, AND across."""

    sections: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    since: str = ""  # ISO date, inclusive
    until: str = ""  # ISO date, inclusive
    ministerie: list[str] = field(default_factory=list)
    raad: list[str] = field(default_factory=list)
    com: list[str] = field(default_factory=list)
    dossier: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not any(
            (
                self.sections,
                self.stances,
                self.doc_types,
                self.years,
                self.since,
                self.until,
                self.ministerie,
                self.raad,
                self.com,
                self.dossier,
            )
        )


@dataclass
class ParsedQuery:
    text: Node | None  # None: filters only (match everything that passes them)
    filters: Filters


# A token: a quoted phrase (closing quote optional), a parenthesis, or a run of other characters.
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_FILTER = re.compile(r"^(section|stance|type|year):(.+)$", re.IGNORECASE)
# A word the analyzers cut into several tokens (F-35, COM(2022), 2022/0123) is the exact
# phrase of those tokens: word positions are kept for exact words only.
_SPLIT_WORD = re.compile(r"[^\W_][\W_]+[^\W_]")


def parse_query(query: str, filters: Filters | None = None) -> ParsedQuery:
    """Parse QUERY; in-query filters are added to `filters` (a new Filters when None)."""
    filters = filters if filters is not None else Filters()
    tokens = _tokens(query)
    parser = _Parser(tokens, filters)
    node = parser.parse_sequence()
    validate_filters(filters)
    return ParsedQuery(text=node, filters=filters)


def validate_filters(filters: Filters) -> None:
    for value in filters.sections:
        if value not in SECTION_FILTER_VALUES:
            raise QueryError(
                f"unknown section {value!r}; sections are: {', '.join(SECTION_FILTER_VALUES)}"
            )
    for value in filters.stances:
        if value not in STANCE_FILTER_VALUES:
            raise QueryError(
                f"unknown stance {value!r}; stances are: {', '.join(STANCE_FILTER_VALUES)}"
            )
    for value in (filters.since, filters.until):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


def _tokens(query: str) -> list[str]:
    return _TOKEN.findall(query)


class _Parser:
    """Recursive descent over tokens. Grammar:
    sequence := clause*            (ANDed)
    clause   := unary ("OR" unary)*
    unary    := ("NOT" | "-") unary | primary
    primary  := "(" sequence ")" | phrase | filter | prefix | word
    """

    def __init__(self, tokens: list[str], filters: Filters):
        self.tokens = tokens
        self.pos = 0
        self.filters = filters
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse_sequence(self) -> Node | None:
        nodes = []
        while (token := self.peek()) is not None:
            if token == ")":
                if self.depth:
                    break
                self.take()  # a stray closing parenthesis means nothing
                continue
            node = self.parse_clause()
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def parse_clause(self) -> Node | None:
        nodes = [self.parse_unary()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")"):
                break
            nodes.append(self.parse_unary())
        kept = [n for n in nodes if n is not None]
        if len(kept) > 1:
            return Or(tuple(kept))
        return kept[0] if kept else None

    def parse_unary(self) -> Node | None:
        token = self.peek()
        if token == "NOT" and self.pos + 1 < len(self.tokens):
            self.take()
            inner = self.parse_unary()
            return Not(inner) if inner is not None else None
        if token is not None and token.startswith("-") and len(token) > 1:
            self.tokens[self.pos] = token[1:]
            inner = self.parse_unary()
            return Not(inner) if inner is not None else None
        return self.parse_primary()

    def parse_primary(self) -> Node | None:
        token = self.take()
        if token == "(":
            self.depth += 1
            inner = self.parse_sequence()
            self.depth -= 1
            if self.peek() == ")":
                self.take()
            return inner
        if token.startswith('"'):
            words = tuple(token.strip('"').split())
            # quotes mean the exact words, for one word as for several: no stemming, no parts
            return Phrase(words) if words else None
        if match := _FILTER.match(token):
            self._add_filter(match.group(1).lower(), match.group(2))
            return None
        if token.endswith("*") and len(token.rstrip("*")) >= 2:
            return Prefix(token.rstrip("*"))
        word = token.strip(":*")
        return word_node(word) if word and word not in ("OR", "NOT") else None

    def _add_filter(self, name: str, value: str) -> None:
        value = value.strip('"').lower()
        if name == "section":
            self.filters.sections.append(value)
        elif name == "stance":
            self.filters.stances.append(value)
        elif name == "type":
            self.filters.doc_types.append(value)
        elif name == "year":
            if not value.isdigit() or len(value) != 4:
                raise QueryError(f"bad year {value!r}: use four digits, like year:2022")
            self.filters.years.append(int(value))


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def describe(node: Node | None) -> str:
    """The tree in a readable, canonical form (for --explain)."""
    if node is None:
        return "*"
    if isinstance(node, Word):
        return node.text
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    if isinstance(node, Prefix):
        return node.text + "*"
    if isinstance(node, Not):
        return f"NOT {describe(node.node)}"
    if isinstance(node, And):
        return "(" + " AND ".join(describe(n) for n in node.nodes) + ")"
    return "(" + " OR ".join(describe(n) for n in node.nodes) + ")"


def word_node(word: str) -> Word | Phrase | Or:
    pieces = hyphen_pieces(word)
    if pieces:  # wiskunde-onderwijs: that phrase, or the words written as one
        return Or((Phrase(pieces), Word("".join(pieces))))
    return Phrase((word,)) if _SPLIT_WORD.search(word) else Word(word)


def positive_words(node: Node | None) -> list[str]:
    """The words a hit must contain (for snippets): everything not under a NOT."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Word | Prefix):
        return [node.text]
    if isinstance(node, Phrase):
        return list(node.words)
    return [w for child in node.nodes for w in positive_words(child)]

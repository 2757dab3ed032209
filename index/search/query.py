"""The query language, parsed once into a small tree that every backend translates.

    blauwe kaart            words are ANDed
    "blauwe kaart"          a phrase, on the exact (unstemmed) words; "kaart": that exact word
    wiskunde-onderwijs      the hyphenated words, or them written as one (wiskundeonderwijs)
    migratie OR asiel       either
    NOT asiel, -asiel       without
    financ*                 prefix
    (a OR b) c              grouping
    section:subsidiariteit ministerie:"Ministerie van Financiën"   filters (index/search/filters.py)

Safe by default: anything that is not valid syntax is read as words (`F-35`, `COM(2022) 546`,
an unbalanced quote, a stray colon). A filter with an invalid value is an error, because
silently ignoring `stance:negatif` would give wrong results; so is a query past the bounds
below (too long, too deeply nested), which is refused with a message instead of crashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.search.compounds import hyphen_pieces
from index.search.filters import (
    FILTER_BY_NAME,
    FILTER_NAMES,
    FILTERS,
    SECTION_FILTER_VALUES,
    STANCE_FILTER_VALUES,
    Filters,
    QueryError,
)
from parsers.characters import analysis_text

__all__ = ["Filters", "QueryError", "SECTION_FILTER_VALUES", "STANCE_FILTER_VALUES"]

# Bounds on what one query may ask: past them the query is refused with a message, so no
# query can exhaust the parser's stack or the backend's clause limits.
MAX_QUERY_CHARS = 2000
MAX_NESTING = 16  # parentheses and NOT inside each other
MAX_TERMS = 100  # words, phrases and prefixes


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
class ParsedQuery:
    text: Node | None  # None: filters only (match everything that passes them)
    filters: Filters
    # filter values no document has, and the values that exist (search/contract.py, via the API)
    hints: list[str] = field(default_factory=list)


_NAMES = "|".join(FILTER_NAMES)
# A token: a filter (`name:value`, `name:"two words"`, `com:COM(2022)546`), a quoted phrase
# (closing quote optional), a parenthesis, or a run of other characters.
_TOKEN = re.compile(
    rf'(?i:(?:{_NAMES}):)(?:"[^"]*"?|[^\s"()]*(?:\([^\s()"]*\)[^\s"()]*)*)'
    r'|"[^"]*"?|\(|\)|[^\s()"]+'
)
_FILTER = re.compile(rf"^({_NAMES}):(.+)$", re.IGNORECASE | re.DOTALL)
# A word the analyzers cut into several tokens (F-35, COM(2022), 2022/0123) is the exact
# phrase of those tokens: word positions are kept for exact words only.
_SPLIT_WORD = re.compile(r"[^\W_][\W_]+[^\W_]")
# risico's, euro's: a word with its plural (or genitive) 's, which the backends read as the
# word's form (index/search/inflections.py, query_word), not the phrase "risico s"
_APOSTROPHE_S = re.compile(r"[^\W\d_]{2,}['\u2019]s")


def parse_query(query: str, filters: Filters | None = None) -> ParsedQuery:
    """Parse QUERY; in-query filters are added to `filters` (a new Filters when None)."""
    filters = filters if filters is not None else Filters()
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long: at most {MAX_QUERY_CHARS} characters")
    # as the text was indexed: no soft hyphens or zero-width spaces, over-long words cut
    tokens = _tokens(analysis_text(query))
    parser = _Parser(tokens, filters)
    node = parser.parse_sequence()
    validate_filters(filters)
    return ParsedQuery(text=node, filters=filters)


def validate_filters(filters: Filters) -> None:
    """Filters built in code (the API, a saved search) pass the same checks as typed ones."""
    for spec in FILTERS:
        for value in filters.values(spec):
            spec.check(str(value))


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
        self.depth = 0  # open parentheses
        self.nesting = 0  # parentheses and NOTs inside each other
        self.terms = 0

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
            return self._negated()
        if token is not None and token.startswith("-") and len(token) > 1:
            self.tokens[self.pos] = token[1:]
            return self._negated()
        return self.parse_primary()

    def _negated(self) -> Node | None:
        self._enter()
        inner = self.parse_unary()
        self.nesting -= 1
        return Not(inner) if inner is not None else None

    def _enter(self) -> None:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise QueryError(
                f"query nested too deeply: at most {MAX_NESTING} levels of parentheses and NOT"
            )

    def _term(self, node: Node | None) -> Node | None:
        if node is not None:
            self.terms += 1
            if self.terms > MAX_TERMS:
                raise QueryError(f"query too long: at most {MAX_TERMS} words, phrases and prefixes")
        return node

    def parse_primary(self) -> Node | None:
        token = self.take()
        if token == "(":
            self._enter()
            self.depth += 1
            inner = self.parse_sequence()
            self.depth -= 1
            self.nesting -= 1
            if self.peek() == ")":
                self.take()
            return inner
        if token.startswith('"'):
            words = tuple(token.strip('"').split())
            # quotes mean the exact words, for one word as for several: no stemming, no parts
            return self._term(Phrase(words)) if words else None
        if (match := _FILTER.match(token)) and match.group(2).strip('" '):
            self.filters.add(FILTER_BY_NAME[match.group(1).lower()].name, match.group(2).strip('"'))
            return None
        if token.endswith("*") and len(token.rstrip("*")) >= 2:
            return self._term(Prefix(token.rstrip("*")))
        word = token.strip(":*")
        return self._term(word_node(word)) if word and word not in ("OR", "NOT") else None


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
    if _SPLIT_WORD.search(word) and not _APOSTROPHE_S.fullmatch(word):
        return Phrase((word,))
    return Word(word)


def positive_words(node: Node | None) -> list[str]:
    """The words a hit must contain (for snippets): everything not under a NOT."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Word | Prefix):
        return [node.text]
    if isinstance(node, Phrase):
        return list(node.words)
    return [w for child in node.nodes for w in positive_words(child)]

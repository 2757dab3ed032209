"""Dutch compounds split into their parts, from one word list, for both search backends.

arbeidsmigratie -> arbeid + s + migratie; landbouwbeleid -> landbouw + beleid (and landbouw ->
land + bouw). The backends index the parts of every compound in a `parts` field beside the
text and search a query word there too, with a lower weight than a whole-word match; a compound
query word is also searched as the phrase of its parts (wiskundeonderwijs finds
"wiskunde-onderwijs").

The word list is OpenTaal's, as Debian ships it in the `wdutch` package (/usr/share/dict/dutch;
BSD or CC-BY 3.0, so using it is fine). `make setup` installs the package; the first use (or
`python -m index.compounds`) turns it into the project's list: lower-case words of letters only,
accents folded, sorted, one per line, in the user cache directory. The same source gives the same
list, byte for byte.

The method is the published dictionary one (longest known modifier first, an optional linking
morpheme -s-, -en-, -e-, then a known or itself splittable head), with two guards against the
splits that make search worse: a modifier is never a particle or prefix (uitvoering is not
uit + voering, samenwerking not samen + werking), and a head is never a suffix that happens to
be a word (vriendschap is not vriend + schap).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import platformdirs

SOURCE = Path(os.environ.get("FICHE_DUTCH_WORDS", "/usr/share/dict/dutch"))
LIST_VERSION = 1  # bump when the build rules below change: the cached list is rebuilt
MIN_PART = 3
# A modifier of three letters is mostly chance in a list this large: nat + ionale, han +
# delingen, ins + tellingen. A head of three letters needs a long modifier (mededinging + wet).
MIN_MODIFIER = 4
MIN_MODIFIER_BEFORE_SHORT_HEAD = 6
MIN_COMPOUND = 7
LINKS = ("", "s", "en", "e", "er")
# A part inside a part (land + bouw inside landbouwbeleid) must be this long: shorter cuts of
# a known word are mostly chance (wiskunde is no wis + kunde, houding no hou + ding).
MIN_INNER_PART = 4
# A word made of one of these prefixes and a known word is a derivation, not a compound:
# bestuur is be + stuur, not best + uur; bestemming be + stemming, not bes + temming.
PREFIXES = ("be", "ge", "ver", "ont", "her")
# Never a modifier: particles, prepositions and prefixes. A word that starts with one is
# (nearly always) a derived word, not a compound: uitvoering, overeenkomst, samenwerking.
NOT_MODIFIERS = frozenset(
    [
        "aan",
        "af",
        "al",
        "bij",
        "door",
        "een",
        "eraan",
        "erin",
        "erop",
        "eruit",
        "ervan",
        "for",
        "her",
        "in",
        "langs",
        "mede",
        "mee",
        "mis",
        "na",
        "naar",
        "neer",
        "om",
        "on",
        "ont",
        "onder",
        "op",
        "over",
        "overeen",
        "rond",
        "samen",
        "te",
        "ten",
        "ter",
        "tegen",
        "toe",
        "tot",
        "terug",
        "tussen",
        "uit",
        "van",
        "ver",
        "voor",
        "voort",
        "weer",
        "weg",
    ]
)
# Never a head: suffixes that are words too (vriendschap, eetbaar, werkloos, mogelijk, ...).
NOT_HEADS = frozenset(
    [
        "aar",
        "aars",
        "baar",
        "bare",
        "dom",
        "doms",
        "lijk",
        "lijke",
        "lijken",
        "loos",
        "loze",
        "nis",
        "schap",
        "schappen",
        "ster",
        "sters",
        "tal",
        "tje",
        "tjes",
    ]
)
# Words long enough to be compounds. Latin-1 letters only: a Unicode class (\w) is three times
# slower, and this scan runs over every indexed character, in Python.
# Adjectives in -lijk are derived words (noodzakelijk is no nood + zakelijk), so not a head.
ADJECTIVE_ENDINGS = ("lijk", "lijke", "lijker", "lijkst", "lijkste")
_LONG_WORD = re.compile(rf"[A-Za-zÀ-ÖØ-öø-ÿ]{{{MIN_COMPOUND},}}")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


class WordListMissing(RuntimeError):
    """The Dutch word list is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Split:
    """A compound's first cut: `modifier` + `link` + `head` spell the word."""

    modifier: str
    link: str
    head: str

    @property
    def surface(self) -> tuple[str, str]:
        """The word as two written pieces, the link kept on the modifier (arbeids, markt)."""
        return self.modifier + self.link, self.head


def fold(word: str) -> str:
    """Lower case, accents removed (financiële -> financiele), as both analyzers do."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build_word_list(source: Path) -> list[str]:
    """The project's list from OpenTaal's: lower-case entries of letters only (no names, no
    abbreviations), folded, at least MIN_PART long, sorted."""
    words = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or not entry.islower() or not entry.isalpha():
            continue
        word = fold(entry)
        if len(word) >= MIN_PART and word.isalpha():
            words.add(word)
    return sorted(words)


def word_list_path(source: Path = SOURCE) -> Path:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    folder = Path(platformdirs.user_cache_dir("fiche-search"))
    return folder / f"dutch-words-v{LIST_VERSION}-{digest}.txt"


def installed_word_list(source: Path = SOURCE) -> Path:
    """The built list, built now if this is its first use."""
    if not source.is_file():
        raise WordListMissing(
            f"the Dutch word list {source} is missing: install Debian's wdutch package"
            " (`make system`, or `apt-get install wdutch`)"
        )
    path = word_list_path(source)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text("\n".join(build_word_list(source)) + "\n", encoding="utf-8")
    partial.replace(path)  # atomic: a parallel first use reads a whole list or builds its own
    return path


class Decompounder:
    def __init__(self, words: frozenset[str]):
        self.words = words
        self._parts: dict[str, tuple[str, ...]] = {}
        self._splits: dict[str, Split | None] = {}
        self._parts_text: dict[str, str] = {}  # a token as written -> its parts, as words
        self._seen: set[str] = set()  # the keys of _parts_text, for set differences
        self._compounds: set[str] = set()  # the keys of _parts_text that have parts
        self._recent: dict[str, str] = {}  # the last texts seen -> their parts, as words

    def _modifier(self, word: str) -> bool:
        return word in self.words and word not in NOT_MODIFIERS

    def _head(self, word: str) -> bool:
        return word in self.words and word not in NOT_HEADS and word not in NOT_MODIFIERS

    @classmethod
    def from_file(cls, path: Path) -> Decompounder:
        return cls(frozenset(path.read_text(encoding="utf-8").split()))

    def split(self, word: str) -> Split | None:
        """The first cut of a folded word, or None when it is no compound. A known head is
        preferred to one that must be split itself; a longer modifier to a shorter one."""
        if word in self._splits:
            return self._splits[word]
        cut = None
        if len(word) >= MIN_COMPOUND and word.isalpha() and not self._derived(word):
            # the places a known modifier ends, longest first; most words have none
            ends = [
                end
                for end in range(len(word) - MIN_PART, MIN_MODIFIER - 1, -1)
                if self._modifier(word[:end])
            ]
            if ends:
                cut = self._cut(word, ends, known_head=True)
                cut = cut or self._cut(word, ends, known_head=False)
                cut = cut and self._link_apart(cut)
        self._splits[word] = cut
        return cut

    @staticmethod
    def _fits(modifier: str, head: str) -> bool:
        if len(head) < MIN_PART or head.endswith(ADJECTIVE_ENDINGS):
            return False
        return len(head) > MIN_PART or len(modifier) >= MIN_MODIFIER_BEFORE_SHORT_HEAD

    def _derived(self, word: str) -> bool:
        for prefix in PREFIXES:
            if word.startswith(prefix) and word[len(prefix) :] in self.words:
                return True
        return False

    def _link_apart(self, cut: Split) -> Split:
        """A modifier that ends in a linking morpheme: staats + steun -> staat + s + steun,
        or the morpheme is the head's first letter: kamers + tukken -> kamer + stukken."""
        if cut.link:
            return cut
        for link in LINKS[1:]:
            stem = cut.modifier.removesuffix(link)
            if stem == cut.modifier or len(stem) < MIN_MODIFIER or not self._modifier(stem):
                continue
            if self._head(link + cut.head):
                return Split(stem, "", link + cut.head)
            return Split(stem, link, cut.head)
        return cut

    def _cut(self, word: str, ends: list[int], known_head: bool) -> Split | None:
        for end in ends:
            modifier = word[:end]
            for link in LINKS:
                head = word[end + len(link) :]
                if not self._fits(modifier, head) or not word.startswith(link, end):
                    continue
                if known_head:
                    found = self._head(head)
                else:  # a head that is a compound itself is at least that long
                    found = len(head) >= MIN_COMPOUND and self.split(head) is not None
                if found:
                    return Split(modifier, link, head)
        return None

    def parts(self, word: str) -> tuple[str, ...]:
        """Every part of a folded word, the parts of its parts too (arbeidsmarktbeleid ->
        arbeidsmarkt, arbeid, markt, beleid); () for a word that is no compound."""
        found = self._parts.get(word)
        if found is not None:
            return found
        cut = self.split(word)
        found = () if cut is None else self._expand(cut)
        self._parts[word] = found
        return found

    def _expand(self, cut: Split) -> tuple[str, ...]:
        return (cut.modifier, *self._inner(cut.modifier), cut.head, *self._inner(cut.head))

    def _inner(self, part: str) -> tuple[str, ...]:
        """The parts of a part; a known word is cut only into long enough pieces."""
        if part not in self.words:
            return self.parts(part)
        cut = self.split(part)
        if cut is None or min(len(cut.modifier), len(cut.head)) < MIN_INNER_PART:
            return ()
        return self.parts(part)

    def parts_text(self, *texts: str) -> str:
        """The parts of the compounds in these texts, as words for the `parts` field: once per
        compound and text (counting repeats costs a fifth more import time, for little)."""
        return " ".join(filter(None, map(self._text_parts, texts)))

    def _text_parts(self, text: str) -> str:
        # A document's title stands above every one of its sections: seen again, it is not
        # scanned again.
        known = self._recent.get(text)
        if known is not None:
            return known
        tokens = set(_LONG_WORD.findall(text))
        # set operations run in C; only a token never seen goes through Python
        for token in tokens - self._seen:
            self._token_parts(token)
        found = " ".join(map(self._parts_text.__getitem__, tokens & self._compounds))
        if len(self._recent) > 16:
            self._recent.clear()
        self._recent[text] = found
        return found

    def _token_parts(self, token: str) -> str:
        known = self._parts_text.get(token)
        if known is None:
            if len(self._parts_text) > 1_000_000:  # bounded memory on a long import
                memos = (self._parts_text, self._seen, self._compounds, self._splits, self._parts)
                for memo in memos:
                    memo.clear()
            known = self._parts_text[token] = " ".join(self.parts(fold(token)))
            self._seen.add(token)
            if known:
                self._compounds.add(token)
        return known


@cache
def decompounder() -> Decompounder:
    return Decompounder.from_file(installed_word_list())


def hyphen_pieces(word: str) -> tuple[str, ...]:
    """wiskunde-onderwijs -> (wiskunde, onderwijs); () for anything but letters and hyphens."""
    if not _HYPHENATED.fullmatch(word):
        return ()
    return tuple(word.split("-"))


def main() -> int:
    try:
        path = installed_word_list()
    except WordListMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Dutch word list: {path} ({len(path.read_text().split())} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

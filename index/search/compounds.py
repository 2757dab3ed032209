"""Dutch compounds split into their parts, from one word list, for both search backends.

arbeidsmigratie -> arbeid + s + migratie; landbouwbeleid -> landbouw + beleid (and landbouw ->
land + bouw). The backends index the parts of every compound in a `parts` field beside the
text and search a query word there too, with a lower weight than a whole-word match; a compound
query word is also searched as the phrase of its parts (wiskundeonderwijs finds
"wiskunde-onderwijs").

The word list is OpenTaal's, as Debian ships it in the `wdutch` package (/usr/share/dict/dutch;
BSD or CC-BY 3.0, so using it is fine). `make setup` installs the package; the first use (or
`python -m index.search.compounds`) turns it into the project's list: lower-case words of
letters only, accents folded, sorted, one per line, in the user cache directory. The same
source gives the same list, byte for byte.

The method is the published dictionary one (longest known modifier first, an optional linking
morpheme -s-, -en-, -er-, then a known or itself splittable head), with guards against the
splits that make search worse, because the list holds suffixes, endings and chance letter runs
as words: a modifier is never a particle or prefix (uitvoering is not uit + voering,
samenwerking not samen + werking), a head is never a suffix that happens to be a word
(vriendschap is not vriend + schap), and the RULES below (autoriteit is not autorit + eit,
houdende not houd + ende). `python -m benchmarks.compound_splits` measures each guard against
hand-judged gold (benchmarks/compounds/).

Documents are no longer split here: at import, Tantivy's own split_compound filter cuts them
with a dictionary built from this splitter's results over the word list
(index/compound_dictionary.py). This splitter splits query words and is the reference the
filter is measured against (`python -m benchmarks.compound_targets`). An embedded index built
before a change of these rules or that dictionary (SPLITS_VERSION, the dictionary's file name)
is refused until `fiche-search reindex`.
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
        "bijeen",
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
        "tegemoet",
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
# The guards against false splits, each measured on the hand-judged gold by
# `python -m benchmarks.compound_splits` (a Decompounder without them splits as before they
# were added). Each is a rule of Dutch morphology, not a list of words that went wrong:
# Bump when RULES or the split method change what a word splits into: an index holds the
# parts of the rules it was built with, so one built before is refused until `reindex`.
SPLITS_VERSION = 3
RULES = frozenset(
    [
        # an inflected form of a known word that is no compound is none either: uittreksels
        # (uittreksel + s, not uittrek + s + els), managers, kwekerijen, uitvoerend(e)
        "inflected",
        # a derivational or inflectional ending that is also a word is never a head:
        # autoriteit is no autorit + eit, houdende no houd + ende, werkzaamheden no
        # werkzaam + heden, meerjarige no meer + jarige
        "suffix_heads",
        # one consonant and -ing(en) is the suffix -ing after a verb stem, not a word:
        # terugtrekking is no terugtrek + king, legeringen no lege + ringen
        "ing_heads",
        # a learned prefix that is also a word, before a word that is no compound, makes a
        # derived word: transmissie is no trans + missie, oppervlakte no opper + vlakte
        "bound_prefixes",
        # a function word is never a head: halogeen is no halo + geen, schroeven no schro + even
        "function_heads",
        # no modern compound links with -e- (opnamesnelheid is opname + snelheid, not
        # opnam + e + snelheid; kwekerijen no kwek + e + rijen); a modifier that is a word in
        # -e or -er keeps it (indringer + detectie, not indring + er)
        "word_links",
    ]
)
# The endings of inflected forms (plural, adjective, present participle), for "inflected".
INFLECTIONS = ("s", "en", "n", "e", "d", "de")
# Words that are also suffixes or inflected endings, for "suffix_heads": -iteit, -heid
# (heden), the present participle (-end, -ende), -jarig, -sten (overeenkom + sten).
SUFFIX_HEADS = frozenset(["eit", "end", "ende", "enden", "heden", "jarig", "jarige", "sten"])
ING_ENDINGS = frozenset(["ing", "ingen", "ings"])  # for "ing_heads", after one consonant
# Prefixes that are words too and make a word whose meaning is not the rest's, for
# "bound_prefixes": transacties is not about acties, infrarood not about rood; weder- is her-
# (wederuitvoer is re-export, as herindeling is no indeling). Prefixes whose word is about the
# rest stay modifiers: anti + dumping, micro + poeder, super + markt.
BOUND_PREFIXES = frozenset(["infra", "mono", "opper", "para", "poly", "tetra", "trans", "weder"])
# Articles, pronouns, conjunctions and adverbs: short words that are never the head.
FUNCTION_WORDS = frozenset(
    [
        *("alle", "als", "dan", "dat", "deze", "die", "dit", "elk", "geen", "hun", "iets"),
        *("daar", "eens", "even", "hier", "maar", "niet", "niets", "nog", "ook", "toch"),
        *("want", "wat", "wel", "wie", "zelf", "zich"),
    ]
)
# Adjectives in -lijk are derived words (noodzakelijk is no nood + zakelijk), so not a head.
ADJECTIVE_ENDINGS = ("lijk", "lijke", "lijker", "lijkst", "lijkste")
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


_DIGESTS: dict[tuple[tuple[str, int, int], ...], str] = {}


def files_digest(*paths: Path) -> str:
    """The sha256 of the files' bytes one after the other. Remembered per process while every
    file keeps its size and modification time: every opening of an index checks the word list
    and the dictionary this way, and the web opens the index for each request (hashing their
    12 MB took some 100 ms of each search)."""
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    if signature not in _DIGESTS:
        digest = hashlib.sha256()
        for path in paths:
            digest.update(path.read_bytes())
        _DIGESTS[signature] = digest.hexdigest()
    return _DIGESTS[signature]


def word_list_path(source: Path = SOURCE) -> Path:
    digest = files_digest(source)[:12]
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
    def __init__(self, words: frozenset[str], rules: frozenset[str] = RULES):
        self.words = words
        self.rules = rules
        word_links = "word_links" in rules
        self._links = tuple(k for k in LINKS if k != "e") if word_links else LINKS
        self._modifier_links = ("s", "en") if word_links else LINKS[1:]  # for _link_apart
        self._parts: dict[str, tuple[str, ...]] = {}
        self._splits: dict[str, Split | None] = {}

    def _modifier(self, word: str) -> bool:
        return word in self.words and word not in NOT_MODIFIERS

    def _head(self, word: str) -> bool:
        if word not in self.words or word in NOT_HEADS or word in NOT_MODIFIERS:
            return False
        if "suffix_heads" in self.rules and word in SUFFIX_HEADS:
            return False
        if "ing_heads" in self.rules and word[1:] in ING_ENDINGS and word[0] not in "aeiouy":
            return False
        return "function_heads" not in self.rules or word not in FUNCTION_WORDS

    @classmethod
    def from_file(cls, path: Path) -> Decompounder:
        return cls(frozenset(path.read_text(encoding="utf-8").split()))

    def split(self, word: str) -> Split | None:
        """The first cut of a folded word, or None when it is no compound. A known head is
        preferred to one that must be split itself; a longer modifier to a shorter one."""
        if word in self._splits:
            return self._splits[word]
        cut = None
        if (
            len(word) >= MIN_COMPOUND
            and word.isalpha()
            and not self._derived(word)
            and not self._inflected(word)
        ):
            # the places a known modifier ends, longest first; most words have none
            ends = [
                end
                for end in range(len(word) - MIN_PART, MIN_MODIFIER - 1, -1)
                if self._modifier(word[:end])
            ]
            if ends and not self._prefixed(word, ends[0]):
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

    def _prefixed(self, word: str, longest_modifier: int) -> bool:
        """A learned prefix on a known word that is no compound, and no known modifier
        reaches past the prefix: transmissie, wederuitvoer. Before a compound the prefix is
        cut off, so the compound's parts are found (weder + aanpassingssteun), and a longer
        modifier is cut as usual (supermarkt + keten)."""
        if "bound_prefixes" not in self.rules:
            return False
        for prefix in BOUND_PREFIXES:
            if len(prefix) < longest_modifier or not word.startswith(prefix):
                continue
            rest = word[len(prefix) :]
            if rest in self.words and self.split(rest) is None:
                return True
        return False

    def _inflected(self, word: str) -> bool:
        """An inflected form of a known word that is no compound: uittreksels, uitvoerende."""
        if "inflected" not in self.rules:
            return False
        for ending in INFLECTIONS:
            base = word.removesuffix(ending)
            if base != word and base in self.words and self.split(base) is None:
                return True
        return False

    def _link_apart(self, cut: Split) -> Split:
        """A modifier that ends in a linking morpheme: staats + steun -> staat + s + steun,
        or the morpheme is the head's first letter: kamers + tukken -> kamer + stukken."""
        if cut.link:
            return cut
        for link in self._modifier_links:
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
            for link in self._links:
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

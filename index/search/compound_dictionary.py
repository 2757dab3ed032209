"""The dictionary of compound parts that the search engines' own filters split words with:
Tantivy's `split_compound` (embedded index) and OpenSearch's `dictionary_decompounder`.

Both filters are dictionary based and run in native code, so importing does no per-word
Python work for compounds. Tantivy's filter cuts a word from the left, longest dictionary
entry first, and keeps the word whole unless the entries cover all of it. So the dictionary
holds two kinds of entries:

- every word of the project's word list that the Python splitter (index/compounds.py, the
  reference) does not split: a listed word is then its own longest match and stays whole
  (processen is no proces + sen, autoriteit no autorit + eit);
- the written pieces of the listed compounds, split by the reference, and the linking forms
  Dutch compounds are made of (arbeids-, kabinets-, zonne-), read from the compound flags of
  Debian's hunspell-nl dictionary with spylls.

Every entry is at least MIN_ENTRY letters and is a word of the list, or a word of the list
plus a linking ending (arbeids = arbeid + s, zonne = zon + ne), which the Dutch stemmer
takes back off. Words that are never a part by the reference's rules (particles, suffixes
that are words, function words) are left out, so they cut nothing.

`make setup` builds it into the user cache (`python -m index.search.compound_dictionary`), else the
first use does; the same sources give the same file, byte for byte.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs
from tantivy import Filter, TextAnalyzer, TextAnalyzerBuilder, Tokenizer

from index.search.compounds import (
    FUNCTION_WORDS,
    MIN_COMPOUND,
    MIN_INNER_PART,
    MIN_PART,
    NOT_HEADS,
    NOT_MODIFIERS,
    SPLITS_VERSION,
    SUFFIX_HEADS,
    Decompounder,
    WordListMissing,
    files_digest,
    fold,
    installed_word_list,
)
from index.search.inflections import text_words

HUNSPELL = Path(os.environ.get("FICHE_HUNSPELL_NL", "/usr/share/hunspell/nl_NL"))
DICTIONARY_VERSION = 2  # bump when the build rules below change: the cached file is rebuilt
# What a linking form may add to a word: arbeid+s, zonne (zon+ne), boeken (boek+en).
LINK_ENDINGS = ("s", "e", "en", "n", "ne", "er")
# A three-letter entry cuts words by chance, as the filter cannot ask where it stands (ier +
# land, edit + ion, bedrijfs + tak): on the distinct words of the scale corpus, without them
# 1,258 words are split that the reference keeps whole instead of 6,692, and 17,304 are kept
# whole that it splits instead of 13,829 (words seen 98.2 % alike either way).
MIN_ENTRY = MIN_PART + 1
# Words that are never a part by the reference's rules: kept out, they would cut words the
# reference keeps whole (houd + ende, vriend + schap).
NEVER_PARTS = NOT_HEADS | NOT_MODIFIERS | SUFFIX_HEADS | FUNCTION_WORDS


class DictionaryMissing(WordListMissing):
    """hunspell-nl is not installed; the message says how to install it."""


def written_pieces(decompounder: Decompounder, word: str) -> list[str]:
    """The pieces a compound is written in, links kept on the piece before them, as the
    reference splits it: arbeidsmarktbeleid -> arbeids, markt, beleid. [word] for a word
    that is no compound."""
    cut = decompounder.split(word)
    if cut is None:
        return [word]
    modifier = _inner_pieces(decompounder, cut.modifier)
    modifier[-1] += cut.link
    return modifier + _inner_pieces(decompounder, cut.head)


def _inner_pieces(decompounder: Decompounder, part: str) -> list[str]:
    # as Decompounder._inner: a known word is cut only into long enough pieces
    if part in decompounder.words:
        cut = decompounder.split(part)
        if cut is None or min(len(cut.modifier), len(cut.head)) < MIN_INNER_PART:
            return [part]
    return written_pieces(decompounder, part)


def linking_forms(hunspell: Path, words: frozenset[str]) -> set[str]:
    """The forms hunspell-nl allows at the start or middle of a compound (its COMPOUNDBEGIN
    and COMPOUNDMIDDLE flags, on a word or on the affixed form a suffix rule makes of it),
    that are a listed word plus a linking ending."""
    from spylls.hunspell import Dictionary  # only the offline build needs it

    dictionary = Dictionary.from_files(str(hunspell))
    aff = dictionary.aff
    in_compound = {aff.COMPOUNDBEGIN, aff.COMPOUNDMIDDLE}
    forms = set()
    for entry in dictionary.dic.words:
        if entry.flags & in_compound:
            forms.add(entry.stem)
        for flag in entry.flags:
            for suffix in aff.SFX.get(flag, ()):
                if suffix.flags & in_compound and entry.stem.endswith(suffix.strip):
                    stem = entry.stem[: len(entry.stem) - len(suffix.strip)]
                    forms.add(stem + suffix.add)
    found = set()
    for form in forms:
        if not form.isalpha() or not form.islower():
            continue
        form = fold(form)
        for ending in LINK_ENDINGS:
            base = form.removesuffix(ending)
            if base != form and len(base) >= MIN_PART and base in words:
                found.add(form)
                break
    return found


def build_dictionary(words: frozenset[str], links: set[str]) -> list[str]:
    """The entries, sorted: the listed words that are no compound, the pieces of those that
    are, and the linking forms."""
    decompounder = Decompounder(words)
    whole, pieces = set(), set()
    bound_links = {form for form in links if form not in words and len(form) > MIN_PART}
    for word in words:
        if len(word) >= MIN_COMPOUND and decompounder.split(word) is not None:
            pieces.update(written_pieces(decompounder, word))
        elif len(word) >= MIN_COMPOUND and (linked := _linked_split(word, bound_links, words)):
            pieces.update(linked)
        else:
            whole.add(word)
    entries = whole | pieces | links
    return sorted(w for w in entries - NEVER_PARTS if len(w) >= MIN_ENTRY)


def _linked_split(word: str, bound_links: set[str], words: frozenset[str]) -> list[str]:
    """A listed word the reference keeps whole that starts with a linking form which is no
    word itself, before a listed word: zonne + panelen, arbeids + voorwaarden. [] if none."""
    for end in range(len(word) - MIN_INNER_PART, MIN_PART, -1):
        head = word[end:]
        if word[:end] in bound_links and head in words and head not in NEVER_PARTS:
            return [word[:end], head]
    return []


def dictionary_path(word_list: Path, hunspell: Path = HUNSPELL) -> Path:
    digest = files_digest(word_list, *(hunspell.with_suffix(s) for s in (".dic", ".aff")))
    folder = Path(platformdirs.user_cache_dir("fiche-search"))
    version = f"v{DICTIONARY_VERSION}-s{SPLITS_VERSION}"
    return folder / f"dutch-compound-parts-{version}-{digest[:12]}.txt"


def installed_dictionary(hunspell: Path = HUNSPELL) -> Path:
    """The built dictionary, built now if this is its first use."""
    word_list = installed_word_list()
    if not hunspell.with_suffix(".dic").is_file():
        raise DictionaryMissing(
            f"the Dutch hunspell dictionary {hunspell}.dic is missing: install Debian's"
            " hunspell-nl package (`make system`, or `apt-get install hunspell-nl`)"
        )
    path = dictionary_path(word_list, hunspell)
    if path.is_file():
        return path
    words = frozenset(word_list.read_text(encoding="utf-8").split())
    entries = build_dictionary(words, linking_forms(hunspell, words))
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text("\n".join(entries) + "\n", encoding="utf-8")
    partial.replace(path)  # atomic: a parallel first use reads a whole file or builds its own
    return path


@cache
def compound_parts() -> tuple[str, ...]:
    """The dictionary's entries, for the filters of both backends."""
    return tuple(installed_dictionary().read_text(encoding="utf-8").split())


def split_compounds() -> Filter:
    """Tantivy's filter that cuts a word into the dictionary's entries (after lower-casing and
    accent folding), or leaves it whole when they do not cover all of it."""
    return Filter.split_compound(list(compound_parts()))


@cache
def pieces_analyzer() -> TextAnalyzer:
    """Text -> its words, each compound cut into its pieces, unstemmed: the analysis of the
    embedded index's parts field (arbeidsmigratie -> arbeids, migratie; a word that is no
    compound passes whole), and what a cluster backend is sent. Not stemmed: the stemmer reads
    some long words as another word (visserij as vis), which as parts would bypass the groups
    of inflected forms."""
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(60))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .filter(split_compounds())
        .build()
    )


def part_terms(forms: list[str]) -> list[str]:
    """The words of the parts field a query word is found as: its forms (from the table of
    inflected forms, else the word itself), each also with a linking ending (arbeid ->
    arbeids, zon -> zonne). The parts field is not stemmed: a long word the stemmer reads as
    another (visserij as vis) must not be found as a part of it."""
    return sorted({fold(form) + link for form in forms for link in ("", *LINK_ENDINGS)})


def long_words(words: frozenset[bytes]) -> str:
    """The words long enough to be compounds, of the distinct words of a section
    (inflections.text_words, which the lemma keys are read from too: the text is cut into
    words once), letters only: what the parts field is given; the filter then cuts the
    compounds. Giving it every word instead costs Tantivy four times the tokens (and 1.3-1.5x
    the import's CPU, not 1.15x)."""
    return b" ".join([w for w in words if len(w) >= MIN_COMPOUND and w.isalpha()]).decode("ascii")


def pieces_text(*texts: str) -> str:
    """The long words of these texts with every compound cut into its pieces, in Rust: the
    embedded index's parts field, for a backend that analyses text on its own side."""
    return " ".join(pieces_analyzer().analyze(long_words(text_words(*texts))))


def main() -> int:
    try:
        path = installed_dictionary()
    except WordListMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Dutch compound dictionary: {path} ({len(compound_parts()):,} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

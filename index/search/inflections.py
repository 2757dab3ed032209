"""Inflected forms of a word found together, from one table, in both search backends.

The Dutch stemmer (Kraaij-Pohlmann, in Tantivy and as `dutch_kp` in OpenSearch/Elasticsearch)
cuts endings by rule, so the singular and the plural of many words miss each other
(maatregel -> maatregel, maatregelen -> maatregeel; proces -> proce, processen -> proces),
irregular plurals never meet (lid/leden, stad/steden, kind/kinderen, criterium/criteria), and
distinct words collapse (mening and menen both -> meen).

The table joins the forms of a word into one group with one key: a form points at its lemma
in spaCy's Dutch lemma data (spacy-lookups-data, installed with spaCy: the lookup table of
forms and the exception lists of irregular nouns and verbs), and forms joined by these pointers
are one group (werkt -> werken -> werk: the noun werk, its plural werken, the verb's forms).
A form takes one lemma: the lookup table's, else the irregular noun's, else the verb's (leden
is lid's plural, not a form of lijden); the plural in -n or -s of a noun in -e is joined to it
too (uitgaven, which the data makes a form of uitgaaf only). A word that is the lemma of noun
forms keeps its own group (gegeven, the lemma of gegevens, is not joined to geven).

Only the groups the stemmer gets wrong are in the table: those whose forms stem apart
(maatregel/maatregelen) and those that share a stem with another group (mening/menen). Every
other word is found by its stem, as before. Each section's words are looked up here when it is
indexed: the keys of the groups it holds go into a `lemma` field (index/search/contract.py,
LEMMA_FIELD), the same words in both backends. A query word in a group must find its key
there (so `mening` does not find `menen`), and is scored by the stems of its group's forms in
the text fields, as a stemmed word always was (so `maatregel` ranks a text saying
"maatregelen" as it ranked one saying "maatregel"). A quoted word is the exact word, as before.

The table is built on first use (or `python -m index.search.inflections`, part of `make setup`) into
the user cache: one line per form, "form key stem", sorted by key and form. The same spaCy data
and the same Tantivy give the same file, byte for byte. An index built with another
TABLE_VERSION is refused until `reindex`.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import platformdirs

from index.search.compounds import fold

# Bump when the build rules below change what the table holds: the cached table is rebuilt,
# and an index built with another table is refused until `fiche-search reindex`.
TABLE_VERSION = 1
TABLES = ("nl_lemma_lookup", "nl_lemma_exc", "nl_lemma_index")


def _word_bytes() -> bytes:
    """A byte table for lower-cased Latin-1 text: letters and digits kept, accented letters
    folded (e -> e for the e with a diaeresis, as both analyzers fold), sharp s an s (one
    byte per byte), everything else a space: words as the backends' tokenizers cut them."""
    table = bytearray(b" " * 256)
    for byte in range(256):
        char = chr(byte)
        base = unicodedata.normalize("NFKD", char)[:1]
        if char.isascii() and char.isalnum():
            table[byte] = byte
        elif char == "\u00df":
            table[byte] = ord("s")
        elif char.isalpha() and base.isascii() and base.isalpha():
            table[byte] = ord(base.lower())
    return bytes(table)


_WORD_BYTES = _word_bytes()


class LemmaDataMissing(RuntimeError):
    """spaCy's lookup data is not installed; the message says how to install it."""


def _data_folder() -> Path:
    spec = importlib.util.find_spec("spacy_lookups_data")  # found, not imported: no import cost
    if spec is None or not spec.submodule_search_locations:
        raise LemmaDataMissing(
            "spaCy's lemma data (the spacy-lookups-data package) is missing: install it with"
            " `pip install -e .` (`make python`)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(folder: Path, name: str) -> dict:
    with gzip.open(folder / f"{name}.json.gz", "rt", encoding="utf-8") as source:
        return json.load(source)


def _kin(form: str, lemma: str) -> bool:
    """A form begins as its lemma does, after a participle's ge- (gaf/geven, leden/lid,
    gewerkt/werken): the few pointers of the data that do not (voorlichtingsdienst -> kerk)
    are errors that would join two words' groups."""
    return form[0] == lemma[0] or (form.startswith("ge") and form[2:3] == lemma[:1])


def plural_joins(pointers: dict[str, str], folder: Path | None = None) -> list[tuple[str, str]]:
    """The plurals in -n and -s of the data's nouns in -e (uitgave/uitgaven, bijdrage/
    bijdragen) that are no lemma themselves nor a verb's form: joined to their noun beside the
    form's own lemma (the data makes uitgaven a form of uitgaaf only)."""
    index = _read(folder or _data_folder(), "nl_lemma_index")
    nouns = {fold(w) for w in index["noun"]}
    lemmas = {fold(w) for words in index.values() for w in words}
    joins = []
    for noun in sorted(nouns):
        for plural in (noun + "n", noun + "s"):
            lemma = pointers.get(plural)
            if not noun.endswith("e") or not noun.isalpha() or plural in lemmas:
                continue
            if lemma is None or lemma in nouns:
                joins.append((plural, noun))
    return joins


def lemma_pointers(folder: Path | None = None) -> dict[str, str]:
    """Every form -> its one lemma (folded, letters only): the lookup table's, else the
    irregular noun's, else the irregular verb's. A noun's lemma does not point on to a verb."""
    folder = folder or _data_folder()
    lookup = _read(folder, "nl_lemma_lookup")
    exceptions = _read(folder, "nl_lemma_exc")
    pointers: dict[str, str] = {}
    for table in (lookup, exceptions["noun"], exceptions["verb"]):
        for form, lemma in table.items():
            lemma = lemma[0] if isinstance(lemma, list) else lemma
            form, lemma = fold(form), fold(lemma)
            if form != lemma and form.isalpha() and lemma.isalpha() and _kin(form, lemma):
                pointers.setdefault(form, lemma)
    # a lemma of noun forms (gegeven, of gegevens) is a noun: its verb pointer (to geven)
    # would join the noun's group to the verb's
    noun_lemmas = {fold(v[0]) for v in exceptions["noun"].values()}
    noun_lemmas |= {pointers[fold(f)] for f in lookup if fold(f) in pointers}
    verbs = {fold(f) for f in exceptions["verb"]} - {fold(f) for f in lookup}
    verbs -= {fold(f) for f in exceptions["noun"]}
    for form in verbs & noun_lemmas:
        pointers.pop(form, None)
    return pointers


def build_table(
    pointers: dict[str, str],
    stem: Callable[[str], str | None],
    joins: list[tuple[str, str]] = (),
) -> dict[str, tuple[str, str]]:
    """form -> (group key, stem) for the forms of the groups the stemmer gets wrong. `stem`
    is the backends' analysis of one word (None for a stop word, which stays out); `joins`
    join more forms to lemmas, beside their pointers."""
    parent: dict[str, str] = {}

    def root(word: str) -> str:
        while parent.get(word, word) != word:
            parent[word] = parent.get(parent[word], parent[word])
            word = parent[word]
        return word

    for form, lemma in sorted([*pointers.items(), *joins]):
        a, b = root(form), root(lemma)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for word in sorted({w for edge in [*pointers.items(), *joins] for w in edge}):
        groups.setdefault(root(word), []).append(word)
    stems: dict[str, str] = {}
    for members in groups.values():
        for word in members:
            if (s := stem(word)) is not None:
                stems[word] = s
    owners: dict[str, set[str]] = {}  # stem -> the groups with a form of that stem
    for name, members in groups.items():
        for word in members:
            if word in stems:
                owners.setdefault(stems[word], set()).add(name)
    targets = {*pointers.values(), *(lemma for _, lemma in joins)}
    table: dict[str, tuple[str, str]] = {}
    for members in groups.values():
        kept = [w for w in members if w in stems]
        group_stems = {stems[w] for w in kept}
        if len(group_stems) < 2 and all(len(owners[s]) == 1 for s in group_stems):
            continue  # the stem already finds exactly this group
        # the key: the group's lemma (a pointer target), shortest first
        lemmas = [w for w in kept if w in targets] or kept
        key = min(lemmas, key=lambda w: (len(w), w))
        for word in kept:
            table[word] = (key, stems[word])
    return table


def tantivy_stem() -> Callable[[str], str | None]:
    """One word as the backends analyse it (lower case, accents folded, Dutch stop words
    dropped, Kraaij-Pohlmann stemmer); None for a stop word."""
    # tantivy is loaded only when the table is built
    from index.search.analyzers import dutch_analyzer

    analyzer = dutch_analyzer()

    def stem(word: str) -> str | None:
        tokens = analyzer.analyze(word)
        return tokens[0] if len(tokens) == 1 else None

    return stem


def table_path(folder: Path | None = None) -> Path:
    folder = folder or _data_folder()
    # the stems column is Tantivy's stemmer's: another Tantivy builds its own table
    digest = hashlib.sha256(importlib.metadata.version("tantivy").encode())
    for name in TABLES:
        digest.update((folder / f"{name}.json.gz").read_bytes())
    cache_folder = Path(platformdirs.user_cache_dir("fiche-search"))
    return cache_folder / f"dutch-inflections-v{TABLE_VERSION}-{digest.hexdigest()[:12]}.txt"


def installed_table() -> Path:
    """The built table, built now if this is its first use."""
    path = table_path()
    if path.is_file():
        return path
    pointers = lemma_pointers()
    table = build_table(pointers, tantivy_stem(), plural_joins(pointers))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    rows = sorted((key, form, stem) for form, (key, stem) in table.items())
    lines = (f"{form} {key} {stem}\n" for key, form, stem in rows)
    partial.write_text("".join(lines), encoding="utf-8")
    partial.replace(path)  # atomic: a parallel first use reads a whole table or builds its own
    return path


def query_word(word: str) -> str:
    """A query word as the table reads it: the plural or genitive 's after a vowel is the
    word's (risico's -> risico, as the tokenizers cut the written word into risico + s)."""
    for mark in ("'s", "\u2019s"):
        base = word.removesuffix(mark)
        if base != word and len(base) > 1 and base.isalpha():
            return base
    return word


class Inflections:
    """The table, read: a word's key, a group's forms and stems, and the keys a text holds.
    Kept as bytes (the file's words, ASCII), as the scan of a text at import works on bytes."""

    def __init__(self, forms: list[bytes], keys: list[bytes], stems: list[bytes]):
        """One row per form, sorted by key and form, as the file holds them."""
        self._forms, self._keys, self._stems = forms, keys, stems
        self._key_of = dict(zip(forms, keys, strict=True))
        self._recent: dict[str, frozenset[bytes]] = {}

    @classmethod
    def from_file(cls, path: Path) -> Inflections:
        words = path.read_bytes().split()
        return cls(words[0::3], words[1::3], words[2::3])

    def key(self, word: str) -> str | None:
        """The key of a word's group, or None when its stem finds it (no group here)."""
        key = self._key_of.get(fold(word).encode())
        return None if key is None else key.decode()

    def _members(self, key: str) -> list[tuple[str, str]]:
        """(form, stem) of a group's forms: the rows are sorted by key, so they are together."""
        encoded = key.encode()
        start = bisect.bisect_left(self._keys, encoded)
        end = bisect.bisect_right(self._keys, encoded, lo=start)
        rows = zip(self._forms[start:end], self._stems[start:end], strict=True)
        return [(form.decode(), stem.decode()) for form, stem in rows]

    def stems(self, key: str) -> list[str]:
        """The distinct stems of a group's forms, sorted: what scores a match."""
        return sorted({stem for _, stem in self._members(key)})

    def stem(self, word: str) -> str | None:
        """A form's stem as the table holds it (the backends' stemmer's)."""
        key = self.key(word)
        if key is None:
            return None
        return dict(self._members(key)).get(fold(word))

    def scoring_forms(self, key: str, leave_out: str | None = None) -> list[str]:
        """One form per distinct stem of a group (the first in order), but for the stem
        `leave_out`: a backend that stems these itself scores by the stems of the group."""
        first: dict[str, str] = {}
        for form, stem in self._members(key):
            if stem != leave_out:
                first.setdefault(stem, form)
        return [first[stem] for stem in sorted(first)]

    def forms(self, key: str) -> list[str]:
        return [form for form, _ in self._members(key)]

    def __len__(self) -> int:
        return len(self._forms)

    def groups(self) -> int:
        return len(set(self._keys))

    def lemma_text(self, *texts: str) -> str:
        """The keys of the groups these texts hold a form of, once each, for the `lemma`
        field, when nothing else needs their words (a title's keys are kept: it stands above
        each of its sections)."""
        found: set[bytes] = set()
        for text in texts:
            known = self._recent.get(text)
            if known is None:
                known = self._group_keys(text_words(text))
                if len(self._recent) > 16:
                    self._recent.clear()
                self._recent[text] = known
            found |= known
        return b" ".join(found).decode("ascii")

    def lemma_keys(self, words: frozenset[bytes]) -> str:
        """The keys of the groups of these words (text_words), once each: only the forms found
        go through Python."""
        return b" ".join(self._group_keys(words)).decode("ascii")

    def _group_keys(self, words: frozenset[bytes]) -> frozenset[bytes]:
        hits = self._key_of.keys() & words  # looks up the text's words only
        return frozenset(map(self._key_of.__getitem__, hits))


_recent_words: dict[str, frozenset[bytes]] = {}


def text_words(*texts: str) -> frozenset[bytes]:
    """The distinct words of these texts, cut once for every field built from them (the
    lemma keys, the parts field's long words). Cut in C, as bytes: lower-cased, Latin-1 (any
    other character is a separator, as it is no letter of a Dutch word), accents folded and
    punctuation made a space by one byte table, split on white space (a regular expression's
    word scan costs 4 times as much). ASCII letters and digits only, so they decode as ASCII."""
    cut = []
    for text in texts:
        words = _recent_words.get(text)  # a title stands above each of its sections
        if words is None:
            words = frozenset(
                text.lower().encode("latin-1", "replace").translate(_WORD_BYTES).split()
            )
            if len(_recent_words) > 16:
                _recent_words.clear()
            _recent_words[text] = words
        cut.append(words)
    return cut[0].union(*cut[1:]) if cut else frozenset()


@cache
def inflections() -> Inflections:
    return Inflections.from_file(installed_table())


def main() -> int:
    try:
        path = installed_table()
    except LemmaDataMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    table = Inflections.from_file(path)
    print(f"Dutch inflections: {path} ({len(table)} forms, {table.groups()} groups)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

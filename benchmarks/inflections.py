"""Do the inflected forms of a word find each other? Each form alone in its own one-sentence
document, each form searched: a pair meets when each form finds the other's document.

    .venv/bin/python -m benchmarks.inflections                    # embedded, before and after
    .venv/bin/python -m benchmarks.inflections --es-url URL       # OpenSearch too (after)

Pair lists:
- common: benchmarks/inflections/common_pairs.tsv, 106 singular/plural pairs of government
  prose, written for this benchmark (the issue's 106 pairs were not kept in the repository);
- noun plurals: SAMPLE pairs drawn with a fixed seed from spaCy's Dutch lemma data (the plural
  forms of its noun lemmas: the irregular-noun list and the lookup table's forms in -en, -s,
  -'s, -a, -i, diminutives left out);
- verb forms: SAMPLE pairs drawn the same way from its verb forms (an inflected form and its
  infinitive);
- distinct words: SAMPLE pairs of two lemmas of the data that the stemmer gives one stem
  (mening/menen), neither a form of the other: here meeting is a collision, lower is better;
- and on the common pairs, a quoted form ("maatregel") finding the other form: must be 0.

The noun and verb samples come from the data the table is built from (index/search/inflections.py):
they measure whether the analysis carries the data through both backends, not whether the
data is right. "before" is the analysis without the table (the stemmer alone).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from index.search.compounds import fold
from index.search.embedded import EmbeddedBackend, dutch_analyzer
from index.search.inflections import _data_folder, lemma_pointers
from index.search.query import Filters, parse_query
from parsers import Document
from parsers.model import Section

HERE = Path(__file__).parent / "inflections"
SEED = 24
SAMPLE = 600
PLURAL_ENDINGS = ("en", "s", "a", "i")
DIMINUTIVES = ("je", "jes", "ke", "kes")

Pair = tuple[str, str]


def common_pairs() -> list[Pair]:
    lines = (HERE / "common_pairs.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def _data(name: str) -> dict:
    with gzip.open(_data_folder() / f"{name}.json.gz", "rt", encoding="utf-8") as source:
        return json.load(source)


def _letters(word: str) -> bool:
    return fold(word).isalpha()


def noun_plurals() -> list[Pair]:
    lookup, exceptions = _data("nl_lemma_lookup"), _data("nl_lemma_exc")
    nouns = set(_data("nl_lemma_index")["noun"])
    pairs = {(lemma[0], form) for form, lemma in exceptions["noun"].items()}
    pairs |= {(lemma, form) for form, lemma in lookup.items() if lemma in nouns}
    pairs = {
        (singular, plural)
        for singular, plural in pairs
        if singular != plural
        and _letters(singular)
        and _letters(plural.replace("'s", ""))
        and plural.endswith(PLURAL_ENDINGS)
        and not plural.endswith(DIMINUTIVES)
        and not plural.removesuffix("s").endswith(DIMINUTIVES)
    }
    return random.Random(SEED).sample(sorted(pairs), SAMPLE)


def verb_forms() -> list[Pair]:
    lookup, exceptions = _data("nl_lemma_lookup"), _data("nl_lemma_exc")
    verbs = set(_data("nl_lemma_index")["verb"])
    pairs = {(lemma[0], form) for form, lemma in exceptions["verb"].items() if lemma[0] in verbs}
    pairs |= {(lemma, form) for form, lemma in lookup.items() if lemma in verbs}
    pairs = {(a, b) for a, b in pairs if a != b and _letters(a) and _letters(b)}
    return random.Random(SEED).sample(sorted(pairs), SAMPLE)


def distinct_words() -> list[Pair]:
    """Two lemmas with one stem, neither pointing at the other (nor at a common lemma)."""
    index = _data("nl_lemma_index")
    lemmas = sorted({fold(w) for pos in ("noun", "verb", "adj") for w in index[pos]})
    pointers = lemma_pointers()
    analyzer = dutch_analyzer()
    by_stem: dict[str, list[str]] = {}
    for word in lemmas:
        if word.isalpha() and len(tokens := analyzer.analyze(word)) == 1:
            by_stem.setdefault(tokens[0], []).append(word)
    pairs = []
    for words in by_stem.values():
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if pointers.get(a, a) not in (b, pointers.get(b, b)) and pointers.get(b) != a:
                    pairs.append((a, b))
    return random.Random(SEED).sample(sorted(pairs), SAMPLE)


def documents(pairs: list[Pair]) -> tuple[list[Document], dict[str, str]]:
    words = sorted({w for pair in pairs for w in pair})
    ids = {word: f"w{n}" for n, word in enumerate(words)}
    docs = [
        Document(id=ids[w], source="local", doc_type="test", sections=[Section("overig", text=w)])
        for w in words
    ]
    return docs, ids


def meeting(pairs: list[Pair], matches: Callable[[str], set[str]], ids, quoted=False) -> int:
    def finds(query: str, word: str) -> bool:
        return ids[word] in matches(f'"{query}"' if quoted else query)

    return sum(finds(a, b) and finds(b, a) for a, b in pairs)


def embedded(pairs: list[Pair], inflected: bool, work: Path):
    docs, ids = documents(pairs)
    backend = EmbeddedBackend(work / f"index-{uuid.uuid4().hex[:8]}", inflected=inflected)
    backend.add(docs)
    backend.close()
    return lambda q: set(backend.matching_documents(parse_query(q, Filters()))), ids


def cluster(pairs: list[Pair], url: str):
    from index.search.cluster import ClusterBackend
    from index.search.cluster_clients import OpenSearchClient

    docs, ids = documents(pairs)
    backend = ClusterBackend(
        OpenSearchClient(url), "opensearch", alias=f"inflect-{uuid.uuid4().hex[:8]}"
    )
    backend.add(docs)
    backend.commit()
    assert backend.rejected == [], backend.rejected[:3]
    return lambda q: set(backend.matching_documents(parse_query(q, Filters()))), ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--es-url", default="", help="an OpenSearch node: measure it too")
    args = parser.parse_args()
    lists = {
        "common pairs": common_pairs(),
        "noun plurals": noun_plurals(),
        "verb forms": verb_forms(),
        "distinct words (lower is better)": distinct_words(),
    }
    with tempfile.TemporaryDirectory() as work:
        print(f"{'pairs':<34} {'n':>4} {'before':>14} {'after':>14}", end="")
        print(f" {'opensearch':>14}" if args.es_url else "")
        for name, pairs in lists.items():
            finders = [embedded(pairs, False, Path(work)), embedded(pairs, True, Path(work))]
            if args.es_url:
                finders.append(cluster(pairs, args.es_url))
            rows = {name: False}
            if name == "common pairs":
                rows["quoted form finds the other"] = True
            for label, quoted in rows.items():
                cells = [f"{label:<34} {len(pairs):>4}"]
                for matches, ids in finders:
                    met = meeting(pairs, matches, ids, quoted)
                    cells.append(f"{met:>5} ({met / len(pairs):6.1%})")
                print(" ".join(cells))


if __name__ == "__main__":
    main()

"""Compounds, finished (issue 24 item 2): the figures against their targets, in one run.

    .venv/bin/python -m benchmarks.compound_targets [--records N] [--rounds R] [--skip-import]

1. Agreement of Tantivy's split_compound filter (with index/compound_dictionary.py) and the
   Python splitter (index/compounds.py, the reference) on the distinct words of the whole
   scale corpus: the same pieces, or where they differ and how. Every piece the filter cuts
   must be a word of the list, or one plus a linking ending, of at least three letters.
2. Recall on head words that occur only inside compounds, and the exact-word leak (a quoted
   word finding a document without that exact word), over the relevance benchmark's archive
   (the first 3,000 scale records and the corpus), as benchmarks.compound_recall counts them.
3. Import with parts against import without, each in a fresh process and archive, the two
   alternated round by round (benchmarks.compound_cost); the minimum ratio over the rounds.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.compound_cost import WITH, WITHOUT, import_once, write_input
from benchmarks.compound_recall import HEAD_WORDS, compound_only_documents
from benchmarks.relevance import build_archive
from benchmarks.run import SCALE
from index.search.compound_dictionary import (
    LINK_ENDINGS,
    MIN_ENTRY,
    pieces_analyzer,
    written_pieces,
)
from index.search.compounds import decompounder, fold
from index.search.embedded import EmbeddedBackend
from index.search.query import Filters, parse_query

_WORD = re.compile(r"[^\W\d_]+")
EXAMPLES = 8


@dataclass
class Agreement:
    words: int = 0
    same: Counter = field(default_factory=Counter)  # "whole" / "split" -> words
    differ: Counter = field(default_factory=Counter)  # kind of difference -> words
    examples: dict[str, list[str]] = field(default_factory=dict)
    not_words: list[str] = field(default_factory=list)  # pieces outside the list


def scale_words(records: int | None = None) -> Counter:
    """Distinct folded words of the scale corpus (all of it, or its first records), with their
    number of occurrences."""
    counts: Counter = Counter()
    with gzip.open(SCALE, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, records):
            counts.update(_WORD.findall(json.loads(line)["text"].lower()))
    folded: Counter = Counter()
    for word, count in counts.items():
        if word.isalpha():  # not dry₁: a subscript digit is a "word character" too
            folded[fold(word)] += count
    return folded


def is_word_or_linked(piece: str, words: frozenset[str]) -> bool:
    """A dictionary entry or a piece the filter cut: a listed word, or one plus a linking
    ending (arbeids, zonne), of at least MIN_ENTRY letters."""
    if len(piece) < MIN_ENTRY:
        return False
    if piece in words:
        return True
    return any(piece.endswith(e) and piece.removesuffix(e) in words for e in LINK_ENDINGS)


def agreement(counts: Counter) -> Agreement:
    splitter, analyzer = decompounder(), pieces_analyzer()
    result = Agreement(words=len(counts))
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        reference = written_pieces(splitter, word)
        native = analyzer.analyze(word)
        if len(native) > 1:
            result.not_words += [p for p in native if not is_word_or_linked(p, splitter.words)]
        if native == reference or len(native) == len(reference) == 1:
            # whole both: the filter folds a few letters fold() keeps (ł -> l, ø -> o)
            result.same["split" if len(native) > 1 else "whole"] += 1
            continue
        if len(reference) == 1:
            kind = "only the filter splits"
        elif len(native) == 1:
            kind = "only the reference splits"
        else:
            kind = "both split, other pieces"
        result.differ[kind] += 1
        shown = result.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES:
            shown.append(f"{word} ({counts[word]}x): {'+'.join(reference)} / {'+'.join(native)}")
    return result


def print_agreement(result: Agreement) -> None:
    agree = sum(result.same.values())
    print(f"distinct words of the scale corpus: {result.words:,}")
    print(
        f"  same pieces: {agree:,} ({agree / result.words:.2%}): whole {result.same['whole']:,},"
        f" split alike {result.same['split']:,}"
    )
    for kind, count in result.differ.most_common():
        print(f"  {kind}: {count:,} ({count / result.words:.2%})")
        for example in result.examples[kind]:
            print(f"      {example}  (reference / filter)")
    shown = ", ".join(sorted(set(result.not_words))[:EXAMPLES])
    print(
        f"  filter pieces not a word (or word + link) of >= {MIN_ENTRY} letters:"
        f" {len(result.not_words)}" + (f" ({shown})" if shown else "")
    )


def recall_and_leak(work: Path) -> None:
    archive = build_archive(work)
    folder = work / "index-parts"
    if not (folder / "done").is_file():
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        backend = EmbeddedBackend(folder)
        documents = list(archive.documents())
        for start in range(0, len(documents), 500):
            backend.add(documents[start : start + 500])
        backend.close()
        (folder / "done").write_text("")
    backend = EmbeddedBackend(folder)
    targets = compound_only_documents(archive, backend.stemmed)
    texts = {
        doc.id: {
            fold(w)
            for w in _WORD.findall(
                "\n".join(f"{s.heading}\n{s.text}" for s in doc.sections) + f"\n{doc.title}"
            )
        }
        for doc in archive.documents()
    }
    found = total = quoted_hits = leaked = 0
    print(f"{'word':<12} {'only inside':>11} {'found':>6} {'quoted':>7} {'leak':>5}")
    for head in HEAD_WORDS:
        hits = set(backend.matching_documents(parse_query(head, Filters())))
        quoted = set(backend.matching_documents(parse_query(f'"{head}"', Filters())))
        leak = {d for d in quoted if head not in texts[d]}
        found += len(targets[head] & hits)
        total += len(targets[head])
        quoted_hits += len(quoted)
        leaked += len(leak)
        print(
            f"{head:<12} {len(targets[head]):>11} {len(targets[head] & hits):>6}"
            f" {len(quoted):>7} {len(leak):>5}"
        )
    print(f"compound recall: {found}/{total} = {found / total:.3f} (target >= 0.90)")
    print(f"exact-word leak: {leaked}/{quoted_hits} = {leaked / quoted_hits:.3f} (target <= 0.02)")


def import_ratio(records: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="compound-targets-") as folder:
        work = Path(folder)
        path = write_input(work, records)
        walls, cpus = [], []
        for number in range(1, rounds + 1):
            order = (WITHOUT, WITH) if number % 2 else (WITH, WITHOUT)
            runs = {v: import_once(path, work / f"home-{number}-{v.split()[0]}", v) for v in order}
            walls.append(runs[WITH].wall / runs[WITHOUT].wall)
            cpus.append(runs[WITH].cpu / runs[WITHOUT].cpu)
            print(
                f"  round {number} ({runs[WITH].sections:,} sections): without"
                f" {runs[WITHOUT].wall:.1f} s wall / {runs[WITHOUT].cpu:.1f} s CPU, with parts"
                f" {runs[WITH].wall:.1f} s / {runs[WITH].cpu:.1f} s: {walls[-1]:.2f}x wall,"
                f" {cpus[-1]:.2f}x CPU",
                flush=True,
            )
        for name, ratios in (("wall", walls), ("CPU", cpus)):
            print(
                f"import with parts / without, {name}: min {min(ratios):.2f}x over {rounds}"
                f" rounds (all: {', '.join(f'{r:.2f}' for r in ratios)}; target <= 1.15x)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "relevance")
    parser.add_argument("--records", type=int, default=3000, help="scale records to import")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--agreement-records", type=int, help="scale records for the agreement (default: all)"
    )
    parser.add_argument("--skip-agreement", action="store_true")
    parser.add_argument("--skip-recall", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    if not args.skip_agreement:
        print_agreement(agreement(scale_words(args.agreement_records)))
    if not args.skip_recall:
        args.work.mkdir(parents=True, exist_ok=True)
        recall_and_leak(args.work)
    if not args.skip_import:
        import_ratio(args.records, args.rounds)


if __name__ == "__main__":
    main()

"""Of the documents that hold a word only inside compounds, how many does a search for the word
find? For twelve head words, over the relevance benchmark's archive (the first 3,000 scale
records and the corpus), today's analysis against compound splitting, in one run.

    .venv/bin/python -m benchmarks.compound_recall

A document counts when one of its words ends in the head word with at least three letters
before it (landbouwbeleid, binnenmarkt) and no word of it stems to the head word: a plain
suffix test, independent of the word list the splitter uses.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from benchmarks.relevance import build_archive, build_indexes
from index.search.compounds import fold
from index.search.query import Filters, parse_query

HEAD_WORDS = (
    "beleid",
    "markt",
    "migratie",
    "steun",
    "heffing",
    "restitutie",
    "prijs",
    "tarief",
    "handel",
    "vervoer",
    "bescherming",
    "veiligheid",
)
_WORD = re.compile(r"[^\W\d_]+")


def compound_only_documents(archive, analyzer) -> dict[str, set[str]]:
    """head word -> ids of the documents holding it only inside longer words."""
    stems = {word: analyzer.analyze(word)[0] for word in HEAD_WORDS}
    found: dict[str, set[str]] = {word: set() for word in HEAD_WORDS}
    for doc in archive.documents():
        text = "\n".join(f"{s.heading}\n{s.text}" for s in doc.sections) + f"\n{doc.title}"
        words = {fold(w) for w in _WORD.findall(text)}
        doc_stems = None
        for head in HEAD_WORDS:
            if not any(len(w) >= len(head) + 3 and w.endswith(head) for w in words):
                continue
            if doc_stems is None:
                doc_stems = set(analyzer.analyze(text))
            if stems[head] not in doc_stems:
                found[head].add(doc.id)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "relevance")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    archive = build_archive(args.work)
    backends = build_indexes(archive, args.work)
    targets = compound_only_documents(archive, backends["today"].stemmed)
    totals = {name: 0 for name in backends}
    print(f"{'word':<12} {'documents':>9} " + " ".join(f"{n:>10}" for n in backends))
    for head in HEAD_WORDS:
        cells = []
        for name, backend in backends.items():
            hits = set(backend.matching_documents(parse_query(head, Filters())))
            found = len(targets[head] & hits)
            totals[name] += found
            cells.append(f"{found:>10}")
        print(f"{head:<12} {len(targets[head]):>9} " + " ".join(cells))
    total = sum(len(t) for t in targets.values())
    shares = " ".join(f"{totals[n] / total:>10.1%}" for n in backends)
    print(f"{'all':<12} {total:>9} {shares}")


if __name__ == "__main__":
    main()

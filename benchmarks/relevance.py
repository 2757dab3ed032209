"""The relevance benchmark: judged queries over the scale corpus and the corpus, nDCG@10 and
recall@100 per stratum, for the stemmed words alone, with compound splitting, and with compound
splitting and the groups of inflected forms (index/search/inflections.py), in one run.

    .venv/bin/python -m benchmarks.relevance               # the table
    .venv/bin/python -m benchmarks.relevance --pool 10     # unjudged pooled hits, for judging

The archive (the first SCALE_RECORDS records of ../shared/scale and all of ../shared/corpus) is
built once into --work and reused. The method and the grades are in benchmarks/relevance/.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from index.archive.database import Archive
from index.archive.importer import ImportReport, find_files, import_file
from index.search.contract import DocumentHit, SearchRequest
from index.search.embedded import EmbeddedBackend
from index.search.query import Filters, parse_query

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
SCALE_RECORDS = 3000
JUDGED = Path(__file__).parent / "relevance"
# name -> (compound parts indexed and searched, groups of inflected forms indexed and searched)
VARIANTS = {"today": (False, False), "compounds": (True, False), "inflections": (True, True)}
DIFFERENCE_POOL = 5
TIE_DEPTH = 10
STRATA = ("single word", "compound part", "phrase", "identifier", "topic")


@dataclass(frozen=True)
class JudgedQuery:
    stratum: str
    text: str


def read_queries() -> list[JudgedQuery]:
    queries = []
    for line in (JUDGED / "queries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stratum, text = line.split("\t")
            if stratum not in STRATA:
                raise SystemExit(f"queries.tsv: unknown stratum {stratum!r}")
            queries.append(JudgedQuery(stratum, text))
    return queries


def read_grades() -> dict[str, dict[str, int]]:
    """query -> document id -> grade (0, 1, 2)."""
    grades: dict[str, dict[str, int]] = {}
    path = JUDGED / "judgements.tsv"
    if not path.is_file():
        return grades
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, doc_id, grade = line.split("\t")
            grades.setdefault(query, {})[doc_id] = int(grade)
    return grades


def build_archive(work: Path) -> Archive:
    home = work / "archive"
    if (home / "done").is_file():
        return Archive(home)
    shutil.rmtree(home, ignore_errors=True)
    archive = Archive(home)
    scale = work / f"scale-{SCALE_RECORDS}.jsonl"
    with gzip.open(SHARED / "scale" / "eurlex-nl.jsonl.gz", "rt") as source:
        scale.write_text("".join(itertools.islice(source, SCALE_RECORDS)))
    report = ImportReport()
    for path in [scale, *find_files([SHARED / "corpus"])]:
        import_file(archive, path, report)
    (home / "done").write_text("")
    return archive


def build_indexes(archive: Archive, work: Path) -> dict[str, EmbeddedBackend]:
    backends = {}
    for name, (compounds, inflected) in VARIANTS.items():
        folder = work / f"index-{name}"
        shutil.rmtree(folder, ignore_errors=True)
        backend = EmbeddedBackend(folder, compounds=compounds, inflected=inflected)
        batch = []
        for doc in archive.documents():
            batch.append(doc)
            if len(batch) >= 500:
                backend.add(batch)
                batch = []
        backend.add(batch)
        backend.close()
        backends[name] = backend
    return backends


def ranked(backend: EmbeddedBackend, text: str, limit: int) -> list[DocumentHit]:
    """The hits, equal scores in document id order: which of two equally scored documents an
    index lists first depends on its segment layout, and must not decide between variants,
    nor between two builds of one variant. TIE_DEPTH times as many are fetched as kept, so
    that equal scores at the cut are ordered too, not only those above it (a phrase can give
    hundreds of documents one score)."""
    request = SearchRequest(query=parse_query(text, Filters()), limit=TIE_DEPTH * limit)
    hits = sorted(backend.search(request).hits, key=lambda hit: (-round(hit.score, 4), hit.id))
    return hits[:limit]


def ndcg(ids: list[str], grades: dict[str, int], k: int = 10) -> float:
    gain = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ids[:k]))
    ideal_grades = sorted(grades.values(), reverse=True)[:k]
    ideal = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal_grades))
    return gain / ideal if ideal else 0.0


def recall(ids: list[str], grades: dict[str, int], k: int = 100) -> float:
    relevant = {d for d, g in grades.items() if g > 0}
    return len(relevant & set(ids[:k])) / len(relevant) if relevant else 0.0


def report(backends: dict[str, EmbeddedBackend], queries: list[JudgedQuery], grades) -> None:
    scores: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for query in queries:
        judged = grades.get(query.text, {})
        if not any(judged.values()):
            continue  # nothing relevant was found by any variant: no measure to take
        for name, backend in backends.items():
            ids = [hit.id for hit in ranked(backend, query.text, 100)]
            for stratum in (query.stratum, "all"):
                scores.setdefault((name, stratum), []).append(
                    (ndcg(ids, judged), recall(ids, judged))
                )
    print(f"{'stratum':<15} {'queries':>7} " + " ".join(f"{n + ' nDCG@10':>18}" for n in VARIANTS))
    for stratum in (*STRATA, "all"):
        rows = {name: scores.get((name, stratum), []) for name in VARIANTS}
        count = len(rows["today"])
        if not count:
            continue
        cells = []
        for name in VARIANTS:
            n = sum(s[0] for s in rows[name]) / count
            r = sum(s[1] for s in rows[name]) / count
            cells.append(f"{n:>8.3f} (R {r:.3f})")
        print(f"{stratum:<15} {count:>7} " + " ".join(f"{c:>18}" for c in cells))
    print("(R: recall@100 of the documents judged relevant in the pool)")


def pool(backends: dict[str, EmbeddedBackend], queries: list[JudgedQuery], grades, depth: int):
    """What a judge reads: per query, the top `depth` documents of every variant, and the first
    DIFFERENCE_POOL of each variant's top 100 that another variant does not return in its top
    100 (the documents a change adds or loses), minus those judged already."""
    for query in queries:
        judged = grades.get(query.text, {})
        top = {name: ranked(b, query.text, 100) for name, b in backends.items()}
        seen: dict[str, DocumentHit] = {}
        for name, hits in top.items():
            for hit in hits[:depth]:
                seen.setdefault(hit.id, hit)
            others = {h.id for other, hs in top.items() if other != name for h in hs}
            for hit in [h for h in hits if h.id not in others][:DIFFERENCE_POOL]:
                seen.setdefault(hit.id, hit)
        todo = [hit for doc_id, hit in seen.items() if doc_id not in judged]
        if not todo:
            continue
        print(f"## {query.stratum} | {query.text}")
        for hit in todo:
            snippet = re.sub(r"\s+", " ", hit.sections[0].snippet if hit.sections else "")
            print(f"{hit.id}\t{hit.title[:110]}\t{snippet[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "relevance")
    parser.add_argument("--pool", type=int, default=0, help="print unjudged pooled hits")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    archive = build_archive(args.work)
    backends = build_indexes(archive, args.work)
    queries, grades = read_queries(), read_grades()
    if args.pool:
        pool(backends, queries, grades, args.pool)
        return
    report(backends, queries, grades)


if __name__ == "__main__":
    main()

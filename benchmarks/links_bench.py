"""Reference extraction speed on real EUR-Lex texts (the scale corpus), as EU texts are
parsed (eu_text: no Tweede Kamer numbering), against the extractor of the main branch measured
in the same run (loaded from ../main/parsers/links.py when that checkout exists).

    python -m benchmarks.links_bench [--texts N]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import time
from pathlib import Path

from benchmarks.references_eval import find_corpus
from parsers.links import find_links, find_references
from parsers.model import Document, Section

ROOT = Path(__file__).resolve().parents[1]


def load_texts(limit: int) -> list[str]:
    scale = find_corpus().parent / "scale" / "eurlex-nl.jsonl.gz"
    texts = []
    with gzip.open(scale, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == limit:
                break
    return texts


def baseline_module():
    """The main branch's parsers/links.py, next to this worktree (../../main)."""
    for folder in ROOT.parents:
        candidate = folder / "main" / "parsers" / "links.py"
        if candidate.is_file() and candidate.resolve() != (ROOT / "parsers" / "links.py"):
            spec = importlib.util.spec_from_file_location("baseline_links", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    return None


def timed(function, documents) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(function(doc)) for doc in documents)
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=2000)
    args = parser.parse_args()
    texts = load_texts(args.texts)
    documents = [
        Document(id=str(i), sections=[Section(key="overig", text=t)]) for i, t in enumerate(texts)
    ]
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} EUR-Lex texts, {characters / 1e6:.1f} M characters")
    ours, found = timed(
        lambda doc: find_references(doc.sections[0].text, parliamentary=False), documents
    )
    report("references only", ours, characters, found)
    with_sentences, found = timed(lambda doc: find_links(doc, eu_text=True), documents)
    report("with sentences", with_sentences, characters, found)
    baseline = baseline_module()
    if baseline is None:
        print("baseline: no ../main checkout found")
        return
    before, found = timed(baseline.find_links, documents)
    report("main's extractor", before, characters, found)
    print(f"ratio (this / main): {with_sentences / before:.2f}x the time")


def report(name: str, seconds: float, characters: int, found: int) -> None:
    rate = characters / seconds / 1e6
    print(f"{name:18} {seconds:6.2f} s  {rate:6.1f} M chars/s  {found} links")


if __name__ == "__main__":
    main()

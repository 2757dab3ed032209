"""The reference scan of this checkout against an earlier one (default: the main branch's
parsers/links.py, read from git), over every scale record's text and every corpus document's
text: the references found must be the same, to the character, and this prints how much CPU
each one costs.

    python -m benchmarks.links_equivalence [--rev main] [--texts N] [--rounds 2] [--parts]
        [--corpus-files N]

Per text: `find_references` with parliamentary=False (as EUR-Lex is imported) and True (as
Kamerstukken are), and `find_links` (references with their sentences) the way the import calls
it. Old and new run alternately on the same chunk of texts, so load on the machine weighs on
both alike. Exit status 1 when any output differs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.references_eval import find_corpus
from benchmarks.run import SCALE
from parsers import links as new_links
from parsers import parse_file
from parsers.model import Document, ParseError, Section

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 250  # texts per alternation of old and new


@dataclass
class Timing:
    old: float = 0.0
    new: float = 0.0
    references: int = 0
    differences: int = 0


def old_module(rev: str) -> types.ModuleType:
    """parsers/links.py as it stands at `rev`, with the parsers/link_sentence.py of `rev`,
    loaded beside the package, not into it."""
    saved = sys.modules["parsers.link_sentence"]
    sys.modules["parsers.link_sentence"] = module_at(rev, "parsers/link_sentence.py")
    try:
        return module_at(rev, "parsers/links.py")
    finally:
        sys.modules["parsers.link_sentence"] = saved


def module_at(rev: str, path: str) -> types.ModuleType:
    shown = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{path}"],
        capture_output=True,
        text=True,
    )
    if shown.returncode != 0:
        raise SystemExit(f"cannot read {path} at {rev}: {shown.stderr.strip()}")
    module = types.ModuleType(f"{Path(path).stem}_at_{rev}")
    exec(compile(shown.stdout, f"{rev}:{path}", "exec"), module.__dict__)
    return module


def scale_documents(limit: int | None) -> list[Document]:
    documents = []
    with gzip.open(SCALE, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            section = Section(key="overig", text=record["text"])
            documents.append(Document(id=str(len(documents)), sections=[section]))
            if len(documents) == limit:
                break
    return documents


def corpus_documents(limit: int | None) -> list[Document]:
    documents = []
    paths = [p for p in sorted(find_corpus().rglob("*")) if p.is_file()]
    for path in [p for p in paths if p.suffix not in (".md", ".tsv")][:limit]:
        try:
            documents += parse_file(path)
        except ParseError:
            continue
    return documents


def text_of(doc: Document) -> str:
    return "\n\n".join(section.text for section in doc.sections)


def compare(
    items: list,
    run_old: Callable,
    run_new: Callable,
    rounds: int,
) -> Timing:
    """Old and new over the items, chunk by chunk, alternating which runs first."""
    timing = Timing()
    for round_number in range(rounds):
        for begin in range(0, len(items), CHUNK):
            chunk = items[begin : begin + CHUNK]
            order = [("old", run_old), ("new", run_new)]
            if (round_number + begin // CHUNK) % 2:
                order.reverse()
            results = {}
            for name, run in order:
                start = time.process_time()
                results[name] = [run(item) for item in chunk]
                spent = time.process_time() - start
                setattr(timing, name, getattr(timing, name) + spent)
            if round_number == 0:
                for old, new in zip(results["old"], results["new"], strict=True):
                    timing.references += len(new)
                    timing.differences += old != new
    return timing


def report(name: str, timing: Timing, characters: int, rounds: int) -> None:
    per_char = 1e9 / (characters * rounds)
    print(
        f"{name:34} {timing.references:9,} refs {timing.differences:3} differing texts   "
        f"old {timing.old / rounds:7.2f} s {timing.old * per_char:5.1f} ns/char   "
        f"new {timing.new / rounds:7.2f} s {timing.new * per_char:5.1f} ns/char   "
        f"old/new {timing.old / timing.new:5.2f}x"
    )


# The steps of find_references, timed apart with --parts: where the time goes.
PARTS = ("_commission_documents", "_celex", "_numbered", "_dossier_numbers")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", default="main", help="git revision of the old links.py")
    parser.add_argument("--texts", type=int, default=None, help="scale records (default all)")
    parser.add_argument("--rounds", type=int, default=1, help="timed passes over the texts")
    parser.add_argument("--corpus-files", type=int, default=None, help="(default all)")
    parser.add_argument("--parts", action="store_true", help="also time each step apart")
    args = parser.parse_args()
    old = old_module(args.rev)
    differences = 0
    for label, documents in (
        ("scale", scale_documents(args.texts)),
        ("corpus", corpus_documents(args.corpus_files)),
    ):
        texts = [text_of(doc) for doc in documents]
        characters = sum(map(len, texts))
        print(f"{label}: {len(texts):,} texts, {characters / 1e6:.1f} M characters")
        runs = []
        for parliamentary in (False, True):
            runs.append(
                (
                    f"find_references parliamentary={parliamentary}",
                    texts,
                    lambda text, p=parliamentary: old.find_references(text, parliamentary=p),
                    lambda text, p=parliamentary: new_links.find_references(text, parliamentary=p),
                )
            )
        for eu_text in (True, False):
            runs.append(
                (
                    f"find_links eu_text={eu_text}",
                    documents,
                    lambda doc, eu=eu_text: old.find_links(doc, eu_text=eu),
                    lambda doc, eu=eu_text: new_links.find_links(doc, eu_text=eu),
                )
            )
        if args.parts:
            runs += [(part, texts, getattr(old, part), getattr(new_links, part)) for part in PARTS]
        for name, items, run_old, run_new in runs:
            timing = compare(items, run_old, run_new, args.rounds)
            report(f"  {name}", timing, characters, args.rounds)
            differences += timing.differences
    print(f"differing texts in all: {differences}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()

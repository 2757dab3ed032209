"""Precision and recall of "does this piece go on with the sentence before it" on the
hand-labelled corpus pairs in tests/gold/continuations.tsv: the shared rule
(parsers/continuation.py), the reflow's rule with the printed width on top of it, and the
copies each reader had before (frozen below, as they were at commit 0e6bff2).

    python -m benchmarks.continuations [--errors]

"yes" is the positive class: precision is the share of joins that were right, recall the
share of real continuations joined. The reflow rows get the printed width of their source
(pdfplumber's lines for PDFs, the excerpt's lines for web renderings).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from parsers.continuation import continues
from parsers.readers import reflow

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "continuations.tsv"
SHARED = next(p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())


@dataclass(frozen=True)
class Pair:
    source: str  # a file under shared/corpus, or "opening:N"
    kind: str
    previous: str
    next: str
    continues: bool
    note: str


def read_gold(path: Path = GOLD) -> list[Pair]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [Pair(r[0], r[1], r[2], r[3], r[4] == "yes", r[5]) for r in rows]


@cache
def source_lines(source: str) -> tuple[str, ...]:
    """The printed lines of a gold pair's source."""
    if source.startswith("opening:"):
        openings = (SHARED / "fiche-openings" / "openings.jsonl").read_text().splitlines()
        return tuple(json.loads(openings[int(source.split(":")[1])])["excerpt"].splitlines())
    path = SHARED / "corpus" / source
    if path.suffix != ".pdf":
        return tuple(path.read_text(encoding="utf-8").splitlines())
    import pdfplumber

    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    return tuple(line for page in pages for line in page.splitlines())


def source_width(source: str) -> int:
    return reflow.printed_width([line for line in source_lines(source) if line.strip()])


# --- the copies as they were before parsers/continuation.py (frozen, for comparison only) ---
_LINES_END = re.compile(r"[.!?:;]['’”\")]*$")
_MARKER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?[.)]|[a-z][.)])(?:\s+|$)")
_BULLET = re.compile(r"^[•·\-–*▪◦]\s*")
_REFLOW_LIST = re.compile(r"^(?:[•·▪◦*\-–]\s|\(?[a-z]\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[ivx]+\.\s)")
_REFLOW_END = re.compile(r"[.!?:;]['’”\"»)]*$")
_PLAIN_END = re.compile(r"[.!?:;)»”\"]$")
_PLAIN_LIST = re.compile(r"^[a-z]{1,4}[.)]\s")


def old_lines(previous: str, text: str) -> bool:
    """parsers/lines.py continues_sentence (fiche sections)."""
    rest, marker = text.strip(), ""
    while True:
        stripped = _BULLET.sub("", rest)
        match = _MARKER.match(stripped)
        if not match:
            break
        marker = marker or match.group(1)
        rest = stripped[match.end() :]
    if _LINES_END.search(previous.rstrip()) or marker:
        return False
    return text[:1].islower()


def _old_starts_lower(line: str) -> bool:
    return not _REFLOW_LIST.match(line) and line.lstrip("(“\"'‘—– ")[:1].islower()


def old_reflow(previous: str, line: str, width: int) -> bool:
    """parsers/readers/reflow.py continues (hard-wrapped text, with the printed width)."""
    if _REFLOW_LIST.match(line):
        return False
    if _old_starts_lower(line):
        return True
    first_word = line.split()[0]
    if len(previous) + 1 + len(first_word) <= width * reflow.FULL_SHARE:
        return False
    if _REFLOW_END.search(previous):
        return True
    return first_word.lower().strip("(") not in reflow.SENTENCE_OPENERS


def old_plain(previous: str, current: str) -> bool:
    """parsers/readers/plain.py _runs_on (paragraphs around a footnote)."""
    last_line = previous.splitlines()[-1]
    if _PLAIN_LIST.match(current) or current.startswith(("http:", "https:")):
        return False
    return len(last_line) > 80 and not _PLAIN_END.search(last_line) and current[:1].islower()


def old_pdf(previous: str, line: str) -> bool:
    """parsers/readers/pdf.py _starts_paragraph across a page break."""
    return not _PLAIN_END.search(previous) and line.split()[0][:1].islower()


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    def add(self, predicted: bool, expected: bool) -> None:
        self.true_pos += predicted and expected
        self.false_pos += predicted and not expected
        self.false_neg += expected and not predicted

    def precision(self) -> float:
        joined = self.true_pos + self.false_pos
        return self.true_pos / joined if joined else 1.0

    def recall(self) -> float:
        real = self.true_pos + self.false_neg
        return self.true_pos / real if real else 1.0


def rules() -> dict[str, Callable[[Pair], bool]]:
    return {
        "old lines.continues_sentence": lambda p: old_lines(p.previous, p.next),
        "old plain._runs_on": lambda p: old_plain(p.previous, p.next),
        "old pdf page-break rule": lambda p: old_pdf(p.previous, p.next),
        "old reflow.continues (+width)": lambda p: old_reflow(
            p.previous, p.next, source_width(p.source)
        ),
        "NEW continuation.continues": lambda p: continues(p.previous, p.next),
        "NEW reflow.continues (+width)": lambda p: reflow.continues(
            p.previous, p.next, source_width(p.source)
        ),
    }


def evaluate(gold: list[Pair]) -> dict[str, tuple[Score, list[Pair]]]:
    """rule name -> (score, the pairs it got wrong)."""
    results = {}
    for name, rule in rules().items():
        score, wrong = Score(), []
        for pair in gold:
            predicted = rule(pair)
            score.add(predicted, pair.continues)
            if predicted != pair.continues:
                wrong.append(pair)
        results[name] = (score, wrong)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the pairs each rule gets wrong")
    args = parser.parse_args()
    gold = read_gold()
    positives = sum(p.continues for p in gold)
    print(f"{len(gold)} gold pairs ({positives} continue, {len(gold) - positives} do not)")
    print(f"{'rule':32} {'precision':>9} {'recall':>7} {'wrong':>6}")
    for name, (score, wrong) in evaluate(gold).items():
        print(f"{name:32} {score.precision():9.2f} {score.recall():7.2f} {len(wrong):6}")
        if args.errors:
            for pair in wrong:
                expected = "yes" if pair.continues else "no"
                where = f"{pair.previous[-50:]!r} | {pair.next[:40]!r}"
                print(f"    [{pair.kind}, gold {expected}] {where}")


if __name__ == "__main__":
    main()

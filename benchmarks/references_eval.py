"""Precision and recall of reference extraction against the hand-labelled gold in
tests/data/references_gold.json (real corpus documents).

    python -m benchmarks.references_eval        # per document, per kind, and overall
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from parsers import parse_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "references_gold.json"
KINDS = ("com", "celex", "eli", "ecli", "kamerstuk", "procedure")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def find_corpus() -> Path:
    for folder in [ROOT, *ROOT.parents]:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared" / "corpus"
    raise SystemExit("cannot find shared/corpus above this checkout")


def evaluate(corpus: Path) -> tuple[dict[str, Score], dict[str, Score]]:
    """(score per gold document, score per kind)."""
    per_document: dict[str, Score] = {}
    per_kind = {kind: Score() for kind in KINDS}
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for entry in gold["documents"]:
        docs = parse_file(corpus / entry["file"])
        doc = next(d for d in docs if not entry["doc_type"] or d.doc_type == entry["doc_type"])
        wanted = {tuple(ref) for ref in entry["references"]}
        found = {(lk.kind, lk.value) for lk in doc.links if lk.kind in KINDS}
        score = per_document.setdefault(f"{entry['file']} [{doc.doc_type}]", Score())
        for kind, value in sorted(wanted | found):
            ref = f"{kind}:{value}"
            if (kind, value) in wanted and (kind, value) in found:
                score.true_positives += 1
                per_kind[kind].true_positives += 1
            elif (kind, value) in found:
                score.false_positives += 1
                score.extras.append(ref)
                per_kind[kind].false_positives += 1
            else:
                score.false_negatives += 1
                score.misses.append(ref)
                per_kind[kind].false_negatives += 1
    return per_document, per_kind


def total(scores) -> Score:
    out = Score()
    for score in scores:
        out.true_positives += score.true_positives
        out.false_positives += score.false_positives
        out.false_negatives += score.false_negatives
    return out


def main() -> int:
    per_document, per_kind = evaluate(find_corpus())
    print(f"{'document':88} {'tp':>3} {'fp':>3} {'fn':>3}")
    for name, score in per_document.items():
        counts = (score.true_positives, score.false_positives, score.false_negatives)
        print(f"{name[:88]:88} " + " ".join(f"{n:3}" for n in counts))
        for ref in score.misses:
            print(f"    missed: {ref}")
        for ref in score.extras:
            print(f"    extra:  {ref}")
    print()
    for kind, score in per_kind.items():
        print(f"{kind:10} precision {score.precision:.3f}  recall {score.recall:.3f}")
    overall = total(per_document.values())
    print(
        f"overall    precision {overall.precision:.3f}  recall {overall.recall:.3f}"
        f"  ({len(per_document)} documents, {overall.true_positives + overall.false_negatives}"
        " gold references)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

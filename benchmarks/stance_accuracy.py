"""Precision and recall of the cabinet's position stances on the hand-written sentence gold
(tests/gold/position_sentences.tsv), per label and overall, for every layout of each fiche
(benchmarks/layouts.py), and whether every layout gives the same stances.

    .venv/bin/python -m benchmarks.stance_accuracy          # the tables
    .venv/bin/python -m benchmarks.stance_accuracy --errors # and every miss and false hit

A required sentence is found when a stance's evidence is that sentence and its label is one
of the accepted ones; recall per label counts the required sentences under their first
(best) label, precision per label the stances given with that label ("stances"; "in gold"
is the number of required sentences whose best label it is). A stance on a fact, a heading
or someone else's view is a false hit; on an `optional` sentence it is right when its label
is accepted, else a false hit.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.layouts import ROOT, layouts
from parsers import Document, Stance, parse_bytes
from parsers.model import PARAGRAPH_LABELS

GOLD = ROOT / "tests" / "gold" / "position_sentences.tsv"
WORDINGS = ROOT / "tests" / "gold" / "position_wordings.tsv"
POSITION_SECTIONS = ("positie.beleid", "positie.beoordeling", "positie.krachtenveld")


@dataclass(frozen=True)
class GoldSentence:
    fiche: str
    section: str
    kind: str  # position, optional, fact, other, heading
    labels: tuple[str, ...]
    text: str
    note: str


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)  # label -> required sentences found
    required: Counter = field(default_factory=Counter)  # label -> required sentences
    right: Counter = field(default_factory=Counter)  # label -> stances with an accepted label
    given: Counter = field(default_factory=Counter)  # label -> stances given
    on_others: int = 0
    errors: list[str] = field(default_factory=list)

    def precision(self, label: str | None = None) -> float:
        right = self.right[label] if label else sum(self.right.values())
        given = self.given[label] if label else sum(self.given.values())
        return right / given if given else 1.0

    def recall(self, label: str | None = None) -> float:
        found = self.found[label] if label else sum(self.found.values())
        required = self.required[label] if label else sum(self.required.values())
        return found / required if required else 1.0


def read_gold(path: Path = GOLD) -> list[GoldSentence]:
    with open(path, encoding="utf-8") as file:
        rows = [r for r in csv.reader(file, delimiter="\t") if r]
    return [
        GoldSentence(f, s, kind, tuple(x for x in labels.split(",") if x != "-"), text, note)
        for f, s, kind, labels, text, note in (r for r in rows if not r[0].startswith("#"))
    ]


def read_wordings(path: Path = WORDINGS) -> list[tuple[str, list[str]]]:
    """(text, its labels in sentence order) of the hand-written policy wordings."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [
        (text, [] if labels == "-" else labels.split(","))
        for labels, text in (r for r in rows if r[0] and not r[0].startswith("#"))
    ]


def normalise(text: str) -> str:
    return " ".join(text.split())


def fiche_document(documents: list[Document]) -> Document:
    """The fiche among the file's documents; an empty one when no fiche was recognised."""
    return next((d for d in documents if d.doc_type == "fiche"), Document(id="no fiche found"))


def position_stances(doc: Document) -> list[Stance]:
    return [s for s in doc.stances if s.aspect in POSITION_SECTIONS]


def stance_keys(doc: Document) -> list[tuple[str, str, str]]:
    """What must be equal across layouts: aspect, label and evidence (whitespace aside)."""
    return [(s.aspect, s.label, normalise(s.evidence)) for s in doc.stances]


def score(gold: list[GoldSentence], stances: list[Stance], score: Score) -> None:
    by_text = {(g.section, normalise(g.text)): g for g in gold}
    given = {}
    for stance in stances:
        key = (stance.section_key, normalise(stance.evidence))
        given[key] = stance
        sentence = by_text.get(key)
        score.given[stance.label] += 1
        if sentence is None:
            score.errors.append(f"  no gold sentence: {stance.label}: {key[1][:100]}")
            continue
        if sentence.kind == "other":
            score.on_others += 1
        if stance.label in sentence.labels:
            score.right[stance.label] += 1
        else:
            score.errors.append(f"  false {stance.label} ({sentence.kind}): {key[1][:100]}")
    for sentence in gold:
        if sentence.kind != "position":
            continue
        primary = sentence.labels[0]
        score.required[primary] += 1
        stance = given.get((sentence.section, normalise(sentence.text)))
        if stance is not None and stance.label in sentence.labels:
            score.found[primary] += 1
        elif stance is None:
            score.errors.append(f"  missed {primary}: {sentence.text[:100]}")


def report(name: str, result: Score, show_errors: bool) -> None:
    print(f"\n{name}")
    print(f"  {'label':<26}{'precision':>10}{'recall':>8}{'stances':>9}{'in gold':>9}")
    for label in PARAGRAPH_LABELS:
        print(
            f"  {label:<26}{result.precision(label):>10.0%}{result.recall(label):>8.0%}"
            f"{result.given[label]:>9}{result.required[label]:>9}"
        )
    print(
        f"  {'overall':<26}{result.precision():>10.0%}{result.recall():>8.0%}"
        f"{sum(result.given.values()):>9}{sum(result.required.values()):>9}"
    )
    print(f"  stances on others' views: {result.on_others}")
    if show_errors:
        print("\n".join(result.errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss and false hit")
    args = parser.parse_args()
    gold = read_gold()
    per_layout: dict[str, Score] = {}
    for fiche in ("seed", "mifir"):
        fiche_gold = [g for g in gold if g.fiche == fiche]
        reference = None
        for layout in layouts(fiche):
            doc = fiche_document(parse_bytes(layout.data, layout.filename))
            result = per_layout.setdefault(layout.name, Score())
            score(fiche_gold, position_stances(doc), result)
            if layout.name == "clean":
                reference = stance_keys(doc)
            same = "same stances as clean" if stance_keys(doc) == reference else "DIFFERENT"
            positie = doc.stance("positie")
            overall = f"{positie.label}: {positie.evidence[:70]}" if positie else "none"
            print(f"{fiche:<6} {layout.name:<9} {same}; positie = {overall}")
    for name, result in per_layout.items():
        report(f"layout {name} (fiches that have it)", result, args.errors and name != "clean")


if __name__ == "__main__":
    main()

"""Position stances on the wording-family table (tests/gold/position_families.tsv): Dutch
government prose per label of the policy, in several holders, word orders and inflections,
each row one paragraph of the seed fiche's "Beoordeling + inzet", in every layout.

    .venv/bin/python -m benchmarks.stance_families            # figures per layout
    .venv/bin/python -m benchmarks.stance_families --errors   # and every wrong row (clean)

A row is right when the labels whose evidence lies in its sentence are exactly its labels,
in sentence order ("-": none). Recall counts rows with labels that got them all; precision
counts the stances given that a row asks for.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass

from benchmarks.layouts import ROOT, text_layouts
from benchmarks.stance_sentences import POSITION_PREFIX, Row, fiche_text
from parsers import parse_bytes

TABLE = ROOT / "tests" / "gold" / "position_families.tsv"
LAYOUTS = ("clean", "hardwrap", "html", "pdf")


@dataclass(frozen=True)
class FamilyRow:
    labels: tuple[str, ...]
    family: str
    text: str


def read_table() -> list[FamilyRow]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, family, text = line.split("\t")
        rows.append(FamilyRow(tuple(x for x in labels.split(",") if x != "-"), family, text))
    return rows


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def labels_per_layout(rows: list[FamilyRow]) -> dict[str, dict[str, list[str]]]:
    """layout name -> row text -> the position labels whose evidence lies in that text."""
    paragraphs = [Row("families", "position", (), r.text) for r in rows]
    result = {}
    for layout in text_layouts("families", fiche_text(paragraphs)):
        if layout.name not in LAYOUTS:
            continue
        fiche = next(d for d in parse_bytes(layout.data, layout.filename) if d.doc_type == "fiche")
        stances = [
            (s.label, words(s.evidence))
            for s in fiche.stances
            if s.aspect.startswith(POSITION_PREFIX) and s.aspect != "positie"
        ]
        got: dict[str, list[str]] = {r.text: [] for r in rows}
        for label, evidence in stances:
            row = row_of(evidence, rows)
            if row is not None:
                got[row.text].append(label)
        result[layout.name] = got
    return result


def row_of(evidence: str, rows: list[FamilyRow]) -> FamilyRow | None:
    """The row a stance's evidence is: the row it equals, else the row it is part of (one
    of two judgements in a sentence). A short row inside a longer one is the short row."""
    exact = [r for r in rows if words(r.text) == evidence]
    if exact:
        return exact[0]
    return next((r for r in rows if evidence and evidence in words(r.text)), None)


def score(rows: list[FamilyRow], got: dict[str, list[str]]) -> tuple[str, list[str]]:
    tally = Counter()
    errors = []
    for row in rows:
        given = got[row.text]
        tally["given"] += len(given)
        tally["right"] += sum(1 for g in given if g in row.labels)
        if row.labels:
            tally["positions"] += 1
            tally["found"] += tuple(given) == row.labels
        tally["rows_right"] += tuple(given) == row.labels
        if tuple(given) != row.labels:
            want = ",".join(row.labels) or "-"
            errors.append(f"  {row.family:<15} want {want:<36} got {given}: {row.text}")
    recall = tally["found"] / tally["positions"]
    precision = tally["right"] / tally["given"] if tally["given"] else 1.0
    line = (
        f"rows right {tally['rows_right']}/{len(rows)}, "
        f"recall {recall:.2f} ({tally['found']}/{tally['positions']}), "
        f"precision {precision:.2f} ({tally['right']}/{tally['given']})"
    )
    return line, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    args = parser.parse_args()
    rows = read_table()
    print(f"{TABLE.name}: {len(rows)} rows, {len({r.family for r in rows})} families")
    per_layout = labels_per_layout(rows)
    for name in args.layouts.split(","):
        line, errors = score(rows, per_layout[name])
        print(f"  {name:<9} {line}")
        if args.errors and name == args.layouts.split(",")[0]:
            print("\n".join(errors))


if __name__ == "__main__":
    main()

"""Position stances on real government sentences that no fiche of ours holds, scored the way
the check set outside the repo is (../shared/tools/stance-score), split by document into the
part read while writing rules and the part only measured.

    .venv/bin/python -m benchmarks.stance_sentences              # both parts, every layout
    .venv/bin/python -m benchmarks.stance_sentences --errors     # and the read part's errors
    .venv/bin/python -m benchmarks.stance_sentences --layouts clean
    .venv/bin/python -m benchmarks.stance_sentences --layouts clean --per-label

Each sentence of ../shared/stances/government-sentences.tsv becomes one paragraph of the
"Beoordeling + inzet" section of the seed's real fiche, and the result is parsed in every layout
of benchmarks/layouts.py (clean, hard-wrapped, one <p> per line, printed PDF). A stance is
matched to its sentence by its evidence. Recall counts `position` rows with a stance whose label
is accepted; precision counts every stance given on any row (on `optional` rows it is right
when its label is accepted); "on others" counts stances on `other` rows (other actors' views).

The split was fixed before any rule was written against the file: HELD_OUT are the documents
whose sha1(doc_id) is even, leaving out nine whose rows had been read while looking at the file
(d01 ... d24). Errors are printed for the read part only: the held-out rows stay unread.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field

from benchmarks.layouts import SEED, SHARED, text_layouts
from parsers import parse_bytes
from parsers.model import PARAGRAPH_LABELS

SENTENCES = SHARED / "stances" / "government-sentences.tsv"
HELD_OUT = frozenset(
    [
        "d31",
        "d33",
        "d37",
        "d38",
        "d42",
        "d56",
        "d68",
        "d70",
        "d78",
        "d82",
        "d84",
        "d86",
        "d87",
        "d90",
        "d92",
        "d96",
        "d104",
        "d107",
        "d113",
        "d123",
        "d132",
        "d133",
        "d141",
    ]
)
SECTION_START = "a) Beoordeling + inzet ten aanzien van dit voorstel"
SECTION_END = "b) Eerste inschatting van krachtenveld"
POSITION_PREFIX = "positie."


@dataclass(frozen=True)
class Row:
    doc_id: str
    kind: str  # position, optional, fact, other
    accepted: tuple[str, ...]
    sentence: str


@dataclass
class Tally:
    found: int = 0
    positions: int = 0
    right: int = 0
    given: int = 0
    on_others: int = 0
    errors: list[str] = field(default_factory=list)
    # label -> [found, positions whose first accepted label it is, right, given]
    per_label: dict[str, list[int]] = field(default_factory=dict)

    def count(self, label: str, slot: int, n: int = 1) -> None:
        self.per_label.setdefault(label, [0, 0, 0, 0])[slot] += n

    def label_lines(self) -> list[str]:
        """Recall by the row's best label, precision by the label given: aggregates only."""
        lines = []
        for label in PARAGRAPH_LABELS:
            found, positions, right, given = self.per_label.get(label, [0, 0, 0, 0])
            recall = f"{found / positions:.2f} ({found}/{positions})" if positions else "-"
            precision = f"{right / given:.2f} ({right}/{given})" if given else "-"
            lines.append(f"    {label:<26} recall {recall:<14} precision {precision}")
        return lines

    def line(self) -> str:
        recall = self.found / self.positions if self.positions else 1.0
        precision = self.right / self.given if self.given else 1.0
        return (
            f"recall {recall:.2f} ({self.found}/{self.positions}), "
            f"precision {precision:.2f} ({self.right}/{self.given}), on others {self.on_others}"
        )


def read_rows() -> list[Row]:
    with open(SENTENCES, encoding="utf-8") as file:
        return [
            Row(r["doc_id"], r["kind"], tuple(r["accepted"].split(",")), r["sentence"])
            for r in csv.DictReader(file, delimiter="\t")
        ]


def fiche_text(rows: list[Row]) -> str:
    """The seed's text with the rows as the paragraphs of its "Beoordeling + inzet"."""
    seed = SEED.read_text(encoding="utf-8")
    start, end = seed.index(SECTION_START), seed.index(SECTION_END)
    paragraphs = "\n\n".join(r.sentence for r in rows)
    return f"{seed[:start]}{SECTION_START}\n\n{paragraphs}\n\n{seed[end:]}"


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def score(rows: list[Row], stances: list[tuple[str, str]], tally: Tally, show: bool) -> None:
    """stances: (label, evidence) of the position stances parsed."""
    given = [(label, words(evidence)) for label, evidence in stances]
    for row in rows:
        key = words(row.sentence)[:80]
        got = [
            label for label, ev in given if key and (key in ev or ev[:80] in words(row.sentence))
        ]
        if row.kind == "position":
            tally.positions += 1
            tally.count(row.accepted[0], 1)
            if any(g in row.accepted for g in got):
                tally.found += 1
                tally.count(row.accepted[0], 0)
            elif show:
                tally.errors.append(f"  miss  {row.accepted[0]:<24} got {got}: {row.sentence}")
        tally.given += len(got)
        for g in got:
            tally.count(g, 3)
            tally.count(g, 2, int(row.kind in ("position", "optional") and g in row.accepted))
        if row.kind in ("position", "optional"):
            tally.right += sum(g in row.accepted for g in got)
            wrong = [g for g in got if g not in row.accepted]
        else:
            tally.on_others += len(got) if row.kind == "other" else 0
            wrong = got
        if show and wrong:
            tally.errors.append(f"  false {row.kind}/{row.accepted[0]} got {wrong}: {row.sentence}")


def measure(rows: list[Row], layout_names: list[str], show: bool) -> dict[str, Tally]:
    tallies = {}
    for layout in text_layouts("sentences", fiche_text(rows)):
        if layout.name not in layout_names:
            continue
        documents = parse_bytes(layout.data, layout.filename)
        fiche = next(d for d in documents if d.doc_type == "fiche")
        stances = [
            (s.label, s.evidence) for s in fiche.stances if s.aspect.startswith(POSITION_PREFIX)
        ]
        tally = tallies[layout.name] = Tally()
        score(rows, stances, tally, show)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="the read part's misses and false hits"
    )
    parser.add_argument("--layouts", default="clean,hardwrap,html,pdf")
    parser.add_argument(
        "--per-label", action="store_true", help="recall and precision per label, both parts"
    )
    args = parser.parse_args()
    rows = read_rows()
    names = args.layouts.split(",")
    read = [r for r in rows if r.doc_id not in HELD_OUT]
    held = [r for r in rows if r.doc_id in HELD_OUT]
    print(f"{SENTENCES.name}: {len(rows)} sentences from {len({r.doc_id for r in rows})} documents")
    for part, part_rows, show in (("read", read, args.errors), ("held out", held, False)):
        docs = len({r.doc_id for r in part_rows})
        print(f"\n{part} ({docs} documents, {len(part_rows)} sentences)")
        for name, tally in measure(part_rows, names, show).items():
            print(f"  {name:<9} {tally.line()}")
            if args.per_label:
                print("\n".join(tally.label_lines()))
            if show and name == names[0]:
                print("\n".join(tally.errors))


if __name__ == "__main__":
    main()

"""Per-field precision and recall of the fiche opening fields (section 1, Algemene gegevens)
on the 63 real openings of ../shared/fiche-openings, against hand gold
(benchmarks/openings/gold.jsonl), for the part read while changing the parser and the part
held out (benchmarks/openings/SPLIT.md says how the two were split, before either was read).

    python -m benchmarks.opening_fields            # both parts, per field and overall
    python -m benchmarks.opening_fields --misses   # and the read part's wrong or missed values

    python -m benchmarks.opening_fields --layouts  # and each opening in four layouts

`--layouts` lays every opening out as other copies of a fiche print it (benchmarks/layouts.py:
its lines as clean paragraphs, hard-wrapped at 80 columns, an HTML page with one <p> per
printed line, and a PDF printed from it) and scores each layout on the same gold.

The held-out part's misses are never printed: that part is only measured (SPLIT.md), so that a
rule written after a look at `--misses` is written against the read part alone.

The last line scores the held-out openings that tests/test_fiche_openings.py did not pin
before this benchmark ("pinned" in the gold): the only ones no rule was written against.

A field counts once per opening. Found and equal to the gold: a true positive. Found but
different (a value running into the next label) or found where the gold has none: a false
positive. In the gold but missed or different: a false negative. Values compare with runs of
white space as one space (a hard-wrapped rendering and a table rendering print one value).
The gold holds a field only when the excerpt prints it in full; a value cut off by the excerpt
is absent, in the gold as in the parser's output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from parsers import parse_bytes
from parsers.model import METADATA_KEYS

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "openings" / "gold.jsonl"
PARTS = ("read", "held-out")


@dataclass
class Opening:
    line: int
    url: str
    part: str
    # pinned by tests/test_fiche_openings.py before this benchmark: the parser was changed
    # with it in view, so a held-out opening that is pinned is not unseen by the parser
    pinned: bool
    fields: dict  # metadata key -> value as the parser gives it (str, or a list of str)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def find_openings() -> Path:
    """../shared/fiche-openings/openings.jsonl next to the checkout or any folder above it."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "fiche-openings" / "openings.jsonl"
        if candidate.is_file():
            return candidate
    sys.exit("../shared/fiche-openings/openings.jsonl not found above this checkout")


def read_gold(path: Path = GOLD) -> list[Opening]:
    return [Opening(**json.loads(line)) for line in path.read_text().splitlines() if line]


def parsed_fields(excerpt: str) -> dict:
    """The metadata of the fiche in an opening ({} when the excerpt ends before one)."""
    return fiche_fields(excerpt.encode(), "opening.txt")


def fiche_fields(data: bytes, filename: str) -> dict:
    documents = parse_bytes(data, filename)
    fiches = [d for d in documents if d.doc_type == "fiche"]
    return fiches[0].metadata if fiches else {}


LAYOUTS = ("clean", "hardwrap", "html", "pdf")


def layout_reader(layout: str) -> Callable[[str], dict]:
    """Reads an excerpt laid out as `layout`: its printed lines as paragraphs, then as
    benchmarks.layouts prints a clean text in that layout."""

    def read(excerpt: str) -> dict:
        chosen = laid_out(excerpt)[layout]
        return fiche_fields(chosen.data, chosen.filename)

    return read


@cache
def laid_out(excerpt: str) -> dict:
    """layout name -> benchmarks.layouts.Layout of an excerpt (built once for all four)."""
    from benchmarks.layouts import text_layouts

    clean = "\n\n".join(line.strip() for line in excerpt.splitlines() if line.strip())
    return {layout.name: layout for layout in text_layouts("opening", clean)}


def same(found, wanted) -> bool:
    def norm(value):
        if isinstance(value, list):
            return [norm(v) for v in value]
        return " ".join(str(value).split())

    return norm(found) == norm(wanted)


def score(
    gold: list[Opening], excerpts: list[str], read: Callable[[str], dict] = parsed_fields
) -> dict[str, dict[str, Score]]:
    """part -> field -> Score, the fields as `read` finds them in each excerpt."""
    scores = {part: {key: Score() for key in METADATA_KEYS} for part in PARTS}
    for opening in gold:
        found = read(excerpts[opening.line])
        for key in METADATA_KEYS:
            tally = scores[opening.part][key]
            have, want = found.get(key), opening.fields.get(key)
            if have is None and want is None:
                continue
            if have is not None and want is not None and same(have, want):
                tally.true_positives += 1
                continue
            if have is not None:
                tally.false_positives += 1
            if want is not None:
                tally.false_negatives += 1
            tally.misses.append(f"line {opening.line} {key}: found {have!r}, gold {want!r}")
    return scores


def overall(per_field: dict[str, Score]) -> Score:
    total = Score()
    for tally in per_field.values():
        total.true_positives += tally.true_positives
        total.false_positives += tally.false_positives
        total.false_negatives += tally.false_negatives
        total.misses += tally.misses
    return total


def report(scores: dict[str, dict[str, Score]], gold: list[Opening], misses: bool) -> None:
    for part in PARTS:
        openings = [o for o in gold if o.part == part]
        fields = sum(len(o.fields) for o in openings)
        print(f"{part}: {len(openings)} openings, {fields} gold fields")
        print(f"  {'field':31} {'P':>6} {'R':>6}  tp  fp  fn")
        for key, tally in scores[part].items():
            print(
                f"  {key:31} {tally.precision:6.3f} {tally.recall:6.3f}"
                f" {tally.true_positives:3} {tally.false_positives:3} {tally.false_negatives:3}"
            )
        total = overall(scores[part])
        print(
            f"  {'all fields':31} {total.precision:6.3f} {total.recall:6.3f}"
            f" {total.true_positives:3} {total.false_positives:3} {total.false_negatives:3}"
        )
        if misses and part == "read":
            for miss in total.misses:
                print(f"    {miss}")


def report_unseen(gold: list[Opening], excerpts: list[str]) -> None:
    """The held-out openings no test pinned before: unseen by the parser's authors too."""
    unseen = [o for o in gold if o.part == "held-out" and not o.pinned]
    total = overall(score(unseen, excerpts)["held-out"])
    print(
        f"held-out and not pinned by tests/test_fiche_openings.py: {len(unseen)} openings,"
        f" P {total.precision:.3f} R {total.recall:.3f}"
        f" ({total.true_positives} tp, {total.false_positives} fp, {total.false_negatives} fn)"
    )


def report_layouts(gold: list[Opening], excerpts: list[str], misses: bool) -> None:
    print("per layout (the openings' lines as paragraphs, then laid out):")
    for layout in LAYOUTS:
        scores = score(gold, excerpts, layout_reader(layout))
        for part in PARTS:
            total = overall(scores[part])
            print(
                f"  {layout:9} {part:9} P {total.precision:.3f} R {total.recall:.3f}"
                f" ({total.true_positives} tp, {total.false_positives} fp,"
                f" {total.false_negatives} fn)"
            )
            if misses and part == "read":
                for miss in total.misses:
                    print(f"    {miss}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list the read part's wrong or missed values (never the held-out part's)",
    )
    parser.add_argument(
        "--layouts", action="store_true", help="also score each opening in four layouts (slow)"
    )
    args = parser.parse_args(argv)
    excerpts = [json.loads(line)["excerpt"] for line in find_openings().read_text().splitlines()]
    gold = read_gold()
    report(score(gold, excerpts), gold, args.misses)
    report_unseen(gold, excerpts)
    if args.layouts:
        report_layouts(gold, excerpts, args.misses)


if __name__ == "__main__":
    main()

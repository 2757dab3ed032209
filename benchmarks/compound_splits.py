"""How often does the compound splitter cut a word right? Precision and recall of
Decompounder.split against hand-judged gold (benchmarks/compounds/gold.tsv, METHOD.md beside
it), for the rules as they were before the guards in index.search.compounds.RULES, for each guard
added alone, for all of them, and for all but one, in one run.

    .venv/bin/python -m benchmarks.compound_splits
    .venv/bin/python -m benchmarks.compound_splits --errors    # the words each variant gets wrong
    .venv/bin/python -m benchmarks.compound_splits --draw      # the sample drawn again

A split is right when its modifier and head equal the gold's (the linking -s-, -en-, -er- is no
part of either); `false` is a split where the gold has none, `wrong` a split at another place,
`missed` no split where the gold has one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.relevance import SHARED
from index.search.compounds import MIN_COMPOUND, RULES, Decompounder, fold, installed_word_list

GOLD = Path(__file__).parent / "compounds" / "gold.tsv"
# The sample: word types of the scale corpus by number of occurrences (METHOD.md).
BANDS = ((1, 2), (3, 19), (20, 199), (200, None))
PER_BAND = 80
SEED = 14
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Judged:
    word: str
    splits: tuple[tuple[str, str], ...]  # every right (modifier, head); () for no compound
    source: str  # "sample" (random, by frequency band) or "component" (of a sampled compound)


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    false: int = 0
    missed: int = 0
    gold_splits: int = 0

    @property
    def precision(self) -> float:
        made = self.right + self.wrong + self.false
        return self.right / made if made else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold_splits if self.gold_splits else 1.0


def read_gold(path: Path = GOLD) -> list[Judged]:
    judged = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        word, gold, source, _count = line.split("\t")
        splits = () if gold == "-" else tuple(tuple(a.split()) for a in gold.split(" | "))
        judged.append(Judged(word, splits, source.split()[0]))
    return judged


def score(splitter: Decompounder, gold: list[Judged], errors: list[str] | None = None) -> Score:
    result = Score()
    for item in gold:
        cut = splitter.split(item.word)
        made = None if cut is None else (cut.modifier, cut.head)
        result.gold_splits += bool(item.splits)
        if made is None:
            result.missed += bool(item.splits)
            kind = "missed" if item.splits else ""
        elif made in item.splits:
            result.right += 1
            kind = ""
        elif item.splits:
            result.wrong += 1
            kind = "wrong"
        else:
            result.false += 1
            kind = "false"
        if kind and errors is not None:
            gold_text = " | ".join(" + ".join(s) for s in item.splits) or "-"
            errors.append(
                f"  {kind:<6} {item.word}: {' + '.join(made or ('-',))} (gold {gold_text})"
            )
    return result


def variants() -> dict[str, frozenset[str]]:
    named = {"before (main)": frozenset()}
    named.update({f"+ {rule}": frozenset([rule]) for rule in sorted(RULES)})
    named["all rules"] = RULES
    named.update({f"all - {rule}": RULES - {rule} for rule in sorted(RULES)})
    return named


def draw_sample() -> list[tuple[str, str, int]]:
    """(word, band, occurrences) for the sampled words, as the gold's sample was drawn."""
    counts: Counter[str] = Counter()
    with gzip.open(SHARED / "scale" / "eurlex-nl.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            counts.update(fold(w) for w in _WORD.findall(text) if len(w) >= MIN_COMPOUND)
    drawn = []
    for low, high in BANDS:
        band = f"{low}-{high}" if high else f"{low}+"
        types = sorted(
            w for w, n in counts.items() if w.isalpha() and low <= n and (not high or n <= high)
        )
        drawn.extend((w, band, counts[w]) for w in random.Random(SEED).sample(types, PER_BAND))
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the words each variant misses")
    parser.add_argument("--draw", action="store_true", help="print the sample drawn again")
    args = parser.parse_args()
    if args.draw:
        for word, band, count in draw_sample():
            print(f"{word}\t{band}\t{count}")
        return
    gold = read_gold()
    words = frozenset(installed_word_list().read_text(encoding="utf-8").split())
    sets = {
        "sample": [g for g in gold if g.source == "sample"],
        "component": [g for g in gold if g.source == "component"],
        "all": gold,
    }
    print(f"gold: {', '.join(f'{len(v)} {k}' for k, v in sets.items())} words")
    header = f"{'variant':<22}" + "".join(f" {name + ' P/R':>14}" for name in sets)
    print(header + f" {'right':>6} {'wrong':>6} {'false':>6} {'missed':>6}")
    for name, rules in variants().items():
        errors: list[str] = []
        cells = []
        for subset_name, subset in sets.items():
            found = score(
                Decompounder(words, rules), subset, errors if subset_name == "all" else None
            )
            cells.append(f" {found.precision:>6.1%}/{found.recall:>6.1%}")
        print(
            f"{name:<22}"
            + "".join(cells)
            + f" {found.right:>6} {found.wrong:>6} {found.false:>6} {found.missed:>6}"
        )
        if args.errors:
            print("\n".join(errors))


if __name__ == "__main__":
    main()

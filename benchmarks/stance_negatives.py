"""Cabinet position stances on text in which the cabinet does not speak: every one is a false
positive. A real negative set for the holder rules.

    .venv/bin/python -m benchmarks.stance_negatives            # the figures
    .venv/bin/python -m benchmarks.stance_negatives --show     # and every stance given

Two sources, both read as if they were the "Beoordeling + inzet" of a fiche (the section
where position stances are read, so the holder rules alone must keep them out):
- EUR-Lex: a fixed sample of ../shared/scale/eurlex-nl.jsonl.gz, the Commission's, the
  Council's and the Parliament's own prose ("De Raad verwelkomt", "De Commissie is van
  mening", "de lidstaten moeten"). SAMPLE texts, the first by sha1(celex) among the OJ C
  series and the preparatory acts (sectors C and 5: resolutions, conclusions, opinions,
  communications) and among legislation (sectors 3 and L: recitals and articles), each cut
  to its first TEXT_LIMIT characters. Unless a text quotes the Netherlands, none of these
  is the cabinet's view.
- The Kamer's own texts in ../shared/corpus: moties ("verzoekt de regering") and the
  Handelingen (Kamerleden speaking; a minister speaking there may hold a real position, so
  these stances are counted apart and listed with --show).

The figure is stances per 1,000 sentences; lower is better and 0 is the target. In the
Handelingen the sentences of a minister's or staatssecretaris's turn ("Minister Rutte:") are
counted apart: what the government says there may be its position.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.layouts import SHARED
from parsers import parse_file
from parsers.model import Section
from parsers.stance.holder import Holder, speaker_turn
from parsers.stance.nlp import flatten_line_breaks, stance_nlp
from parsers.stance.positions import position_stances

EURLEX = SHARED / "scale" / "eurlex-nl.jsonl.gz"
CORPUS = SHARED / "corpus"
SAMPLE = {"prose (C, 5)": 40, "legislation (3, L)": 20}
SECTORS = {"prose (C, 5)": ("C", "5"), "legislation (3, L)": ("3", "L")}
TEXT_LIMIT = 20_000
KAMER_TEXTS = {
    "moties": [
        "kamerstukken/kst-32545-143.xml",
        "kamerstukken/tk_motie_36278-32_0787ced2.docx",
        "kamerstukken/tk_motie_36682-10_09b97518.docx",
        "kamerstukken/tk_motie_verantwoordingsdag_ca71487f.doc",
    ],
    "Handelingen": ["other/tk_vlos_vergaderverslag_2014-10-15.xml"],
    "Kamervragen and answers": ["kamerstukken/ah-tk-20202021-3235.xml"],
}
SECTION_KEY = "positie.beoordeling"


@dataclass(frozen=True)
class Text:
    source: str
    name: str
    text: str


@dataclass
class Count:
    texts: int = 0
    sentences: int = 0
    stances: int = 0
    # in a verbatim record: stances in a minister's or staatssecretaris's turn, which may be
    # the cabinet's real positions, and the sentences of those turns
    government_turn_stances: int = 0
    government_turn_sentences: int = 0

    def line(self) -> str:
        others = self.stances - self.government_turn_stances
        sentences = self.sentences - self.government_turn_sentences
        per_1000 = 1000 * others / sentences if sentences else 0.0
        line = (
            f"{others} stances on {sentences} sentences of {self.texts} texts: "
            f"{per_1000:.1f} per 1,000 sentences"
        )
        if self.government_turn_sentences:
            line += (
                f" (outside the government's turns; in them {self.government_turn_stances}"
                f" on {self.government_turn_sentences} sentences, not counted)"
            )
        return line


def government_turns(doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences spoken in a government turn."""
    spans, speaker = [], None
    for sentence in doc.sents:
        speaker = speaker_turn(sentence) or speaker
        if speaker is Holder.CABINET:
            spans.append((sentence.start_char, sentence.end_char))
    return spans


def eurlex_sample() -> Iterator[Text]:
    chosen: dict[str, list[tuple[str, str, str]]] = {group: [] for group in SAMPLE}
    with gzip.open(EURLEX, "rt", encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            celex = record["celex"]
            for group, sectors in SECTORS.items():
                if celex.startswith(sectors):
                    key = hashlib.sha1(celex.encode()).hexdigest()
                    chosen[group].append((key, celex, record["text"][:TEXT_LIMIT]))
    for group, records in chosen.items():
        for _, celex, text in sorted(records)[: SAMPLE[group]]:
            yield Text(f"EUR-Lex {group}", celex, text)


def kamer_texts() -> Iterator[Text]:
    for source, paths in KAMER_TEXTS.items():
        for path in paths:
            for document in parse_file(CORPUS / path):
                text = "\n\n".join(s.text for s in document.sections if s.text.strip())
                yield Text(source, Path(path).name, text)


def measure(texts: Iterator[Text], show: bool) -> dict[str, Count]:
    counts: dict[str, Count] = {}
    listed = list(texts)
    docs = stance_nlp().pipe(flatten_line_breaks(t.text) for t in listed)
    for text, doc in zip(listed, docs, strict=True):
        count = counts.setdefault(text.source, Count())
        count.texts += 1
        count.sentences += sum(1 for _ in doc.sents)
        stances = position_stances(Section(key=SECTION_KEY, text=text.text), doc)
        count.stances += len(stances)
        turns = government_turns(doc)
        count.government_turn_sentences += len(turns)
        for stance in stances:
            in_turn = any(start <= stance.start < end for start, end in turns)
            count.government_turn_stances += in_turn
            if show:
                evidence = " ".join(stance.evidence.split())[:300]
                turn = " (government's turn)" if in_turn else ""
                print(f"  {text.source} {text.name}{turn} {stance.label}: {evidence}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="every stance given, with evidence")
    parser.add_argument("--kamer-only", action="store_true")
    args = parser.parse_args()
    sources = kamer_texts() if args.kamer_only else iter([*eurlex_sample(), *kamer_texts()])
    for source, count in measure(sources, args.show).items():
        print(f"{source:<28} {count.line()}")


if __name__ == "__main__":
    main()

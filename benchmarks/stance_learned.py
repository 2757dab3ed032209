"""A small learned component measured against the rules on the held-out sentences.

    .venv/bin/python -m benchmarks.stance_learned

Trains a spaCy bag-of-words text classifier (TextCatBOW, unigrams and bigrams, one class per
position label and "none") on every labelled sentence the rules were written against: the
gold of the two fiches (tests/gold/position_sentences.tsv), the hand-written wordings
(tests/gold/position_wordings.tsv) and the read part of ../shared/stances. It is then scored,
like the rules, on the held-out part (benchmarks/stance_sentences.HELD_OUT), one sentence at a
time as a paragraph of "Beoordeling + inzet":

    rules     parsers.stance as shipped
    learned   the classifier alone (its best class, "none" = no stance)
    hybrid    the rules, and the classifier where the rules give nothing and no other actor
              is the sentence's subject (the classifier knows no holders)

for five seeds, once on the words alone and once on the words with the rules' findings as
extra tokens ("features"): per cue of parsers.stance.cues its label family, whose view it is
(cabinet, other, none: stance/holder.py) and whether a negation governs it, so the classifier
can learn how families, holders and negation combine instead of memorising words.
Nothing here is shipped: the figures decide whether a learned component earns
its place (ACCURACY.md says what they decided).
"""

from __future__ import annotations

import argparse
import random
from functools import partial

import spacy
from spacy.training import Example

from benchmarks.stance_accuracy import read_gold, read_wordings
from benchmarks.stance_families import read_table
from benchmarks.stance_sentences import HELD_OUT, Row, read_rows
from parsers.model import PARAGRAPH_LABELS, Section
from parsers.stance import label_stances
from parsers.stance.cues import POSITION_CUES
from parsers.stance.holder import Holder, holder_of, sentence_holder
from parsers.stance.nlp import stance_nlp
from parsers.stance.positions import is_negated

NONE = "none"
CLASSES = (*PARAGRAPH_LABELS, NONE)
EPOCHS = 20
SEEDS = (1, 2, 3, 4, 5)


def training_rows() -> list[tuple[str, str]]:
    rows = [
        (g.text, g.labels[0] if g.kind == "position" else NONE)
        for g in read_gold()
        if g.kind in ("position", "fact", "other", "heading")
    ]
    rows += [(text, labels[0] if labels else NONE) for text, labels in read_wordings()]
    rows += [(r.sentence, best_label(r)) for r in read_rows() if r.doc_id not in HELD_OUT]
    # the wording-family table: government prose by family, holders and other actors
    rows += [(r.text, r.labels[0] if r.labels else NONE) for r in read_table()]
    return rows


def best_label(row: Row) -> str:
    return row.accepted[0] if row.kind == "position" else NONE


def with_features(text: str) -> str:
    """The text followed by one token per cue the rules find: family, holder, negation
    ("cue_steunt_onder_voorwaarden_cabinet", "cue_steunt_cabinet_neg")."""
    tokens = []
    previous = Holder.NONE
    doc = stance_nlp()(text)
    for sentence in doc.sents:
        for span in doc.spans["position_cue"]:
            if not (sentence.start <= span.start < sentence.end):
                continue
            rule = POSITION_CUES[int(span.label_)]
            holder = holder_of(span.start, sentence, previous).value
            negated = "_neg" if is_negated(span, sentence, rule) else ""
            tokens.append(f"cue_{rule.label}_{rule.holder}_{holder}{negated}")
        tokens.append(f"subject_{sentence_holder(sentence).value}")
        previous = sentence_holder(sentence)
    return f"{text} {' '.join(tokens)}"


def train(rows: list[tuple[str, str]], seed: int) -> spacy.Language:
    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("nl")
    config = {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 2,
            "no_output_layer": False,
        }
    }
    textcat = nlp.add_pipe("textcat", config=config)
    for label in CLASSES:
        textcat.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {c: float(c == label) for c in CLASSES}})
        for text, label in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(EPOCHS):
        random.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer)
    return nlp


def rule_labels(sentence: str) -> list[str]:
    section = Section("positie.beoordeling", text=sentence)
    return [s.label for s in label_stances([section]) if s.aspect == section.key]


def learned_label(nlp: spacy.Language, sentence: str, features: bool = False) -> list[str]:
    cats = nlp(with_features(sentence) if features else sentence).cats
    best = max(cats, key=cats.get)
    return [] if best == NONE else [best]


def speaks_for_others(sentence: str) -> bool:
    return any(sentence_holder(s) is Holder.OTHER for s in stance_nlp()(sentence).sents)


def hybrid_labels(nlp: spacy.Language, sentence: str, features: bool = False) -> list[str]:
    rules = rule_labels(sentence)
    if rules or speaks_for_others(sentence):
        return rules
    return learned_label(nlp, sentence, features)


def score(rows: list[Row], predict) -> str:
    found = positions = right = given = 0
    for row in rows:
        got = predict(row.sentence)
        if row.kind == "position":
            positions += 1
            found += any(g in row.accepted for g in got)
        given += len(got)
        if row.kind in ("position", "optional"):
            right += sum(g in row.accepted for g in got)
    recall = found / positions if positions else 1.0
    precision = right / given if given else 1.0
    return f"recall {recall:.2f} ({found}/{positions}), precision {precision:.2f} ({right}/{given})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=len(SEEDS), help="how many seeds to run")
    args = parser.parse_args()
    rows = training_rows()
    featured = [(with_features(text), label) for text, label in rows]
    held = [r for r in read_rows() if r.doc_id in HELD_OUT]
    print(f"trained on {len(rows)} sentences the rules were written against")
    print(f"held out ({len(held)} sentences, {len({r.doc_id for r in held})} documents):")
    print(f"  rules                      {score(held, rule_labels)}")
    for seed in SEEDS[: args.seeds]:
        for name, training, features in (("words", rows, False), ("features", featured, True)):
            nlp = train(training, seed)
            learned = partial(learned_label, nlp, features=features)
            hybrid = partial(hybrid_labels, nlp, features=features)
            print(f"  learned, {name:<8} seed {seed} {score(held, learned)}")
            print(f"  hybrid,  {name:<8} seed {seed} {score(held, hybrid)}")


if __name__ == "__main__":
    main()

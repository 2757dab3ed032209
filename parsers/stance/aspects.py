"""Aspect stances (grondhouding): bevoegdheid, subsidiariteit, proportionaliteit.

A sentence decides an aspect when it carries a label cue (positief, deels positief, geen
oordeel, ...) and reads as the cabinet's judgement:
- in the aspect's own section (key bevoegdheid, ...) a judgement wording ("grondhouding",
  "beoordeelt", "acht", "oordeel") or a bare short sentence ("Niet van toepassing.") will do;
  the aspect is the one the sentence names, else the section's own ("De grondhouding van
  het kabinet ten aanzien van de aanbeveling is positief" in 4.a is about bevoegdheid);
- anywhere else (combined older sections, beslisnota, cover letters) only the set phrase
  counts: a judgement wording, an aspect name and a label cue close together
  ("Het kabinet beoordeelt de subsidiariteitstoets positief"), so incidental words such as
  "de bevoegdheid van de lidstaten" or "positief" elsewhere in a text give nothing.
One stance per aspect: the first decisive sentence of its own section, else the first
decisive sentence elsewhere, in section order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from parsers.model import ASPECTS, Section, Stance
from parsers.stance.holder import speaks_for_others
from parsers.stance.negation import is_negator
from parsers.stance.nlp import evidence_bounds

# A sentence this short with a label cue is a verdict on its own ("Niet van toepassing.").
SHORT_SENTENCE_WORDS = 8
# Outside the aspect's own section, frame, aspect name and label must sit this close.
SET_PHRASE_WINDOW = 10

NEGATED_ASPECT_LABEL = {"positief": "negatief", "negatief": "positief"}


@dataclass(frozen=True)
class AspectFinding:
    aspect: str
    stance: Stance
    in_own_section: bool


def aspect_stances(analysed: list[tuple[Section, Doc]]) -> list[Stance]:
    """At most one stance per aspect, in ASPECTS order."""
    findings = [f for section, doc in analysed for f in findings_in(section, doc)]
    chosen: list[Stance] = []
    for aspect in ASPECTS:
        candidates = [f for f in findings if f.aspect == aspect]
        own = [f for f in candidates if f.in_own_section]
        best = (own or candidates)[:1]
        chosen.extend(f.stance for f in best)
    return chosen


def findings_in(section: Section, doc: Doc) -> Iterator[AspectFinding]:
    own_aspect = section.key if section.key in ASPECTS else None
    for sentence in doc.sents:
        labels = spans_within(doc.spans["aspect_label"], sentence)
        if not labels or speaks_for_others(sentence):
            continue
        terms = spans_within(doc.spans["aspect_term"], sentence)
        frames = spans_within(doc.spans["aspect_frame"], sentence)
        for aspect, label_span in judged_aspects(sentence, own_aspect, terms, frames, labels):
            yield AspectFinding(
                aspect=aspect,
                stance=make_stance(section, sentence, aspect, resolve_label(label_span)),
                in_own_section=aspect == own_aspect,
            )


def judged_aspects(
    sentence: Span,
    own_aspect: str | None,
    terms: list[Span],
    frames: list[Span],
    labels: list[Span],
) -> list[tuple[str, Span]]:
    """(aspect, deciding label span) pairs this sentence decides; [] when it decides none."""
    if own_aspect:
        if not frames and word_count(sentence) > SHORT_SENTENCE_WORDS:
            return []
        if not terms:
            return [(own_aspect, labels[0])]
        return [(term.label_, nearest(term, labels)) for term in first_per_aspect(terms)]
    pairs = []
    for term in first_per_aspect(terms):
        label = nearest(term, labels)
        framed = frames and distance(term, nearest(term, frames)) <= SET_PHRASE_WINDOW
        if framed and distance(term, label) <= SET_PHRASE_WINDOW:
            pairs.append((term.label_, label))
    return pairs


def resolve_label(label_span: Span) -> str:
    """The label of a cue, flipped by a negation just before or inside it ("niet positief")."""
    label = label_span.label_
    if label not in NEGATED_ASPECT_LABEL:
        return label
    doc = label_span.doc
    window = doc[max(label_span.start - 2, label_span.sent.start) : label_span.end]
    for token in window:
        if is_negator(token):
            return NEGATED_ASPECT_LABEL[label]
    return label


def make_stance(section: Section, sentence: Span, aspect: str, label: str) -> Stance:
    start, end = evidence_bounds(sentence)
    return Stance(
        aspect=aspect,
        label=label,
        evidence=section.text[start:end],
        section_key=section.key,
        start=start,
        end=end,
    )


def spans_within(spans, sentence: Span) -> list[Span]:
    return [s for s in spans if s.start >= sentence.start and s.end <= sentence.end]


def first_per_aspect(terms: list[Span]) -> list[Span]:
    seen: dict[str, Span] = {}
    for term in terms:
        seen.setdefault(term.label_, term)
    return list(seen.values())


def nearest(anchor: Span, spans: list[Span]) -> Span:
    return min(spans, key=lambda span: distance(anchor, span))


def distance(a: Span, b: Span) -> int:
    """Tokens between two spans; 0 when they touch or overlap."""
    return max(0, b.start - a.end, a.start - b.end)


def word_count(sentence: Span) -> int:
    return sum(1 for t in sentence if not (t.is_punct or t.is_space))

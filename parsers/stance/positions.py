"""Position stances: one per sentence in which the cabinet takes a position.

A sentence gets a label when it carries a cue of cues.POSITION_CUES whose holder
(stance/holder.py) is the cabinet:
- a negation just before a cue, or after a verb cue within its clause ("steunt het voorstel
  niet"), turns it into the cue's negated label ("geen voorstander" -> kritisch) or cancels it;
- several cabinet cues combine by POSITION_PRECEDENCE (the least positive wins), and a
  qualifier ("mits", "onder voorwaarden") makes support steunt_onder_voorwaarden;
- facts, impersonal statements and the views of the Commissie, member states, the
  Parliament or the sector carry no label, whatever words they use.
The evidence is the sentence, with its offsets in the section text.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from parsers.model import Section, Stance
from parsers.stance.cues import (
    CABINET_HOLDS,
    CLAUSE_BREAKS,
    POSITION_CUES,
    POSITION_PRECEDENCE,
    QUALIFIER,
    Cue,
)
from parsers.stance.holder import Holder, holder_of, sentence_holder
from parsers.stance.negation import is_negator
from parsers.stance.nlp import evidence_bounds

NEGATION_BEFORE = 3  # tokens before a cue a negator may stand: "niet echt positief tegenover"
NEGATION_AFTER = 6  # tokens after a verb cue, within its clause: "steunt het voorstel niet"
SUPPORT = "steunt"
CONDITIONAL_SUPPORT = "steunt_onder_voorwaarden"


def position_stances(section: Section, doc: Doc) -> list[Stance]:
    stances = []
    previous = Holder.NONE
    for sentence in doc.sents:
        label = sentence_label(sentence, previous)
        if label:
            stances.append(make_stance(section, sentence, label))
        holder = sentence_holder(sentence)
        previous = holder if holder is not Holder.NONE else previous
    return stances


def sentence_label(sentence: Span, previous: Holder) -> str | None:
    """The sentence's position label, or None when the cabinet takes no position in it."""
    labels: list[str] = []
    qualified = False
    for span in sentence.doc.spans["position_cue"]:
        if not within(span, sentence):
            continue
        rule = POSITION_CUES[int(span.label_)]
        if rule.holder == QUALIFIER:
            qualified = qualified or not is_negated(span, sentence, rule)
            continue
        if rule.holder == CABINET_HOLDS and holder_of(span.start, sentence, previous) is not (
            Holder.CABINET
        ):
            continue
        label = cue_label(span, sentence, rule)
        if label:
            labels.append(label)
    if not labels:
        return None
    winner = min(labels, key=POSITION_PRECEDENCE.index)
    return CONDITIONAL_SUPPORT if qualified and winner == SUPPORT else winner


def cue_label(span: Span, sentence: Span, rule: Cue) -> str | None:
    return rule.negated if is_negated(span, sentence, rule) else rule.label


def is_negated(span: Span, sentence: Span, rule: Cue) -> bool:
    doc = span.doc
    # Before the cue, or inside a cue with a gap ("acht het daarom niet wenselijk"); a cue
    # that starts with its own negation ("geen steun") is not negated by it.
    before = doc[max(sentence.start, span.start - NEGATION_BEFORE) : span.start]
    if any(is_negator(t) for t in [*before, *span[1:]]):
        return True
    if not rule.verb:
        return False
    for token in doc[span.end : min(sentence.end, span.end + NEGATION_AFTER)]:
        if token.lower_ in CLAUSE_BREAKS:
            return False
        if is_negator(token):
            return True
    return False


def make_stance(section: Section, sentence: Span, label: str) -> Stance:
    start, end = evidence_bounds(sentence)
    return Stance(
        aspect=section.key,
        label=label,
        evidence=section.text[start:end],
        section_key=section.key,
        start=start,
        end=end,
    )


def within(span: Span, sentence: Span) -> bool:
    return span.start >= sentence.start and span.end <= sentence.end

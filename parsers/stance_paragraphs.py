"""Paragraph stances in the position sections (positie.beleid, positie.beoordeling).

Each paragraph (text between blank lines) gets at most one label, from the cue wordings of
stance_rules.PARAGRAPH_CUES:
- a cue in a sentence that reports someone else's view ("De Commissie verwelkomt ...") is
  ignored;
- a negation just before a cue, or after a verb cue within its clause ("steunt het voorstel
  niet"), turns it into the cue's negated label ("geen voorstander" -> kritisch, "niet
  steunen" -> verwerpt) or cancels it;
- several cues combine by PARAGRAPH_PRECEDENCE: the least positive wins (support + "mits"
  -> steunt_onder_voorwaarden, support + "terughoudend" -> terughoudend); neutraal only
  when a paragraph has position wording ("merkt op", "is van mening") and nothing else;
- the evidence is the first sentence carrying the winning label.
positie.krachtenveld is left out on purpose: it describes the member states' and the
Parliament's positions, not the cabinet's.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from parsers.model import Section, Stance
from parsers.stance_negation import is_negator
from parsers.stance_nlp import SUPERSCRIPT_DIGITS, evidence_bounds
from parsers.stance_rules import (
    CLAUSE_BREAKS,
    PARAGRAPH_CUES,
    PARAGRAPH_PRECEDENCE,
)
from parsers.stance_speaker import speaks_for_others

NEGATION_BEFORE = 3  # tokens before a cue a negator may stand: "niet echt positief tegenover"
NEGATION_AFTER = 6  # tokens after a verb cue, within its clause: "steunt het voorstel niet"


def paragraph_stances(section: Section, doc: Doc) -> list[Stance]:
    stances = []
    for sentences in paragraphs(doc):
        stance = paragraph_stance(section, sentences)
        if stance:
            stances.append(stance)
    return stances


def paragraphs(doc: Doc) -> Iterator[list[Span]]:
    """The sentences of the doc grouped per paragraph (blank-line separated).

    Footnotes are left out, and a block starting in lower case continues the paragraph
    before it: a page break or a footnote cut that paragraph in two
    ("... bevorderen dat door erkende" / "referenten ..., mits ...").
    """
    current: list[Span] = []
    for block in blocks(doc):
        if is_footnote(block):
            continue
        if current and not continues(block):
            yield current
            current = []
        current.extend(block)
    if current:
        yield current


def blocks(doc: Doc) -> Iterator[list[Span]]:
    current: list[Span] = []
    for sentence in doc.sents:
        if current and starts_paragraph(sentence):
            yield current
            current = []
        current.append(sentence)
    if current:
        yield current


def first_word(block: list[Span]) -> str:
    return next((t.text for t in block[0] if not t.is_space), "")


def is_footnote(block: list[Span]) -> bool:
    return first_word(block)[:1] in SUPERSCRIPT_DIGITS


def continues(block: list[Span]) -> bool:
    return first_word(block)[:1].islower()


def starts_paragraph(sentence: Span) -> bool:
    """A sentence opens a paragraph when a blank line precedes it (inside or just before)."""
    doc = sentence.doc
    before = doc[sentence.start - 1] if sentence.start > 0 else None
    leading = [sentence[0]] if sentence[0].is_space else []
    return any(t is not None and is_blank_line(t) for t in [before, *leading])


def is_blank_line(token: Token) -> bool:
    return token.is_space and token.text.count("\n") >= 2


def paragraph_stance(section: Section, sentences: list[Span]) -> Stance | None:
    labelled = [
        (label, sentence)
        for sentence in sentences
        if not speaks_for_others(sentence)
        for label in sentence_labels(sentence)
    ]
    if not labelled:
        return None
    winner = min(labelled, key=lambda pair: PARAGRAPH_PRECEDENCE.index(pair[0]))[0]
    evidence_sentence = next(s for label, s in labelled if label == winner)
    start, end = evidence_bounds(evidence_sentence)
    return Stance(
        aspect=section.key,
        label=winner,
        evidence=section.text[start:end],
        section_key=section.key,
        start=start,
        end=end,
    )


def sentence_labels(sentence: Span) -> list[str]:
    cues = [c for c in sentence.doc.spans["para_cue"] if within(c, sentence)]
    labels = (cue_label(cue, sentence) for cue in cues)
    return [label for label in labels if label]


def cue_label(cue: Span, sentence: Span) -> str | None:
    rule = PARAGRAPH_CUES[cue.label_]
    if not is_negated(cue, sentence, rule.verb):
        return rule.label
    return rule.negated


def is_negated(cue: Span, sentence: Span, verb: bool) -> bool:
    doc = cue.doc
    before = doc[max(sentence.start, cue.start - NEGATION_BEFORE) : cue.start]
    if any(is_negator(t) for t in before):
        return True
    if not verb:
        return False
    for token in doc[cue.end : min(sentence.end, cue.end + NEGATION_AFTER)]:
        if token.lower_ in CLAUSE_BREAKS:
            return False
        if is_negator(token):
            return True
    return False


def within(span: Span, sentence: Span) -> bool:
    return span.start >= sentence.start and span.end <= sentence.end

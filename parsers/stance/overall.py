"""The overall position of a fiche: aspect `positie`, one label of the position set.

From the grondhouding when the fiche states one about the proposal itself outside the aspect
sections (a grondhouding sentence in 4.a Bevoegdheid, "De grondhouding van het kabinet ten
aanzien van de aanbeveling is positief", is the bevoegdheid verdict of the 2026 template, not
the overall one), else from the cabinet's opening judgement: the first position stance of
"Beoordeling + inzet" that judges (a neutraal opening such as "Het kabinet erkent het belang
van ..." introduces the judgement, it is none), or its first stance when none judges.
Support with conditions there stays steunt_onder_voorwaarden.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from parsers.model import ASPECTS, Section, Stance
from parsers.stance.aspects import make_stance, resolve_label, spans_within
from parsers.stance.cues import PROPOSAL_WORDS
from parsers.stance.holder import speaks_for_others

OVERALL = "positie"
OPENING_SECTION = "positie.beoordeling"
NEUTRAL = "neutraal"
# A verdict on the proposal as a whole, in the words of the position set.
VERDICT_TO_POSITION = {
    "positief": "steunt",
    "gedeeltelijk": "steunt_onder_voorwaarden",
    "negatief": "kritisch",
    "geen_oordeel": "neutraal",
}


def overall_stance(analysed: list[tuple[Section, Doc]], positions: list[Stance]) -> list[Stance]:
    """[] or [the fiche's `positie` stance]."""
    for section, doc in analysed:
        if section.key in ASPECTS:
            continue
        for sentence in doc.sents:
            label = grondhouding_label(sentence)
            if label:
                return [overall(section, sentence, label)]
    opening = [s for s in positions if s.section_key == OPENING_SECTION]
    judging = [s for s in opening if s.label != NEUTRAL]
    chosen = (judging or opening)[:1]
    return [replace(stance, aspect=OVERALL) for stance in chosen]


def grondhouding_label(sentence: Span) -> str | None:
    """The position label of a judgement frame + verdict naming the proposal, not an aspect."""
    doc = sentence.doc
    frames = [f for f in spans_within(doc.spans["aspect_frame"], sentence) if is_grondhouding(f)]
    verdicts = spans_within(doc.spans["aspect_label"], sentence)
    if not frames or not verdicts or spans_within(doc.spans["aspect_term"], sentence):
        return None
    if not any(t.lower_ in PROPOSAL_WORDS for t in sentence) or speaks_for_others(sentence):
        return None
    return VERDICT_TO_POSITION.get(resolve_label(verdicts[0]))


def is_grondhouding(frame: Span) -> bool:
    return frame.text.lower() in {"grondhouding", "oordeel", "eindoordeel"}


def overall(section: Section, sentence: Span, label: str) -> Stance:
    return make_stance(section, sentence, OVERALL, label)

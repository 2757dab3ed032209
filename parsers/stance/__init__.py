"""Stance analysis with spaCy: aspect stances (grondhouding), position stances per sentence
and the fiche's overall position.

The work is split by responsibility:
    cues.py       every cue wording as data: the position cue table (cue, label, holder rule)
                  and the aspect terms, frames and verdicts
    nlp.py        the spaCy pipeline and the component that marks the cues
    holder.py     whose view a sentence states: the cabinet's, another actor's, nobody's
    negation.py   negation words
    aspects.py    bevoegdheid / subsidiariteit / proportionaliteit
    positions.py  steunt ... neutraal per sentence of the position sections
    overall.py    aspect `positie`: the grondhouding on the proposal, or the opening judgement
"""

from __future__ import annotations

import re

from parsers.model import ASPECTS, Section, Stance

POSITION_PREFIX = "positie."

# Sections other than the aspect and position sections can only carry an aspect stance
# through a set phrase naming the aspect; without such a word they are not worth parsing.
# (A looser net than cues.ASPECT_TERMS: it only decides whether a section is worth parsing.)
ASPECT_WORD = re.compile(
    "bevoegdheid|rechtsgrondslag|rechtsbasis|subsidiariteit|proportionaliteit|evenredigheid",
    re.IGNORECASE,
)


def label_stances(sections: list[Section]) -> list[Stance]:
    """The stances carried by these sections, each with its evidence sentence.

    Aspect stances first (in ASPECTS order), then the overall `positie`, then position
    stances in document order.
    """
    worth = [s for s in sections if worth_analysing(s)]
    if not worth:
        return []
    # spaCy takes about two seconds to import. It is loaded by the first section that needs it,
    # so searching, and importing documents without cabinet stances, never wait for it.
    from parsers.stance.aspects import aspect_stances
    from parsers.stance.nlp import flatten_line_breaks, stance_nlp
    from parsers.stance.overall import overall_stance
    from parsers.stance.positions import position_stances

    docs = stance_nlp().pipe(flatten_line_breaks(s.text) for s in worth)
    analysed = list(zip(worth, docs, strict=True))
    positions = [
        stance
        for section, doc in analysed
        if carries_position_stances(section)
        for stance in position_stances(section, doc)
    ]
    return aspect_stances(analysed) + overall_stance(analysed, positions) + positions


def carries_position_stances(section: Section) -> bool:
    """Position stances are read in the position sections only (krachtenveld included: the
    holder rules keep the member states' views out, and a cabinet position there counts)."""
    return section.key.startswith(POSITION_PREFIX)


def worth_analysing(section: Section) -> bool:
    if not section.text.strip():
        return False
    if section.key in ASPECTS or carries_position_stances(section):
        return True
    return bool(ASPECT_WORD.search(section.text))

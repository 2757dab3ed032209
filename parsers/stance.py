"""Stance analysis with spaCy: aspect stances (grondhouding) and paragraph stances.

The work is split by responsibility:
    stance_rules.py       the cue wordings (Matcher patterns as data)
    stance_nlp.py         the spaCy pipeline and the component that marks the cues
    stance_aspects.py     bevoegdheid / subsidiariteit / proportionaliteit
    stance_paragraphs.py  steunt ... verwerpt per paragraph of the position sections
"""

from __future__ import annotations

import re

from parsers.model import ASPECTS, Section, Stance
from parsers.stance_rules import ASPECT_TERMS

POSITION_PREFIX = "positie."
NOT_THE_CABINETS_POSITION = frozenset({"positie.krachtenveld"})

# Sections other than the aspect and position sections can only carry an aspect stance
# through a set phrase naming the aspect; without such a word they are not worth parsing.
ASPECT_WORD = re.compile(
    "|".join(sorted({w for words in ASPECT_TERMS.values() for w in words})), re.IGNORECASE
)


def label_stances(sections: list[Section]) -> list[Stance]:
    """The stances carried by these sections, each with its evidence sentence.

    Aspect stances first (in ASPECTS order), then paragraph stances in document order.
    """
    worth = [s for s in sections if worth_analysing(s)]
    if not worth:
        return []
    # spaCy takes about two seconds to import. It is loaded by the first section that needs it,
    # so searching, and importing documents without cabinet stances, never wait for it.
    from parsers.stance_aspects import aspect_stances
    from parsers.stance_nlp import flatten_line_breaks, stance_nlp
    from parsers.stance_paragraphs import paragraph_stances

    docs = stance_nlp().pipe(flatten_line_breaks(s.text) for s in worth)
    analysed = list(zip(worth, docs, strict=True))
    paragraph = [
        stance
        for section, doc in analysed
        if carries_paragraph_stances(section)
        for stance in paragraph_stances(section, doc)
    ]
    return aspect_stances(analysed) + paragraph


def carries_paragraph_stances(section: Section) -> bool:
    """Paragraph stances are read in the cabinet's own position sections only."""
    return section.key.startswith(POSITION_PREFIX) and section.key not in (
        NOT_THE_CABINETS_POSITION
    )


def worth_analysing(section: Section) -> bool:
    if not section.text.strip():
        return False
    if section.key in ASPECTS or carries_paragraph_stances(section):
        return True
    return bool(ASPECT_WORD.search(section.text))

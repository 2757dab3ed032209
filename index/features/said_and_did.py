"""Said and did: what the cabinet wrote in its latest fiche beside how a member state voted
in the Council (`proposal`'s `said_and_did`, the rows of `votes`)."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.model import PARAGRAPH_LABELS

# The fiche's overall position (aspect "positie") read as support or rejection of the proposal;
# the other labels (terughoudend, kritisch, neutraal) commit to no vote. (Literal labels, not
# parsers.stance's sets: importing that loads spaCy, two seconds for every `votes`.)
SUPPORT = frozenset({"steunt", "steunt_onder_voorwaarden"})
REJECTION = frozenset({"verwerpt"})
assert set(PARAGRAPH_LABELS) >= SUPPORT | REJECTION, "said and did reads the overall position"
VOTES_AGAINST_SUPPORT = ("against", "abstained")
VOTE_AGAINST_REJECTION = "in_favour"


@dataclass
class SaidAndDid:
    position: str | None  # the latest fiche's overall position (positie), None without one
    evidence: str | None  # the sentence that shows it
    vote: str  # the country's position in the latest Council vote
    differs: bool  # support written and against/abstained voted, or rejection and in favour


def said_and_did(position: str | None, evidence: str | None, vote: str) -> SaidAndDid:
    """What the fiche wrote beside how the country voted."""
    differs = (position in SUPPORT and vote in VOTES_AGAINST_SUPPORT) or (
        position in REJECTION and vote == VOTE_AGAINST_REJECTION
    )
    return SaidAndDid(position, evidence, vote, differs)

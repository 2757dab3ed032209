"""Whose view a sentence states: the cabinet's, or someone else's it reports."""

from __future__ import annotations

from spacy.tokens import Span

from parsers.stance_rules import CABINET, OTHER_ACTORS


def speaks_for_others(sentence: Span) -> bool:
    """True when the sentence names another actor (Commissie, lidstaten, EP, ...) and not the
    cabinet: "De Commissie verwelkomt ..." reports a view, it does not state the cabinet's.
    Sentences naming nobody are taken as the cabinet's, as fiches are written in its voice."""
    words = {t.lower_ for t in sentence}
    return bool(words & OTHER_ACTORS) and not words & CABINET

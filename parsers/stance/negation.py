"""Negation words, shared by aspect and position stances."""

from __future__ import annotations

from spacy.tokens import Token

from parsers.stance.cues import NEGATION_CANCELLERS, NEGATORS


def is_negator(token: Token) -> bool:
    """ "niet", "geen", ... except in "niet alleen ..., maar ook", which does not negate."""
    if token.lower_ not in NEGATORS:
        return False
    following = token.doc[token.i + 1 : token.i + 2]
    return not (following and following[0].lower_ in NEGATION_CANCELLERS)

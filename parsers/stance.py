"""Stance analysis with spaCy: aspect stances (grondhouding) and paragraph stances."""

from __future__ import annotations

from parsers.model import Section, Stance


def label_stances(sections: list[Section]) -> list[Stance]:
    """The stances carried by these sections, each with its evidence sentence."""
    return []

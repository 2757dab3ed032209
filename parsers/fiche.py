"""Fiche structure: find every BNC-fiche in a part and split it into canonical sections."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.model import Document
from parsers.parts import Part


@dataclass
class FicheSpan:
    """Where one fiche sits inside a part: block indexes [start, end)."""

    start: int
    end: int
    title: str = ""


def find_fiches(part: Part) -> list[FicheSpan]:
    """Every fiche in the part. Empty when the part holds none."""
    return []


def build_fiche(part: Part, span: FicheSpan) -> Document:
    raise NotImplementedError

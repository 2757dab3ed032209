"""Turning untrusted document text into safe HTML: snippets, evidence marks, outbound links.

Documents are crawled from the outside world, so nothing from them is ever trusted as HTML.
Templates autoescape; the helpers here build the few fragments that need tags (highlights)
from escaped pieces only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from fiche_search.surface import Section, Stance

_HIGHLIGHT = re.compile(r"(</?b>)")


def safe_snippet(snippet: str) -> Markup:
    """A backend snippet ("escaped text with <b> highlights") as HTML with <mark> highlights.
    The text is unescaped and escaped again, so whatever a backend lets through stays text."""
    out = []
    for part in _HIGHLIGHT.split(snippet):
        if part == "<b>":
            out.append(Markup('<mark class="hl">'))
        elif part == "</b>":
            out.append(Markup("</mark>"))
        else:
            out.append(escape(html.unescape(part)))
    opened = sum(1 for p in out if p == '<mark class="hl">')
    closed = sum(1 for p in out if p == "</mark>")
    if opened != closed:  # a cut-off snippet: drop the highlights rather than break the page
        return escape(html.unescape(_HIGHLIGHT.sub("", snippet)))
    return Markup("").join(out)


def safe_url(url: str) -> str:
    """The URL when it is an http(s) link, else "" (no javascript: or data: from documents)."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url.strip() if scheme in ("http", "https") else ""


@dataclass
class Segment:
    """A run of section text; `stances` non-empty when it is an evidence sentence."""

    text: str
    stances: list[Stance] = field(default_factory=list)
    anchor: str = ""


def stance_anchor(index: int) -> str:
    """The id of the mark of the document's stance number `index` (0-based)."""
    return f"evidence-{index + 1}"


def evidence_segments(section: Section, stances: list[tuple[int, Stance]]) -> list[Segment]:
    """The section text cut into plain runs and evidence runs, in order. `stances` are
    (index in the document, stance). Stances sharing a sentence share its mark; a stance
    overlapping another mark is listed but not marked."""
    spans: dict[tuple[int, int], list[tuple[int, Stance]]] = {}
    for index, stance in stances:
        where = stance.span_in(section.text)
        if where:
            spans.setdefault(where, []).append((index, stance))
    segments, pos = [], 0
    for (start, end), carried in sorted(spans.items()):
        if start < pos:
            continue
        if start > pos:
            segments.append(Segment(section.text[pos:start]))
        anchor = stance_anchor(carried[0][0])
        segments.append(Segment(section.text[start:end], [s for _, s in carried], anchor))
        pos = end
    if pos < len(section.text):
        segments.append(Segment(section.text[pos:]))
    return segments


def stances_by_section(
    sections: list[Section], stances: list[Stance]
) -> list[list[tuple[int, Stance]]]:
    """For each section, the (index, stance) pairs whose evidence is marked in it: a stance
    belongs to the first section with its section_key that holds the evidence (any section
    when it has no key)."""
    placed: list[list[tuple[int, Stance]]] = [[] for _ in sections]
    for index, stance in enumerate(stances):
        for i, section in enumerate(sections):
            if stance.section_key and section.key != stance.section_key:
                continue
            if stance.span_in(section.text):
                placed[i].append((index, stance))
                break
    return placed

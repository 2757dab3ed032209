"""What a hit section shows: its snippet and the stance labels of the sentences in it.

Every stance carries the sentence that proves it (its evidence, with offsets into the text of
its section). A section is indexed with the spans of the evidence it holds (`Span`), so a
search can say which labels lie in the snippet it shows: a hit's chips are those labels, not
every label of the section. When a stance or positie filter is given, the snippet is built
around the evidence of a sentence with that label, so the reader sees the proof.

Both backends call `hit_snippet` with what their engine gives (the highlighted fragment it
chose, where it sits in the text, and the highlights in the whole text), so they show alike.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index.search.filters import Filters
from parsers.model import Section, Stance

_BOLD = re.compile(r"(</?b>)")
SPANS_FIELD = "stance_span"  # stored in both backends: Span.encode() of each evidence
Ranges = list[tuple[int, int]]  # [start, end) character offsets into the section text


@dataclass(frozen=True)
class Span:
    """The evidence of one stance in a section's text: label and character offsets."""

    label: str
    start: int
    end: int

    def encode(self) -> str:
        """As indexed (a stored keyword in both backends): 'terughoudend 120 245'."""
        return f"{self.label} {self.start} {self.end}"

    @staticmethod
    def decode(value: str) -> Span | None:
        parts = str(value).split()
        if len(parts) != 3 or not (parts[1].isdigit() and parts[2].isdigit()):
            return None
        return Span(parts[0], int(parts[1]), int(parts[2]))


def decode_spans(values: Iterable[str]) -> list[Span]:
    return sorted(
        (s for s in map(Span.decode, values) if s), key=lambda s: (s.start, s.end, s.label)
    )


def section_spans(sections: Sequence[Section], stances: Sequence[Stance]) -> list[list[Span]]:
    """For each section, the spans of the evidence it holds: a stance belongs to the first
    section with its section_key that holds its evidence (any section when it has no key)."""
    spans: list[list[Span]] = [[] for _ in sections]
    for stance in stances:
        for i, section in enumerate(sections):
            if stance.section_key and section.key != stance.section_key:
                continue
            if where := stance.span_in(section.text):
                spans[i].append(Span(stance.label, *where))
                break
    return [sorted(set(found), key=lambda s: (s.start, s.end, s.label)) for found in spans]


def wanted_labels(filters: Filters) -> set[str]:
    """The labels whose evidence a hit's snippet should show: the stance and positie filters."""
    return {*filters.stances, *filters.positie}


def labels_in(spans: Iterable[Span], start: int, end: int) -> list[str]:
    """The labels of the evidence that lies in (overlaps) [start, end)."""
    return sorted({s.label for s in spans if s.start < end and start < s.end})


def render(text: str, start: int, end: int, highlights: Ranges) -> str:
    """text[start:end] HTML-escaped, the highlights in it in <b>...</b> (a backend's form)."""
    out, pos = [], start
    for h_start, h_end in sorted(highlights):
        h_start, h_end = max(h_start, pos), min(h_end, end)
        if h_start >= h_end:
            continue
        out += [html.escape(text[pos:h_start]), "<b>"]
        out += [html.escape(text[h_start:h_end]), "</b>"]
        pos = h_end
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def plain_and_highlights(highlighted: str) -> tuple[str, Ranges]:
    """An engine's highlighted HTML ('escaped text with <b> highlights') -> the plain text and
    the highlighted character ranges in it."""
    plain, ranges, opened = [], [], None
    length = 0
    for part in _BOLD.split(highlighted):
        if part == "<b>":
            opened = length
        elif part == "</b>":
            if opened is not None:
                ranges.append((opened, length))
            opened = None
        else:
            text = html.unescape(part)
            plain.append(text)
            length += len(text)
    return "".join(plain), ranges


def evidence_window(text: str, span: Span, chars: int) -> tuple[int, int]:
    """The evidence sentence whole and first, then the text after it up to `chars` characters
    (before it only when the text ends first), cut at spaces."""
    start, end = span.start, span.end
    room = chars - (end - start)
    if room > 0:
        after = min(room, len(text) - end)
        before = min(room - after, start)
        start, end = _word_start(text, start - before, start), _word_end(text, end + after, end)
    return start, end


def _word_start(text: str, cut: int, limit: int) -> int:
    """The first word that starts at or after `cut` (but not past `limit`)."""
    if cut <= 0:
        return 0
    space = text.find(" ", cut - 1, limit)
    return space + 1 if space >= 0 and text[cut - 1] != " " else cut


def _word_end(text: str, cut: int, limit: int) -> int:
    """The end of the last word that ends at or before `cut` (but not before `limit`)."""
    if cut >= len(text):
        return len(text)
    space = text.rfind(" ", limit, cut + 1)
    return space if space >= 0 and text[cut] != " " else cut


def hit_snippet(
    text: str,
    spans: list[Span],
    wanted: set[str],
    fragment: Callable[[], tuple[str, int] | None],
    highlights: Callable[[], Ranges],
    chars: int,
) -> tuple[str, list[str]]:
    """A hit section's snippet (escaped text, <b> highlights) and the labels of the evidence
    in it.

    `fragment()`: the engine's highlighted fragment and its character offset in `text` (-1
    when it cannot be placed; None when it chose none), asked for unless the snippet is built
    around evidence of a `wanted` label; `highlights()`: the engine's highlights in the whole
    text, asked for only then."""
    evidence = [s for s in spans if s.label in wanted]
    if evidence:
        marks = highlights()
        # the evidence that holds a query word when one does, else the first
        span = next((s for s in evidence if _holds_a_mark(s, marks)), evidence[0])
        start, end = evidence_window(text, span, chars)
        return render(text, start, end, marks), labels_in(spans, start, end)
    placed = fragment()
    if placed is not None and placed[0]:
        snippet, start = placed
        if start < 0:  # an engine fragment that could not be placed in the text: no labels
            return snippet, []
        return snippet, labels_in(spans, start, start + len(plain_and_highlights(snippet)[0]))
    end = min(len(text), chars)
    return html.escape(text[:end]), labels_in(spans, 0, end)


def _holds_a_mark(span: Span, marks: Ranges) -> bool:
    return any(span.start <= start and end <= span.end for start, end in marks)

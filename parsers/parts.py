"""One file, several documents: a Woo release holds a cover letter, a fiche, a beslisnota and
workflow logs; a Kamerstuk may hold a cover letter and the fiches it announces.

split_parts cuts a read file into Parts; each becomes its own Document. Cuts are found per
line (a web rendering may hold a whole letter and fiche in one block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parsers.dates import parse_dutch_date
from parsers.fiche.labels import FICHE_HEADING, is_fiche_start, match_label, match_main
from parsers.heading import HEAD_LINES, text_date, text_title
from parsers.lines import Line, block_lines, split_marker
from parsers.text import Block, ReadResult, SourceMetadata

_BESLISNOTA = re.compile(r"^(\d\.\s*)?geadviseerd besluit\b", re.IGNORECASE)
_AANLEIDING = re.compile(r"^(\d\.\s*)?aanleiding$", re.IGNORECASE)
_WORKFLOW = re.compile(r"^digitale minuut\b", re.IGNORECASE)
_LETTER_DATE = re.compile(r"^(?:Den Haag,|Datum\b)\s*(.*)$")
_BETREFT = re.compile(r"^Betreft\s+(.+)$")
# A paragraph this long is running text; a letterhead or address block is short lines.
_PROSE = 200

DOC_TYPES = {
    "letter": "kamerbrief",
    "fiche": "fiche",
    "beslisnota": "beslisnota",
    "workflow": "workflow-log",
}
_ID_SUFFIX = {
    "letter": "brief",
    "fiche": "fiche",
    "beslisnota": "beslisnota",
    "workflow": "workflow",
}


@dataclass
class Part:
    id: str
    kind: str  # "document" when the file is one whole; else letter, fiche, beslisnota, workflow
    blocks: list[Block]
    meta: SourceMetadata = field(default_factory=SourceMetadata)
    format: str = ""
    footnotes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class _Cut:
    line: int  # index into the file's lines where the part starts
    kind: str


def split_parts(read: ReadResult, fallback_id: str) -> list[Part]:
    """The parts of a file, in order. A file of one document is one Part."""
    base = read.meta.identifier or fallback_id
    if read.meta.is_eu_publication:
        return [_part(base, "document", read.blocks, read)]
    lines = block_lines(read.blocks)
    cuts = _find_cuts(lines)
    if not cuts:
        return [_part(base, "document", read.blocks, read)]
    segments = _segments(lines, cuts)
    letter_date = _letter_date(segments)
    parts = []
    counters: dict[str, int] = {}
    for kind, seg_lines in segments:
        counters[kind] = counters.get(kind, 0) + 1
        part_id = base if len(segments) == 1 else _part_id(base, kind, counters[kind])
        part = _part(part_id, kind, _rebuild_blocks(read.blocks, seg_lines), read)
        part.meta = _meta_for(kind, seg_lines, read.meta, letter_date)
        parts.append(part)
    return parts


def _part(part_id: str, kind: str, blocks: list[Block], read: ReadResult) -> Part:
    return Part(
        id=part_id,
        kind=kind,
        blocks=blocks,
        meta=read.meta,
        format=read.format,
        footnotes=read.footnotes,
    )


def _part_id(base: str, kind: str, number: int) -> str:
    suffix = _ID_SUFFIX.get(kind, kind)
    if kind in ("fiche", "workflow") or number > 1:
        return f"{base}-{suffix}-{number}"
    return f"{base}-{suffix}"


def _find_cuts(lines: list[Line]) -> list[_Cut]:
    texts = [line.text for line in lines]
    cuts = _fiche_cuts(texts)
    cuts += [_Cut(i, "workflow") for i, text in enumerate(texts) if _WORKFLOW.match(text)]
    beslisnota = _beslisnota_cut(texts, cuts)
    if beslisnota is not None:
        cuts.append(beslisnota)
    return sorted(cuts, key=lambda cut: cut.line)


def _fiche_cuts(texts: list[str]) -> list[_Cut]:
    """Where fiches start: a "Fiche: ..." heading followed by section 1, or, in renderings
    that drop the heading, "1. Algemene gegevens" or the first label of section 1."""
    cuts: list[_Cut] = []
    open_fiche = False  # a fiche has started and its section 1 has not been seen yet
    for index, text in enumerate(texts):
        if is_fiche_start(texts, index):
            cuts.append(_Cut(index, "fiche"))
            open_fiche = True
            continue
        marked = split_marker(text)
        main = match_main(marked.text) if len(marked.text) < 60 else None
        starts_section_1 = bool(main and main[1] == "algemeen")
        label = match_label(text)
        if label and label[0] == "titel_voorstel" and len(text) < 60:
            starts_section_1 = True
        if not starts_section_1:
            continue
        if open_fiche:
            open_fiche = main is not None and main[1] == "algemeen"  # the label may follow
            continue
        cuts.append(_Cut(index, "fiche"))
        open_fiche = main is not None
    return cuts


def _beslisnota_cut(texts: list[str], cuts: list[_Cut]) -> _Cut | None:
    """A beslisnota has "Aanleiding" then "Geadviseerd besluit"; it starts with the letterhead
    above it: the short lines after the last running-text paragraph before "Aanleiding"."""
    advice = next((i for i, text in enumerate(texts) if _BESLISNOTA.match(text)), None)
    if advice is None:
        return None
    start = next((i for i in range(advice, -1, -1) if _AANLEIDING.match(texts[i])), advice)
    floor = max((cut.line + 1 for cut in cuts if cut.line < start), default=0)
    while start - 1 >= floor and len(texts[start - 1]) < _PROSE:
        start -= 1
    return _Cut(start, "beslisnota")


def _segments(lines: list[Line], cuts: list[_Cut]) -> list[tuple[str, list[Line]]]:
    segments = []
    if cuts[0].line > 0:
        segments.append(("letter", lines[: cuts[0].line]))
    for cut, nxt in zip(cuts, [*cuts[1:], None], strict=False):
        end = nxt.line if nxt else len(lines)
        if end > cut.line:
            segments.append((cut.kind, lines[cut.line : end]))
    return segments


def _rebuild_blocks(blocks: list[Block], lines: list[Line]) -> list[Block]:
    """The blocks of a run of lines; a block cut by a part boundary keeps its own lines."""
    rebuilt: list[Block] = []
    current = -1
    for line in lines:
        if line.block != current:
            source = blocks[line.block]
            rebuilt.append(replace(source, text=line.text))
            current = line.block
        else:
            rebuilt[-1].text += "\n" + line.text
    return rebuilt


def _letter_date(segments: list[tuple[str, list[Line]]]) -> str:
    for kind, lines in segments:
        if kind == "letter":
            return _date_in(lines) or text_date([line.text for line in lines[:HEAD_LINES]])
    return ""


def _date_in(lines: list[Line]) -> str:
    """The date of a letter or note: after "Den Haag," or "Datum" (also on the next line)."""
    for index, line in enumerate(lines):
        match = _LETTER_DATE.match(line.text)
        if not match:
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        date = parse_dutch_date(match.group(1)) or parse_dutch_date(following)
        if len(date) == 10:
            return date
    return ""


def _meta_for(
    kind: str, lines: list[Line], meta: SourceMetadata, letter_date: str
) -> SourceMetadata:
    doc_type = DOC_TYPES.get(kind, meta.doc_type)
    if kind == "letter":
        return replace(meta, doc_type=doc_type, title=_letter_title(lines), date=_date_in(lines))
    if kind == "fiche":
        return replace(meta, doc_type=doc_type, title="", date=letter_date)
    if kind == "workflow":
        return replace(meta, doc_type=doc_type, title=lines[0].text, date=_workflow_date(lines))
    # A beslisnota whose "Datum" stands in the letterhead above its cut has the file's date.
    date = _date_in(lines) or letter_date
    return replace(meta, doc_type=doc_type, title=_note_title(lines), date=date)


def _letter_title(lines: list[Line]) -> str:
    for line in lines:
        match = _BETREFT.match(line.text)
        if match:
            return match.group(1).strip()
    fiches = [m.group("title") for line in lines if (m := FICHE_HEADING.match(line.text))]
    if fiches:
        return "Aanbiedingsbrief fiches: " + "; ".join(fiches)[:200]
    return text_title([line.text for line in lines[:HEAD_LINES]])


def _note_title(lines: list[Line]) -> str:
    """A beslisnota is named by the document it is about: "Bijlage(n)" then "1. BNC-fiche ..."."""
    for line in lines:
        text = split_marker(line.text).text
        if text.lower().startswith("bnc-fiche"):
            return f"Beslisnota: {text}"[:200]
    return "Beslisnota"


def _workflow_date(lines: list[Line]) -> str:
    for index, line in enumerate(lines):
        if line.text.lower().startswith("datum en tijd aangeboden"):
            rest = line.text + " " + (lines[index + 1].text if index + 1 < len(lines) else "")
            return parse_dutch_date(rest)
    return ""

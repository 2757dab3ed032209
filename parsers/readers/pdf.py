"""PDF with pdfplumber: paragraphs in reading order, headings marked, page furniture and
footnotes kept out of the body text.

One extract_words call per page (with size and font), everything else is arithmetic on those
words: cropping per region would re-parse the page each time and make big PDFs slow.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from parsers.continuation import continues, starts_lower
from parsers.heading import head_lines, is_producer_title, text_title
from parsers.limits import Limits, current_limits
from parsers.model import OcrPage, ParseError
from parsers.readers.dates import find_word_date
from parsers.readers.metadata import SOURCE, doc_type_for, public_url
from parsers.readers.ocr import OcrPageText, OcrSettings, read_pages
from parsers.readers.office import kamerstuk_head, kamerstuk_kind
from parsers.text import Block, ReadResult, SourceMetadata

_PAGE_OF = re.compile(r"^(pagina|page|blad)\s*\d+\s*(van|of|/)\s*\d+$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^[-–]?\s*\d{1,4}\s*[-–]?$")
_VOWELS = set("aeiouyáéíóúàèëïöü")
# Left-hand parts of a line-end hyphen that belong to the word ("niet-professionele").
_KEPT_PREFIXES = {"niet", "non", "ex", "oud", "anti", "pre", "post", "co", "vice", "euro"}
# Share of the page height at the top and bottom where running headers and footers live.
_MARGIN = 0.1


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class _Line:
    words: list[_Word]
    page: int
    page_height: float

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return Counter(round(w.size, 1) for w in self.words).most_common(1)[0][0]

    @property
    def style(self) -> str:
        """bold or italic when the whole line is set so (a heading or a label), else regular."""
        if all(w.bold for w in self.words):
            return "bold"
        if all(w.italic for w in self.words):
            return "italic"
        return "regular"

    @property
    def in_margin(self) -> bool:
        return self.top < self.page_height * _MARGIN or self.bottom > self.page_height * (
            1 - _MARGIN
        )


@dataclass
class _Paragraph:
    lines: list[str] = field(default_factory=list)
    heading: bool = False
    style: str = "regular"
    first_page: int = 0
    last_page: int = 0


def read_pdf(
    data: bytes, ocr: OcrSettings | None = None, limits: Limits | None = None
) -> ReadResult:
    """Read a PDF's text layer, and pages without one by OCR (within `limits`: pixels per
    page, OCR pages per document). Raises ParseError for corrupt or truncated PDFs and for
    scans where OCR found no text."""
    pages, title, scanned = _extract_pages(data)
    body_size = _body_size(pages)
    ocr_pages = _read_scanned_pages(
        data, pages, scanned, body_size, ocr or OcrSettings(), limits or current_limits()
    )
    if not any(pages):
        raise ParseError(_no_text_reason(data, ocr_pages))
    furniture = _running_furniture(pages)
    date = _running_date(pages, furniture)
    body: list[_Line] = []
    footnotes: list[str] = []
    for lines in pages:
        page_body, page_notes = _split_page(lines, body_size, furniture)
        body.extend(page_body)
        footnotes.extend(page_notes)
    vocabulary = _vocabulary(body)
    blocks = [_to_block(p, vocabulary) for p in _paragraphs(body)]
    blocks = [b for b in blocks if b.text]
    if not blocks:
        raise ParseError(_no_text_reason(data, ocr_pages))
    meta = _printed_identity(blocks, pages[0] if pages else [])
    meta.title = meta.title or ("" if is_producer_title(title) else title)
    meta.date = meta.date or date
    return ReadResult(
        blocks=blocks,
        format="pdf",
        meta=meta,
        footnotes=footnotes,
        ocr_pages=ocr_pages,
    )


def _printed_identity(blocks: list[Block], first_page: list[_Line]) -> SourceMetadata:
    """A Kamerstuk printed by the Staten-Generaal names itself in its head ("32 545 ...",
    "Nr. 143"): the same id, type and dossier as its XML, HTML and Word manifestations, so
    the importer holds them as one document (the richer format's text wins). So does an
    Aanhangsel ("Vergaderjaar 2020–2021 Aanhangsel van de Handelingen", then its number
    on a line of its own: ah-tk-20202021-3235)."""
    if not any("Kamer der Staten-Generaal" in b.text for b in blocks[:3]):
        return SourceMetadata()
    aanhangsel = _aanhangsel_id([line.text for line in first_page])
    if aanhangsel:
        return SourceMetadata(
            identifier=aanhangsel,
            doc_type=doc_type_for(aanhangsel),
            source=SOURCE,
            url=public_url(aanhangsel),
        )
    meta = kamerstuk_head(blocks)
    if meta.identifier and not meta.title:  # "Nr. 143 MOTIE VAN ... Voorgesteld 6 juli 2021"
        meta.title = text_title(head_lines(blocks))
        meta.doc_type = doc_type_for(meta.identifier, kamerstuk_kind(meta.title))
    return meta


_AANHANGSEL = re.compile(r"^Vergaderjaar (\d{4})[–-](\d{4}) Aanhangsel van de Handelingen$")


def _aanhangsel_id(lines: list[str]) -> str:
    chamber = next(
        (
            c
            for c, name in (("tk", "Tweede"), ("ek", "Eerste"))
            if any(line.startswith(f"{name} Kamer der Staten-Generaal") for line in lines)
        ),
        "",
    )
    for index, line in enumerate(lines):
        found = _AANHANGSEL.match(line)
        if found and chamber:
            number = next((n for n in lines[index + 1 : index + 8] if n.isdigit()), "")
            return f"ah-{chamber}-{found.group(1)}{found.group(2)}-{number}" if number else ""
    return ""


def _is_truncated(data: bytes) -> bool:
    return b"%%EOF" not in data[-2048:]


def _no_text_reason(data: bytes, ocr_pages: list[OcrPage]) -> str:
    """A PDF cut short often still opens, with its pages gone: say so instead of 'scanned'."""
    if _is_truncated(data):
        return "truncated PDF (no end-of-file marker, no readable text)"
    if ocr_pages:
        first = ocr_pages[0]
        return f"no text layer, and OCR found no text (page {first.page}: {first.reason})"
    return "no text layer (a scanned PDF?)"


def _read_scanned_pages(
    data: bytes,
    pages: list[list[_Line]],
    scanned: list[int],
    body_size: float,
    ocr: OcrSettings,
    limits: Limits,
) -> list[OcrPage]:
    """Scanned pages, read by OCR and put in their place as lines of body text (OCR knows no
    type sizes), so they go through the same paragraphs as the rest."""
    if not scanned or _is_truncated(data):
        return []
    read = read_pages(data, scanned, ocr, limits)
    for page in read:
        pages[page.record.page - 1] = _ocr_lines(page, body_size)
    return [page.record for page in read]


def _ocr_lines(page: OcrPageText, body_size: float) -> list[_Line]:
    lines = []
    for words in page.lines:
        line_words = [
            _Word(w.text, w.x0, w.x1, w.top, w.bottom, size=body_size, bold=False, italic=False)
            for w in words
        ]
        lines.append(_Line(words=line_words, page=page.record.page, page_height=page.height))
    return lines


def _extract_pages(data: bytes) -> tuple[list[list[_Line]], str, list[int]]:
    """Lines of words per page, the document title from the PDF info when it has one, and
    the scanned pages: those with an image and no text layer (a blank page is not a scan)."""
    import pdfplumber  # imported here: only PDF files pay its import time

    pages: list[_PageWords] = []
    scanned = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            title = _info_title(pdf)
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page_words(page, number))
                if not pages[-1].words and page.images:
                    scanned.append(number)
                page.close()  # its parsed objects are not needed again: memory stays flat
    except ParseError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types for broken files
        raise ParseError(f"corrupt or truncated PDF ({_reason(error)})") from None
    return _in_reading_order(pages), title, scanned


@dataclass
class _PageWords:
    number: int
    width: float
    height: float
    words: list[_Word]


def _in_reading_order(pages: list[_PageWords]) -> list[list[_Line]]:
    """Lines of each page in reading order. A page of two columns is read column by column;
    a page of a two-column document with too little text to show its gutter (the last page
    of the Handelingen) is read with the gutter of the document's other pages when its words
    leave that strip empty."""
    gutters = [_gutter(p.words, p.number, p.width, p.height) for p in pages]
    common = Counter(g for g in gutters if g is not None).most_common(1)
    if common and common[0][1] >= max(2, len(pages) // 2):
        shared = common[0][0]
        gutters = [
            g if g is not None or not _crosses(p, shared) else shared
            for p, g in zip(pages, gutters, strict=True)
        ]
    return [
        _read_columns(p.words, p.number, p.height, g) for p, g in zip(pages, gutters, strict=True)
    ]


def _crosses(page: _PageWords, gutter: tuple[float, float]) -> bool:
    left, right = gutter
    return any(w.x0 < right and w.x1 > left for w in page.words)


def _reason(error: Exception) -> str:
    detail = str(error).strip().splitlines()[0][:100] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {detail}" if detail else name


def _info_title(pdf) -> str:
    info = pdf.metadata or {}
    title = info.get("Title", "")
    if isinstance(title, bytes):
        title = title.decode("utf-8", "ignore")
    return str(title).strip() if isinstance(title, str) else ""


def _page_words(page, number: int) -> _PageWords:
    raw = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    words = [
        _Word(
            text=w["text"],
            x0=w["x0"],
            x1=w["x1"],
            top=w["top"],
            bottom=w["bottom"],
            size=float(w["size"]),
            bold="bold" in w["fontname"].lower(),
            italic="italic" in w["fontname"].lower() or "oblique" in w["fontname"].lower(),
        )
        for w in raw
        if w["text"].strip()
    ]
    return _PageWords(number, float(page.width), float(page.height), words)


def _read_columns(
    words: list[_Word], page: int, height: float, gutter: tuple[float, float] | None
) -> list[_Line]:
    """Lines in reading order. A page set in two columns (the Handelingen) is read column by
    column: the left column of a band, then its right column; a line that crosses the
    gutter (a heading over both columns) closes the band. The footer is read last, whole."""
    if gutter is None:
        return _group_lines(words, page, height)
    left, right = gutter
    footer_top = height * (1 - _MARGIN)
    ordered: list[_Line] = []
    band: list[_Word] = []

    def flush() -> None:
        ordered.extend(_group_lines([w for w in band if w.x1 <= right], page, height))
        ordered.extend(_group_lines([w for w in band if w.x1 > right], page, height))
        band.clear()

    footer = [w for w in words if w.top >= footer_top]
    for line in _group_lines([w for w in words if w.top < footer_top], page, height):
        if any(w.x0 < right and w.x1 > left for w in line.words):
            flush()
            ordered.append(line)
        else:
            band.extend(line.words)
    flush()
    return ordered + _group_lines(footer, page, height)


# A column gutter lies in this middle share of the page, is at least this wide (points),
# and has at least this many lines of text on each side.
_GUTTER_ZONE = (0.3, 0.7)
_GUTTER_MIN = 6.0
_COLUMN_LINES = 8


def _gutter(
    words: list[_Word], page: int, width: float, height: float
) -> tuple[float, float] | None:
    """The (left, right) edges of the empty strip between two columns of running text, or
    None for a page in one column. Two columns of prose fill their width: most lines of
    the left column end near the gutter and the right column's lines start at one edge; a
    table of labels and values has short left cells and is not split."""
    body = [w for w in words if height * 0.05 < w.top < height * (1 - _MARGIN)]
    if len(body) < 4 * _COLUMN_LINES:
        return None
    lo, hi = int(width * _GUTTER_ZONE[0]), int(width * _GUTTER_ZONE[1])
    crossing = [0] * (hi - lo)
    for w in body:
        for x in range(max(lo, int(w.x0)), min(hi, int(w.x1) + 1)):
            crossing[x - lo] += 1
    allowed = max(1, len(body) // 200)  # a heading over both columns may cross it
    best: tuple[int, int] | None = None
    start = None
    for x, count in enumerate([*crossing, allowed + 1]):
        if count <= allowed and start is None:
            start = x
        elif count > allowed and start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < _GUTTER_MIN:
        return None
    left, right = best[0] + lo, best[1] + lo
    left_lines = _group_lines([w for w in body if w.x1 <= left + 1], page, height)
    right_lines = _group_lines([w for w in body if w.x0 >= right - 1], page, height)
    if len(left_lines) < _COLUMN_LINES or len(right_lines) < _COLUMN_LINES:
        return None
    full = sum(1 for line in left_lines if left - line.x1 < (left - line.x0) * 0.15)
    edge = Counter(round(line.x0) for line in right_lines).most_common(1)[0][1]
    if full < len(left_lines) * 0.25 or edge < len(right_lines) * 0.5:
        return None
    return float(left), float(right)


def _group_lines(words: list[_Word], page: int, height: float) -> list[_Line]:
    """Words sharing a baseline form a line. Superscripts sit a little higher: they join the
    line whose baseline is within half a body line below them."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w.bottom), w.x0)):
        if lines and abs(lines[-1].bottom - word.bottom) <= 2.5:
            lines[-1].words.append(word)
        else:
            lines.append(_Line(words=[word], page=page, page_height=height))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return _attach_superscripts(lines)


def _attach_superscripts(lines: list[_Line]) -> list[_Line]:
    """A line of only small digits just above another line is that line's superscripts."""
    kept: list[_Line] = []
    for index, line in enumerate(lines):
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        is_marks = all(w.text.isdigit() for w in line.words) and nxt is not None
        if is_marks and line.size < nxt.size * 0.8 and nxt.top - line.top < nxt.size:
            nxt.words = sorted(nxt.words + line.words, key=lambda w: w.x0)
            continue
        kept.append(line)
    return kept


def _body_size(pages: list[list[_Line]]) -> float:
    sizes = Counter(round(w.size, 1) for lines in pages for line in lines for w in line.words)
    return sizes.most_common(1)[0][0] if sizes else 10.0  # a scan: OCR lines get this size


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_furniture(pages: list[list[_Line]]) -> set[str]:
    """Text repeated in the top or bottom margin of several pages: running headers/footers."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_furniture_key(line.text) for line in lines if line.in_margin})
    threshold = max(2, len(pages) // 3)
    return {key for key, count in seen.items() if count >= threshold}


def _running_date(pages: list[list[_Line]], furniture: set[str]) -> str:
    """The date a running header or footer prints on most pages: the Handelingen' footer
    carries the date of the sitting ("8 februari 2024"), a ministry letter its "Datum"."""
    seen: Counter[str] = Counter()
    for lines in pages:
        dates = {
            find_word_date(line.text)
            for line in lines
            if line.in_margin and _furniture_key(line.text) in furniture
        }
        seen.update(dates - {""})
    if not seen:
        return ""
    date, count = seen.most_common(1)[0]
    return date if count >= max(2, len(pages) // 2) else ""


def _is_furniture(line: _Line, furniture: set[str]) -> bool:
    text = line.text.strip()
    if _PAGE_OF.match(text) or _BARE_NUMBER.match(text):
        return True
    return line.in_margin and _furniture_key(text) in furniture


def _split_page(
    lines: list[_Line], body_size: float, furniture: set[str]
) -> tuple[list[_Line], list[str]]:
    """Body lines and footnotes of one page. Footnotes are the smaller-type lines below the
    body; once they start, the rest of the page (bar the footer) is footnote text."""
    body: list[_Line] = []
    notes: list[str] = []
    in_notes = False
    for line in lines:
        if _is_furniture(line, furniture) and not _ends_link(body[-1] if body else None, line):
            continue
        small = line.size < body_size - 0.5
        lower_half = line.top > line.page_height * 0.4
        if not in_notes and small and lower_half:
            in_notes = True
        if in_notes:
            _add_footnote_line(notes, line, body_size)
            continue
        body.append(_without_superscripts(line, body_size))
    return body, notes


# A link at the end of a line ("...&qid=1669146250363" broken after "qid=166914625").
_LINK_AT_END = re.compile(r"(?:https?://|www\.)\S+$")


def _ends_link(previous: _Line | None, line: _Line) -> bool:
    """A short number right below a line that ends in a link, inside the page, is the rest of
    the link broken at the line end ("0363"), no page number."""
    if previous is None or line.in_margin or line.page != previous.page:
        return False
    close = line.top - previous.bottom < line.size
    return close and bool(_LINK_AT_END.search(previous.text.rstrip()))


def _without_superscripts(line: _Line, body_size: float) -> _Line:
    """Footnote markers in the body ("kapitaalmarkt.1") are not part of the text."""
    kept = [w for w in line.words if not (w.text.isdigit() and w.size < body_size * 0.8)]
    line.words = kept or line.words
    return line


def _add_footnote_line(notes: list[str], line: _Line, body_size: float) -> None:
    first = line.words[0]
    marker = first.text.isdigit() and first.size < body_size * 0.75
    text = _join_words(line.words[1:] if marker else line.words)
    if marker or not notes:
        notes.append(f"{first.text} {text}".strip() if marker else text)
        return
    notes[-1] = _join_lines(notes[-1], text)


def _join_words(words: list[_Word]) -> str:
    """Words of a line; pdfplumber splits a word where its font changes ("(" + "Markets"),
    so words that touch are joined without a space."""
    text = ""
    previous: _Word | None = None
    for word in words:
        touching = previous is not None and word.x0 - previous.x1 < word.size * 0.12
        text = f"{text}{word.text}" if touching else f"{text} {word.text}" if text else word.text
        previous = word
    return text


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    """Lines into paragraphs: a new one after a blank gap, at a change between heading and
    body type, and across a page break only when the sentence does not run on."""
    pitch = _line_pitch(lines)
    paragraphs: list[_Paragraph] = []
    previous: _Line | None = None
    for line in lines:
        text = _join_words(line.words)
        style = line.style
        heading = _looks_like_heading(text, style)
        if previous is None or _starts_paragraph(previous, line, text, paragraphs[-1], pitch):
            paragraphs.append(_Paragraph(heading=heading, style=style, first_page=line.page))
        current = paragraphs[-1]
        current.lines.append(text)
        current.last_page = line.page
        previous = line
    return paragraphs


def _line_pitch(lines: list[_Line]) -> float:
    gaps = [
        b.bottom - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < b.bottom - a.bottom < 40
    ]
    return statistics.median(gaps) if gaps else 14.0


def _starts_paragraph(
    previous: _Line, line: _Line, text: str, current: _Paragraph, pitch: float
) -> bool:
    """Across a page break the text decides (parsers/continuation.py), on a page the gap."""
    if line.style != current.style:
        return True
    if line.style != "regular" and not starts_lower(text):
        return True  # a heading runs on in lower case; a capital starts the next one
    if line.page != previous.page:
        return not continues(current.lines[-1] if current.lines else "", text)
    gap = line.bottom - previous.bottom
    if line.style != "regular" and previous.text.endswith("-") and line.size == previous.size:
        return gap > line.size * 2  # a large heading's lines stand wider apart than the body's
    return gap > pitch * 1.5


_MARKER = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.?|[a-z][.)])\s")


def _looks_like_heading(text: str, style: str) -> bool:
    """Bold lines are headings; an italic line is one when it is numbered ("a) Titel voorstel")."""
    if len(text) > 200 or style == "regular":
        return False
    return style == "bold" or bool(_MARKER.match(text))


def _to_block(paragraph: _Paragraph, vocabulary: frozenset[str] = frozenset()) -> Block:
    text = ""
    for line in paragraph.lines:
        text = _join_lines(text, line, vocabulary) if text else line
    pages = paragraph.first_page, paragraph.last_page
    origin = f"p. {pages[0]}" if pages[0] == pages[1] else f"p. {pages[0]}-{pages[1]}"
    kind = "heading" if paragraph.heading else "paragraph"
    return Block(text=re.sub(r"\s+", " ", text).strip(), kind=kind, origin=origin)


def _vocabulary(lines: list[_Line]) -> frozenset[str]:
    """The words the document prints whole, lower-cased: "misschien" printed whole somewhere
    says "mis-" + "schien" at a line end is a soft break; "GroenLinks-PvdA" printed whole
    says its hyphen stays."""
    words = set()
    broken = False  # the line before ended in a hyphen: this line's first word is a tail
    for line in lines:
        for word in line.words[1:] if broken else line.words:
            if not word.text.endswith("-"):
                words.add(word.text.strip(_PUNCTUATION).lower())
        broken = line.words[-1].text.endswith("-")
    return frozenset(words)


_PUNCTUATION = ".,;:!?()[]'\"‘’“”"


def _continues_link(left: str, right: str) -> bool:
    """Whether the line after a link holds its rest: the link stops mid-query ("...&qid=",
    ".../?"), the next line goes on with a query ("uri=CELEX%3A..."), or a number broken
    in two is all the next line holds ("...qid=166914625" / "0363"). A sentence after a link
    that ends a line ("... op https://eur-lex.europa.eu." / "2 Artikel ...") is none of these."""
    first = right.split(" ", 1)[0]
    if not re.fullmatch(r"[\w%&=?/:.#~+;,-]+", first) or _LINK_AT_END.match(first):
        return False  # no piece of a URL, or a link of its own
    if left[-1] in "=&/?%#_" or re.search(r"[=%&?#]", first):
        return True
    return left[-1].isdigit() and right.isdigit()


def _join_lines(left: str, right: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Join two lines of one paragraph, rejoining a word hyphenated at the line end. The
    document's own vocabulary decides when it prints the word elsewhere, else the rules."""
    left = left.rstrip()
    right = right.lstrip()
    if _LINK_AT_END.search(left) and _continues_link(left, right):
        return left + right  # a link broken at the line end: no space inside it
    if not left.endswith("-") or not right:
        return f"{left} {right}"
    head = re.search(r"(\S*)-$", left).group(1)
    if not head or not head[-1].isalpha():
        return f"{left} {right}"  # "beleggingsdiensten en -" + "producten": keep as printed
    nxt = right.split(" ", 1)[0]
    if nxt in {"en", "of", "tot", "t/m"}:
        return f"{left} {right}"  # "obligatie- en ..." is an elliptic compound, not a break
    whole = f"{head}{nxt}".strip(_PUNCTUATION).lower()
    hyphenated = f"{head}-{nxt}".strip(_PUNCTUATION).lower()
    if hyphenated in vocabulary and whole not in vocabulary:
        return left + right
    if whole in vocabulary and hyphenated not in vocabulary:
        return left[:-1] + right
    if vocabulary and _soft_break(head, nxt.strip(_PUNCTUATION), vocabulary):
        return left[:-1] + right
    return left + right if _keeps_hyphen(head, nxt) else left[:-1] + right


# Dutch prefixes and particles that never stand before a hyphen in a compound (but for a
# vowel clash): "ver-" + "wachten" is "verwachten".
_SOFT_PREFIXES = {"ver", "be", "ge", "ont", "her", "aan", "uit", "op", "af", "toe", "mee", "weg"}


def _soft_break(head: str, tail: str, vocabulary: frozenset[str]) -> bool:
    """A short head before a lower-case tail that is no word of the document ("con-" +
    "sequente", "Bin-" + "nenlandse"), or a prefix before any word: the typesetter's break.
    Short abbreviations before a word ("mkb-bedrijven", "Rav-lijsten") keep their hyphen."""
    word = re.split(r"[^\w]", head)[-1] or head
    if not word.isalpha() or not word[1:].islower() or not tail.isalpha() or not tail.islower():
        return False
    if word[-1].lower() in _VOWELS and tail[0] in _VOWELS:
        return False  # "mini-eilandje", "zee-egel"
    if word.lower() in _SOFT_PREFIXES and word.islower():
        return True
    return len(word) <= 3 and word.lower() not in _KEPT_PREFIXES and tail not in vocabulary


def _keeps_hyphen(head: str, tail: str) -> bool:
    """Whether the hyphen at a line end is part of the word ("EU-niveau", "niet-essentiële",
    "data-aanleverende") or a soft break ("verorde-ning")."""
    if "/" in head or "." in head:
        return True  # a URL or file name broken over two lines
    word = re.split(r"[^\w]", head)[-1] or head
    if any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word):
        return True
    if word.lower() in _KEPT_PREFIXES or len(word) <= 3:
        return True
    if tail[:1].isupper() or not tail[:1].isalpha():
        return True
    return word[-1].lower() in _VOWELS and tail[0].lower() in _VOWELS

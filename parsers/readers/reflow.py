"""Hard-wrapped lines back into paragraphs, for every reader.

Text that went through a printer comes back with a line break at every printed line: PDF
text extractors give no blank lines between paragraphs, web renderings put one <p> per
printed line, page numbers and footnotes stand between the lines of a sentence. The
structure and stance stages read paragraphs and sentences, so a reader hands them
paragraphs whatever the layout.

A document is hard-wrapped when its lines are no longer than a printed page's and many of
its line breaks fall inside a sentence (parsers/continuation.py: the text alone says the
sentence goes on). In such a document a line goes on the paragraph before it when the text
alone says so; else the printed width decides, a question only hard-wrapped text has: a
line break is kept where the writer made it: the next line's first word would have fitted
on the line (a paragraph's or heading's end), or it opens a list item, or a line without
closing punctuation is followed by a word that opens sentences ("Het", "De", "Wat", ...: a
heading as wide as the page). Elsewhere the lines are one paragraph.
Lone page numbers are dropped, and footnotes (a line starting with the number of a
reference glued to the text before it, "kapitaalmarktunie.8") go out of the running text
with their reference markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from parsers.continuation import continues as continues_text
from parsers.continuation import (
    ends_sentence,
    is_list_item,
    leaves_open,
    opens_with_label,
    starts_lower,
)
from parsers.text import Block

# Share of line breaks followed by a lower-case start above which a text is hard-wrapped;
# clean paragraphs have almost none, printed text about half.
WRAPPED_SHARE = 0.2
MIN_BREAKS = 8
# No printed page holds longer lines: longer ones are paragraphs already (a motie's
# "constaterende dat ..." paragraphs start in lower case too).
MAX_PRINTED_WIDTH = 130
# A line is full when the next word would not have fitted within this share of the width
# (proportional fonts make printed lines of one width differ in characters).
FULL_SHARE = 0.85
WIDTH_PERCENTILE = 0.9
# A footnote without a page footer after it runs at most this far on width alone, and at
# most twice as far while its text says its sentence goes on (a 5-line note in the MiFIR
# fiche, a URL broken at its hyphen).
FOOTNOTE_LINES = 4

PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blad|p\.)\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:van|of|/)\s*\d{1,3})?$",
    re.IGNORECASE,
)
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote line: "8 BNC-fiche ...", "⁶ Zie ...".
FOOTNOTE_NUMBER = re.compile(f"^(?:(\\d{{1,3}})\\s+|([{SUPERSCRIPTS}]+)\\s*)(?=\\S)")
# A reference glued to a word or its punctuation: "kapitaalmarktunie.8", "belang.9 Dit".
GLUED_REFERENCE = re.compile(r"(?<=[a-zà-ÿ.,;:)’”])(\d{1,3})(?=\s|$)")
# Words that open Dutch sentences (and so paragraphs after a heading), lower-cased.
SENTENCE_OPENERS = frozenset(
    {"het", "de", "een", "dit", "deze", "dat", "die", "daarom", "daarnaast", "daarbij"}
    | {"daarmee", "daardoor", "ook", "verder", "voorts", "bovendien", "tevens", "echter"}
    | {"wat", "waar", "in", "op", "met", "voor", "bij", "naar", "als", "indien", "om", "zo"}
    | {"tot", "ten", "vanuit", "gelet", "sinds", "aan", "onder", "over", "tegelijkertijd"}
    | {"hierbij", "hiermee", "hier", "er", "wij", "we", "mocht", "vooral", "vooralsnog"}
    | {"enkele", "andere", "hetzelfde", "nu", "door", "uit", "volgens", "tenslotte", "tot"}
    | {"kortom", "ondanks", "hoewel", "omdat", "wanneer", "zodra", "mede", "naast", "per"}
)


@dataclass
class Reflowed:
    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


def is_hard_wrapped(lines: list[str]) -> bool:
    """Whether these consecutive printed lines break inside sentences often."""
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(pairs) < MIN_BREAKS:
        return False
    width = printed_width([line for line in lines if line.strip()])
    if width > MAX_PRINTED_WIDTH:
        return False
    inside = sum(1 for a, b in pairs if breaks_inside(a.strip(), b.strip(), width))
    return inside / len(pairs) >= WRAPPED_SHARE


def breaks_inside(previous: str, line: str, width: int) -> bool:
    """The text says the sentence goes on, or a full line stops without ending one
    ("... van de Europese" / "Commissie ..."): a break the printer made, not the writer.
    A label's value or a URL on the next line is neither."""
    if continues_text(previous, line):
        return True
    if ends_sentence(previous) or is_list_item(line) or opens_with_label(line):
        return False
    return len(previous) + 1 + len(line.split()[0]) > width * FULL_SHARE


def reflow_blocks(blocks: list[Block], keep_block_breaks: bool) -> tuple[list[Block], list[str]]:
    """(paragraph blocks, footnotes) of a reader's blocks; unchanged when not hard-wrapped.

    `keep_block_breaks`: a block boundary is a paragraph break (plain text, where blocks
    are cut at blank lines); else blocks are printed lines (one <p> per line in HTML).
    Headings stay as they are."""
    lines = [line for b in blocks if b.kind == "paragraph" for line in b.text.splitlines()]
    if not is_hard_wrapped(lines):
        return blocks, []
    width = printed_width([line for line in lines if line.strip()])
    result: list[Block] = []
    footnotes: list[str] = []
    run: list[Block] = []

    def flush() -> None:
        if run:
            flowed = reflow([line for b in run for line in b.text.splitlines()], width)
            result.extend(replace(run[0], text=text) for text in flowed.paragraphs)
            footnotes.extend(flowed.footnotes)
            run.clear()

    for block in blocks:
        if block.kind != "paragraph" or keep_block_breaks:
            flush()
        if block.kind != "paragraph":
            result.append(block)
        else:
            run.append(block)
    flush()
    return result, footnotes


def reflow(lines: list[str], width: int) -> Reflowed:
    """Paragraphs of hard-wrapped lines printed `width` characters wide."""
    lines = [line.strip() for line in lines if line.strip()]
    references = glued_references(lines)
    body, footnotes = split_footnotes(lines, references, width)
    references = {footnote_number(note) for note in footnotes}
    result = Reflowed(footnotes=footnotes)
    current = ""
    previous = ""
    for index, line in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else ""
        heading = ends_sentence(previous) and is_heading(line, following, width)
        if current and (heading or not continues(previous, line, width)):
            result.paragraphs.append(current)
            current = ""
        current += (join_separator(current, line) if current else "") + line
        previous = line
    if current:
        result.paragraphs.append(current)
    result.paragraphs = [strip_references(p, references) for p in result.paragraphs]
    return result


def continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` goes on the paragraph that `previous` ends: when the text says the
    sentence goes on, else when the printed width says the line break was the printer's."""
    if is_list_item(line) or opens_with_label(line):
        return False
    if continues_text(previous, line):
        return True
    first_word = line.split()[0]
    if len(previous) + 1 + len(first_word) <= width * FULL_SHARE:
        return False  # the word would have fitted: the writer ended the line
    if ends_sentence(previous):
        return True  # a sentence ends at a full line, the paragraph goes on
    return first_word.lower().strip("(") not in SENTENCE_OPENERS


def is_heading(line: str, following: str, width: int) -> bool:
    """A line standing alone between paragraphs: capitalised, without closing punctuation,
    ended by its writer, and followed by a sentence ("Tape voor handelsdata" / "Het ...")."""
    if not line[:1].isupper() or ends_sentence(line) or not following[:1].isupper():
        return False
    first_word = following.split()[0]
    fits = len(line) + 1 + len(first_word) <= width * FULL_SHARE
    return fits or first_word.lower() in SENTENCE_OPENERS


def printed_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_PERCENTILE))]


def glued_references(lines: list[str]) -> set[str]:
    """Numbers glued to the text as footnote references ("unie.8", "Migratie⁵")."""
    found = {m.group(1) for line in lines for m in GLUED_REFERENCE.finditer(line)}
    found |= {
        str(int(m.group().translate(str.maketrans(SUPERSCRIPTS, "0123456789"))))
        for line in lines
        for m in re.finditer(f"[{SUPERSCRIPTS}]+", line)
    }
    return found


def split_footnotes(
    lines: list[str], references: set[str], width: int
) -> tuple[list[str], list[str]]:
    """(running text without page numbers, footnotes). A footnote starts with the number
    of a reference seen before it and runs on while note_goes_on says so."""
    body: list[str] = []
    footnotes: list[str] = []
    seen: set[str] = set()
    note_lines = 0  # lines of the current footnote so far; 0 when none is open
    previous = ""
    for line in lines:
        if PAGE_NUMBER.match(line):
            note_lines = 0
            continue
        number = footnote_number(line)
        if number and number in references and number in seen:
            footnotes.append(line)
            note_lines = 1
        elif note_lines and note_goes_on(footnotes[-1], previous, line, note_lines, width):
            footnotes[-1] += join_separator(footnotes[-1], line) + line
            note_lines += 1
        else:
            note_lines = 0
            body.append(line)
            seen |= {m.group(1) for m in GLUED_REFERENCE.finditer(line)}
            seen |= {normal_number(m.group()) for m in re.finditer(f"[{SUPERSCRIPTS}]+", line)}
        previous = line
    return body, footnotes


def note_goes_on(note: str, last_line: str, line: str, lines_so_far: int, width: int) -> bool:
    """A footnote goes on with `line` while a bracket is open in it ("[Rapport](https://..."),
    while its last line cannot end it ("...4572_mifid-"), or while its last line is full
    and ends mid-sentence. A lower-case line after a footnote that could have ended is
    the body's sentence going on ("door erkende" / note / "referenten of"), unless the
    note's last line was full: then it is the note's."""
    if lines_so_far >= 2 * FOOTNOTE_LINES:
        return False
    if note.count("(") > note.count(")") or note.count("[") > note.count("]"):
        return lines_so_far < FOOTNOTE_LINES
    if leaves_open(last_line):
        return True
    if len(last_line) < width * FULL_SHARE or ends_sentence(last_line):
        return False
    return lines_so_far < FOOTNOTE_LINES or starts_lower(line)


def join_separator(previous: str, line: str) -> str:
    """How a line joins the one before: "EU-" + "tegenpartijen" without a space."""
    return "" if re.search(r"\w-$", previous) and line[:1].isalpha() else " "


def footnote_number(line: str) -> str:
    """The number a footnote line starts with, "" when it starts with none."""
    found = FOOTNOTE_NUMBER.match(line)
    return normal_number(found.group(1) or found.group(2)) if found else ""


def normal_number(digits: str) -> str:
    return str(int(digits.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))))


def strip_references(text: str, references: set[str]) -> str:
    """Reference markers out of the running text: "unie.8 Dit" -> "unie. Dit"."""
    text = re.sub(f"[{SUPERSCRIPTS}]+", "", text)
    return GLUED_REFERENCE.sub(lambda m: "" if m.group(1) in references else m.group(), text)


def drop_page_numbers(blocks: list[Block]) -> list[Block]:
    """Without the blocks that are only a page number standing inside running text: the
    paragraph before it stops mid-sentence or the one after it starts in lower case."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        inside = bool(kept) and (not ends_sentence(kept[-1].text) or starts_lower(following))
        if block.kind == "paragraph" and PAGE_NUMBER.match(block.text.strip()) and inside:
            continue
        kept.append(block)
    return kept

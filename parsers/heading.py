"""A document's title and date from its own first lines, for files that come without
metadata (a PDF of a motie, a kamerbrief, a besluitenlijst).

Date: "Voorgesteld 6 juli 2021" (a motie), "Den Haag, 3 april 2009" or "Datum 1 maart 2011"
(a letter, a besluitenlijst), "(ontvangen 21 juni 2021)" (the answer in an Aanhangsel), and a
date field of the page a Kamerstuk was printed from ("Nummer: 2023D03032, datum: 2023-01-27",
"Documentdatum 22-12-2023"); a numeric date in any of these places as well ("Datum 12-03-2015").
Title: a Kamerstuk's printed title ("Nr. 143 MOTIE VAN ..."), a besluitenlijst's
"Document: ...", a letter's "Onderwerp"/"Betreft", an Aanhangsel's "Vragen van ...", else the
first line that is not the letterhead ("Tweede Kamer der Staten-Generaal", "Vergaderjaar
2020–2021", "Ministerie van ...", the return address). A PDF's producer string ("Microsoft
Word - 20110301_5687928a draagmoederschap.doc") is never a title.
"""

from __future__ import annotations

import re

from parsers.dates import numeric_date
from parsers.readers.dates import find_word_date
from parsers.text import Block

# How far into a document its head reaches (lines).
HEAD_LINES = 40
_DATE = r"(\d{1,2}\.?\s+[A-Za-zäÄ]+\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})"
# In order of preference: a motie is dated by its proposal, a letter by its dateline, a page
# that prints a Kamerstuk by the date it gives the document (tkconv, parlementairemonitor).
_DATED = [
    re.compile(rf"\bVoorgesteld\s+{_DATE}"),
    re.compile(rf"(?:\bDen Haag,|\bDatum\b:?)\s*{_DATE}"),
    re.compile(rf"\(ontvangen\s+{_DATE}\)"),
    re.compile(rf"(?:^|,\s*)(?:[Dd]ocumentdatum|datum):?\s+{_DATE}"),
]
_DOCUMENT = re.compile(r"^Document:\s*(.+)$")
_SUBJECT = re.compile(r"(?:^|\s)(?:Onderwerp|Betreft):?\s+(.+)$")
_NUMBERED_TITLE = re.compile(r"^Nr\.\s*\d+\s+(.+?)(?:\s+Voorgesteld\b.*)?$")
_QUESTIONS = re.compile(r"^(Vragen van (?:de leden|het lid)\b.+?)(?:\s*\(ingezonden\b.*)?$")
# A title cut inside a date: "... van woensdag 26" on one line, "oktober 2016" on the next.
_RUNS_ON_DATE = re.compile(r".*\b\d{1,2}$")
_MONTH_YEAR = re.compile(
    r"^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december)\s+\d{4}$"
)
LETTERHEAD = re.compile(
    r"^(?:(?:tweede|eerste) kamer der staten-generaal$|vergaderjaar\s+\d{4}"
    r"|>?\s*retouradres\b|logo\b|ministerie van\b|directoraat-generaal\b|aan de\b|postbus\b"
    r"|den haag,|datum\b|\d{2} ?\d{3}(?:-[a-z0-9]+)?$|nr\.\s*\d+$|www\.)",
    re.IGNORECASE,
)
# "Microsoft Word - x.doc", "Microsoft PowerPoint - ...", a file name, a template's layout text.
_PRODUCER = re.compile(
    r"^(?:microsoft (?:word|excel|powerpoint)\s*-|untitled\b|logo\b)"
    r"|\.(?:docx?|rtf|odt|xml|pdf|xlsx?|pptx?|indd|qxd)$"
    r"|\S\s{4,}\S",
    re.IGNORECASE,
)


def is_producer_title(title: str) -> bool:
    """A title that names the file or the program that made it, not the document."""
    return bool(_PRODUCER.search(title.strip()))


def head_lines(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines.extend(line.strip() for line in block.text.splitlines() if line.strip())
        if len(lines) >= HEAD_LINES:
            break
    return lines[:HEAD_LINES]


def text_date(lines: list[str]) -> str:
    """The document's date from its head, ISO; "" when it prints none of the forms above."""
    for pattern in _DATED:
        for line in lines:
            found = pattern.search(line)
            if found:
                printed = found.group(1)
                date = find_word_date(printed.replace(".", "")) or numeric_date(printed)
                if date:
                    return date
    return ""


def text_title(lines: list[str]) -> str:
    """The document's title from its head; "" for an empty document."""
    for pattern in (_DOCUMENT, _NUMBERED_TITLE, _SUBJECT, _QUESTIONS):
        for index, line in enumerate(lines):
            found = pattern.search(line)
            if found and _is_title(found.group(1)):
                title = found.group(1).strip()
                following = lines[index + 1] if index + 1 < len(lines) else ""
                if _RUNS_ON_DATE.match(title[-12:]) and _MONTH_YEAR.match(following):
                    title = f"{title} {following}"  # "... van woensdag 26" / "oktober 2016"
                return title[:200]
    for line in lines:
        if not LETTERHEAD.match(line) and not is_producer_title(line):
            return line[:200]
    return lines[0][:200] if lines else ""


def _is_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4

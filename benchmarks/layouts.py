"""The same real fiche in every layout a reader meets, built from the files in ../shared.

    clean     clean paragraphs, one per line, blank lines between (the seed as published;
              for the MiFIR fiche, the PDF reader's paragraphs)
    hardwrap  plain text as PDF text extractors give it: hard line breaks, no blank lines
              (the seed wrapped at 80 columns; the MiFIR PDF through pdfplumber's
              extract_text, running footers, page numbers and footnotes included)
    html      an HTML page with one <p> per printed line of `hardwrap`
    pdf       the PDF itself; for the seed, which has none, a PDF printed from its text with
              fpdf2 (DejaVu Sans, headings bold, lettered subheadings bold italic, one
              paragraph after another across pages; its footnotes are left out)

Used by tests/test_stance_layouts.py and benchmarks/stance_accuracy.py.
"""

from __future__ import annotations

import html
import io
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next(p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
SEED = SHARED / "corpus" / "seed" / "000_ca383b1a1cb74577.txt"
MIFIR = (
    SHARED
    / "corpus"
    / "fiches"
    / "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf"
)
FICHES = {"seed": SEED, "mifir": MIFIR}
WRAP_WIDTH = 80


@dataclass(frozen=True)
class Layout:
    fiche: str  # "seed" or "mifir"
    name: str  # clean, hardwrap, html, pdf
    filename: str
    data: bytes


@cache
def layouts(fiche: str) -> tuple[Layout, ...]:
    path = FICHES[fiche]
    if path.suffix == ".pdf":
        printed = pdf_printed_lines(path.read_bytes())
        clean = pdf_paragraphs(path.read_bytes())
        own = [Layout(fiche, "pdf", path.name, path.read_bytes())]
    else:
        return text_layouts(fiche, path.read_text(encoding="utf-8"))
    return (
        Layout(fiche, "clean", f"{fiche}-clean.txt", clean.encode()),
        Layout(fiche, "hardwrap", f"{fiche}-hardwrap.txt", "\n".join(printed).encode()),
        Layout(fiche, "html", f"{fiche}-lines.html", html_page(printed).encode()),
        *own,
    )


def text_layouts(fiche: str, clean: str) -> tuple[Layout, ...]:
    """A clean text in every layout: as it is, hard-wrapped, one <p> per line, printed PDF."""
    printed = wrapped_lines(clean)
    return (
        Layout(fiche, "clean", f"{fiche}-clean.txt", clean.encode()),
        Layout(fiche, "hardwrap", f"{fiche}-hardwrap.txt", "\n".join(printed).encode()),
        Layout(fiche, "html", f"{fiche}-lines.html", html_page(printed).encode()),
        Layout(fiche, "pdf", f"{fiche}.pdf", printed_pdf(clean)),
    )


def wrapped_lines(text: str) -> list[str]:
    """Every paragraph wrapped at WRAP_WIDTH, without the blank lines between them."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            lines.extend(textwrap.wrap(paragraph.strip(), WRAP_WIDTH) or [paragraph.strip()])
    return lines


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fonts-dejavu-core and -extra
FONT_STYLES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "BI": "DejaVuSans-BoldOblique.ttf"}
HEADING_MAX = 120


def printed_pdf(text: str) -> bytes:
    """The paragraphs of a clean text printed as an A4 PDF, as a word processor would."""
    from fpdf import FPDF

    from parsers.readers.plain import clean_markdown

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=25)
    for style, name in FONT_STYLES.items():
        pdf.add_font("body", style=style, fname=str(FONT.parent / name))
    pdf.add_page()
    for paragraph in text.split("\n\n"):
        paragraph = clean_markdown(paragraph.strip())
        if not paragraph or paragraph[0] in SUPERSCRIPTS:
            continue  # a footnote: no place for it at the foot of a generated page
        paragraph = paragraph.translate({ord(c): None for c in SUPERSCRIPTS})
        heading = len(paragraph) < HEADING_MAX and not paragraph.endswith((".", ":", ";"))
        main = heading and paragraph[:1].isdigit()
        pdf.set_font("body", style=("B" if main else "BI") if heading else "", size=10)
        pdf.multi_cell(0, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    return bytes(pdf.output())


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def pdf_printed_lines(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    return [line for page in pages for line in page.splitlines() if line.strip()]


def pdf_paragraphs(data: bytes) -> str:
    from parsers.readers.pdf import read_pdf

    return read_pdf(data).text


def html_page(lines: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    head = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Fiche</title></head>'
    return f"{head}<body>\n{body}\n</body></html>\n"

"""The same real fiche in every layout a reader meets, built from the files in ../shared.

    clean     clean paragraphs, one per line, blank lines between (the seed as published;
              for the MiFIR fiche, the PDF reader's paragraphs)
    hardwrap  plain text as PDF text extractors give it: hard line breaks, no blank lines
              (the seed wrapped at 80 columns; the MiFIR PDF through pdfplumber's
              extract_text, running footers, page numbers and footnotes included)
    html      an HTML page with one <p> per printed line of `hardwrap`
    pdf       the PDF itself (the MiFIR fiche only: the seed has no PDF)

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
        clean = path.read_text(encoding="utf-8")
        printed = wrapped_lines(clean)
        own = []
    return (
        Layout(fiche, "clean", f"{fiche}-clean.txt", clean.encode()),
        Layout(fiche, "hardwrap", f"{fiche}-hardwrap.txt", "\n".join(printed).encode()),
        Layout(fiche, "html", f"{fiche}-lines.html", html_page(printed).encode()),
        *own,
    )


def wrapped_lines(text: str) -> list[str]:
    """Every paragraph wrapped at WRAP_WIDTH, without the blank lines between them."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            lines.extend(textwrap.wrap(paragraph.strip(), WRAP_WIDTH) or [paragraph.strip()])
    return lines


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

"""Scans made from real PDFs, and how much of their text OCR gets back.

A PDF with a text layer is rendered to grey images (150 dpi by default, as an office scanner
does), each page turned a little as a sheet on a scanner glass is, and the images are put
into a new PDF without any text. OCR of that PDF is compared word by word with the original
text layer of the same pages: the text layer is the gold, written by the PDF's author.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
_DIACRITIC = re.compile(r"[À-ÿ]")
# Typographic quotes and apostrophes: a scanner cannot tell ’ from ' (ETF’s = ETF's).
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def page_images(pdf_bytes: bytes, pages: list[int], dpi: int = 150, angles=(0.8,)) -> list:
    """Grey PIL images of these pages (1-based), turned by the angles in turn (degrees)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_bytes)
    images = []
    try:
        for index, number in enumerate(pages):
            page = pdf[number - 1]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            angle = angles[index % len(angles)]
            if angle:
                image = image.rotate(angle, expand=True, fillcolor=255, resample=3)  # bicubic
            images.append(image)
    finally:
        pdf.close()
    return images


def image_pdf(images: list, dpi: int = 150) -> bytes:
    """A PDF of these images only: no text layer, as a scanner makes it."""
    buffer = io.BytesIO()
    first, *rest = images
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return buffer.getvalue()


def text_layer_words(pdf_bytes: bytes, pages: list[int]) -> list[str]:
    """Every word of the text layer of these pages, as printed (headers and notes too)."""
    import pdfplumber

    words = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number in pages:
            words += [w["text"] for w in pdf.pages[number - 1].extract_words()]
    return words


def normalise(words: list[str]) -> list[str]:
    """Words compared as written, without the punctuation at their edges (OCR and the text
    layer disagree on where a quote or a dash belongs, not on the word), quotes made plain."""
    out = []
    for word in words:
        word = unicodedata.normalize("NFC", word).translate(_QUOTES)
        word = _EDGE_PUNCTUATION.sub("", word)
        if word:
            out.append(word)
    return out


@dataclass
class Accuracy:
    words: int  # words in the text layer
    found: int  # of those, found by OCR (counted per occurrence)
    diacritic_words: int  # text-layer words with an accented letter (financiële, geëvalueerd)
    diacritic_found: int

    @property
    def word_accuracy(self) -> float:
        return self.found / self.words if self.words else 0.0

    @property
    def diacritic_accuracy(self) -> float:
        return self.diacritic_found / self.diacritic_words if self.diacritic_words else 1.0


def accuracy(gold_words: list[str], ocr_words: list[str]) -> Accuracy:
    """Bag-of-words recall: each text-layer word counts as found when OCR produced the same
    word (exact letters and accents) as often. Reading order does not matter; a misread
    letter does."""
    gold = Counter(normalise(gold_words))
    read = Counter(normalise(ocr_words))
    found = sum(min(count, read[word]) for word, count in gold.items())
    accented = {w: c for w, c in gold.items() if _DIACRITIC.search(w)}
    return Accuracy(
        words=sum(gold.values()),
        found=found,
        diacritic_words=sum(accented.values()),
        diacritic_found=sum(min(c, read[w]) for w, c in accented.items()),
    )

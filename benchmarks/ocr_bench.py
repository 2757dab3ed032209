"""OCR figures: word accuracy on real text, pages per second, and memory on a long scan.

    .venv/bin/python -m benchmarks.ocr_bench               # accuracy + speed + memory
    .venv/bin/python -m benchmarks.ocr_bench --no-memory   # skip the long-scan run

Real corpus PDFs with a text layer are scanned (benchmarks/scans.py: 150 dpi, grey, each
page turned 0.8, -1.2 or 0.5 degrees), OCR'd, and compared with their own text layer.
Speed: the same pages on every core (the default) against one Tesseract at a time, measured
in this run. Memory: peak RSS of a process that OCRs a short and a five times longer scan.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.scans import accuracy, image_pdf, page_images, text_layer_words
from parsers import OcrSettings
from parsers.readers.ocr import read_pages

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next(p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir())
# (file, pages): a BNC-fiche, a Kamerbrief, a motie and an aanhangsel, all with a text layer.
SAMPLES = [
    (
        "fiches/fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf",
        [1, 2, 3, 4, 5, 6],
    ),
    ("pdf/rijksoverheid_kamerbrief_2011-03-01_draagmoederschap.pdf", [1, 2]),
    ("pdf/kst-32545-143.pdf", [1]),
    ("pdf/ah-tk-20202021-3235.pdf", [1, 2]),
]
ANGLES = (0.8, -1.2, 0.5)


def ocr_words(pages) -> list[str]:
    return [word.text for page in pages for line in page.lines for word in line]


def measure_accuracy() -> list[tuple[bytes, int]]:
    """Prints accuracy per file and overall; returns the scans for the speed run."""
    scans = []
    total_words = total_found = total_accented = total_accented_found = 0
    print(f"{'file':<58} {'pages':>5} {'words':>6} {'accuracy':>8} {'diacritics':>10}")
    for name, pages in SAMPLES:
        original = (CORPUS / name).read_bytes()
        scan = image_pdf(page_images(original, pages, angles=ANGLES))
        read = read_pages(scan, list(range(1, len(pages) + 1)), OcrSettings())
        measured = accuracy(text_layer_words(original, pages), ocr_words(read))
        total_words += measured.words
        total_found += measured.found
        total_accented += measured.diacritic_words
        total_accented_found += measured.diacritic_found
        accented = f"{measured.diacritic_found}/{measured.diacritic_words}"
        print(
            f"{Path(name).name[:58]:<58} {len(pages):>5} {measured.words:>6} "
            f"{measured.word_accuracy:>8.2%} {accented:>10}"
        )
        scans.append((scan, len(pages)))
    accented = f"{total_accented_found}/{total_accented}"
    print(
        f"{'all':<58} {sum(n for _, n in scans):>5} {total_words:>6} "
        f"{total_found / total_words:>8.2%} {accented:>10}"
    )
    return scans


def measure_speed(scans: list[tuple[bytes, int]]) -> None:
    pages = sum(n for _, n in scans)
    rates = {}
    for workers in sorted({os.cpu_count() or 1, 1}, reverse=True):
        started = time.perf_counter()
        for scan, count in scans:
            read_pages(scan, list(range(1, count + 1)), OcrSettings(workers=workers))
        rates[workers] = pages / (time.perf_counter() - started)
        print(f"OCR, {workers} worker(s): {rates[workers]:.2f} pages/s ({pages} pages)")
    if len(rates) > 1:
        many = max(rates)
        print(f"{many} workers vs 1: {rates[many] / rates[1]:.2f}x")


def measure_memory(short: int, long: int) -> None:
    name, sample_pages = SAMPLES[0]
    original = (CORPUS / name).read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        for pages in (short, long):
            numbers = [sample_pages[i % len(sample_pages)] for i in range(pages)]
            scan = Path(folder) / f"scan-{pages}.pdf"
            scan.write_bytes(image_pdf(page_images(original, numbers, angles=ANGLES)))
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.ocr_bench", "--rss-of", str(scan)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            seconds = time.perf_counter() - started
            print(f"scan of {pages} pages: peak RSS {done.stdout.strip()} MB, {seconds:.0f} s")


def rss_of(scan: Path) -> None:
    """In a fresh process: OCR every page of a scan, print the peak RSS in MB."""
    import pypdfium2

    data = scan.read_bytes()
    pages = len(pypdfium2.PdfDocument(data))
    read_pages(data, list(range(1, pages + 1)), OcrSettings())
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-memory", action="store_true", help="skip the long-scan run")
    parser.add_argument("--rss-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_of:
        rss_of(args.rss_of)
        return
    print(f"{os.cpu_count()} cores; Tesseract {_tesseract_version()}; 150 dpi grey scans")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")  # a shared machine: say so
    scans = measure_accuracy()
    measure_speed(scans)
    if not args.no_memory:
        measure_memory(4, 20)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


def _tesseract_version() -> str:
    done = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).split()[1] if (done.stdout or done.stderr) else "?"


if __name__ == "__main__":
    main()

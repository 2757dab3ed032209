"""Scanned PDFs through Tesseract OCR, and legacy Word .doc: real corpus files, real programs.

The scans are the corpus's own scanned beslisnota, and scans made from corpus PDFs that have
a text layer (benchmarks/scans.py): rendered at 150 dpi, grey, a little crooked. Their text
layer is the gold the OCR text is measured against.
"""

import io
import json
import os
import signal
import subprocess
import sys
import time

import pypdfium2
import pytest
from cli_helpers import ROOT, run_cli_here, run_json_here
from conftest import CORPUS
from starlette.testclient import TestClient

from benchmarks.scans import accuracy, image_pdf, page_images, text_layer_words
from parsers import OcrSettings, ParseError, parse_bytes
from parsers.readers import ocr
from parsers.readers.pdf import read_pdf
from web.app import BASE_URL, create_app

SCAN = CORPUS / "pdf" / "blg-1007826_beslisnota_nitraat.pdf"
LEGACY_DOC = CORPUS / "kamerstukken" / "tk_motie_verantwoordingsdag_ca71487f.doc"
DOCX = CORPUS / "kamerstukken" / "tk_motie_36278-32_0787ced2.docx"
FICHE = (
    CORPUS
    / "fiches"
    / ("fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf")
)
BESLISNOTA = "file-blg-1007826_beslisnota_nitraat-d9ad17e5-beslisnota"


def scan_of(pdf, pages, angles=(0.8, -1.2, 0.5)) -> bytes:
    return image_pdf(page_images(pdf.read_bytes(), pages, angles=angles))


def ocr_words(pages) -> list[str]:
    return [word.text for page in pages for line in page.lines for word in line]


def cli(*args, env_path=None, home=None):
    env = dict(os.environ)
    env.pop("FICHE_BACKEND", None)
    if home is not None:
        env["FICHE_HOME"] = str(home)
    if env_path is not None:
        env["PATH"] = env_path
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=env,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("ocr") / "home"
    result = run_cli_here("import", str(SCAN), str(LEGACY_DOC), home=home)
    assert result.returncode == 0, result.stderr
    return home


# --- the corpus's scan and .doc, end to end ------------------------------------------------


def test_the_scanned_beslisnota_is_read_with_its_diacritics(home):
    doc = run_json_here("show", BESLISNOTA, home=home)
    text = "\n".join(s["text"] for s in doc["sections"])
    assert "wijzigingsvoorstellen voor het 7° actieprogramma Nitraatrichtlijn" in text
    assert "geïnformeerd" in text and "definiëren" in text
    assert doc["doc_type"] == "beslisnota" and doc["format"] == "pdf"
    pages = doc["ocr_pages"]
    assert [p["page"] for p in pages] == [1, 2]
    assert all(p["status"] == "ok" and p["confidence"] > 85 and p["words"] > 200 for p in pages)


def test_scan_and_legacy_doc_are_searchable_after_import(home):
    hits = run_json_here("Nitraatrichtlijn", home=home)["hits"]
    assert BESLISNOTA in [hit["id"] for hit in hits]
    hits = run_json_here("verantwoordingsdag", home=home)["hits"]
    assert [hit["id"] for hit in hits] == ["kst-31951-17"]
    motie = run_json_here("show", "kst-31951-17", home=home)
    assert (motie["doc_type"], motie["date"], motie["format"]) == ("motie", "2009-05-28", "doc")


def test_show_and_the_web_page_say_which_pages_were_ocrd(home):
    shown = run_cli_here("show", BESLISNOTA, home=home)
    assert shown.returncode == 0
    assert "OCR: 2 page(s) read by OCR (1, 2), mean confidence" in shown.stdout
    client = TestClient(create_app(home), base_url=BASE_URL)
    page = client.get(f"/document/{BESLISNOTA}")
    assert 'class="ocr-note"' in page.text and "read by OCR (1, 2)" in page.text
    as_json = client.get(f"/document/{BESLISNOTA}", params={"format": "json"}).json()
    assert [p["page"] for p in as_json["ocr_pages"]] == [1, 2]
    motie = client.get("/document/kst-31951-17")
    assert 'class="ocr-note"' not in motie.text


def test_pages_read_are_cached_and_not_read_again(home):
    cached = sorted((home / "ocr-cache").rglob("*.json"))
    assert [p.name.split("-")[0] for p in cached] == ["1", "2"]
    # Without Tesseract on the PATH, a re-parse can only succeed from the cache.
    result = cli("reparse", "--all", env_path="/nonexistent", home=home)
    assert "2 documents, 1 failed" in result.stdout
    assert "tesseract" not in result.stderr
    assert "install the Debian package antiword" in result.stderr  # the .doc, honestly
    assert result.returncode == 1
    assert run_json_here("show", BESLISNOTA, home=home)["ocr_pages"][0]["status"] == "ok"


# --- word accuracy, orientation, mixed PDFs -----------------------------------------------


def test_ocr_reads_97_percent_of_the_words_of_a_crooked_150_dpi_scan():
    pages = [1, 2, 3]
    scan = scan_of(FICHE, pages)
    read = ocr.read_pages(scan, [1, 2, 3], OcrSettings())
    measured = accuracy(text_layer_words(FICHE.read_bytes(), pages), ocr_words(read))
    assert measured.words > 1000
    assert measured.word_accuracy >= 0.97, measured
    assert measured.diacritic_accuracy >= 0.9, measured
    assert {"financiële", "cliënten"} <= set(ocr_words(read))
    assert all(page.record.status == "ok" for page in read)


@pytest.mark.parametrize("angle", [90, 180])
def test_a_page_turned_on_the_scanner_is_read_upright(angle):
    scan = scan_of(FICHE, [3], angles=(angle,))
    [page] = ocr.read_pages(scan, [1], OcrSettings())
    measured = accuracy(text_layer_words(FICHE.read_bytes(), [3]), ocr_words([page]))
    assert measured.word_accuracy >= 0.95, measured
    tops = [line[0].top for line in page.lines]
    assert tops[0] < tops[len(tops) // 2] < tops[-1]  # positions of an upright page


def mixed_pdf(text_pages: list[int], scanned_page: int) -> bytes:
    """The fiche's own pages with their text layer, then one of its pages as a scan."""
    mixed = pypdfium2.PdfDocument.new()
    original = pypdfium2.PdfDocument(FICHE.read_bytes())
    mixed.import_pages(original, [n - 1 for n in text_pages])
    mixed.import_pages(pypdfium2.PdfDocument(scan_of(FICHE, [scanned_page])), [0])
    buffer = io.BytesIO()
    mixed.save(buffer)
    return buffer.getvalue()


def test_a_mixed_pdf_keeps_its_text_layer_and_reads_only_the_scanned_page():
    data = mixed_pdf([1, 2], 3)
    read = read_pdf(data)
    assert [(p.page, p.status) for p in read.ocr_pages] == [(3, "ok")]
    original = read_pdf(FICHE.read_bytes())
    first_page = [b.text for b in original.blocks if b.origin == "p. 1"]
    assert [b.text for b in read.blocks if b.origin == "p. 1"] == first_page
    assert any("kleinere en niet-professionele beleggers" in b.text for b in read.blocks)
    # OCR text goes through the same fiche structure as any other text.
    [doc] = parse_bytes(data, filename="mixed.pdf")
    assert doc.doc_type == "fiche" and doc.ocr_pages[0].page == 3
    assert doc.metadata["com_numbers"] == ["COM(2021) 726", "COM(2021) 727"]


# --- bad input ------------------------------------------------------------------------------


def test_a_page_over_its_time_budget_is_recorded_and_the_rest_goes_on(tmp_path):
    settings = OcrSettings(page_timeout=0.01, cache_dir=tmp_path)
    [doc] = parse_bytes(mixed_pdf([1, 2], 3), filename="mixed.pdf", ocr=settings)
    [page] = doc.ocr_pages
    assert (page.page, page.status) == (3, "timeout")
    assert "budget" in page.reason
    assert doc.metadata["com_numbers"]  # pages 1 and 2 landed
    assert not list(tmp_path.rglob("*.json"))  # a timed-out page is tried again next time


def test_an_unreadable_page_image_is_a_recorded_blank_page():
    data = bytearray(scan_of(FICHE, [1, 3], angles=(0,)))
    start = data.index(b"\xff\xd8\xff", data.index(b"\xff\xd8\xff") + 1)  # page 2's JPEG
    end = data.index(b"endstream", start)
    data[start:end] = bytes(end - start)  # its bytes gone, its length kept
    documents = parse_bytes(bytes(data), filename="damaged.pdf")
    pages = {p.page: p for doc in documents for p in doc.ocr_pages}
    assert pages[1].status == "ok"
    # pdfium draws the damaged image as nothing: a blank page, never sent to Tesseract
    assert pages[2].status == "blank", pages[2]
    assert pages[2].reason == "blank page (no ink at 24 dpi): not sent to OCR"


def test_a_scan_of_blank_pages_is_a_parse_error_naming_the_page():
    blank = image_pdf([page_images(FICHE.read_bytes(), [1])[0].point(lambda _: 255)])
    with pytest.raises(ParseError, match=r"OCR found no text \(page 1: blank page"):
        parse_bytes(blank, filename="blank.pdf")


def test_without_tesseract_and_antiword_the_file_fails_in_one_line_and_others_land(tmp_path):
    home = tmp_path / "home"
    result = cli(
        "import", str(SCAN), str(LEGACY_DOC), str(DOCX), env_path="/nonexistent", home=home
    )
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if "failed:" in line]
    assert len(failures) == 2
    assert "install the Debian packages tesseract-ocr and tesseract-ocr-nld" in failures[0]
    assert "install the Debian package antiword" in failures[1]
    assert "Traceback" not in result.stderr
    assert run_json_here("show", "kst-36278-32", home=home)["id"] == "kst-36278-32"  # landed
    # Not recorded as the files' fault: with the programs there, the next import reads them.
    again = run_cli_here("import", str(SCAN), str(LEGACY_DOC), home=home)
    assert again.returncode == 0, again.stderr
    assert run_json_here("show", "kst-31951-17", home=home)["format"] == "doc"


def test_a_killed_import_of_a_long_scan_resumes_without_reading_pages_again(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_of(FICHE, [1, 2, 3, 4, 5, 6]))
    home = tmp_path / "home"
    env = dict(os.environ, FICHE_HOME=str(home))
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "import", str(scan)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while not list((home / "ocr-cache").rglob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    first = {p.name: p.stat().st_mtime_ns for p in (home / "ocr-cache").rglob("*.json")}
    assert 0 < len(first) < 6
    result = run_cli_here("import", str(scan), "--json", home=home)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 1
    after = {p.name: p.stat().st_mtime_ns for p in (home / "ocr-cache").rglob("*.json")}
    assert len(after) == 6
    assert all(after[name] == mtime for name, mtime in first.items())  # not read again


def test_progress_counts_pages_as_they_are_read(tmp_path):
    scan = scan_of(FICHE, [1, 2])
    heard = []
    settings = OcrSettings(cache_dir=tmp_path, on_page=lambda done, total: heard.append(done))
    ocr.read_pages(scan, [1, 2], settings)
    assert heard == [0, 1, 2]
    heard.clear()
    ocr.read_pages(scan, [1, 2], settings)
    assert heard == [2]  # both from the cache


def test_missing_language_data_names_its_package():
    ocr.check_tesseract.cache_clear()
    with pytest.raises(ParseError, match="install the Debian package tesseract-ocr-xyz"):
        ocr.check_tesseract("nld+xyz")

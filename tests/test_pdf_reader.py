"""The PDF reader on the real fiche PDF (15 pages, "Pagina N van 15" footer, footnotes)."""

import pytest
from conftest import CORPUS, FICHE_PDF

from parsers import ParseError, parse_file
from parsers.readers.pdf import read_pdf


@pytest.fixture(scope="module")
def read():
    return read_pdf(FICHE_PDF.read_bytes())


def test_page_footers_are_dropped(read):
    assert "Pagina" not in read.text
    documents = parse_file(FICHE_PDF)
    assert all("van 15" not in s.text for d in documents for s in d.sections)


def test_footnotes_are_kept_out_of_the_body(read):
    assert read.footnotes[0].startswith("1 BNC-fiche Mededeling nieuw Actieplan Kapitaalmarktunie")
    assert len(read.footnotes) == 13
    assert "Brokers zijn beleggingsondernemingen" not in read.text
    # the superscript marker is gone from the sentence that carried it
    assert "integratie van de kapitaalmarkt. Ten eerste" not in read.text
    assert "de werking en integratie van de kapitaalmarkt." in read.text


def test_words_hyphenated_at_line_ends_are_rejoined(read):
    assert "kleinere en niet-professionele beleggers" in read.text
    assert "Optie (4) is een gecentraliseerd systeem met één CT-verstrekker (CTP)" in read.text
    assert "niet- professionele" not in read.text


def test_heading_over_two_lines_is_one_heading(read):
    headings = [b.text for b in read.blocks if b.kind == "heading"]
    assert (
        "5. Financiële consequenties, gevolgen voor regeldruk, concurrentiekracht en "
        "geopolitieke aspecten" in headings
    )


def test_paragraphs_carry_their_page(read):
    first = read.blocks[0]
    assert (
        first.text
        == "Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten"
    )
    assert first.origin == "p. 1"


def test_a_pdf_without_text_layer_is_read_by_ocr():
    documents = parse_file(CORPUS / "pdf" / "blg-1007826_beslisnota_nitraat.pdf")
    assert {page.page for doc in documents for page in doc.ocr_pages} == {1, 2}


@pytest.mark.parametrize("cut", [20, 3000, 120000])
def test_a_truncated_pdf_is_one_clear_parse_error(cut):
    data = FICHE_PDF.read_bytes()[:cut]
    with pytest.raises(ParseError) as error:
        read_pdf(data)
    assert "\n" not in str(error.value)
    assert "PDF" in str(error.value)


def test_corrupt_bytes_after_the_pdf_header_are_a_parse_error():
    with pytest.raises(ParseError, match="PDF"):
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 20)

"""Numeric dates where a fiche or a Kamerstuk prints a date field: the receipt date of section 1
("12-03-2015", "12/3/2015", "12.03.2015", "2015-03-12"; day-month-year, the Dutch order,
unless the year comes first) in every layout, and the date a page gives the Kamerstuk it prints.
The texts are real openings of the read part (../shared/fiche-openings, lines 51 and 58), only
the date's form or the dateline changed."""

import json
from dataclasses import replace
from functools import cache

import pytest
from conftest import CORPUS, OPENINGS

from benchmarks.layouts import text_layouts
from parsers import parse_bytes
from parsers.dates import parse_dutch_date
from parsers.detect import read_bytes
from parsers.readers.office import kamerstuk_head

OPENINGS_BY_LINE = [json.loads(line) for line in OPENINGS.read_text().splitlines()]
MOTIE = CORPUS / "kamerstukken" / "tk_motie_36278-32_0787ced2.docx"


def cable_security_fiche(received: str) -> str:
    """The fiche of line 58 (tkconv, 2025) from its heading on, one paragraph per printed
    line, its receipt date ("21 februari 2025") printed as `received`."""
    excerpt = OPENINGS_BY_LINE[58]["excerpt"]
    fiche = excerpt[excerpt.index("Fiche 2: Mededeling") :]
    assert "\n21 februari 2025\n" in fiche
    fiche = fiche.replace("\n21 februari 2025\n", f"\n{received}\n")
    return "\n\n".join(line for line in fiche.splitlines() if line.strip())


@cache
def cable_security_layouts(received: str):
    return {x.name: x for x in text_layouts("cable", cable_security_fiche(received))}


def fiche_metadata(data: bytes, filename: str) -> dict:
    [fiche] = [d for d in parse_bytes(data, filename) if d.doc_type == "fiche"]
    return fiche.metadata


@pytest.mark.parametrize("printed", ["21-02-2025", "21/2/2025", "21.02.2025", "2025-02-21"])
@pytest.mark.parametrize("layout", ["clean", "hardwrap", "html", "pdf"])
def test_a_numeric_receipt_date_is_read_in_every_layout(printed, layout):
    chosen = cable_security_layouts(printed)[layout]
    metadata = fiche_metadata(chosen.data, chosen.filename)
    assert metadata["datum_ontvangst"] == "2025-02-21"
    # the fields around it are read as before
    assert metadata["com_numbers"] == ["JOIN(2025) 9"]
    assert metadata["impact_assessment"] == "Niet opgesteld"


def test_the_receipt_date_as_printed_is_read_as_before():
    metadata = fiche_metadata(cable_security_fiche("21 februari 2025").encode(), "fiche.txt")
    assert metadata["datum_ontvangst"] == "2025-02-21"


def test_an_impossible_numeric_date_is_no_date():
    metadata = fiche_metadata(cable_security_fiche("31-02-2025").encode(), "fiche.txt")
    assert "datum_ontvangst" not in metadata


def test_the_date_a_tkconv_page_gives_the_letter_dates_it():
    # "Nummer: 2025D15085, datum: 2025-04-04, bijgewerkt: ..." above the fiche, no dateline
    letter, fiche = parse_bytes(OPENINGS_BY_LINE[58]["excerpt"].encode(), "opening.txt")
    assert letter.date == fiche.date == "2025-04-04"
    assert fiche.metadata["datum_ontvangst"] == "2025-02-21"


def test_the_documentdatum_of_parlementairemonitor_dates_a_letter_without_dateline():
    excerpt = OPENINGS_BY_LINE[51]["excerpt"]
    assert "Documentdatum 22-12-2023" in excerpt
    undated = excerpt.replace("Den Haag, 22 december 2023", "")
    letter, _ = parse_bytes(undated.encode(), "opening.txt")
    assert letter.doc_type == "kamerbrief"
    assert letter.date == "2023-12-22"


@pytest.mark.parametrize(
    "dateline", ["Den Haag, 22-12-2023", "Datum 22/12/2023", "Datum: 2023-12-22"]
)
def test_a_numeric_dateline_dates_the_letter(dateline):
    excerpt = OPENINGS_BY_LINE[51]["excerpt"].replace("Documentdatum 22-12-2023", "")
    letter, _ = parse_bytes(
        excerpt.replace("Den Haag, 22 december 2023", dateline).encode(), "opening.txt"
    )
    assert letter.date == "2023-12-22"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12-03-2015", "2015-03-12"),
        ("12/3/2015", "2015-03-12"),
        ("12.03.2015.", "2015-03-12"),
        ("2015-03-12", "2015-03-12"),
        ("ontvangen 12-03-2015, besproken 1 april 2015", "2015-03-12"),
        ("besproken 1 april 2015, ontvangen 12-03-2015", "2015-04-01"),
        ("juli 2019", "2019-07"),
        ("31-02-2015", ""),
        ("12-03/2015", ""),
        ("2012/0123(COD)", ""),
        ("Richtlijn 2001/95/EG", ""),
        ("kst-22112-12-3-2015", ""),
    ],
)
def test_parse_dutch_date(text, iso):
    assert parse_dutch_date(text) == iso


@pytest.mark.parametrize("printed", ["Voorgesteld 24 april 2025", "Voorgesteld 24-04-2025"])
def test_the_printed_head_of_a_word_motie_gives_its_date_in_either_form(printed):
    # the blocks of a real .docx motie (kst-36278-32), its "Voorgesteld" line as printed
    blocks = read_bytes(MOTIE.read_bytes(), MOTIE.name).blocks
    assert "Voorgesteld 24 april 2025" in [b.text for b in blocks]
    blocks = [replace(b, text=printed) if b.text.startswith("Voorgesteld") else b for b in blocks]
    assert kamerstuk_head(blocks).date == "2025-04-24"


@pytest.mark.parametrize("printed", ["10 februari 2015", "10-02-2015", "2015-02-10"])
def test_the_publicatiedatum_of_a_tweedekamer_page_in_either_form(printed):
    page = CORPUS / "other" / "tweedekamer_nl_kamerstuk_detail_2015D04817.html"
    data = page.read_bytes()
    assert b"<dd>10 februari 2015</dd>" in data
    data = data.replace(b"<dd>10 februari 2015</dd>", f"<dd>{printed}</dd>".encode())
    [motie] = parse_bytes(data, page.name)
    assert motie.date == "2015-02-10"

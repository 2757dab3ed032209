"""Two-column pages are read column by column: the Handelingen of the Tweede Kamer (XEP,
two columns with a gutter at the middle of the page, words hyphenated at every other line
end). Exact quotes of their sentences are found; single-column PDFs read as before."""

import pytest
from conftest import CORPUS

from parsers.generic import build_generic
from parsers.parts import split_parts
from parsers.readers.pdf import _join_lines, read_pdf

HANDELINGEN = CORPUS / "pdf" / "tk_handelingen_2024_tweeminutendebat_volkshuisvesting_40993d1c.pdf"


@pytest.fixture(scope="module")
def handelingen():
    return read_pdf(HANDELINGEN.read_bytes())


def test_a_quote_from_page_one_is_one_sentence(handelingen):
    # Printed as "Kun-" / "nen de mensen mis-" / "schien gewoon even" in the left column,
    # with the right column's lines beside them on the same baselines.
    assert "Kunnen de mensen misschien gewoon even gaan zitten?" in handelingen.text


def test_the_left_column_is_read_before_the_right_one(handelingen):
    # Page 1: the left column ends with the poem ("Aldus Hendrik Marsman."), the right one
    # opens "Het is altijd moeilijk om dan weer over te gaan tot de orde van de dag";
    # line by line across both columns they were interleaved.
    text = handelingen.text
    assert text.index("Aldus Hendrik Marsman.") < text.index("Het is altijd moeilijk om dan weer")
    assert "Het is altijd moeilijk om dan weer over te gaan tot de orde van de dag" in text


def test_a_motie_in_the_right_column_reads_in_order(handelingen):
    text = handelingen.text
    start = text.index("verzoekt de regering te onderzoeken hoe de huurstijging")
    assert text.index("en gaat over tot de orde van de dag.", start) > start


def test_soft_hyphens_go_and_real_ones_stay(handelingen):
    text = handelingen.text
    for soft in ["Kun-nen", "mis-schien", "con-sequente", "Bin-nenlandse"]:
        assert soft not in text
    assert "een consequente partij" in text
    assert "GroenLinks-PvdA" in text  # printed whole elsewhere: its hyphen is the word's


def test_the_document_vocabulary_decides_a_line_end_hyphen():
    vocabulary = frozenset({"misschien", "groenlinks-pvda"})
    assert (
        _join_lines("de mensen mis-", "schien gewoon", vocabulary) == "de mensen misschien gewoon"
    )
    assert (
        _join_lines("fractie van GroenLinks-", "PvdA", vocabulary) == "fractie van GroenLinks-PvdA"
    )
    assert _join_lines("om te ver-", "wachten dat", vocabulary) == "om te verwachten dat"
    assert _join_lines("de Rav-", "lijst is", frozenset({"lijst"})) == "de Rav-lijst is"


def test_page_footers_of_both_columns_are_dropped(handelingen):
    assert "TK 40" not in handelingen.text
    assert "Tweede Kamer Staat van de Volkshuisvesting" not in handelingen.text


def test_the_sitting_date_comes_from_the_running_footer(handelingen):
    # every page's footer: "8 februari 2024 TK 40" beside "Tweede Kamer Staat van de ..."
    assert handelingen.meta.date == "2024-02-08"


def test_the_first_heading_is_the_title(handelingen):
    # not a sentence of a speech as when read across both columns
    (part,) = split_parts(handelingen, fallback_id="handelingen")
    doc = build_generic(part)
    assert (doc.title, doc.date) == ("Staat van de Volkshuisvesting", "2024-02-08")

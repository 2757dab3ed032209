"""Real openings of the read part (../shared/fiche-openings) in layouts their hosts do not
print but other copies of a fiche do: the table layout without its headings as a web page
with one <p> per printed line, and a EUR-Lex link broken over two lines, as a PDF or a narrow
page breaks it. The values are those of benchmarks/openings/gold.jsonl."""

import json
from functools import cache

import pytest
from conftest import OPENINGS

from benchmarks.layouts import html_page, text_layouts
from benchmarks.opening_fields import read_gold
from parsers import parse_bytes
from parsers.readers.pdf import _join_lines

OPENINGS_BY_LINE = [json.loads(line) for line in OPENINGS.read_text().splitlines()]
GOLD = {opening.line: opening for opening in read_gold()}
# kst-22112-3570 (urban waste water), its link as printed
WASTE_WATER = 30
LINK = (
    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM%3A2022%3A541%3AFIN&qid=1666880732789"
)
BROKEN = LINK.replace("qid=1666", "qid=1666\n")


def fiche_metadata(data: bytes, filename: str) -> dict:
    [fiche] = [d for d in parse_bytes(data, filename) if d.doc_type == "fiche"]
    return fiche.metadata


@cache
def broken_link_layouts():
    """The opening with its link broken after "qid=1666", in every layout (built once)."""
    broken = paragraphs(OPENINGS_BY_LINE[WASTE_WATER]["excerpt"].replace(LINK, BROKEN))
    return {layout.name: layout for layout in text_layouts("waste-water", broken)}


def paragraphs(excerpt: str) -> str:
    return "\n\n".join(line.strip() for line in excerpt.splitlines() if line.strip())


def test_the_table_layout_without_headings_as_a_page_of_lines_is_a_fiche():
    # kst-22112-3571 as zoek.officielebekendmakingen.nl's table layout prints it: no "Fiche:"
    # heading and no "1. Algemene gegevens", only the lettered labels; it links to EUR-Lex
    # and cites COM(2022) 480, which must not make it an EUR-Lex page
    opening = OPENINGS_BY_LINE[31]
    assert "Algemene gegevens" not in opening["excerpt"]
    lines = [line.strip() for line in opening["excerpt"].splitlines() if line.strip()]
    metadata = fiche_metadata(html_page(lines).encode(), "kst-22112-3571.html")
    assert GOLD[31].part == "read"
    assert metadata == GOLD[31].fields


@pytest.mark.parametrize("layout", ["clean", "hardwrap", "html", "pdf"])
def test_a_link_broken_over_two_lines_is_read_whole(layout):
    excerpt = OPENINGS_BY_LINE[WASTE_WATER]["excerpt"]
    assert LINK in excerpt and GOLD[WASTE_WATER].part == "read"
    chosen = broken_link_layouts()[layout]
    metadata = fiche_metadata(chosen.data, chosen.filename)
    assert metadata["eurlex_url"] == LINK == GOLD[WASTE_WATER].fields["eurlex_url"]
    assert metadata["com_numbers"] == ["COM(2022) 541"]


def test_a_line_of_words_after_a_link_is_no_part_of_it():
    excerpt = OPENINGS_BY_LINE[WASTE_WATER]["excerpt"]
    text = paragraphs(excerpt.replace(LINK, f"{LINK}\nEngelse versie, 26-10-2022"))
    assert fiche_metadata(text.encode(), "fiche.txt")["eurlex_url"] == LINK


@pytest.mark.parametrize("line", [6, 29])
def test_a_link_the_pdf_breaks_before_a_short_number_keeps_the_number(line):
    # printed on A4, the link's last digits ("1", "0363") stand alone on the next line, where
    # a page number would; they are the link's, not a page number
    gold = GOLD[line]
    assert gold.part == "read"
    layouts = {
        x.name: x
        for x in text_layouts(f"opening-{line}", paragraphs(OPENINGS_BY_LINE[line]["excerpt"]))
    }
    metadata = fiche_metadata(layouts["pdf"].data, layouts["pdf"].filename)
    assert metadata["eurlex_url"] == gold.fields["eurlex_url"]
    assert metadata.get("celex") == gold.fields.get("celex")


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        (
            "https://eur-lex.europa.eu/x?qid=166914625",
            "0363",
            "https://eur-lex.europa.eu/x?qid=1669146250363",
        ),
        (
            "https://eur-lex.europa.eu/legal-content/NL/TXT/?",
            "uri=CELEX:52022PC0546 en",
            "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52022PC0546 en",
        ),
        (
            "zie https://www.rijksoverheid.nl/documenten/2022",
            "2 Artikel 5 regelt",
            "zie https://www.rijksoverheid.nl/documenten/2022 2 Artikel 5 regelt",
        ),
        (
            "op https://eur-lex.europa.eu.",
            "2019 was het jaar",
            "op https://eur-lex.europa.eu. 2019 was het jaar",
        ),
        (  # two links, one on each line (the MiFIR fiche's EUR-Lex item)
            "https://eur-lex.europa.eu/x?uri=COM:2021:726:FIN",
            "https://eur-lex.europa.eu/x?uri=COM:2021:727:FIN",
            "https://eur-lex.europa.eu/x?uri=COM:2021:726:FIN https://eur-lex.europa.eu/x?uri=COM:2021:727:FIN",
        ),
    ],
)
def test_a_pdf_line_after_a_link_is_glued_only_when_it_holds_the_links_rest(left, right, joined):
    assert _join_lines(left, right) == joined

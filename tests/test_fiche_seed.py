"""The fiche inside the seed Woo release (2026 template, sections 1-4, "a)" twice in 3)."""

import pytest
from conftest import SEED

from parsers import parse_file
from parsers.readers.plain import read_plain


@pytest.fixture(scope="module")
def fiche():
    return next(d for d in parse_file(SEED) if d.doc_type == "fiche")


def test_title_and_date(fiche):
    assert fiche.title == "Fiche: Aanbeveling aantrekken van talent voor innovatie"
    assert fiche.date == "2026-03-27"


def test_section_keys_in_order(fiche):
    assert [(s.key, s.number) for s in fiche.sections] == [
        ("algemeen", "1"),
        ("essentie", "2"),
        ("positie.beleid", "3.a"),
        ("positie.beoordeling", "3.a"),  # printed "a)" twice: matched by its words
        ("positie.krachtenveld", "3.b"),
        ("bevoegdheid", "4.a"),
        ("subsidiariteit", "4.b"),
        ("proportionaliteit", "4.c"),
        ("financiele_gevolgen", "4.d"),
        ("regeldruk", "4.e"),
    ]


def test_first_words_of_key_sections(fiche):
    assert fiche.section("essentie").text.startswith("De Europese Commissie (hierna: Commissie)")
    assert fiche.section("positie.beleid").text.startswith("Het kabinet wil grip krijgen")
    assert fiche.section("positie.beoordeling").text.startswith("Het kabinet erkent het belang")
    assert fiche.section("positie.krachtenveld").text.startswith("De noodzaak tot het aantrekken")
    assert fiche.section("regeldruk").heading.startswith("Gevolgen voor regeldruk")


def test_aspect_sections_carry_the_grondhouding_sentence(fiche):
    assert fiche.section("bevoegdheid").text.startswith(
        "De grondhouding van het kabinet ten aanzien van de aanbeveling is positief."
    )
    assert fiche.section("subsidiariteit").text.startswith(
        "De grondhouding van het kabinet ten aanzien van de subsidiariteit is positief."
    )
    assert fiche.section("proportionaliteit").text.startswith(
        "De grondhouding van het kabinet ten aanzien van de proportionaliteit is positief."
    )


def test_metadata(fiche):
    assert fiche.metadata == {
        "titel_voorstel": (
            "Aanbeveling van de Europese Commissie betreffende het aantrekken van talent voor "
            "innovatie"
        ),
        "datum_ontvangst": "2026-01-29",
        "com_numbers": ["COM(2026) 462"],
        "eurlex_url": "https://eur-lex.europa.eu/eli/reco/2026/311/oj/",
        # an ELI of an adopted recommendation names its CELEX: sector 3, type H
        "celex": "32026H0311",
        "impact_assessment": "Niet van toepassing",
        "behandelingstraject_raad": "Raad Justitie en Binnenlandse Zaken",
        "ministerie": (
            "Ministerie van Justitie en Veiligheid in nauwe samenwerking met het Ministerie van "
            "Sociale Zaken en Werkgelegenheid"
        ),
    }


def test_footnotes_and_markdown_stay_out_of_the_body(fiche):
    essentie = fiche.section("essentie").text
    assert "De EU blauwe kaart moet toegankelijker worden" in essentie
    # the paragraph interrupted by footnote 1 runs on
    assert "hulp bij het vinden van huisvesting en bij de taal" in essentie
    assert "Een Europese blauwe kaart is een gecombineerde" not in essentie
    assert "up- en reskilling" in essentie
    for section in fiche.sections:
        assert "**" not in section.text and "¹" not in section.text


def test_footnotes_are_read_apart():
    read = read_plain(SEED.read_bytes())
    assert len(read.footnotes) == 9
    assert read.footnotes[3] == "4 Kamerstukken II, 2025-2026, 29861-187."
    assert read.footnotes[7] == "8 Jaarplan IND 2026, pagina 9."


def test_links(fiche):
    values = {(link.kind, link.value) for link in fiche.links}
    assert ("com", "COM(2026) 462") in values
    assert ("celex", "32026H0311") in values

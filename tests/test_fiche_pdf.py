"""The 2022-template fiche PDF: sections 1-8, metadata from section 1."""

import pytest
from conftest import FICHE_PDF

from parsers import parse_file


@pytest.fixture(scope="module")
def fiche():
    documents = parse_file(FICHE_PDF)
    assert len(documents) == 1
    return documents[0]


def test_document_fields(fiche):
    assert fiche.doc_type == "fiche"
    assert (
        fiche.title
        == "Fiche: Herziening verordening en richtlijn markten voor financiële instrumenten"
    )
    assert fiche.date == "2021-11-25"  # no cover letter: the date of receipt


def test_section_keys_in_order(fiche):
    assert [(s.key, s.number) for s in fiche.sections] == [
        ("algemeen", "1"),
        ("essentie", "2.a"),
        ("essentie", "2.b"),
        ("positie.beleid", "3.a"),
        ("positie.beoordeling", "3.b"),
        ("positie.krachtenveld", "3.c"),
        ("bevoegdheid", "4.a"),
        ("subsidiariteit", "4.b"),
        ("proportionaliteit", "4.c"),
        ("financiele_gevolgen", "5.a"),
        ("financiele_gevolgen", "5.b"),
        ("regeldruk", "5.c"),
        ("regeldruk", "5.d"),
        ("juridisch", "6.a"),
        ("juridisch", "6.b"),
        ("juridisch", "6.c"),
        ("juridisch", "6.d"),
        ("juridisch", "6.e"),
        ("uitvoering", "7"),
        ("ontwikkelingslanden", "8"),
    ]


def test_first_words_of_key_sections(fiche):
    starts = {
        "essentie": "Dit voorstel betreft een aanpassing van de Europese verordening",
        "positie.beleid": "In het algemeen geldt dat het Nederlandse beleid",
        "positie.beoordeling": "Het kabinet steunt de doelstelling van de Commissie",
        "positie.krachtenveld": "Het kabinet verwacht dat de lidstaten overwegend positief",
        "bevoegdheid": "De Commissie stelt als juridische basis voor het voorstel",
        "subsidiariteit": "Het kabinet beoordeelt de subsidiariteit als positief.",
        "proportionaliteit": "Het kabinet beoordeelt de proportionaliteit als positief.",
        "uitvoering": "Er worden geen problemen met betrekking tot de uitvoerbaarheid",
        "ontwikkelingslanden": "Naar verwachting zijn er geen implicaties voor ontwikkelingslanden",
    }
    for key, start in starts.items():
        assert fiche.section(key).text.startswith(start), key


def test_sections_carry_headings_and_pages(fiche):
    subsidiariteit = fiche.section("subsidiariteit")
    assert subsidiariteit.heading == "Subsidiariteit"
    assert subsidiariteit.origin == "p. 9"
    assert fiche.section("proportionaliteit").origin == "p. 9-10"


def test_no_footnote_or_page_furniture_in_sections(fiche):
    for section in fiche.sections:
        assert "Pagina" not in section.text
        assert "De secundaire handel doelt op activiteiten" not in section.text


def test_metadata(fiche):
    assert fiche.metadata == {
        "titel_voorstel": (
            "Proposal for a directive of the European Parliament and of the Council amending "
            "Directive 2014/65/EU on markets in financial instruments\n"
            "Proposal for a regulation of the European Parliament and of the Council amending "
            "Regulation (EU) No 600/2014 as regards enhancing market data transparency, removing "
            "obstacles to the emergence of a consolidated tape, optimising the trading "
            "obligations and prohibiting receiving payments for forwarding client orders"
        ),
        "datum_ontvangst": "2021-11-25",
        "com_numbers": ["COM(2021) 726", "COM(2021) 727"],
        # the links name COM numbers, not CELEX numbers: no CELEX is derived
        "eurlex_url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2021:726:FIN",
        "impact_assessment": "SWD(2021) 346 en SEC(2021) 573",
        "behandelingstraject_raad": "Economische en Financiële Raad",
        "ministerie": "Ministerie van Financiën",
        "rechtsbasis": (
            "Artikel 53, eerste lid, en artikel 114 van het Verdrag betreffende de Werking van "
            "de Europese Unie (VWEU)"
        ),
        "besluitvormingsprocedure_raad": "Gekwalificeerde meerderheid",
        "rol_ep": "Medebeslissing",
    }


def test_links_name_the_commission_documents(fiche):
    com = [link.value for link in fiche.links if link.kind == "com"]
    assert com[:2] == ["COM(2021) 726", "COM(2021) 727"]

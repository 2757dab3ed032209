"""EUR-Lex HTML layouts and Formex 4: id, title, date, doc_type and headings, by hand."""

import pytest
from conftest import CORPUS

from parsers import ParseError, parse_file
from parsers.readers.eurlex import celex_doc_type, celex_from_act_name

EURLEX = CORPUS / "eurlex"


def only(name):
    documents = parse_file(EURLEX / name)
    assert len(documents) == 1
    return documents[0]


@pytest.mark.parametrize(
    "name, doc_id, doc_type, date, title_start",
    [
        ("eurlex_32016R0679_EN_gdpr.html", "celex-32016R0679", "eu-regulation", "2016-04-27",
         "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL"),
        ("eurlex_32002R0006_EN_old_layout.html", "celex-32002R0006", "eu-regulation",
         "2001-12-12", "Council Regulation (EC) No 6/2002 of 12 December 2001 on Community"),
        ("eurlex_32002F0584_DE_old_layout.html", "celex-32002F0584", "eu-framework-decision",
         "2002-06-13", "2002/584/JI: Rahmenbeschluss des Rates vom 13. Juni 2002"),
        ("eurlex_L_2013176EN.01000101_modern.html", "celex-32013R0575", "eu-regulation",
         "2013-06-26", "REGULATION (EU) No 575/2013 OF THE EUROPEAN PARLIAMENT"),
        ("eurlex_consolidated_32009L0065_EN_20130620.html", "celex-32009L0065", "eu-directive",
         "2009-07-13", "DIRECTIVE 2009/65/EC OF THE EUROPEAN PARLIAMENT"),
        ("cellar_c008bcb6_reg2024-903_EN.html", "celex-32024R0903", "eu-regulation",
         "2024-03-13", "REGULATION (EU) 2024/903 OF THE EUROPEAN PARLIAMENT"),
        ("COM_2025_1_EN.xhtml", "celex-52025PC0001", "eu-proposal", "2025-03-26",
         "Proposal for a DECISION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on the "
         "mobilisation of the European Globalisation Adjustment Fund"),
        ("COM_2025_11_EN.xhtml", "celex-52025PC0011", "eu-proposal", "2025-01-22",
         "Proposal for a COUNCIL DECISION on the position to be taken on behalf of the "
         "European Union at the Board of Governors of the EU-LAC"),
    ],
)  # fmt: skip
def test_eurlex_html(name, doc_id, doc_type, date, title_start):
    doc = only(name)
    assert doc.id == doc_id
    assert doc.source == "eurlex"
    assert doc.doc_type == doc_type
    assert doc.date == date
    assert doc.title.startswith(title_start)
    assert doc.metadata["celex"] == doc_id.removeprefix("celex-")
    assert doc.url.endswith(f"CELEX:{doc_id.removeprefix('celex-')}")


def test_gdpr_page_body_only_with_chapters_and_articles():
    doc = only("eurlex_32016R0679_EN_gdpr.html")
    headings = [s.heading for s in doc.sections]
    assert "CHAPTER I" in headings and "Article 1" in headings and "Article 99" in headings
    assert "Subject-matter and objectives" in headings
    text = " ".join(s.text for s in doc.sections)
    assert "Legal notice" not in text  # the EUR-Lex page chrome is not the act


def test_saved_proposal_page_is_identified_by_its_own_head():
    # Named 52020PC0767 upstream, linking to 52020PC0767 once, but the text is the German
    # AI Act proposal COM(2021) 206 final: the document's head wins.
    doc = only("eurlex_52020PC0767_EN_proposal_raw.html")
    assert doc.id == "celex-52021PC0206"
    assert doc.doc_type == "eu-proposal"
    assert doc.date == "2021-04-21"
    assert doc.title.startswith("Vorschlag für eine VERORDNUNG DES EUROPÄISCHEN PARLAMENTS")
    assert "1.KONTEXT DES VORSCHLAGS" in [s.heading for s in doc.sections]


def test_formex_act():
    doc = only("formex_L_202400903EN.000101.fmx.xml")
    assert doc.id == "celex-32024R0903"
    assert doc.doc_type == "eu-regulation"
    assert doc.date == "2024-03-13"
    assert doc.title.startswith(
        "Regulation (EU) 2024/903 of the European Parliament and of the Council of 13 March 2024"
    )
    headings = list(dict.fromkeys(s.heading for s in doc.sections))  # passages share a heading
    assert headings[1:4] == [
        "Chapter 1 General provisions",
        "Article 1",
        "Subject matter and scope",
    ]


def test_formex_old_schema_act():
    doc = only("formex_e115172d_DOC_2.xml")
    assert doc.id == "celex-32008R1137"
    assert doc.date == "2008-10-22"
    headings = list(dict.fromkeys(s.heading for s in doc.sections))
    assert headings[1:4] == ["Article 1", "Article 2", "Article 3"]
    assert "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION," in doc.sections[0].text


def test_formex_annex_without_act_number_gets_a_file_id():
    # The annex file names its act only as "the Commission Regulation of 15 December 2011":
    # no CELEX can be derived, so the id falls back to the file (never a guessed CELEX).
    doc = only("formex_5cca93ee_DOC_3.xml")
    assert doc.doc_type == "eu-annex"
    assert doc.id.startswith("file-formex_5cca93ee_doc_3-")


@pytest.mark.parametrize(
    "name, reason",
    [
        ("formex_5cca93ee_DOC_1.xml", "Formex OJ document wrapper (bibliographic record of "
         "celex-32011R1319)"),
        ("formex_L_202400903EN.toc.fmx.xml", "Formex Official Journal table of contents"),
        # A branch notice outside any procedure (a treaty): no document. Those of a proposal
        # give its procedure (test_procedure_notices.py).
        ("cellar_notice_EN-CELEX-12016M-TXT.xml", "Cellar branch metadata notice"),
        ("cellar_sparql_e115172d.json", "SPARQL query result (4 rows)"),
    ],
)  # fmt: skip
def test_eurlex_files_that_are_not_documents(name, reason):
    with pytest.raises(ParseError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_file(EURLEX / name)


@pytest.mark.parametrize(
    "celex, doc_type",
    [
        ("52022PC0546", "eu-proposal"),
        ("32026H0311", "eu-recommendation"),
        ("32016R0679", "eu-regulation"),
        ("32009L0065", "eu-directive"),
        ("32011D0833", "eu-decision"),
        ("12016M/TXT", "eu-treaty"),
    ],
)
def test_doc_type_from_celex(celex, doc_type):
    assert celex_doc_type(celex) == doc_type


@pytest.mark.parametrize(
    "name, celex",
    [
        ("Regulation (EU) 2024/903 of the European Parliament", "32024R0903"),
        ("Council Regulation (EC) No 6/2002 of 12 December 2001", "32002R0006"),
        ("DIRECTIVE 2009/65/EC OF THE EUROPEAN PARLIAMENT", "32009L0065"),
        ("ANNEX to the Commission Regulation of 15 December 2011 amending Regulation (EC) "
         "No 1484/95", ""),
    ],
)  # fmt: skip
def test_celex_from_act_name(name, celex):
    assert celex_from_act_name(name) == celex

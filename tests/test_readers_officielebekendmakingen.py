"""OP-XML, officielebekendmakingen HTML and ODT, metadata.xml sidecars: real corpus files,
expected values read off the files by hand."""

import pytest
from conftest import CORPUS

from parsers import ParseError, is_sidecar_metadata, parse_bytes, parse_file
from parsers.readers.metadata import read_metadata_bytes

KST = CORPUS / "kamerstukken" / "kst-32545-143"
AH = CORPUS / "kamerstukken" / "ah-tk-20202021-3235"
MOTIE_TITLE = (
    "Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo "
    "voor negatieve spaarrente"
)


def only(path):
    documents = parse_file(path)
    assert len(documents) == 1
    return documents[0]


@pytest.mark.parametrize("suffix", [".xml", ".html", ".odt"])
def test_one_motie_in_three_formats_is_one_document(suffix):
    doc = only(KST.with_suffix(suffix))
    assert doc.id == "kst-32545-143"
    assert doc.source == "officielebekendmakingen"
    assert doc.doc_type == "motie"
    assert doc.title == MOTIE_TITLE  # from the metadata.xml sidecar
    assert doc.date == "2021-07-06"  # DCTERMS.issued
    assert doc.dossier == ["32545"]
    assert doc.url == "https://zoek.officielebekendmakingen.nl/kst-32545-143"
    assert doc.metadata["dossiertitel"] == "Wet- en regelgeving financiële markten"
    assert "De Kamer," in " ".join(s.text for s in doc.sections)
    assert "en gaat over tot de orde van de dag." in " ".join(s.text for s in doc.sections)


def test_opxml_without_sidecar_says_what_it_prints():
    doc = parse_bytes(KST.with_suffix(".xml").read_bytes(), filename="kst.xml")[0]
    assert doc.id == "kst-32545-143"  # from OVERHEIDop.externMetadataRecord
    assert doc.title == "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"
    assert doc.date == "2021-07-06"  # <datum isodatum> in "Voorgesteld 6 juli 2021"
    assert doc.doc_type == "motie"
    headings = [s.heading for s in doc.sections]
    assert headings == [
        "",
        "Wet- en regelgeving financiële markten",
        "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS",
    ]
    assert doc.sections[2].text.startswith("Voorgesteld 6 juli 2021\n\nDe Kamer,")
    assert doc.sections[2].origin == "officiele-publicatie/kamerstuk/stuk/titel"


def test_aanhangsel_questions_and_answers_are_sections():
    doc = only(AH.with_suffix(".xml"))
    assert doc.id == "ah-tk-20202021-3235"
    assert doc.doc_type == "aanhangsel"
    assert doc.date == "2021-06-21"
    assert doc.title == (
        "Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo"
    )
    headings = [s.heading for s in doc.sections if s.heading]
    assert headings[:4] == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"]
    assert doc.section("overig").text.startswith("Klopt het dat de Tijdelijke")
    assert doc.metadata["vraagnummer"] == "2021Z09739"
    assert doc.metadata["ontvangers"] == "W. Koolmees"


def test_aanhangsel_html_matches_the_xml():
    doc = only(AH.with_suffix(".html"))
    assert (doc.id, doc.doc_type, doc.date) == ("ah-tk-20202021-3235", "aanhangsel", "2021-06-21")
    headings = [s.heading for s in doc.sections]
    assert headings[0].startswith("Vragen van de leden Van Weyenberg, Romke de Jong en Kat")
    assert headings[1].startswith("Antwoord van Minister Koolmees")
    assert headings[2:4] == ["Vraag 1", "Antwoord 1"]


def test_staatsblad_opxml_articles_are_headings():
    doc = only(CORPUS / "other" / "op-xml_stb-2018-84.xml")
    assert doc.id == "stb-2018-84"
    assert doc.doc_type == "staatsblad"
    assert doc.date == "2018-03-09"  # dagtekening, not the uitgifte date
    assert doc.title.startswith("Besluit van 9 maart 2018, houdende vaststelling van de bestand")
    headings = [s.heading for s in doc.sections]
    assert "Artikel 1" in headings and "Artikel 3" in headings
    # The masthead ("Staatsblad van het Koninkrijk der Nederlanden") opens no section.
    assert "Staatsblad" not in headings


def test_staatscourant_opxml():
    doc = only(CORPUS / "other" / "op-xml_stcrt-2015-47076.xml")
    assert doc.id == "stcrt-2015-47076"
    assert doc.doc_type == "staatscourant"
    assert doc.title == "Ter inzage: omgevingsvergunning"
    assert doc.date == ""  # the XML carries no isodatum: absent, not guessed


def test_staatsblad_html_uses_its_own_identifier():
    # Upstream saved the HTML of stb-2014-296 under the name stb-2018-84: the meta tag wins.
    doc = only(CORPUS / "other" / "stb-2018-84.html")
    assert doc.id == "stb-2014-296"
    assert doc.date == "2014-07-29"
    assert doc.title.startswith("Besluit van 14 juli 2014, houdende verlenging")
    assert [s.heading for s in doc.sections][1:4] == [
        "ARTIKEL I",
        "ARTIKEL II",
        "NOTA VAN TOELICHTING",
    ]


def test_tweedekamer_detail_page():
    doc = only(CORPUS / "other" / "tweedekamer_nl_kamerstuk_detail_2015D04817.html")
    assert doc.id == "tk-2015D04817"
    assert doc.source == "tweedekamer"
    assert doc.doc_type == "motie"
    assert doc.date == "2015-02-10"
    assert doc.title == (
        "Motie van het lid Helder over bewerkstelligen dat de geschillencommissie er "
        "daadwerkelijk komt"
    )
    assert doc.dossier == ["33308"]
    assert doc.metadata["kamerstuk"] == "33308-13"
    text = " ".join(s.text for s in doc.sections)
    assert "Besluit: Verworpen." in text
    assert "Kamerleden" not in text  # navigation left out


def test_tweedekamer_vote_page():
    doc = only(CORPUS / "other" / "tweedekamer_nl_2015P02267.html")
    assert doc.id == "tk-2015P02267"
    assert doc.doc_type == "stemmingsuitslag"
    assert doc.title == "Moties ingediend bij Wet auteurscontractenrecht"
    assert doc.date == "2015-02-12"


def test_vlos_vergaderverslag_is_a_handelingen_document():
    doc = only(CORPUS / "other" / "tk_vlos_vergaderverslag_2014-10-15.xml")
    assert doc.id == "tk-verslag-20142015-14"
    assert doc.doc_type == "handelingen"
    assert doc.title == "14e vergadering, woensdag 15 oktober 2014"
    assert doc.date == "2014-10-15"
    assert [s.heading for s in doc.sections][:3] == ["Opening", "Opening", "Mededelingen"]
    assert "Europese Top" in [s.heading for s in doc.sections]


def test_metadata_xml_and_owms_say_the_same():
    gegevens = read_metadata_bytes(KST.with_name("kst-32545-143.metadata.xml").read_bytes())
    owms = read_metadata_bytes(KST.with_name("kst-32545-143.metadata_owms.xml").read_bytes())
    for meta in (gegevens, owms):
        assert meta.identifier == "kst-32545-143"
        assert meta.title == MOTIE_TITLE
        assert meta.date == "2021-07-06"
        assert meta.doc_type == "motie"
        assert meta.dossier == ["32545"]


def test_bijlage_metadata():
    meta = read_metadata_bytes((CORPUS / "kamerstukken" / "blg-1007826.metadata.xml").read_bytes())
    assert meta.identifier == "blg-1007826"
    assert meta.doc_type == "bijlage"
    assert meta.date == "2021-12-03"  # only DCTERMS.available is stated
    assert meta.extra["hoofddocument"] == "kst-33037-430"


def test_a_metadata_file_on_its_own_is_not_a_document():
    # Decision: a metadata file is the publisher's record of another file. Parsed alone it is
    # a ParseError that says so; parse_file merges it into the document next to it.
    with pytest.raises(ParseError, match="metadata file for kst-32545-143, not a document"):
        parse_file(KST.with_name("kst-32545-143.metadata.xml"))


def test_sidecars_are_recognised_by_name():
    assert is_sidecar_metadata(KST.with_name("kst-32545-143.metadata.xml"))
    assert is_sidecar_metadata(KST.with_name("kst-32545-143.metadata_owms.xml"))
    assert is_sidecar_metadata("some/folder/metadata.xml")
    assert not is_sidecar_metadata(KST.with_suffix(".xml"))
    assert not is_sidecar_metadata(CORPUS / "other" / "op_metadata_owms-kst.xml")

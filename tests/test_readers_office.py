"""Word .docx, OpenDocument .odt and legacy .doc, as Tweede Kamer and KOOP serve them."""

import io
import zipfile

import pytest
from conftest import CORPUS

from parsers import ParseError, parse_bytes, parse_file

KAMERSTUKKEN = CORPUS / "kamerstukken"


def test_docx_motie_gets_its_kamerstuk_id_from_the_printed_head():
    [doc] = parse_file(KAMERSTUKKEN / "tk_motie_36278-32_0787ced2.docx")
    assert doc.id == "kst-36278-32"  # "36 278" + "Nr. 32"
    assert doc.doc_type == "motie"
    assert doc.title == "MOTIE VAN HET LID RIKKERS-OOSTERKAMP"
    assert doc.date == "2025-04-24"  # "Voorgesteld 24 april 2025"
    assert doc.dossier == ["36278"]
    text = doc.sections[0].text
    assert text.startswith("TWEEDE KAMER DER STATEN-GENERAAL")
    assert "verzoekt de regering om door het Zorginstituut" in text


def test_docx_gewijzigde_motie():
    [doc] = parse_file(KAMERSTUKKEN / "tk_motie_36682-10_09b97518.docx")
    assert (doc.id, doc.doc_type, doc.date) == ("kst-36682-10", "motie", "2025-04-22")
    assert doc.title == "GEWIJZIGDE MOTIE VAN HET LID CLAASSEN"


def test_odt_headings_and_user_defined_metadata():
    doc = parse_bytes((KAMERSTUKKEN / "kst-32545-143.odt").read_bytes(), filename="x.odt")[0]
    assert doc.id == "kst-32545-143"  # meta.xml OVERHEIDop.ParlID/DC.identifier
    assert doc.doc_type == "motie"
    assert doc.date == "2021-07-06"
    assert [s.heading for s in doc.sections] == [
        "",
        "32 545 Wet- en regelgeving financiële markten",
        "Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS",
    ]
    assert doc.sections[2].text.startswith("Voorgesteld 6 juli 2021")


def test_odt_aanhangsel():
    [doc] = parse_file(KAMERSTUKKEN / "ah-tk-20202021-3235.odt")
    assert (doc.id, doc.doc_type, doc.date) == ("ah-tk-20202021-3235", "aanhangsel", "2021-06-21")
    assert "Vraag 1" in doc.sections[0].text


def test_legacy_word_doc_reads_like_the_docx_path():
    [doc] = parse_file(KAMERSTUKKEN / "tk_motie_verantwoordingsdag_ca71487f.doc")
    assert doc.id == "kst-31951-17"  # "31 951" + "Nr. 17" in the printed head
    assert (doc.doc_type, doc.date, doc.dossier) == ("motie", "2009-05-28", ["31951"])
    assert doc.title == "MOTIE VAN HET LID VERDONK"
    assert doc.format == "doc"
    assert doc.url == "https://zoek.officielebekendmakingen.nl/kst-31951-17"
    [docx] = parse_file(KAMERSTUKKEN / "tk_motie_36278-32_0787ced2.docx")
    assert set(doc.metadata) == set(docx.metadata) == {"file_created"}
    assert [s.key for s in doc.sections] == [s.key for s in docx.sections] == ["algemeen"]
    text = doc.sections[0].text
    assert text.startswith("TWEEDE KAMER DER STATEN-GENERAAL\n\n2\n\nVergaderjaar 2008-2009")
    assert "de effectiviteit van de overheidsfinanciën te bevorderen," in text  # diacritics
    assert text.endswith("en gaat over tot de orde van de dag.\n\nVerdonk")


def test_legacy_word_doc_through_catdoc_when_antiword_is_absent(monkeypatch):
    from parsers.readers import legacy_doc

    real_which = legacy_doc.shutil.which
    monkeypatch.setattr(
        legacy_doc.shutil, "which", lambda name: None if name == "antiword" else real_which(name)
    )
    [doc] = parse_file(KAMERSTUKKEN / "tk_motie_verantwoordingsdag_ca71487f.doc")
    assert (doc.id, doc.title, doc.date) == (
        "kst-31951-17",
        "MOTIE VAN HET LID VERDONK",
        "2009-05-28",
    )
    assert "overheidsfinanciën" in doc.sections[0].text


def test_an_ole2_file_that_is_no_word_document():
    with pytest.raises(ParseError, match=r"unreadable legacy Word \.doc \(antiword: .*not a Word"):
        parse_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), filename="x.doc")


def test_a_zip_that_is_not_an_office_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ParseError, match="zip archive that is not a Word .docx or OpenDocument"):
        parse_bytes(buffer.getvalue(), filename="x.zip")


def test_a_truncated_docx():
    data = (KAMERSTUKKEN / "tk_motie_36278-32_0787ced2.docx").read_bytes()
    with pytest.raises(ParseError):
        parse_bytes(data[: len(data) // 2], filename="half.docx")

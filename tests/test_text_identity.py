"""Title and date from a document's own head when no metadata comes with it: the PDFs in
../shared/corpus/pdf carry no /Title (or a producer string) and no sidecar."""

import sqlite3

import pytest
from cli_helpers import run_json
from conftest import CORPUS

from parsers import parse_file
from parsers.heading import is_producer_title, text_date, text_title

PDF = CORPUS / "pdf"


@pytest.mark.parametrize(
    ("name", "title", "date"),
    [
        # "Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS Voorgesteld 6 juli 2021",
        # under the letterhead "Tweede Kamer der Staten-Generaal"
        ("kst-32545-143.pdf", "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS", "2021-07-06"),
        # PDF /Title "Microsoft Word - 20110301_5687928a draagmoederschap.doc";
        # "Datum 1 maart 2011 Onderwerp Draagmoederschap"
        (
            "rijksoverheid_kamerbrief_2011-03-01_draagmoederschap.pdf",
            "Draagmoederschap",
            "2011-03-01",
        ),
        # PDF /Title "Microsoft Word - 23309tmp3771~-1-...~.xml"; "Den Haag, 8 maart 2011"
        (
            "tk_besluitenlijst_example4.pdf",
            "Besluitenlijst van de extra procedurevergadering van dinsdag 8 maart",
            "2011-03-08",
        ),
        # "Antwoord van Minister Koolmees ... (ontvangen 21 juni 2021)."
        (
            "ah-tk-20202021-3235.pdf",
            "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister "
            "van Sociale Zaken en Werkgelegenheid over de TOZO",
            "2021-06-21",
        ),
    ],
)
def test_title_and_date_come_from_the_printed_head(name, title, date):
    (doc,) = parse_file(PDF / name)
    assert (doc.title, doc.date) == (title, date)


def test_producer_strings_and_template_text_are_no_titles():
    assert is_producer_title("Microsoft Word - 20110301_5687928a draagmoederschap.doc")
    assert is_producer_title("Microsoft Word - 46359tmp1C11~-1-48f9695f~.xml")
    assert is_producer_title("Logo                                Den Haag, 2 november 2007")
    assert not is_producer_title(
        "Fiche 5: Herziening verordening markten voor financiële instrumenten"
    )


def test_the_letterhead_is_skipped_for_the_title():
    head = ["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2024–2025", "Verslag van een debat"]
    assert text_title(head) == "Verslag van een debat"


def test_a_motie_is_dated_by_its_proposal_before_any_other_date():
    head = ["Den Haag, 1 juli 2021", "Nr. 143 MOTIE VAN HET LID X Voorgesteld 6 juli 2021"]
    assert text_date(head) == "2021-07-06"
    assert text_date(["(Zie vergadering van 31 januari 2024.)"]) == ""  # not its own date


def test_a_printed_kamerstuk_number_is_its_identity():
    # "32 545 Wet- en regelgeving financiële markten" / "Nr. 143 MOTIE VAN ..."
    (doc,) = parse_file(PDF / "kst-32545-143.pdf")
    assert (doc.id, doc.doc_type, doc.dossier, doc.source) == (
        "kst-32545-143",
        "motie",
        ["32545"],
        "officielebekendmakingen",
    )
    (doc,) = parse_file(PDF / "kst-21501-02-3121_motie_ceder_d7a5dc6c.pdf")
    assert (doc.id, doc.dossier) == ("kst-21501-02-3121", ["21501-02"])


def test_the_pdf_and_the_xml_of_one_motie_are_one_document(tmp_path):
    # from two folders: the XML (a richer format) holds the document, both raw files are
    # archived, and the report counts the PDF as merged and a Cellar notice as no
    # document, neither as a failure
    run_json("import", str(CORPUS / "kamerstukken" / "kst-32545-143.xml"), home=tmp_path)
    notice = CORPUS / "eurlex" / "cellar_notice_object_work_32018R0196.xml"
    report = run_json("import", str(PDF / "kst-32545-143.pdf"), str(notice), home=tmp_path)
    assert report["failures"] == []
    assert [(m["file"], m["reason"]) for m in report["merged"]] == [
        (str(PDF / "kst-32545-143.pdf"), "kst-32545-143: held from a richer manifestation")
    ]
    assert [s["file"] for s in report["skipped"]] == [str(notice)]
    db = sqlite3.connect(tmp_path / "archive.sqlite")
    rows = db.execute("SELECT id, format FROM documents").fetchall()
    raw = db.execute("SELECT documents FROM parses ORDER BY documents").fetchall()
    failures = db.execute("SELECT COUNT(*) FROM parse_failures").fetchone()[0]
    db.close()
    assert rows == [("kst-32545-143", "op-xml")]
    # the notice read to no document, the XML and the PDF to one each, both kept
    assert raw == [(0,), (1,), (1,)] and failures == 0


def test_an_aanhangsel_pdf_is_named_by_its_year_and_number():
    # "Vergaderjaar 2020–2021 Aanhangsel van de Handelingen", then "3235" on its own line
    (doc,) = parse_file(PDF / "ah-tk-20202021-3235.pdf")
    assert (doc.id, doc.doc_type) == ("ah-tk-20202021-3235", "aanhangsel")


def test_a_title_cut_inside_its_date_runs_on():
    # tk_besluitenlijst_example2.pdf: the date's month and year are set bold on the next line
    head = [
        "Den Haag, 28 oktober 2016",
        "Document: Besluitenlijst van de procedurevergadering van woensdag 26",
        "oktober 2016",
    ]
    assert (
        text_title(head)
        == "Besluitenlijst van de procedurevergadering van woensdag 26 oktober 2016"
    )

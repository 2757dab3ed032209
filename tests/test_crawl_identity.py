"""Identity through a crawl of the replay server: a fiche served by the SRU listing as plain
HTML without a metadata.xml keeps the listing's kst id and source and is a fiche; the same
Kamerstuk reached as XML from KOOP and as PDF from the Tweede Kamer API is one document.

The HTML fiche is made by the test from the seed's real fiche (its lines as <p> elements, with
its EUR-Lex link, which is what made it look like an EUR-Lex page); the catalogue entries for
it and for the Tweede Kamer's PDF of kst-32545-143 are added to the replay for this test."""

from __future__ import annotations

import html

import pytest
from cli_helpers import run_cli_here, run_json_here
from crawl_helpers import query, run_crawl
from proposal_corpus import SEED
from replay.server import ReplayServer

FICHE_ID = "kst-22112-9002"


def fiche_html(folder):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Fiche 1: Aanbeveling"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Minister van Asiel"))
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[start:end] if line.strip())
    path = folder / "fiche-talent.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Fiche</title></head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def replay(tmp_path):
    with ReplayServer() as server:
        catalogue = server.replay.catalogue
        catalogue["sru"].append(
            {
                "id": FICHE_ID,
                "kind": "kst",
                "dossier": "22112",
                "ondernummer": "9002",
                "title": "Fiche: Aanbeveling aantrekken van talent voor innovatie",
                "subrubriek": "Brief",
                "modified": "2026-03-30",
                "stamp": "2026-03-30T10:00:00.0000000+02:00",
                "files": {"html": str(fiche_html(tmp_path))},  # absolute: read as is
            }
        )
        catalogue["tk"].append(
            {
                "Id": "7f3c2a10-0000-4000-8000-000000032545",
                "Soort": "Motie",
                "DocumentNummer": "2021D27901",
                "Volgnummer": 143,
                "Kamerstukdossier": [{"Nummer": 32545, "Toevoeging": None}],
                "Titel": "Motie van de leden Inge van Dijk en Grinwis",
                "Onderwerp": "Motie over een grensspaarsaldo",
                "Datum": "2021-07-06T00:00:00+02:00",
                "ContentType": "application/pdf",
                "GewijzigdOp": "2025-05-03T08:00:00.000+02:00",
                "ApiGewijzigdOp": "2025-05-03T06:00:00.0000000Z",
                "file": "pdf/kst-32545-143.pdf",
            }
        )
        yield server


def documents(home):
    return {
        row[0]: row[1:] for row in query(home, "SELECT id, source, doc_type, format FROM documents")
    }


def test_listing_gives_identity_and_one_kamerstuk_is_one_document(replay, tmp_path):
    home = tmp_path / "archive"
    code, _, stderr = run_crawl(
        replay.url, home, "officielebekendmakingen", "tweedekamer", "--since", "2020-01-01"
    )
    assert code == 0, stderr
    held = documents(home)
    assert held[FICHE_ID][:2] == ("officielebekendmakingen", "fiche")
    assert not [i for i in held if i.startswith(("file-", "celex-"))], sorted(held)
    fiche = run_json_here("show", FICHE_ID, home=home)
    assert fiche["metadata"]["com_numbers"] == ["COM(2026) 462"]
    assert {s["aspect"] for s in fiche["stances"]} >= {"subsidiariteit", "proportionaliteit"}
    # kst-32545-143: XML from KOOP and PDF from the Tweede Kamer API, one document (the XML).
    assert held["kst-32545-143"][2] == "op-xml"
    tk_pdf = "/OData/v4/2.0/Document(7f3c2a10-0000-4000-8000-000000032545)/resource"
    assert tk_pdf in replay.document_requests()
    # The MiFIR fiche PDF, listed by KOOP as kst-22112-9001 and by the API without a number.
    assert "kst-22112-9001" in held and "tk-2025D90004" not in held
    titles = query(
        home, "SELECT id FROM documents WHERE title LIKE 'Motie van de leden Inge van Dijk%'"
    )
    assert titles == [("kst-32545-143",)]
    # The TK fiche letter (no Kamerstuk number in the API) is named after its DocumentNummer,
    # unless its bytes were listed by KOOP too (then the KOOP id holds).
    assert "tk-2025D90001" in held or "kst-36278-32" in held

    timeline = run_json_here("proposal", "COM(2026) 462", home=home)
    assert [e["id"] for e in timeline["timeline"] if e["relation"] == "fiche"] == [FICHE_ID]

    assert run_cli_here("reparse", "--all", home=home).returncode == 0
    assert set(documents(home)) == set(held)  # a re-parse keeps the listing's ids

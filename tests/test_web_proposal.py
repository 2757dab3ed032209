"""The proposal page (HTML and JSON) and the links to it from every document that belongs to
it, on the seed, its revised fiche (one verdict changed, see proposal_corpus.py) and the
Cellar notices."""

import re

import pytest
from proposal_corpus import proposal_archive
from starlette.testclient import TestClient

from web.app import BASE_URL, create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    home = proposal_archive(tmp_path_factory.mktemp("inbox"), tmp_path_factory.mktemp("home"))
    return TestClient(create_app(home), base_url=BASE_URL)


def test_proposal_page_shows_timeline_position_and_highlighted_change(client):
    page = client.get("/proposal", params={"ref": "COM (2026) 462"})
    assert page.status_code == 200
    assert "Position of the cabinet" in page.text and "Timeline" in page.text
    assert re.search(r'<li class="changed"><strong>positie</strong>', page.text)
    assert "in belangrijke mate aan bij" in page.text and "niet aan bij" in page.text


def test_proposal_json_is_the_cli_shape(client):
    data = client.get("/proposal", params={"ref": "COM(2026) 462", "format": "json"}).json()
    assert set(data) == {
        "ref",
        "com_numbers",
        "celex",
        "procedure",
        "title",
        "timeline",
        "position",
        "changes",
        "council_votes",
        "said_and_did",
    }
    # No Council votes in this archive: the keys are there all the same (test_council_votes.py)
    assert (data["council_votes"], data["said_and_did"]) == ([], None)
    assert data["changes"][0]["aspect"] == "positie"
    entry = data["timeline"][0]
    assert set(entry) == {"date", "kind", "id", "doc_type", "title", "relation", "stances"}


def test_every_document_of_the_proposal_links_to_its_page(client):
    data = client.get("/proposal", params={"ref": "COM(2026) 462", "format": "json"}).json()
    ids = {e["id"] for e in data["timeline"] if e["kind"] == "document"}
    assert len(ids) >= 5  # letter, fiche, beslisnota, two workflow logs, the revised fiche
    for doc_id in ids:
        page = client.get(f"/document/{doc_id}")
        assert 'href="/proposal?ref=COM%282026%29%20462"' in page.text, doc_id
        assert "COM(2026) 462" in client.get(f"/document/{doc_id}?format=json").json()["proposals"]


def test_procedure_document_links_to_its_proposal_page(client):
    page = client.get("/document/procedure-2009-0162-cod")
    assert 'href="/proposal?ref=2009%2F0162%28COD%29"' in page.text
    data = client.get("/proposal", params={"ref": "2009/0162(COD)", "format": "json"}).json()
    assert [e["relation"] for e in data["timeline"]][-1] == "signature"


@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"ref": "COM(2099) 1"}, 404, "no document in the archive names COM(2099) 1"),
        ({"ref": "COM(2099) 1", "format": "json"}, 404, "no document in the archive names"),
        ({"ref": "blauwe kaart"}, 400, "a procedure reference"),
        ({"ref": "blauwe kaart", "format": "json"}, 400, "a COM number"),
        ({}, 400, "?ref=COM(2021) 206"),
    ],
)
def test_bad_refs_answer_400_or_404_with_the_message(client, params, status, message):
    response = client.get("/proposal", params=params)
    assert response.status_code == status
    assert message in (response.text if "format" not in params else response.json()["error"])

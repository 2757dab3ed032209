"""The web interface through Starlette's test client, on the real corpus plus known documents."""

import csv
import io
import re

import pytest
from starlette.testclient import TestClient
from web_corpus import COM, EVIDENCE, MARKER

from index.archive.database import Archive
from parsers.model import TIMELINE_LABELS
from web.app import BASE_URL, create_app


@pytest.fixture(scope="module")
def home(web_home):
    return web_home  # conftest: the corpus imported once, plus web_corpus.py's documents


@pytest.fixture(scope="module")
def client(home):
    return TestClient(create_app(home), base_url=BASE_URL)


def test_search_page_lists_hits_with_highlighted_snippets(client):
    page = client.get("/", params={"q": "kabinet"})
    assert page.status_code == 200
    assert 'class="hit"' in page.text
    assert '<mark class="hl">' in page.text
    total = int(re.search(r'id="total">(\d+)<', page.text).group(1))
    assert total == client.get("/", params={"q": "kabinet", "format": "json"}).json()["total"]


def test_a_stance_filter_shows_the_sentence_and_its_label_apart_from_the_section(client):
    """stance=terughoudend on the seed fiche: the snippet holds the terughoudend sentence, and
    the labels of the snippet's sentences are chips of their own, not part of the key."""
    page = client.get("/", params={"q": "kabinet", "stance": "terughoudend"})
    hit = next(h for h in page.text.split('<li class="hit"')[1:] if "talent" in h.split("</a>")[0])
    section = re.search(r'<div class="section-hit">(.*?)</div>', hit, re.S).group(1)
    key = re.search(r'<span class="key"[^>]*>([^<]*)</span>', section).group(1)
    chips = re.search(r'<span class="passage-stances"[^>]*>(.*?)</span></span>', section, re.S)
    snippet = re.search(r'<p class="snippet">(.*?)</p>', section, re.S).group(1)
    assert key == "positie.beoordeling"
    assert "terughoudend" in re.findall(r'data-label="([^"]+)"', chips.group(1))
    assert "kabinet</mark> terughoudend" in snippet
    data = client.get("/", params={"q": "kabinet stance:terughoudend", "format": "json"}).json()
    [shown] = next(h for h in data["hits"] if "talent" in h["title"])["sections"]
    assert "terughoudend" in shown["stance"] and "terughoudend" in shown["snippet"]


def test_json_is_the_cli_shape(client):
    data = client.get("/", params={"q": MARKER, "format": "json"}).json()
    assert set(data) >= {"total", "hits", "facets", "shown", "has_more", "offset"}
    hit = next(h for h in data["hits"] if h["doc_type"] == "fiche")
    assert set(hit) >= {"id", "title", "date", "doc_type", "score", "sections"}
    assert set(hit["sections"][0]) >= {"key", "snippet", "stance"}
    assert set(data["facets"]) >= {"section", "stance", "type", "year", "ministerie", "raad"}


def test_csv_has_one_row_per_section(client):
    response = client.get("/", params={"q": MARKER, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"id", "section", "stance", "snippet"} <= set(rows[0])
    assert all(f"<b>{MARKER}" not in row["snippet"].lower() for row in rows)  # plain text


def test_facet_links_narrow_and_counts_are_honest(client):
    data = client.get("/", params={"q": MARKER, "format": "json"}).json()
    assert data["facets"]["type"]["fiche"] == 2
    page = client.get("/", params={"q": MARKER})
    link = re.search(r'data-facet="type".*?href="([^"]+)"[^>]*data-value="fiche"', page.text, re.S)
    narrowed_url = link.group(1).replace("&amp;", "&")
    assert "type=fiche" in narrowed_url
    narrowed = client.get(narrowed_url + "&format=json").json()
    assert narrowed["total"] == 2
    assert {h["doc_type"] for h in narrowed["hits"]} == {"fiche"}
    stance = client.get("/", params={"q": MARKER, "stance": "negatief", "format": "json"}).json()
    assert [h["id"] for h in stance["hits"]] == ["test-fiche-2024"]


def test_sort_by_date_and_pages(client):
    by_date = client.get("/", params={"q": "de", "sort": "date", "format": "json"}).json()
    dates = [h["date"] for h in by_date["hits"] if h["date"]]
    assert dates == sorted(dates, reverse=True)
    first = client.get("/", params={"q": "de", "format": "json"}).json()
    second = client.get("/", params={"q": "de", "page": "2", "format": "json"}).json()
    assert first["total"] == second["total"] and second["offset"] == 10
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    html = client.get("/", params={"q": "de"}).text
    assert "page 1 of" in html and 'rel="next"' in html


def test_document_page_marks_the_evidence_sentence(client):
    page = client.get("/document/test-fiche-2024")
    assert page.status_code == 200
    mark = re.search(r'<mark class="evidence" id="(evidence-\d+)"[^>]*>(.*?)</mark>', page.text)
    assert mark and mark.group(2) == EVIDENCE
    assert f'href="#{mark.group(1)}"' in page.text  # the stance table links to it
    keys = re.findall(r'class="doc-section" id="section-\d+" data-key="([^"]+)"', page.text)
    assert keys == ["algemeen", "essentie", "subsidiariteit"]


def test_document_page_links_source_and_related_documents(client):
    page = client.get("/document/test-fiche-2024").text
    assert 'href="https://zoek.officielebekendmakingen.nl/test-fiche-2024.html"' in page
    assert 'href="/document/celex-52024PC0999"' in page  # the Commission document
    assert 'href="/document/test-fiche-2025"' in page  # another fiche on the same COM number
    assert COM in page


def test_every_real_stance_with_findable_evidence_is_marked(client, home):
    """Holds for whatever the parsers produce: evidence found in a section is marked there."""
    archive = Archive(home)
    documents = [d for d in archive.documents() if d.stances]
    archive.close()
    for doc in documents:
        findable = [s for s in doc.stances if any(s.span_in(x.text) for x in doc.sections)]
        if findable:
            page = client.get(f"/document/{doc.id}").text
            assert '<mark class="evidence"' in page, doc.id


def test_document_json(client):
    data = client.get("/document/test-fiche-2024", params={"format": "json"}).json()
    assert data["id"] == "test-fiche-2024"
    assert data["stances"][0]["evidence"] == EVIDENCE


def test_timeline_counts_and_draws_svg(client):
    data = client.get("/timeline", params={"q": MARKER, "format": "json"}).json()
    assert data["documents"] == 2
    by_year = {group["year"]: group["counts"] for group in data["groups"]}
    assert by_year["2024"]["subsidiariteit"]["negatief"] == 1
    assert by_year["2025"]["subsidiariteit"]["positief"] == 1
    page = client.get("/timeline", params={"q": MARKER})
    assert page.text.count("<svg") == len(TIMELINE_LABELS)
    assert '<rect class="s-negatief"' in page.text and '<rect class="s-positief"' in page.text


def test_freshness_lists_sources(client):
    data = client.get("/freshness", params={"format": "json"}).json()
    sources = {s["source"]: s for s in data["sources"]}
    assert "local" in sources and sources["local"]["last_fetch"]
    assert "home" not in data
    assert "local" in client.get("/freshness").text


# --- safety --------------------------------------------------------------------------------


def test_a_crafted_document_renders_as_text(client):
    for url in ("/document/test-hostile-1", f"/?q={MARKER}"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<script" not in page.lower()
        assert "&lt;script&gt;" in page
        assert 'href="javascript:' not in page
    assert "&lt;b&gt;vet&lt;/b&gt;" in client.get("/document/test-hostile-1").text


def test_an_imported_file_with_a_script_tag_renders_as_text(client):
    hits = client.get("/", params={"q": "kwakkelbrief", "format": "json"}).json()["hits"]
    assert len(hits) == 1, "the crafted .txt was not imported"
    for url in (f"/document/{hits[0]['id']}", "/?q=kwakkelbrief+alert"):
        page = client.get(url).text
        assert "<script" not in page.lower() and "<img" not in page.lower()
        assert "&lt;script&gt;" in page


def test_pages_forbid_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'none'" in policy


@pytest.mark.parametrize(
    "url",
    [
        "/static/../archive.sqlite",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2fapp.py",
        "/document/..%2f..%2fetc%2fpasswd",
        "/document/%2e%2e",
        "/watch/..%2f..%2farchive.xml",
    ],
)
def test_no_path_traversal(client, url):
    response = client.get(url)
    assert response.status_code in (400, 404)
    assert "SQLite format" not in response.text and "[project]" not in response.text
    assert "root:" not in response.text and "create_app" not in response.text


def test_static_files_are_served(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and "fiche-search" in response.text


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x", "stance": "negatif"}, "unknown stance"),
        ({"q": "x stance:negatif"}, "unknown stance"),
        ({"q": "x", "section": "nergens"}, "unknown section"),
        ({"q": "x", "page": "0"}, "bad page number"),
        ({"q": "x", "page": "twee"}, "bad page number"),
        ({"q": "x", "page": "-1"}, "bad page number"),
        ({"q": "x", "sort": "alfabet"}, "bad sort"),
        ({"q": "x", "format": "pdf"}, "bad format"),
        ({"q": "x", "year": "22"}, "bad year"),
        ({"q": "x", "since": "gisteren"}, "bad date"),
        ({"q": "x" * 3000}, "query too long"),
    ],
)
def test_bad_parameters_give_400_with_a_clear_message(client, params, message):
    page = client.get("/", params=params)
    assert page.status_code == 400
    assert message in page.text
    as_json = client.get("/", params={**params, "format": "json"})
    if params.get("format") != "pdf":
        assert as_json.status_code == 400 and message in as_json.json()["error"]


def test_timeline_rejects_bad_parameters_too(client):
    assert client.get("/timeline", params={"stance": "negatif"}).status_code == 400


def test_unknown_document_is_404(client):
    page = client.get("/document/kst-0-0")
    assert page.status_code == 404 and "no document" in page.text


@pytest.mark.parametrize("query", ["F-35", "COM(2022) 546", '"blauwe kaart', "kaart:", ":", "-"])
def test_odd_queries_never_fail(client, query):
    assert client.get("/", params={"q": query}).status_code == 200


def test_no_query_browses_everything(client):
    data = client.get("/", params={"format": "json"}).json()
    assert data["total"] >= 10


def test_undated_documents_have_their_own_year_value_and_date_filters_leave_them_out(client):
    everything = client.get("/", params={"format": "json"}).json()
    undated = client.get("/", params={"year": "none", "format": "json"}).json()
    assert undated["total"] == everything["facets"]["year"]["none"] > 0
    assert not any(hit["date"] for hit in undated["hits"])
    until = client.get("/", params={"until": "2000", "format": "json"}).json()
    assert until["total"] and all(hit["date"] for hit in until["hits"])
    page = client.get("/")
    assert page.status_code == 200 and 'data-value="none"' in page.text


def test_not_leaves_out_documents_the_excluded_word_finds(client):
    migratie = client.get("/", params={"q": "migratie", "format": "json"}).json()
    without = client.get("/", params={"q": "kabinet -migratie", "format": "json"}).json()
    assert without["total"] and migratie["total"]
    assert not {h["id"] for h in without["hits"]} & {h["id"] for h in migratie["hits"]}

"""Text is text (issue 26): escape and control characters in a document never reach a terminal
raw, JSON stays JSON, an Atom feed stays XML; a soft hyphen or zero-width space inside a word
does not hide it from a search; a word of a hundred letters finds itself, not everything.

The archive holds files imported now (the parsers drop control characters) and one document
stored as an older parser left it, control characters and all, so every output is tried on
text that still holds them.
"""

import csv
import io
import json
import uuid
from xml.etree import ElementTree

import pytest
from cli_helpers import run_cli
from conftest import SEED
from starlette.testclient import TestClient

import fiche_search
from index.archive.database import Archive
from index.archive.importer import index_pending
from index.features.watches import Alert, Watch
from index.search.backends import open_backend
from index.search.cluster import ClusterBackend
from index.search.cluster_clients import OpenSearchClient
from index.search.contract import SearchRequest
from index.search.filters import Filters
from index.search.query import parse_query
from parsers import Document, Section, parse_bytes
from parsers.characters import analysis_text, printable
from web.app import BASE_URL, create_app
from web.atom import watch_feed

# What a hostile text holds: a window title set (OSC), the screen cleared (CSI), a bell, a
# C1 control (8-bit CSI) and a \x01 that XML 1.0 forbids.
HOSTILE = "\x1b]0;gekaapt\x07 \x1b[2J\x01\x9b31m"
RAW = ["\x1b", "\x07", "\x01", "\x9b"]
LONG_WORD = "kabinetsstandpunt" * 6  # 102 letters
OLD_ID = "file-oud-document-1234abcd"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("text") / "home"
    files = tmp_path_factory.mktemp("files")
    (files / "escapes.txt").write_text(
        f"Brief met escapes{HOSTILE}\n\n"
        "Het kabinet vindt de verant\u00adwoordelijkheid voor samen\u200bwerking belangrijk."
        f"{HOSTILE} Zo staat het er.\n",
        encoding="utf-8",
    )
    (files / "lang-woord.txt").write_text(
        f"Een brief met een lang woord\n\nHier staat {LONG_WORD} in de tekst.\n",
        encoding="utf-8",
    )
    with fiche_search.open(home) as api:
        report = api.import_paths([files, SEED])
    assert report.failures == []
    _store_as_an_older_parser_did(home)
    return home


def _store_as_an_older_parser_did(home) -> None:
    old = Document(
        id=OLD_ID,
        source="local",
        doc_type="document",
        title=f"Oud document{HOSTILE}",
        sections=[Section(key="algemeen", text=f"Een oude samenvatting{HOSTILE} van de brief.")],
    )
    archive = Archive(home)
    try:
        sha = archive.store_raw(b"old bytes", "oud.txt", "local")
        archive.store_documents(sha, "6", [old])
        backend = open_backend("embedded", archive.index_dir)
        index_pending(archive, backend)
        backend.close()
    finally:
        archive.close()


def no_raw_controls(text: str) -> bool:
    return not any(c in text for c in RAW)


# --- parsers: control characters are no text --------------------------------------------------


def test_the_parser_drops_control_characters_and_keeps_the_words():
    [doc] = parse_bytes(f"Titel{HOSTILE} hier\n\nTekst\x0cna een pagina.".encode(), "x.txt")
    assert doc.title == "Titel]0;gekaapt [2J31m hier"
    words = " ".join(section.text for section in doc.sections).split()
    assert words[-4:] == ["Tekst", "na", "een", "pagina."]  # the form feed kept them apart


# --- the terminal, CSV and JSON ------------------------------------------------------------------


@pytest.mark.parametrize("query", ["samenvatting", "kabinet"])
def test_search_prints_no_raw_control_character(home, query):
    result = run_cli(query, home=home)
    assert result.returncode == 0, result.stderr
    assert "samenvatting" not in query or "\\x1b" in result.stdout  # shown escaped
    assert no_raw_controls(result.stdout)


def test_search_csv_shows_control_characters_escaped(home):
    result = run_cli("samenvatting", "--csv", home=home)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    [row] = [r for r in rows if r["id"] == OLD_ID]
    assert row["title"] == "Oud document\\x1b]0;gekaapt\\x07 \\x1b[2J\\x01\\x9b31m"
    assert no_raw_controls(result.stdout)


def test_search_json_stays_json_with_every_control_escaped(home):
    result = run_cli("samenvatting", "--json", home=home)
    assert no_raw_controls(result.stdout)  # \u001b, \u009b: escapes of JSON itself
    [hit] = [h for h in json.loads(result.stdout)["hits"] if h["id"] == OLD_ID]
    assert hit["title"] == f"Oud document{HOSTILE}"  # the data itself is unchanged


def test_show_prints_no_raw_control_character(home):
    result = run_cli("show", OLD_ID, home=home)
    assert result.returncode == 0, result.stderr
    assert "Oud document\\x1b]0;gekaapt\\x07" in result.stdout
    assert no_raw_controls(result.stdout)
    as_json = run_cli("show", OLD_ID, "--json", home=home)
    assert no_raw_controls(as_json.stdout)
    assert json.loads(as_json.stdout)["title"] == f"Oud document{HOSTILE}"


# --- the web ------------------------------------------------------------------------------------


def test_the_document_page_shows_control_characters_escaped(home):
    client = TestClient(create_app(home), base_url=BASE_URL)
    page = client.get(f"/document/{OLD_ID}")
    assert page.status_code == 200
    assert "Oud document\\x1b]0;gekaapt\\x07" in page.text
    assert no_raw_controls(page.text)


def test_a_watch_feed_with_a_control_character_in_a_title_is_valid_xml():
    watch = Watch(
        name="brieven", query="brief", filters=Filters(), created_at="2026-12-01T00:00:00Z"
    )
    alert = Alert(
        watch="brieven",
        doc_id=OLD_ID,
        title="Brief\x01 met\x1b[2J",
        date="2026-12-01",
        doc_type="document",
        seen_at="2026-12-02T00:00:00Z",
    )
    feed = watch_feed(watch, [alert], "http://127.0.0.1:8000/watch/brieven.xml", "http://h/")
    root = ElementTree.fromstring(feed)  # raises on a character XML 1.0 does not allow
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert titles[1] == "Brief\\x01 met\\x1b[2J"


# --- analysis: invisible characters and over-long words -----------------------------------------


@pytest.mark.parametrize("word", ["verantwoordelijkheid", "samenwerking"])
def test_a_word_with_a_soft_hyphen_or_zero_width_space_inside_is_found(home, word):
    with fiche_search.open(home) as api:
        hits = api.search(word).hits
    assert [hit.title for hit in hits][:1] == ["Brief met escapes]0;gekaapt [2J31m"]


def test_a_query_with_a_soft_hyphen_inside_a_word_finds_the_word(home):
    with fiche_search.open(home) as api:
        plain = [hit.id for hit in api.search("kabinet").hits]
        hyphenated = [hit.id for hit in api.search("kabi\u00adnet").hits]
    assert hyphenated == plain != []


def test_a_hundred_letter_word_finds_itself_and_nothing_else(home):
    with fiche_search.open(home) as api:
        everything = api.search("brief OR kabinet OR samenvatting").total
        found = api.search(LONG_WORD)
        other = api.search("x" * 100)
    assert everything >= 3
    assert [hit.title for hit in found.hits] == ["Een brief met een lang woord"]
    assert other.total == 0


def test_over_long_words_are_cut_to_what_the_engines_index():
    cut = analysis_text(LONG_WORD)
    assert LONG_WORD.startswith(cut) and len(cut.encode()) == 59
    assert analysis_text("é" * 100) == "é" * 29  # 58 bytes: a letter is never cut in two
    assert analysis_text("verant\u00adwoorde\u200blijk") == "verantwoordelijk"


def test_printable_shows_what_it_escapes():
    assert printable("a\x1b[2Jb\tc\nd\x9b") == "a\\x1b[2Jb\tc\nd\\x9b"
    assert printable("gewone tekst") == "gewone tekst"


# --- the same analysis in the cluster backend ----------------------------------------------------


@pytest.fixture(scope="module")
def cluster(home, opensearch_url):
    """The same archive indexed into a real OpenSearch node."""
    archive = Archive(home)
    backend = ClusterBackend(
        OpenSearchClient(opensearch_url), "opensearch", alias=f"text-{uuid.uuid4().hex[:8]}"
    )
    index_pending(archive, backend)
    yield backend
    backend.close()
    archive.close()


def cluster_titles(backend, text: str) -> list[str]:
    found = backend.search(SearchRequest(query=parse_query(text, Filters()), limit=10))
    return [hit.title for hit in found.hits]


@pytest.mark.opensearch
@pytest.mark.parametrize("word", ["verantwoordelijkheid", "samenwerking", "samen\u200bwerking"])
def test_opensearch_finds_a_word_with_an_invisible_character_inside(cluster, word):
    assert cluster_titles(cluster, word)[:1] == ["Brief met escapes]0;gekaapt [2J31m"]


@pytest.mark.opensearch
def test_opensearch_finds_a_hundred_letter_word_and_nothing_else(cluster):
    assert cluster_titles(cluster, LONG_WORD) == ["Een brief met een lang woord"]
    assert cluster_titles(cluster, "x" * 100) == []

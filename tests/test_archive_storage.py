"""How the archive keeps what it holds: raw files and document bodies compressed with zstd,
named by the sha256 of the bytes as they came; archives made before compression (plain raw
files, plain JSON bodies) keep working as they are."""

import hashlib
import json
import sqlite3
from pathlib import Path

import orjson
from cli_helpers import run_cli_here, run_json_here
from conftest import CORPUS, FICHE_PDF, OPENINGS, SEED
from test_json_lines import scale_records

from index.archive.compression import decompress
from index.archive.database import Archive
from index.archive.rawstore import RawStore
from parsers import parse_bytes, parse_file

CORPUS_FILES = [
    FICHE_PDF,
    CORPUS / "kamerstukken" / "kst-32545-143.odt",
    CORPUS / "eurlex" / "eurlex_32016R0679_EN_gdpr.html",
    CORPUS / "eurlex" / "formex_L_202400903EN.000101.fmx.xml",
    SEED,
]
PROCEDURE = CORPUS / "eurlex" / "cellar_notice_branch_52018PC0340.xml"
ARCHIVED = [SEED, PROCEDURE, CORPUS / "kamerstukken"]  # a fiche, a procedure, sidecars


def test_raw_files_are_kept_compressed_under_the_sha256_of_their_bytes(tmp_path):
    store = RawStore(tmp_path / "raw")
    records = scale_records(300)
    for data in records + [path.read_bytes() for path in CORPUS_FILES]:
        sha = store.put(data)
        assert sha == hashlib.sha256(data).hexdigest()
        assert store.path_for(sha).name == f"{sha}.zst"
        assert not store.plain_path_for(sha).exists()
        assert store.get(sha) == data
    kept = sum(store.path_for(hashlib.sha256(r).hexdigest()).stat().st_size for r in records)
    assert kept < 0.5 * sum(map(len, records))  # 0.34 of the bytes on the scale corpus


def test_a_raw_file_archived_before_compression_is_read_and_kept_as_it_is(tmp_path):
    store = RawStore(tmp_path / "raw")
    data = SEED.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    plain = store.plain_path_for(sha)
    plain.parent.mkdir(parents=True)
    plain.write_bytes(data)  # what the store wrote before compression
    assert store.get(sha) == data
    assert store.put(data) == sha
    assert [p.name for p in plain.parent.iterdir()] == [sha]  # no compressed copy next to it


def test_a_plain_raw_file_an_older_version_left_half_written_gives_way_to_a_compressed_one(
    tmp_path,
):
    store = RawStore(tmp_path / "raw")
    data = scale_records(1)[0]
    sha = hashlib.sha256(data).hexdigest()
    plain = store.plain_path_for(sha)
    plain.parent.mkdir(parents=True)
    plain.write_bytes(data[:100])  # an older version killed in the middle of writing it
    assert store.put(data) == sha
    assert store.get(sha) == data
    assert [p.name for p in plain.parent.iterdir()] == [f"{sha}.zst"]


def test_document_bodies_are_stored_compressed(tmp_path):
    run_json_here("import", str(SEED), home=tmp_path)
    db = sqlite3.connect(tmp_path / "archive.sqlite")
    rows = db.execute("SELECT id, body FROM documents").fetchall()
    db.close()
    assert rows
    for doc_id, body in rows:
        assert isinstance(body, bytes)
        stored = orjson.loads(decompress(body))
        assert stored["id"] == doc_id
    packed = sum(len(body) for _, body in rows)
    assert packed < 0.6 * sum(len(orjson.dumps(orjson.loads(decompress(b)))) for _, b in rows)


def test_an_archive_made_before_compression_keeps_working(tmp_path):
    home = tmp_path / "home"
    first = run_json_here("import", *map(str, ARCHIVED), home=home)
    fiche_id = _fiche_id(home)
    before = _what_a_user_sees(home, fiche_id, tmp_path / "before")

    _as_before_compression(home)
    assert not list((home / "raw").rglob("*.zst"))
    assert _what_a_user_sees(home, fiche_id, tmp_path / "old") == before

    again = run_json_here("import", *map(str, ARCHIVED), home=home)
    assert again["documents"] == 0
    assert again["unchanged"] + len(again["failures"]) == again["files"] == first["files"]
    assert not list((home / "raw").rglob("*.zst")), "a plain raw file is kept, not copied"

    assert run_cli_here("reparse", "--all", home=home).returncode == 0  # reads the plain raw files
    assert run_cli_here("reindex", home=home).returncode == 0
    after = _what_a_user_sees(home, fiche_id, tmp_path / "after")
    assert after["show"] == before["show"] and after["related"] == before["related"]
    # (a re-parse changes BM25 scores, with or without compression: compare what was found)
    assert after["search"]["total"] == before["search"]["total"] > 0
    assert _ids(after["search"]) == _ids(before["search"])


def test_documents_are_found_by_the_com_numbers_in_their_metadata(tmp_path):
    """ids_with_com reads the links table only: every parser that fills metadata.com_numbers
    (fiches, procedures) makes a link of each number too. Real fiches, real procedures."""
    documents = parse_file(SEED) + parse_file(PROCEDURE)
    for line in OPENINGS.read_text().splitlines():
        documents += parse_bytes(json.loads(line)["excerpt"].encode(), "opening.txt")
    with_numbers = [d for d in documents if d.metadata.get("com_numbers")]
    assert len(with_numbers) >= 30
    archive = Archive(tmp_path)
    for doc in with_numbers:
        doc.id = f"{doc.id}-{doc.sha256[:12]}"  # openings share the fallback id
        archive.store_documents(doc.sha256, doc.parser_version, [doc])
    for doc in with_numbers:
        for number in doc.metadata["com_numbers"]:
            assert doc.id in archive.ids_with_com([str(number)]), (doc.id, number)
    archive.close()


def _fiche_id(home: Path) -> str:
    archive = Archive(home)
    [fiche_id] = [d.id for d in archive.documents() if d.doc_type == "fiche"]
    archive.close()
    return fiche_id


def _what_a_user_sees(home: Path, fiche_id: str, export_dir: Path) -> dict:
    run_json_here("export", str(export_dir), "--format", "jsonl", home=home)
    return {
        "show": run_json_here("show", fiche_id, home=home),
        "search": run_json_here("blauwe kaart", home=home),
        "related": _related_ids(home, fiche_id),
        "export": {p.name: p.read_text() for p in sorted(export_dir.iterdir())},
    }


def _ids(search: dict) -> list[str]:
    return [hit["id"] for hit in search["hits"]]


def _related_ids(home: Path, fiche_id: str) -> list[str]:
    archive = Archive(home)
    fiche = archive.document(fiche_id)
    found = archive.ids_with_com(fiche.metadata["com_numbers"])
    archive.close()
    return found


def _as_before_compression(home: Path) -> None:
    """Turn the archive into what the code before compression wrote: each raw file plain
    under its sha256, each body plain JSON text."""
    for packed in (home / "raw").rglob("*.zst"):
        packed.with_suffix("").write_bytes(decompress(packed.read_bytes()))
        packed.unlink()
    db = sqlite3.connect(home / "archive.sqlite")
    with db:
        for doc_id, body in db.execute("SELECT id, body FROM documents").fetchall():
            text = orjson.dumps(orjson.loads(decompress(body))).decode()
            db.execute("UPDATE documents SET body = ? WHERE id = ?", (text, doc_id))
    assert db.execute("SELECT DISTINCT typeof(body) FROM documents").fetchall() == [("text",)]
    db.close()

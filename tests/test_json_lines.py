"""EUR-Lex texts as JSON Lines (the shape of ../shared/scale/eurlex-nl.jsonl.gz): each record
becomes one document cut into passages, imported through `fiche-search import`."""

import gzip
import itertools
import json
import sqlite3

from cli_helpers import import_killed_midway, run_cli_here, run_json_here
from conftest import SHARED

from index.archive.rawstore import RawStore
from index.search.embedded import EmbeddedBackend
from parsers import parse_bytes
from parsers.readers.jsonrecord import PASSAGE_CHARS, passages

SCALE = SHARED / "scale" / "eurlex-nl.jsonl.gz"


def scale_records(count: int) -> list[bytes]:
    """The first `count` records of the scale corpus, as the lines they are."""
    with gzip.open(SCALE, "rb") as handle:
        return list(itertools.islice(handle, count))


def longest_record(lines: list[bytes]) -> bytes:
    return max(lines, key=len)


def test_a_record_becomes_one_eu_document_cut_into_passages():
    record = longest_record(scale_records(50))
    fields = json.loads(record)
    [doc] = parse_bytes(record, filename="eurlex-nl.jsonl#L1", source="eurlex")
    assert doc.id == f"celex-{fields['celex']}"
    assert doc.source == "eurlex" and doc.url == fields["url"]
    assert doc.stances == []  # the cabinet's stances are not read into EU texts
    assert len(doc.sections) > 3
    assert all(len(s.text) <= 2 * PASSAGE_CHARS for s in doc.sections)
    # nothing of the text is lost or reordered
    assert " ".join(s.text for s in doc.sections).split() == fields["text"].split()


def test_passages_end_at_sentence_ends():
    text = " ".join(f"Zin nummer {i} gaat over de blauwe kaart." for i in range(400))
    cut = passages(text, size=200)
    assert all(p.endswith("kaart.") for p in cut)
    assert all(200 <= len(p) < 260 for p in cut[:-1])


def test_a_text_without_sentence_ends_is_still_cut():
    table = " ".join(f"rij {i} kolom {i * 7}" for i in range(3000))  # no full stops at all
    cut = passages(table, size=PASSAGE_CHARS)
    assert len(cut) > 10
    assert max(len(p) for p in cut) <= 2 * PASSAGE_CHARS
    assert " ".join(cut).split() == table.split()


def test_import_of_a_json_lines_file_archives_every_record_once(tmp_path):
    lines = scale_records(30)
    source = tmp_path / "slice.jsonl.gz"
    source.write_bytes(gzip.compress(b"".join(lines)))
    first = run_json_here("import", str(source), home=tmp_path / "home")
    assert first["files"] == 30 and first["documents"] == 30 and first["indexed"] == 30
    again = run_json_here("import", str(source), home=tmp_path / "home")
    assert again["documents"] == 0 and again["unchanged"] == 30
    celex = json.loads(lines[0])["celex"]
    shown = run_json_here("show", f"celex-{celex}", home=tmp_path / "home")
    assert shown["id"] == f"celex-{celex}"


def test_a_bad_record_is_reported_and_the_others_land(tmp_path):
    lines = scale_records(5)
    lines.insert(2, b'{"celex": "32099R9999", "url": "x", "text": "cut off\n')
    source = tmp_path / "slice.jsonl"
    source.write_bytes(b"".join(lines))
    report = run_json_here("import", str(source), home=tmp_path / "home", exit_code=1)
    assert report["documents"] == 5
    [failure] = report["failures"]
    assert failure["file"].endswith("slice.jsonl#L3") and "malformed JSON" in failure["reason"]


def test_a_truncated_gzip_keeps_what_was_read(tmp_path):
    packed = gzip.compress(b"".join(scale_records(20)))
    source = tmp_path / "cut.jsonl.gz"
    source.write_bytes(packed[: len(packed) * 2 // 3])
    result = run_cli_here("import", str(source), "--json", home=tmp_path / "home")
    assert result.returncode == 1  # the rest of the file could not be read
    report = json.loads(result.stdout)
    assert 0 < report["documents"] < 20
    assert "cannot read further" in report["failures"][-1]["reason"]
    db = sqlite3.connect(tmp_path / "home" / "archive.sqlite")
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == report["documents"]


def test_a_raw_file_left_half_written_is_replaced_whole(tmp_path):
    store = RawStore(tmp_path / "raw")
    record = scale_records(1)[0]
    sha = store.put(record)
    packed = store.path_for(sha).read_bytes()
    store.path_for(sha).write_bytes(packed[: len(packed) // 2])  # what a kill mid-write leaves
    assert store.put(record) == sha
    assert store.get(sha) == record
    assert [p.name for p in store.path_for(sha).parent.iterdir()] == [f"{sha}.zst"]  # no temporary


def test_sigkill_mid_json_lines_import_loses_nothing_committed_and_completes(tmp_path):
    source = tmp_path / "slice.jsonl"
    source.write_bytes(b"".join(scale_records(2500)))  # commits after records 1000 and 2000
    home = tmp_path / "home"
    committed = import_killed_midway(source, home, after_documents=1000)
    assert 1000 <= committed < 2500

    again = run_json_here("import", str(source), home=home)
    assert again["unchanged"] >= 1000, "records committed before the kill are not parsed again"
    stats = run_json_here("stats", home=home)
    assert stats["documents"] == 2500
    # every archived section is in the index once: none lost, none doubled by the second run
    assert EmbeddedBackend(home / "index" / "tantivy").section_count() == stats["sections"]

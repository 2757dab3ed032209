"""The archive through the command line: empty archive, idempotent import, reparse, reindex,
and a SIGKILL in the middle of an import."""

import tantivy
from cli_helpers import import_killed_midway, run_cli, run_json
from conftest import CORPUS, MALFORMED, SEED

from index.search.embedded import EmbeddedBackend

SOME_FILES = [SEED, CORPUS / "kamerstukken", CORPUS / "other"]


def test_empty_archive_says_how_to_fill_it(tmp_path):
    result = run_cli("blauwe kaart", home=tmp_path)
    assert result.returncode == 0
    assert "archive is empty" in result.stderr
    assert "fiche-search import" in result.stderr


def test_import_twice_leaves_one_of_each_and_the_broken_file_fails_both_times(tmp_path):
    first = run_json("import", *map(str, SOME_FILES), home=tmp_path, exit_code=1)
    again = run_json("import", *map(str, SOME_FILES), home=tmp_path, exit_code=1)
    assert first["documents"] > 0
    assert again["documents"] == 0
    assert [f["file"] for f in first["failures"]] == [str(MALFORMED)]
    assert again["failures"] == first["failures"]  # failed before: fails again, not "unchanged"
    assert again["unchanged"] + len(again["failures"]) == again["files"]
    stats = run_json("stats", home=tmp_path)
    assert stats["documents"] == first["documents"]


def test_reparse_and_reindex_keep_the_same_results(tmp_path):
    run_json("import", str(SEED), home=tmp_path)
    before = run_json("blauwe kaart", home=tmp_path)
    assert run_cli("reparse", "--all", home=tmp_path).returncode == 0
    assert run_cli("reindex", home=tmp_path).returncode == 0
    after = run_json("blauwe kaart", home=tmp_path)
    assert [h["id"] for h in after["hits"]] == [h["id"] for h in before["hits"]]
    assert after["total"] == before["total"]


def test_sigkill_mid_import_leaves_a_consistent_archive_that_completes(tmp_path, corpus_home):
    reference = corpus_home  # conftest: the corpus imported once, by the same command
    expected = run_json("stats", home=reference)["documents"]

    home = tmp_path / "killed"
    committed = import_killed_midway(CORPUS, home, after_documents=3)
    assert 0 < committed < expected

    again = run_json("import", str(CORPUS), home=home, exit_code=1)  # MALFORMED fails
    assert run_json("stats", home=home)["documents"] == expected
    assert again["unchanged"] > 0, "files archived before the kill are not parsed again"
    searched = run_json("blauwe kaart", home=home)
    assert searched["total"] == run_json("blauwe kaart", home=reference)["total"]


def test_a_file_that_cannot_be_read_fails_the_import_alone_and_among_good_ones(tmp_path):
    broken = tmp_path / "files" / "broken.pdf"
    broken.parent.mkdir()
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")  # cut off
    alone = run_cli("import", str(broken), home=tmp_path / "alone")
    assert alone.returncode == 1
    assert "broken.pdf" in alone.stderr and "Traceback" not in alone.stderr
    (tmp_path / "files" / "seed.txt").write_bytes(SEED.read_bytes())
    together = run_json("import", str(tmp_path / "files"), home=tmp_path / "together", exit_code=1)
    assert together["documents"] > 0  # the good file landed
    assert [f["file"].endswith("broken.pdf") for f in together["failures"]] == [True]
    again = run_cli("import", str(tmp_path / "files"), home=tmp_path / "together")
    assert again.returncode == 1
    assert "failed: " in again.stderr and "broken.pdf" in again.stderr
    assert "1 files unchanged, 1 failed" in again.stdout  # the seed unchanged, broken.pdf not


def test_an_index_of_an_older_version_is_refused_with_a_way_out(tmp_path):
    run_json("import", str(SEED), home=tmp_path)
    folder = tmp_path / "index" / "tantivy"
    for path in folder.iterdir():
        path.unlink()
    older = tantivy.SchemaBuilder().add_text_field("text", stored=True).build()
    tantivy.Index(older, path=str(folder))  # an index with another schema

    refused = run_cli("blauwe kaart", home=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "fiche-search reindex" in refused.stderr

    assert run_cli("reindex", home=tmp_path).returncode == 0
    assert run_json("blauwe kaart", home=tmp_path)["total"] > 0


def test_an_import_while_another_process_writes_the_index_says_so_and_keeps_its_files(tmp_path):
    run_json("import", str(CORPUS / "kamerstukken"), home=tmp_path)
    before = run_json("stats", home=tmp_path)["documents"]
    other_writer = EmbeddedBackend(tmp_path / "index" / "tantivy")
    assert other_writer.writer  # holds the index lock, as a running import or crawl does
    busy = run_cli("import", str(SEED), home=tmp_path)
    assert busy.returncode == 1 and "Traceback" not in busy.stderr
    assert "another fiche-search process" in busy.stderr
    assert run_json("stats", home=tmp_path)["documents"] > before  # the seed is archived

    other_writer.close()
    again = run_json("import", str(SEED), home=tmp_path)
    assert again["unchanged"] == 1 and again["indexed"] > 0  # archived before, indexed now
    assert run_json("blauwe kaart", home=tmp_path)["total"] > 0

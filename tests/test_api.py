"""The Python API as a notebook user types it, and `export` through the CLI: four tables that
join on the document id, with the counts `stats` gives."""

import csv
import json

import pyarrow.parquet as pq
import pytest
from conftest import CORPUS

import fiche_search
from fiche_search import QueryError, SearchResults
from tests.cli_helpers import run_cli_here


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("api")
    seen = []
    with fiche_search.open(home) as archive:
        report = archive.import_paths(
            [CORPUS / "fiches", CORPUS / "seed", CORPUS / "kamerstukken"],
            progress=lambda stage, done, total: seen.append((stage, done, total)),
        )
    assert report.documents >= 8
    assert report.failures == []  # legacy Word .doc too (antiword, installed by make setup)
    assert {stage for stage, _, _ in seen} == {"importing"}  # indexed as they are archived
    assert all(done <= total for _, done, total in seen)
    assert seen[-1][1] == seen[-1][2] > 0
    return home


def test_search_returns_typed_results_with_filters_as_arguments(home):
    with fiche_search.open(home) as archive:
        results = archive.search("talent", section="subsidiariteit", limit=5)
        assert isinstance(results, SearchResults)
        assert results.total == len(results.hits) > 0
        hit = results.hits[0]
        assert hit.id and hit.title and hit.sections[0].key == "subsidiariteit"
        assert "<b>" in hit.sections[0].snippet
        assert results.facets["section"] == {"subsidiariteit": results.total}
        # the same search in the query syntax, and filters as lists
        assert archive.search('talent section:"subsidiariteit"').total == results.total
        assert archive.search("talent", year=[2021, 2026]).total >= results.total


def test_bad_arguments_raise_query_error_naming_the_valid_form(home):
    with fiche_search.open(home) as archive:
        with pytest.raises(QueryError, match="YYYY-MM-DD"):
            archive.search("talent", since="2022-13-45")
        with pytest.raises(QueryError, match="relevance, date"):
            archive.search("talent", sort="newest")
        with pytest.raises(TypeError, match="filters are: section"):
            archive.search("talent", sectoin="positie")


def test_document_stances_and_stats(home):
    with fiche_search.open(home) as archive:
        fiche_id = archive.search("talent", type="fiche").hits[0].id
        document = archive.document(fiche_id)
        assert document.doc_type == "fiche"
        assert {s.aspect for s in document.stances} >= {"subsidiariteit"}
        counts = archive.stances("talent", by="year")
        assert counts.documents >= 1 and counts.groups
        assert archive.stats()["documents"] >= 8
        assert archive.document("no-such-id") is None


def test_proposal_follows_one_proposal_in_any_spelling(home):
    with fiche_search.open(home) as archive:
        timeline = archive.proposal("COM/2021/726 final")
        assert "COM(2021) 726" in timeline.com_numbers
        fiches = [entry for entry in timeline.timeline if entry.doc_type == "fiche"]
        assert fiches and all(entry.id.startswith(("kst-", "file-")) for entry in fiches)
        assert set(timeline.position) >= {"subsidiariteit", "proportionaliteit"}
        assert timeline.changes == []  # one fiche: nothing to compare with
        with pytest.raises(fiche_search.MalformedRef, match="COM"):
            archive.proposal("not a reference")
        with pytest.raises(fiche_search.UnknownProposal, match="COM\\(2099\\) 1"):
            archive.proposal("COM(2099) 1")


def test_a_fiche_and_the_documents_of_its_proposal(home):
    with fiche_search.open(home) as archive:
        fiche = archive.document(archive.search("talent", type="fiche").hits[0].id)
        assert archive.proposal_refs(fiche) == ["COM(2026) 462"]
        assert archive.proposal("COM(2026) 462").timeline  # each ref opens its timeline
        linked = {ref.doc_type for ref in archive.related(fiche).linked}
        assert {"kamerbrief", "beslisnota"} <= linked  # the letter and note it came with
        sources = {s.source: s.documents for s in archive.sources()}
        assert sum(sources.values()) == archive.stats()["documents"]


def test_references_resolve_both_ways(tmp_path):
    """Regulation (EU) 2024/903 cites the GDPR by name."""
    eurlex = CORPUS / "eurlex"
    with fiche_search.open(tmp_path) as archive:
        archive.import_paths(
            [
                eurlex / "cellar_c008bcb6_reg2024-903_EN.html",
                eurlex / "eurlex_32016R0679_EN_gdpr.html",
            ]
        )
        act, gdpr = archive.document("celex-32024R0903"), archive.document("celex-32016R0679")
        assert "celex-32016R0679" in [c.doc_id for c in archive.cites(act)]
        assert [c.doc_id for c in archive.cited_by(gdpr)] == ["celex-32024R0903"]


def test_saved_searches_report_each_new_document_once(home):
    with fiche_search.open(home) as archive:
        assert archive.add_watch("talent", "talent", type="fiche", include_existing=True) == 0
        assert [w.name for w in archive.watches()] == ["talent"]
        first = archive.run_watches()["talent"]
        expected = archive.search("talent", type="fiche", limit=100).total
        assert len(first) == expected > 0 and all(a.doc_type == "fiche" for a in first)
        assert archive.run_watches(["talent"]) == {"talent": []}  # nothing new the second time
        assert {a.doc_id for a in archive.alerts("talent")} == {a.doc_id for a in first}
        with pytest.raises(fiche_search.WatchError, match="exists"):
            archive.add_watch("talent", "talent")
        with pytest.raises(fiche_search.WatchError, match="one of the two"):
            archive.add_watch("both", "talent", proposal="COM(2021) 726")
        with pytest.raises(QueryError):
            archive.add_watch("bad-date", "talent", since="2022-13-45")
        with pytest.raises(fiche_search.WatchError, match="no watch named nope"):
            archive.run_watches(["nope"])
        archive.remove_watch("talent")
        assert archive.watches() == [] and archive.watch("talent") is None


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_four_joinable_tables_with_the_counts_of_stats(home, tmp_path, fmt):
    out = tmp_path / fmt
    result = run_cli_here("export", str(out), "--format", fmt, "--json", home=home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    stats = json.loads(run_cli_here("stats", "--json", home=home).stdout)
    tables = {name: read_table(out / f"{name}.{fmt}", fmt) for name in report["files"]}
    assert set(tables) == {"documents", "sections", "stances", "links"}
    assert len(tables["documents"]) == report["rows"]["documents"] == stats["documents"]
    assert len(tables["sections"]) == report["rows"]["sections"] == stats["sections"]
    ids = {row["id"] for row in tables["documents"]}
    for name in ("sections", "stances", "links"):
        assert tables[name] and {row["doc_id"] for row in tables[name]} <= ids
    fiche = next(r for r in tables["documents"] if r["ministerie"].startswith("Ministerie van Fin"))
    assert "COM(2021) 726" in fiche["com_numbers"]


def read_table(path, fmt) -> list[dict]:
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "csv":
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_of_a_query_and_of_what_changed_since(home, tmp_path):
    with fiche_search.open(home) as archive:
        wanted = archive.search("*", type="fiche", limit=100).total
        report = archive.export(tmp_path / "fiches", "jsonl", type="fiche")
        assert report.documents == wanted > 0
        assert report.rows["sections"] < archive.stats()["sections"]
        assert archive.export(tmp_path / "later", "csv", changed_since="2999").documents == 0
        assert (
            archive.export(tmp_path / "now", "csv", changed_since="2000").documents
            == (archive.stats()["documents"])
        )
    bad = run_cli_here("export", str(tmp_path / "x"), "--changed-since", "2022-13-45", home=home)
    assert bad.returncode == 2 and "no such date" in bad.stderr

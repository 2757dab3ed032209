"""The Python API as a notebook user types it, and `export` through the CLI: four tables that
join on the document id, with the counts `stats` gives."""

import datetime as dt
import json

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cli_helpers import ROOT, run_cli_here
from conftest import CORPUS

import fiche_search
from fiche_search import QueryError, SearchResults

README = ROOT / "README.md"


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
        with pytest.raises(fiche_search.DocumentNotFound, match="no-such-id"):
            archive.document("no-such-id")


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
        assert archive.connections(fiche).proposals == ["COM(2026) 462"]
        assert archive.proposal("COM(2026) 462").timeline  # each ref opens its timeline
        linked = {ref.doc_type for ref in archive.connections(fiche).related.linked}
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
        assert "celex-32016R0679" in [c.doc_id for c in archive.connections(act).cites]
        assert [c.doc_id for c in archive.connections(gdpr).cited_by] == ["celex-32024R0903"]
        # the link names the document it points at, in the API and in the export alike
        [named] = [lk for lk in act.links if lk.kind == "celex" and lk.value == "32016R0679"]
        assert named.target_id == "celex-32016R0679"
        links = archive.export(tmp_path / "out", "jsonl").to_pandas("links")
        gdpr_links = links[(links.doc_id == act.id) & (links.value == "32016R0679")]
        assert set(gdpr_links.target_id) == {"celex-32016R0679"}


def test_saved_searches_report_each_new_document_once(home):
    with fiche_search.open(home) as archive:
        watch = archive.add_watch("talent", "talent", type="fiche", include_existing=True)
        assert (watch.name, watch.query, watch.filters.doc_types, watch.known) == (
            "talent",
            "talent",
            ["fiche"],
            0,
        )
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
        assert archive.watches() == []
        with pytest.raises(fiche_search.WatchError, match="no watch named 'talent'"):
            archive.watch("talent")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_four_joinable_tables_with_the_counts_of_stats(home, tmp_path, fmt):
    out = tmp_path / fmt
    result = run_cli_here("export", str(out), "--format", fmt, "--json", home=home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    stats = json.loads(run_cli_here("stats", "--json", home=home).stdout)
    tables = {name: read_table(out / f"{name}.{fmt}", fmt) for name in report["files"]}
    assert set(tables) == {"documents", "sections", "stances", "links", "votes"}
    assert tables["votes"] == []  # no Council votes: this archive was never crawled
    assert len(tables["documents"]) == report["rows"]["documents"] == stats["documents"]
    assert len(tables["sections"]) == report["rows"]["sections"] == stats["sections"]
    ids = {row["id"] for row in tables["documents"]}
    for name in ("sections", "stances", "links"):
        assert tables[name] and {row["doc_id"] for row in tables[name]} <= ids
    # typed alike in every format: a missing value is null, never ""
    assert not [(name, row) for name, rows in tables.items() for row in rows if "" in row.values()]
    fiche = next(
        r for r in tables["documents"] if (r["ministerie"] or "").startswith("Ministerie van Fin")
    )
    assert fiche["com_numbers"] == ["COM(2021) 726", "COM(2021) 727"]
    assert fiche["date"] == fiche["datum_ontvangst"] == dt.date(2021, 11, 25)
    assert fiche["dossier"] is None or all(isinstance(n, str) for n in fiche["dossier"])
    # the overall position and the verdicts, each with its evidence in `stances`
    assert fiche["positie"] == "steunt"
    assert fiche["subsidiariteit"] == fiche["proportionaliteit"] == "positief"
    evidence = {r["aspect"]: r for r in tables["stances"] if r["doc_id"] == fiche["id"]}
    assert evidence["positie"]["label"] == "steunt" and evidence["positie"]["evidence"]
    motie = next(r for r in tables["documents"] if r["id"] == "kst-32545-143")
    assert motie["dossier"] == ["32545"] and motie["date"] == dt.date(2021, 7, 6)


def read_table(path, fmt) -> list[dict]:
    """As a user reads each format: pyarrow for Parquet, json for JSON Lines, pandas for CSV
    (with the JSON arrays of its list columns decoded)."""
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype_backend="pyarrow")
        if "dossier" in frame:
            assert str(frame["dossier"].dtype) != "float64"  # identifiers stay strings
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        for row in rows:
            for name in ("dossier", "com_numbers"):
                if row.get(name) is not None:
                    row[name] = json.loads(row[name])
    for row in rows:  # dates are ISO dates in CSV and JSON Lines
        for name in ("date", "datum_ontvangst"):
            if isinstance(row.get(name), str):
                row[name] = dt.date.fromisoformat(row[name])
    return rows


def test_the_datapackage_describes_the_tables_and_frictionless_accepts_it(home, tmp_path):
    with fiche_search.open(home) as archive:
        report = archive.export(tmp_path / "out", "parquet")
    package = json.loads(report.datapackage.read_text())
    documents = package["resources"][0]
    fields = {f["name"]: f for f in documents["schema"]["fields"]}
    assert fields["date"]["type"] == fields["datum_ontvangst"]["type"] == "date"
    assert "overall position" in fields["positie"]["description"]
    assert documents["schema"]["primaryKey"] == ["id"]
    links = package["resources"][3]["schema"]
    assert {key["fields"] for key in links["foreignKeys"]} == {"doc_id", "target_id"}
    checked = frictionless.validate(report.datapackage)
    assert checked.valid, checked.flatten(["rowNumber", "fieldName", "message"])[:5]


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


def readme_block(heading: str, starting: str) -> str:
    """The first indented code block of README after `heading` that starts with `starting`."""
    text = README.read_text(encoding="utf-8")
    rest = text[text.index(heading) :]
    lines = rest[rest.index("\n    " + starting) + 1 :].splitlines()
    block = []
    for line in lines:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip()


def test_the_notebook_session_of_readme_runs(home, tmp_path, monkeypatch):
    """search -> DataFrame -> positions per year, as README shows it (the plot needs
    matplotlib, which the project does not install: that one line is left out)."""
    monkeypatch.setenv("FICHE_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    code = readme_block("#### In a notebook", "import fiche_search")
    assert ".plot." in code
    code = "\n".join(line for line in code.splitlines() if ".plot." not in line)
    names: dict = {}
    exec(compile(code, "README.md", "exec"), names)  # noqa: S102 - README's own example
    archive, df, per_year = names["archive"], names["df"], names["per_year"]
    assert repr(archive).startswith(f"<FicheSearch {home}: ")
    assert "<table>" in archive._repr_html_()
    assert len(df) == names["results"].total >= 2 and set(df.doc_type) == {"fiche"}
    assert str(df.date.dtype).startswith("datetime64") and df.com_numbers.map(list).all()
    assert per_year.loc[2021, "steunt"] == 1  # the MiFID fiche of 2021-11-25
    assert 2026 in per_year.index
    counts = names["counts"]
    assert list(counts.columns) == ["year", "aspect", "label", "fiches"]
    assert counts.fiches.sum() > 0
    # the export's pandas example of README reads what `export` wrote
    example = readme_block("### Export", "import pandas as pd")
    exec(compile(example, "README.md", "exec"), names)  # noqa: S102
    assert len(names["stances"]) > 0 and names["docs"].date.dropna().map(type).eq(dt.date).all()
    assert names["docs"].positie.isin([None, "steunt", "steunt_onder_voorwaarden"]).all()


def test_what_the_api_returns_says_what_it_is(home):
    with fiche_search.open(home) as archive:
        results = archive.search("talent", type="fiche")
        assert (
            repr(results) == f"<Results {results.total} documents, {results.total_sections}"
            f" sections; hits 1-{len(results.hits)}>"
        )
        assert "talent" in results._repr_html_().lower() or "<table>" in results._repr_html_()
        document = archive.document(results.hits[0].id)
        assert repr(document).startswith(f"<Document {document.id} fiche 2026-03-27 positie=")
        assert "Stances" in document._repr_html_() and "<script" not in document._repr_html_()
        proposal = archive.proposal("COM(2021) 726")
        assert repr(proposal).startswith("<Proposal COM(2021) 726: ")
        timeline = proposal.to_pandas()
        assert timeline.positie.dropna().tolist() == ["steunt"]
        hits = results.to_arrow()
        assert hits.schema.field("date").type == pa.date32()
        assert hits.column("positie").to_pylist()[0] == document.stance("positie").label
        stances = archive.table("stances", type="fiche")
        assert set(stances.column("aspect").to_pylist()) >= {"positie", "subsidiariteit"}
        assert archive.table("votes").num_rows == 0  # a table, empty without crawl consilium
        with pytest.raises(QueryError, match="documents, sections, stances, links, votes"):
            archive.table("fiches")
    assert results.to_pandas().positie.notna().all()  # still readable once the archive is closed

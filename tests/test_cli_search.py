"""End to end through the command line, on the real corpus imported once (conftest's
corpus_home, by the command in a process of its own); the commands run in this process
(cli_helpers.run_cli_here), the same entry point without an interpreter to start each time."""

import csv
import html
import io
import json
import re

import pytest
from cli_helpers import run_cli_here, run_json_here
from click.testing import CliRunner

from cli.main import cli


@pytest.fixture(scope="module")
def home(corpus_home):
    return corpus_home  # conftest: the corpus imported once, through the real command


def seed_fiche_hit(results):
    return next(h for h in results["hits"] if h["doc_type"] == "fiche" and "talent" in h["title"])


def test_blue_card_finds_the_2026_fiche_with_the_passage_highlighted(home):
    results = run_json_here("blauwe kaart", home=home)
    top = results["hits"][0]
    assert top["doc_type"] == "fiche"
    assert "talent" in top["title"].lower()
    snippets = " ".join(s["snippet"] for s in top["sections"])
    assert "<b>blauwe</b> <b>kaart</b>" in snippets
    assert all(s["key"] for s in top["sections"])


def test_stemming_and_accent_folding(home):
    plural = run_json_here("blauwe kaarten", home=home)
    assert seed_fiche_hit(plural)
    folded = {h["id"] for h in run_json_here("financiele", home=home)["hits"]}
    accented = {h["id"] for h in run_json_here("financiële", home=home)["hits"]}
    assert folded and folded == accented


def test_section_filter_keeps_only_that_section(home):
    results = run_json_here("blauwe kaart", "--section", "positie.beoordeling", home=home)
    assert results["hits"]
    for hit in results["hits"]:
        assert {s["key"] for s in hit["sections"]} == {"positie.beoordeling"}


def test_stance_and_type_filters(home):
    results = run_json_here("kabinet", "--stance", "positief", "--type", "fiche", home=home)
    assert results["hits"]
    for hit in results["hits"]:
        assert hit["doc_type"] == "fiche"
        for section in hit["sections"]:
            assert "positief" in section["stance"]


def evidence_in(doc, section, snippet):
    """The stances of `doc` whose evidence sentence lies in (overlaps) the snippet of a hit
    section, found by where the snippet sits in the section's text."""
    plain = html.unescape(re.sub(r"</?b>", "", snippet))
    text = next(s["text"] for s in doc["sections"] if s["key"] == section and plain in s["text"])
    start = text.index(plain)
    end = start + len(plain)
    return [
        stance
        for stance in doc["stances"]
        if stance["section_key"] == section
        and text[stance["start"] : stance["end"]] == stance["evidence"]
        and stance["start"] < end
        and start < stance["end"]
    ], plain


def test_a_stance_filter_shows_the_sentence_that_carries_the_stance(home):
    """The seed fiche says it is terughoudend in its "Beoordeling + inzet" section: searching
    with --stance terughoudend shows that sentence, and the hit's labels are only those of the
    sentences in the snippet (this section has five labels)."""
    results = run_json_here("kabinet", "--stance", "terughoudend", home=home)
    hit = seed_fiche_hit(results)
    doc = run_json_here("show", hit["id"], home=home)
    [section] = hit["sections"]
    assert section["key"] == "positie.beoordeling"
    shown, plain = evidence_in(doc, section["key"], section["snippet"])
    assert any(s["label"] == "terughoudend" and s["evidence"] in plain for s in shown)
    assert section["stance"] == sorted({s["label"] for s in shown})
    assert "steunt" not in section["stance"]  # the section has steunt sentences, not shown here

    in_query = run_cli_here("kabinet stance:terughoudend", "--csv", home=home)
    rows = [r for r in csv.DictReader(io.StringIO(in_query.stdout)) if r["id"] == hit["id"]]
    assert [r["stance"] for r in rows] == ["|".join(section["stance"])]
    assert "terughoudend" in rows[0]["snippet"]


def test_a_hit_shows_the_labels_of_the_sentences_in_its_snippet(home):
    hit = seed_fiche_hit(run_json_here("blauwe kaart", home=home))
    doc = run_json_here("show", hit["id"], home=home)
    for section in hit["sections"]:
        shown, _ = evidence_in(doc, section["key"], section["snippet"])
        assert section["stance"] == sorted({s["label"] for s in shown}), section["key"]
    beoordeling = next(s for s in hit["sections"] if s["key"] == "positie.beoordeling")
    assert "<b>blauwe</b> <b>kaart</b>" in beoordeling["snippet"]
    assert beoordeling["stance"] == ["steunt"]  # the blauwe kaart sentence, not the section's five


def test_filters_in_the_query_equal_the_options(home):
    in_query = run_json_here("kabinet section:subsidiariteit type:fiche", home=home)
    options = run_json_here("kabinet", "--section", "subsidiariteit", "--type", "fiche", home=home)
    assert [h["id"] for h in in_query["hits"]] == [h["id"] for h in options["hits"]]


def test_date_range(home):
    results = run_json_here("kabinet", "--since", "2026-01-01", "--limit", "50", home=home)
    assert results["hits"]
    assert all(h["date"] >= "2026-01-01" for h in results["hits"])
    older = run_json_here("kabinet", "--until", "2025-12-31", "--limit", "50", home=home)
    assert all(h["date"] <= "2025-12-31" for h in older["hits"])


def test_honest_totals_and_facets(home):
    results = run_json_here("de", "--limit", "2", home=home)
    assert results["total"] > 2
    assert results["shown"] == 2 and results["has_more"] is True
    assert set(results["facets"]) >= {"section", "stance", "type", "year", "ministerie"}
    assert sum(results["facets"]["type"].values()) == results["total"]


def test_sort_by_date_is_newest_first(home):
    results = run_json_here("de", "--sort", "date", "--limit", "20", home=home)
    dates = [h["date"] for h in results["hits"] if h["date"]]
    assert dates == sorted(dates, reverse=True)


def test_csv_output(home):
    result = run_cli_here("blauwe kaart", "--csv", home=home)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"id", "section", "stance", "snippet"} <= set(rows[0])


@pytest.mark.parametrize("query", ["F-35", "COM(2022) 546", '"blauwe kaart', "kaart:", ":", "-"])
def test_odd_queries_never_crash(home, query):
    result = run_cli_here(query, "--json", home=home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["talent", "--stance", "negatif"], "unknown stance"),
        (["talent stance:negatif"], "unknown stance"),
        (["talent", "--since", "gisteren"], "bad date"),
        (["talent", "--sort", "alfabet"], "Invalid value"),
        (["(", "--raw"], "bad raw query"),
    ],
)
def test_bad_queries_say_what_is_wrong_with_exit_2(home, args, message):
    result = run_cli_here(*args, home=home)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_explain_prints_the_query(home):
    result = run_cli_here("blauwe kaart", "--explain", home=home)
    assert "blauwe AND kaart" in result.stderr


def test_stances_by_year(home):
    counts = run_json_here("stances", "migratie", "--by", "year", home=home)
    assert counts["documents"] >= 1
    by_year = {group["year"]: group["counts"] for group in counts["groups"]}
    assert by_year["2026"]["subsidiariteit"]["positief"] >= 1


def test_show_a_document(home):
    hit = seed_fiche_hit(run_json_here("blauwe kaart", home=home))
    doc = run_json_here("show", hit["id"], home=home)
    assert doc["id"] == hit["id"]
    assert [s["key"] for s in doc["sections"]][:2] == ["algemeen", "essentie"]
    assert {s["aspect"] for s in doc["stances"]} >= {"bevoegdheid", "subsidiariteit"}


def test_show_unknown_document_exit_1(home):
    result = run_cli_here("show", "kst-0-0", home=home)
    assert result.returncode == 1
    assert "no document" in result.stderr


def test_stats(home):
    stats = run_json_here("stats", home=home)
    assert stats["documents"] >= 20
    assert stats["doc_types"]["fiche"] >= 2


def invoke(*args, home=None):
    """The command in this process (no interpreter to start): exit code, stdout, stderr."""
    env = {"FICHE_BACKEND": None, "FICHE_ES_URL": None, "FICHE_HOME": str(home) if home else None}
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def test_dates_leave_undated_documents_out_and_undated_shows_them(home):
    """`"*" --until 2000` gave 15 documents, 14 of them undated; the facet showed 1. (Dates read
    from the text leave two corpus documents undated: PROVENANCE.md and a notice.)"""
    until = json.loads(invoke("*", "--until", "2000", "--json", "--limit", "100", home=home).stdout)
    assert until["total"] == len(until["hits"]) >= 1
    assert all(hit["date"] and hit["date"] <= "2000-12-31" for hit in until["hits"])
    assert sum(until["facets"]["year"].values()) == until["total"]
    undated = json.loads(invoke("*", "--undated", "--json", "--limit", "100", home=home).stdout)
    assert undated["total"] >= 1 and not any(hit["date"] for hit in undated["hits"])
    in_query = json.loads(invoke("year:none", "--json", home=home).stdout)
    everything = json.loads(invoke("*", "--json", home=home).stdout)
    assert in_query["total"] == undated["total"] == everything["facets"]["year"]["none"]


def test_home_backend_and_es_url_also_before_the_command(home):
    after = json.loads(invoke("kabinet", "--json", "--home", home).stdout)
    before = invoke("--home", home, "--backend", "embedded", "kabinet", "--json")
    assert before.exit_code == 0, before.stderr
    assert json.loads(before.stdout)["total"] == after["total"] > 0
    stats = invoke("--home", home, "stats", "--json")
    assert stats.exit_code == 0 and json.loads(stats.stdout)["documents"] >= 20
    unreachable = invoke("--home", home, "--backend", "opensearch", "--es-url", "", "kabinet")
    assert unreachable.exit_code == 1 and "needs a cluster URL" in unreachable.stderr


@pytest.mark.parametrize(
    "args, meant", [(["serach", "kabinet"], "search kabinet"), (["shwo", "kst-1"], "show kst-1")]
)
def test_a_mistyped_command_that_finds_nothing_asks_did_you_mean(home, args, meant):
    result = invoke(*args, home=home)
    assert result.exit_code == 0 and "No documents match" in result.stdout
    assert f"Did you mean `fiche-search {meant}`?" in result.stderr


def test_a_search_or_show_never_creates_an_archive(tmp_path):
    missing = tmp_path / "nowhere"
    for args in (["kabinet"], ["show", "kst-1"], ["stat"], ["stances", "migratie"]):
        result = invoke("--home", missing, *args)
        assert result.exit_code == 1, (args, result.output)
        assert f"no archive in {missing}" in result.stderr and "import --sample" in result.stderr
        assert isinstance(result.exception, SystemExit)  # a message, not a traceback
        assert not missing.exists()
    assert "Did you mean `fiche-search stats`?" in invoke("stat", home=missing).stderr
    assert not missing.exists()

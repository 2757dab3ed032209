"""End to end through the command line, on the real corpus imported once."""

import csv
import html
import io
import re

import pytest
from cli_helpers import run_cli, run_json
from conftest import CORPUS


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("archive")
    result = run_cli("import", str(CORPUS), home=home)
    assert result.returncode == 0, result.stderr
    return home


def seed_fiche_hit(results):
    return next(h for h in results["hits"] if h["doc_type"] == "fiche" and "talent" in h["title"])


def test_blue_card_finds_the_2026_fiche_with_the_passage_highlighted(home):
    results = run_json("blauwe kaart", home=home)
    top = results["hits"][0]
    assert top["doc_type"] == "fiche"
    assert "talent" in top["title"].lower()
    snippets = " ".join(s["snippet"] for s in top["sections"])
    assert "<b>blauwe</b> <b>kaart</b>" in snippets
    assert all(s["key"] for s in top["sections"])


def test_stemming_and_accent_folding(home):
    plural = run_json("blauwe kaarten", home=home)
    assert seed_fiche_hit(plural)
    folded = {h["id"] for h in run_json("financiele", home=home)["hits"]}
    accented = {h["id"] for h in run_json("financiële", home=home)["hits"]}
    assert folded and folded == accented


def test_section_filter_keeps_only_that_section(home):
    results = run_json("blauwe kaart", "--section", "positie.beoordeling", home=home)
    assert results["hits"]
    for hit in results["hits"]:
        assert {s["key"] for s in hit["sections"]} == {"positie.beoordeling"}


def test_stance_and_type_filters(home):
    results = run_json("kabinet", "--stance", "positief", "--type", "fiche", home=home)
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
    results = run_json("kabinet", "--stance", "terughoudend", home=home)
    hit = seed_fiche_hit(results)
    doc = run_json("show", hit["id"], home=home)
    [section] = hit["sections"]
    assert section["key"] == "positie.beoordeling"
    shown, plain = evidence_in(doc, section["key"], section["snippet"])
    assert any(s["label"] == "terughoudend" and s["evidence"] in plain for s in shown)
    assert section["stance"] == sorted({s["label"] for s in shown})
    assert "steunt" not in section["stance"]  # the section has steunt sentences, not shown here

    in_query = run_cli("kabinet stance:terughoudend", "--csv", home=home)
    rows = [r for r in csv.DictReader(io.StringIO(in_query.stdout)) if r["id"] == hit["id"]]
    assert [r["stance"] for r in rows] == ["|".join(section["stance"])]
    assert "terughoudend" in rows[0]["snippet"]


def test_a_hit_shows_the_labels_of_the_sentences_in_its_snippet(home):
    hit = seed_fiche_hit(run_json("blauwe kaart", home=home))
    doc = run_json("show", hit["id"], home=home)
    for section in hit["sections"]:
        shown, _ = evidence_in(doc, section["key"], section["snippet"])
        assert section["stance"] == sorted({s["label"] for s in shown}), section["key"]
    beoordeling = next(s for s in hit["sections"] if s["key"] == "positie.beoordeling")
    assert "<b>blauwe</b> <b>kaart</b>" in beoordeling["snippet"]
    assert beoordeling["stance"] == ["steunt"]  # the blauwe kaart sentence, not the section's five


def test_filters_in_the_query_equal_the_options(home):
    in_query = run_json("kabinet section:subsidiariteit type:fiche", home=home)
    options = run_json("kabinet", "--section", "subsidiariteit", "--type", "fiche", home=home)
    assert [h["id"] for h in in_query["hits"]] == [h["id"] for h in options["hits"]]


def test_date_range(home):
    results = run_json("kabinet", "--since", "2026-01-01", "--limit", "50", home=home)
    assert results["hits"]
    assert all(h["date"] >= "2026-01-01" for h in results["hits"])
    older = run_json("kabinet", "--until", "2025-12-31", "--limit", "50", home=home)
    assert all(h["date"] <= "2025-12-31" for h in older["hits"])


def test_honest_totals_and_facets(home):
    results = run_json("de", "--limit", "2", home=home)
    assert results["total"] > 2
    assert results["shown"] == 2 and results["has_more"] is True
    assert set(results["facets"]) >= {"section", "stance", "type", "year", "ministerie"}
    assert sum(results["facets"]["type"].values()) == results["total"]


def test_sort_by_date_is_newest_first(home):
    results = run_json("de", "--sort", "date", "--limit", "20", home=home)
    dates = [h["date"] for h in results["hits"] if h["date"]]
    assert dates == sorted(dates, reverse=True)


def test_csv_output(home):
    result = run_cli("blauwe kaart", "--csv", home=home)
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"id", "section", "stance", "snippet"} <= set(rows[0])


@pytest.mark.parametrize("query", ["F-35", "COM(2022) 546", '"blauwe kaart', "kaart:", ":", "-"])
def test_odd_queries_never_crash(home, query):
    result = run_cli(query, "--json", home=home)
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
    result = run_cli(*args, home=home)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_explain_prints_the_query(home):
    result = run_cli("blauwe kaart", "--explain", home=home)
    assert "blauwe AND kaart" in result.stderr


def test_stances_by_year(home):
    counts = run_json("stances", "migratie", "--by", "year", home=home)
    assert counts["documents"] >= 1
    assert counts["counts"]["2026"]["subsidiariteit"]["positief"] >= 1


def test_show_a_document(home):
    hit = seed_fiche_hit(run_json("blauwe kaart", home=home))
    doc = run_json("show", hit["id"], home=home)
    assert doc["id"] == hit["id"]
    assert [s["key"] for s in doc["sections"]][:2] == ["algemeen", "essentie"]
    assert {s["aspect"] for s in doc["stances"]} >= {"bevoegdheid", "subsidiariteit"}


def test_show_unknown_document_exit_1(home):
    result = run_cli("show", "kst-0-0", home=home)
    assert result.returncode == 1
    assert "no document" in result.stderr


def test_stats(home):
    stats = run_json("stats", home=home)
    assert stats["documents"] >= 20
    assert stats["doc_types"]["fiche"] >= 2

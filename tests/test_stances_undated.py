"""Fiches without a date in the stance counts: `stances --by year`, its JSON, the web timeline
and the API name them "undated" (the search's `--undated`, `year:none`), JSON gives null for
their year, and they come after the years. An archive of three known fiches (web_corpus.py's
documents), one of them undated."""

from __future__ import annotations

import csv
import io

import pytest
from cli_helpers import run_cli_here, run_json_here
from starlette.testclient import TestClient
from web_corpus import EVIDENCE, MARKER, add_documents, fiche

import fiche_search
from web.app import BASE_URL, create_app

UNDATED_EVIDENCE = "De subsidiariteit van het voorstel over zeewierteelt is positief."


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("undated") / "home"
    add_documents(
        home,
        [
            fiche("test-fiche-2024", "2024-05-01", "negatief", EVIDENCE),
            fiche("test-fiche-undated", "", "positief", UNDATED_EVIDENCE),
            fiche("test-fiche-undated-2", "", "positief", UNDATED_EVIDENCE),
        ],
    )
    return home


def test_json_gives_null_for_the_year_of_undated_fiches_after_the_years(home):
    counts = run_json_here("stances", MARKER, "--by", "year", home=home)
    assert counts["documents"] == 3
    assert [group["year"] for group in counts["groups"]] == ["2024", None]
    undated = counts["groups"][1]["counts"]["subsidiariteit"]
    assert (undated["positief"], undated["negatief"]) == (2, 0)


def test_the_table_calls_them_undated(home):
    table = run_cli_here("stances", MARKER, home=home).stdout
    rows = [line.split("│")[1:] for line in table.splitlines() if line.startswith("│")]
    assert [cells[0].strip() for cells in rows] == ["2024", "undated"]
    assert rows[1][2].strip() == "2 / 0 / 0 / 0"  # subsidiariteit: two positief


def test_the_web_timeline_names_them_undated_and_its_csv_leaves_the_year_empty(home):
    client = TestClient(create_app(home), base_url=BASE_URL)
    page = client.get("/timeline", params={"q": MARKER}).text
    assert "<tr><td>undated</td>" in page
    assert ">undated</text>" in page  # the charts' axis
    assert "<td>?</td>" not in page
    data = client.get("/timeline", params={"q": MARKER, "format": "json"}).json()
    assert [group["year"] for group in data["groups"]] == ["2024", None]
    text = client.get("/timeline", params={"q": MARKER, "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["year"] for row in rows if row["fiches"] == "2"} == {""}


def test_the_api_keeps_none_for_the_undated_group(home):
    with fiche_search.open(home) as archive:
        counts = archive.stances(MARKER, by="year")
        assert counts.groups == ["2024", None]
        assert [counts.group_name(g) for g in counts.groups] == ["2024", "undated"]
        frame = counts.to_pandas()
        undated = frame[frame.year.isna()]
        assert undated.fiches.sum() == 2 and set(undated.label) == {"positief"}
        assert "2024..undated" in repr(counts)

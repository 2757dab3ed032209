"""Every filter of the table (index/filters.py), through every surface: the CLI option, the
query syntax and the web parameter, on the embedded index and on a real OpenSearch node. All
six must give the same total, and the filter must actually narrow the results."""

import json

import pytest
from starlette.testclient import TestClient

from fiche_search.api import SAMPLE
from index.filters import FACET_FIELDS, FILTER_NAMES, FILTERS
from tests.cli_helpers import run_cli
from web.app import create_app

pytestmark = pytest.mark.opensearch

# Filters without a facet to take a value from: values known to be in the sample.
KNOWN = {
    "since": "2026-01-01",
    "until": "2021-12-31",
    "com": "COM(2021) 726",
    "dossier": "32545",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, opensearch_url):
    """The shipped sample (real documents), indexed in both backends."""
    home = tmp_path_factory.mktemp("filters")
    assert run_cli("import", "--sample", home=home).returncode == 0
    cluster = ("--backend", "opensearch", "--es-url", opensearch_url)
    reindexed = run_cli("reindex", *cluster, home=home)
    assert reindexed.returncode == 0, reindexed.stderr
    everything = json.loads(run_cli("*", "--json", "--limit", "1", home=home).stdout)
    return home, cluster, everything


def value_for(name: str, everything: dict) -> str:
    """The facet's most frequent value that still leaves documents out."""
    if name in KNOWN:
        return KNOWN[name]
    counts = everything["facets"][name]
    narrowing = [value for value in counts if counts[value] < everything["total"]]
    return max(narrowing, key=lambda value: (counts[value], value))


def cli_total(home, *args) -> int:
    result = run_cli(*args, "--json", "--limit", "1", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def web_total(home, params: dict, backend: str = "embedded", es_url: str = "") -> int:
    client = TestClient(create_app(home, backend, es_url))
    response = client.get("/", params={**params, "format": "json"})
    assert response.status_code == 200, response.text
    return response.json()["total"]


def test_the_table_names_every_filter_the_design_asks_for():
    wanted = "section stance positie type year since until ministerie raad com dossier source"
    assert set(FILTER_NAMES) == set(wanted.split())
    assert set(FACET_FIELDS) <= set(FILTER_NAMES)


@pytest.mark.parametrize("spec", FILTERS, ids=lambda spec: spec.name)
def test_every_surface_gives_the_same_total_on_both_backends(archive, opensearch_url, spec):
    home, cluster, everything = archive
    value = value_for(spec.name, everything)
    totals = {
        "option": cli_total(home, "*", f"--{spec.name}", value),
        "query": cli_total(home, f'{spec.name}:"{value}"'),
        "web": web_total(home, {spec.name: value}),
        "option, opensearch": cli_total(home, "*", f"--{spec.name}", value, *cluster),
        "query, opensearch": cli_total(home, f'{spec.name}:"{value}"', *cluster),
        "web, opensearch": web_total(home, {spec.name: value}, "opensearch", opensearch_url),
    }
    assert len(set(totals.values())) == 1, (spec.name, value, totals)
    assert 0 < totals["option"] < everything["total"], (spec.name, value, totals)


@pytest.mark.parametrize(
    ("name", "bad", "form"),
    [
        ("section", "subsidiarity", "sections are: algemeen"),
        ("stance", "negatif", "stances are: positief"),
        ("positie", "positief", "posities are: steunt"),
        ("type", "fiche!", "a document type is a word"),
        ("year", "22", "four digits"),
        ("since", "2022-13-45", "no such date"),
        ("until", "31-12-2022", "YYYY-MM-DD"),
        ("com", "546", "COM(2022) 546"),
        ("dossier", "twaalf", "like 22112"),
        ("source", "internet", "sources are: officielebekendmakingen"),
    ],
)
def test_an_invalid_value_is_refused_everywhere_naming_the_valid_form(archive, name, bad, form):
    home = archive[0]
    option = run_cli("*", f"--{name}", bad, home=home)
    query = run_cli(f'{name}:"{bad}"', home=home)
    for result in (option, query):
        assert result.returncode == 2, result.stderr
        assert form in result.stderr and "Traceback" not in result.stderr
    response = TestClient(create_app(home)).get("/", params={name: bad, "format": "json"})
    assert response.status_code == 400
    assert form in response.json()["error"]


def test_two_word_values_and_spellings_are_one_filter(archive):
    home, _, everything = archive
    ministerie = value_for("ministerie", everything)
    assert " " in ministerie
    quoted = cli_total(home, f'ministerie:"{ministerie}"')
    assert quoted == cli_total(home, "*", "--ministerie", ministerie) > 0
    # any spelling of a COM number, in the query as in the option
    assert cli_total(home, "com:COM/2021/726") == cli_total(home, "*", "--com", "COM(2021) 726")
    assert cli_total(home, "com:COM(2021)726") > 0


def test_explain_and_help_come_from_the_table(archive):
    home = archive[0]
    explained = run_cli("talent", "--dossier", "32545", "source:local", "--explain", home=home)
    assert "dossier in ['32545']" in explained.stderr
    assert "source in ['local']" in explained.stderr
    help_text = run_cli("search", "--help").stdout
    for spec in FILTERS:
        assert f"--{spec.name}" in help_text


def test_the_sample_is_shipped_and_imports(archive):
    home, _, everything = archive
    assert sorted(p.suffix for p in SAMPLE.iterdir()) == sorted(
        [".xhtml", ".pdf", ".xml", ".xml", ".txt"]
    )
    assert sum(p.stat().st_size for p in SAMPLE.iterdir()) < 500_000
    assert everything["total"] >= 5
    assert {"fiche", "beslisnota"} <= set(everything["facets"]["type"])

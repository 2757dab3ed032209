"""Every filter of the table (index/search/filters.py), through every surface: the CLI option, the
query syntax and the web parameter, on the embedded index and on a real OpenSearch node. All
six must give the same total, and the filter must actually narrow the results."""

import ast
import json
import unicodedata

import pytest
from cli_helpers import run_cli_here
from starlette.testclient import TestClient

import fiche_search
from fiche_search.api import SAMPLE
from index.search.filters import FACET_FIELDS, FILTER_NAMES, FILTERS
from web.app import BASE_URL, create_app

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
    assert run_cli_here("import", "--sample", home=home).returncode == 0
    cluster = ("--backend", "opensearch", "--es-url", opensearch_url)
    reindexed = run_cli_here("reindex", *cluster, home=home)
    assert reindexed.returncode == 0, reindexed.stderr
    everything = json.loads(run_cli_here("*", "--json", "--limit", "1", home=home).stdout)
    return home, cluster, everything


def value_for(name: str, everything: dict) -> str:
    """The facet's most frequent value that still leaves documents out."""
    if name in KNOWN:
        return KNOWN[name]
    counts = everything["facets"][name]
    narrowing = [value for value in counts if counts[value] < everything["total"]]
    return max(narrowing, key=lambda value: (counts[value], value))


def cli_total(home, *args) -> int:
    result = run_cli_here(*args, "--json", "--limit", "1", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def web_total(home, params: dict, backend: str = "embedded", es_url: str = "") -> int:
    client = TestClient(create_app(home, backend, es_url), base_url=BASE_URL)
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
        ("section", "subsidiarity", "sections are, closest first: subsidiariteit"),
        ("stance", "negatif", "stances are, closest first: negatief"),
        ("positie", "positief", "posities are, closest first: steunt"),
        ("type", "fiche!", "a document type is a word"),
        ("year", "22", "four digits"),
        ("since", "2022-13-45", "no such date"),
        ("until", "31-12-2022", "YYYY-MM-DD"),
        ("com", "546", "COM(2022) 546"),
        ("dossier", "twaalf", "like 22112"),
        ("source", "internet", "sources are, closest first: eurlex"),
    ],
)
def test_an_invalid_value_is_refused_everywhere_naming_the_valid_form(archive, name, bad, form):
    home = archive[0]
    option = run_cli_here("*", f"--{name}", bad, home=home)
    query = run_cli_here(f'{name}:"{bad}"', home=home)
    for result in (option, query):
        assert result.returncode == 2, result.stderr
        assert form in result.stderr and "Traceback" not in result.stderr
    response = TestClient(create_app(home), base_url=BASE_URL).get(
        "/", params={name: bad, "format": "json"}
    )
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
    explained = run_cli_here("talent", "--dossier", "32545", "source:local", "--explain", home=home)
    assert "dossier in ['32545']" in explained.stderr
    assert "source in ['local']" in explained.stderr
    help_text = run_cli_here("search", "--help").stdout
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


def as_typed(value: str) -> str:
    """A value as a reader types it: without accents, and in the other case."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return plain.lower() if plain != plain.lower() else plain.upper()


def both_backends(home, opensearch_url):
    for backend, url in (("embedded", ""), ("opensearch", opensearch_url)):
        with fiche_search.open(home, backend, url) as api:
            yield backend, api


@pytest.mark.parametrize("spec", [s for s in FILTERS if s.field], ids=lambda spec: spec.name)
def test_values_match_whatever_their_case_and_accents(archive, opensearch_url, spec):
    """`--ministerie "ministerie van financien"` is "Ministerie van Financiën", `--raad
    "economische en financiele raad"` the Ecofin, `--type FICHE` a fiche: for every filter."""
    home, _, everything = archive
    value = value_for(spec.name, everything)
    typed = as_typed(value)
    for backend, api in both_backends(home, opensearch_url):
        exact = api.search("*", limit=1, **{spec.name: value}).total
        found = api.search("*", limit=1, **{spec.name: typed})
        assert found.total == exact > 0 and not found.hints, (backend, value, typed)
        in_query = api.search(f'{spec.name}:"{typed}"', limit=1)
        assert in_query.total == exact, (backend, value, typed)


@pytest.mark.parametrize(
    ("name", "value", "closest"),
    [
        ("ministerie", "Ministerie van Finance", "Ministerie van Financiën"),
        ("raad", "Raad Justitie", "Raad Justitie en Binnenlandse Zaken"),
        ("type", "fiches", "fiche"),
        ("year", "2027", "2026"),
        ("dossier", "32546", "32545"),
        ("stance", "negatief", ""),
    ],
)
def test_a_value_without_matches_names_the_values_that_exist(
    archive, opensearch_url, name, value, closest
):
    home, _, everything = archive
    for backend, api in both_backends(home, opensearch_url):
        results = api.search("*", **{name: value})
        assert results.total == 0 and len(results.hints) == 1, backend
        named = results.hints[0].split("closest first: ")[1]
        assert named.startswith(repr(closest) if closest else "'"), (backend, results.hints)
        if name in everything["facets"]:  # the values named are values the facet shows
            shown = {str(v) for v in everything["facets"][name]}
            assert set(ast.literal_eval(f"[{named}]")) <= shown, (backend, results.hints)


def test_the_hint_is_in_the_json_the_table_and_the_web_page(archive):
    home = archive[0]
    result = run_cli_here("*", "--ministerie", "Ministerie van Finance", "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == 0 and "'Ministerie van Financiën'" in data["hint"]
    table = run_cli_here("*", "--ministerie", "Ministerie van Finance", home=home)
    assert table.returncode == 0 and "closest first: 'Ministerie van" in table.stdout
    client = TestClient(create_app(home), base_url=BASE_URL)
    page = client.get("/", params={"ministerie": "Ministerie van Finance"})
    assert page.status_code == 200 and 'class="hint"' in page.text
    assert "Ministerie van Financiën" in page.text

"""No query can break the parser, the index or the server: generated queries and web
parameters either run or are refused with a message (QueryError, HTTP 400), never a
traceback or a 500; past the bounds a query is refused, and the web stops a slow search."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from fiche_search.api import FicheSearch
from index.search.filters import FILTER_NAMES
from index.search.query import MAX_NESTING, MAX_QUERY_CHARS, MAX_TERMS, QueryError, parse_query
from web.app import BASE_URL, create_app

SYNTAX = ["(", ")", '"', "OR", "NOT", "-", "*", ":", " ", "AND"]
WORDS = ["blauwe", "kaart", "talent", "COM(2021)", "726", "F-35", "financ", "é", "2022"]
token = st.one_of(
    st.sampled_from(SYNTAX + WORDS),
    st.sampled_from(FILTER_NAMES).map(lambda name: name + ":"),
    st.text(max_size=6),
)
queries = st.lists(token, max_size=40).map(" ".join) | st.lists(token, max_size=40).map("".join)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("bounds")
    with FicheSearch(home) as api:
        report = api.import_sample()
    assert report.documents >= 5
    return home


@settings(max_examples=400, deadline=None)
@given(queries)
def test_the_parser_answers_a_tree_or_a_query_error(query):
    try:
        parse_query(query)
    except QueryError as error:
        assert str(error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_generated_queries_run_on_the_index_or_are_refused(home, query):
    with FicheSearch(home) as api:
        try:
            results = api.search(query, limit=3)
        except QueryError:
            return
        assert results.total >= len(results.hits)


params = st.dictionaries(
    st.sampled_from([*FILTER_NAMES, "q", "page", "sort", "format"]),
    st.one_of(st.text(max_size=30), st.sampled_from(["2022", "fiche", "positief", "json", "0"])),
    max_size=5,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=params)
def test_generated_web_parameters_give_a_page_or_a_400(home, params):
    client = TestClient(create_app(home), base_url=BASE_URL, raise_server_exceptions=False)
    response = client.get("/", params=params)
    assert response.status_code in (200, 400), (params, response.text[:300])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("(" * 5000 + "x" + ")" * 5000, "too long"),
        ("(" * (MAX_NESTING + 1) + "x", "nested too deeply"),
        ("NOT " * (MAX_NESTING + 1) + "x", "nested too deeply"),
        ("-" * 400 + "x", "nested too deeply"),
        (" OR ".join(f"w{n}" for n in range(MAX_TERMS + 1)), "at most 100 words"),
        ("x" * (MAX_QUERY_CHARS + 1), "at most 2000 characters"),
    ],
)
def test_a_query_past_the_bounds_is_refused_with_a_message(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_deep_nesting_is_exit_2_in_the_cli_and_400_in_the_web(home):
    from cli_helpers import run_cli_here

    deep = "(" * 300 + "talent" + ")" * 300
    result = run_cli_here(deep, home=home)
    assert result.returncode == 2
    assert "nested too deeply" in result.stderr and "Traceback" not in result.stderr
    response = TestClient(create_app(home), base_url=BASE_URL).get("/", params={"q": deep})
    assert response.status_code == 400 and "nested too deeply" in response.text


def test_nesting_within_the_bounds_and_unbalanced_quotes_still_search(home):
    with FicheSearch(home) as api:
        plain = api.search("talent").total
        assert plain > 0
        assert api.search("(" * MAX_NESTING + "talent" + ")" * MAX_NESTING).total == plain
        assert api.search('"talent').total == plain  # a lone quote is read as words


def test_the_web_stops_a_search_past_its_time_limit(home):
    client = TestClient(create_app(home, search_seconds=0.000001), base_url=BASE_URL)
    response = client.get("/", params={"q": "talent", "format": "json"})
    assert response.status_code == 503
    assert "took longer than" in response.json()["error"]
    assert (
        TestClient(create_app(home), base_url=BASE_URL).get("/", params={"q": "talent"}).status_code
        == 200
    )

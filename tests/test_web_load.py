"""The web load benchmark (benchmarks/web_load.py) against a real `fiche-search serve` on the
corpus archive: it runs, it counts what the server answers, and an error is counted as one."""

import json
import subprocess
import sys

import pytest
from cli_helpers import ROOT

from benchmarks.web_load import free_port, run_level, search_paths, serving


def run_web_load(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "benchmarks.web_load", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_two_clients_get_every_search_answered(corpus_home):
    result = run_web_load(
        "--home", str(corpus_home), "--clients", "2", "--requests", "24", "--json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [level] = report["levels"]
    assert level["clients"] == 2 and level["requests"] == 24
    assert level["errors"] == 0, level["error_kinds"]
    assert level["latency"]["p99"] >= level["latency"]["p50"] > 0
    assert report["sections"] > 0 and report["urls"] == 32 * 3 * 2


def test_the_requests_mix_pages_formats_and_filters():
    paths = search_paths()
    assert len(set(paths)) == len(paths) == 192
    assert sum("format=json" in p for p in paths) == 96
    assert sum("page=3" in p for p in paths) == 64
    assert "/?q=kabinet&stance=positief&format=json" in paths
    assert "/?q=landbouw&type=eu-regulation&page=2" in paths


@pytest.fixture(scope="module")
def server(corpus_home):
    with serving(corpus_home) as running:
        yield running


def test_a_refused_request_counts_as_an_error(server):
    host, port, pid = server
    bad_pages = ["/?q=visserij&page=0", "/?q=visserij&format=xml"]  # the server answers 400
    level = run_level(host, port, bad_pages, clients=2, requests=6, server_pid=pid)
    assert level.requests == level.errors == 6
    assert level.error_kinds == {"HTTP 400": 6} and level.latency is None


def test_a_port_nobody_listens_on_counts_connection_errors():
    level = run_level("127.0.0.1", free_port(), search_paths(), clients=1, requests=3)
    assert level.errors == 3 and level.latency is None
    assert list(level.error_kinds) == ["connection error (ConnectionRefusedError)"]


def test_an_archive_that_is_not_there_is_one_line():
    result = run_web_load("--home", "/nonexistent/fiche-home", "--requests", "1")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "no archive in /nonexistent/fiche-home: import one first (fiche-search import ...)"
    ]

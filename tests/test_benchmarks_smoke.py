"""The benchmark suite runs (on a tiny slice), so it cannot rot. No timing is asserted."""

import gzip
import json
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cli_helpers import ROOT

from benchmarks.load import busy_processes
from benchmarks.run import SCALE, _renumbered
from benchmarks.web_load import cpu_seconds
from parsers.readers.jsonrecord import read_eurlex_record


def test_benchmark_runs_on_a_tiny_slice(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--sizes",
            "200",
            "--no-parse",
            "--cluster",
            "",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "import+index:" in out and "sections/s" in out
    assert "embedded warm" in out and "fts5 warm" in out
    assert "x the input" in out


def test_json_prints_every_figure(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--no-parse", "--json"]
        + ["--cluster", "", "--work", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    size = json.loads(result.stdout)["sizes"][0]
    assert size["repeats"] == 0 and 150 <= size["sections"] <= 250  # about the 200 asked
    assert size["embedded_warm"]["p95"] >= size["embedded_warm"]["p50"] > 0
    assert size["import_peak_rss_mb"] >= size["import_peak_anon_mb"] > 0
    assert size["fts5"]["warm"]["p50"] > 0
    assert size["stored_vs_input"] > size["index_vs_input"] > 0


def test_a_repeated_record_is_a_new_document_with_the_same_text():
    with gzip.open(SCALE, "rb") as records:
        line = records.readline()
    original, repeat = read_eurlex_record(line), read_eurlex_record(_renumbered(line, 3))
    assert repeat.meta.identifier != original.meta.identifier
    assert repeat.meta.identifier.startswith(original.meta.identifier.split("(")[0])
    assert [b.text for b in repeat.blocks] == [b.text for b in original.blocks]
    assert _renumbered(line, 3) != _renumbered(line, 4)


def test_compound_cost_compares_the_same_import_with_and_without_parts():
    result = run_module("benchmarks.compound_cost", "--records", "40", "--rounds", "1")
    assert result.returncode == 0, result.stderr
    imports = [line.strip() for line in result.stdout.splitlines() if "sections/s" in line]
    variants = [line.split(":")[0] for line in imports]
    assert variants == ["without parts", "with parts"]
    assert "median with parts / without over 1 rounds: wall" in result.stdout


def test_compound_targets_prints_agreement_and_the_import_ratio():
    result = run_module(
        "benchmarks.compound_targets",
        *("--agreement-records", "20", "--skip-recall", "--records", "40", "--rounds", "1"),
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"same pieces: [\d,]+ \(\d+\.\d\d%\)", result.stdout)
    assert "filter pieces not a word (or word + link) of >= 4 letters: 0" in result.stdout
    assert "import with parts / without, CPU: min " in result.stdout


def run_module(module: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m MODULE ARGS` from the checkout, as a user runs a benchmark."""
    command = [sys.executable, "-m", module, *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def scale_archive(tmp_path_factory):
    """An archive of the first 40 scale records, imported as a user would."""
    folder = tmp_path_factory.mktemp("scale-archive")
    records = folder / "records.jsonl"
    with gzip.open(SCALE, "rb") as lines:
        records.write_bytes(b"".join(line for _, line in zip(range(40), lines, strict=False)))
    home = folder / "home"
    imported = run_module("cli.main", "import", str(records), "--home", str(home))
    assert imported.returncode == 0, imported.stderr
    return home


def test_search_parts_times_each_part_of_every_benchmark_query(scale_archive):
    result = run_module("benchmarks.search_parts", str(scale_archive), "--rounds", "1")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.endswith("  visserij")]
    assert len(rows) == 1 and float(rows[0].split()[0]) > 0  # the whole search of a word
    assert "median: search" in result.stdout and "facets" in result.stdout


def test_search_parts_in_cpu_time_times_building_the_query_too(scale_archive):
    result = run_module("benchmarks.search_parts", str(scale_archive), "--rounds", "1", "--cpu")
    assert result.returncode == 0, result.stderr
    assert "fastest CPU time of 1 warm runs" in result.stdout
    [row] = [line for line in result.stdout.splitlines() if line.endswith("  tarief NOT landbouw")]
    assert len(row.split()) == 5 + 1 + 3  # five parts, the matches, the query's three words


def test_latency_ab_compares_two_checkouts_query_by_query(scale_archive):
    """The same checkout on both sides: every query timed in both, ratios printed."""
    checkout = str(ROOT)
    result = run_module(
        "benchmarks.latency_ab", str(scale_archive), checkout, checkout,
        "--runs", "1", "--rounds", "1", "--query", "visserij", "--query", "douane*",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for clock in ("wall", "cpu"):
        assert re.search(rf"{clock} p50: A \d+\.\d\d  B \d+\.\d\d  B/A \d", result.stdout)
    assert len([line for line in result.stdout.splitlines() if line.endswith("  douane*")]) == 2


def test_facet_sampling_compares_exact_and_estimated_facets_on_an_archive(scale_archive):
    result = run_module("benchmarks.facet_sampling", str(scale_archive), "--rounds", "1")
    assert result.returncode == 0, result.stderr
    assert "sampled / exact: p50" in result.stdout
    assert "of 32 queries estimated" in result.stdout
    for label in ("counted", "one cardinality"):
        assert re.search(rf"{label} document totals .* median error \d+\.\d\d%", result.stdout)


def test_index_ceiling_times_tantivy_alone_with_and_without_fields(scale_archive):
    result = run_module(
        "benchmarks.index_ceiling", str(scale_archive), "--rounds", "1", "--drop", "exact"
    )
    assert result.returncode == 0, result.stderr
    sections = int(result.stdout.split()[0].replace(",", ""))
    assert sections > 40  # every section of the 40 records, built as an import builds them
    for variant in ("all fields", "without exact"):
        rate = re.search(rf"median {variant}: ([\d,]+) sections/s", result.stdout)
        assert rate and int(rate.group(1).replace(",", "")) > 0


def test_store_benchmark_runs_on_a_few_records():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.store_bench", "--records", "20"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("(used)") == 2  # raw files and document bodies
    assert "plain write" in result.stdout and ".pdf" in result.stdout


class NodeThatDies(BaseHTTPRequestHandler):
    """An OpenSearch node that answers who it is and lets an index be made, then dies: every
    later request has its connection closed unanswered."""

    def do_GET(self):
        if self.path == "/":
            self._answer(200, {"version": {"distribution": "opensearch", "number": "2.19.1"}})
        else:
            self._die()

    def do_HEAD(self):
        self._answer(404, {})  # no alias yet

    def do_PUT(self):
        self._answer(200, {"acknowledged": True})

    def do_POST(self):
        if self.path.startswith("/_aliases"):
            self._answer(200, {"acknowledged": True})
        else:
            self._die()  # the bulk, the deletes before it

    def _answer(self, status: int, body: dict):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _die(self):
        self.close_connection = True

    def log_message(self, *args):
        pass


def test_a_node_that_dies_or_is_not_there_is_reported_and_the_run_goes_on(tmp_path):
    dying = ThreadingHTTPServer(("127.0.0.1", 0), NodeThatDies)
    threading.Thread(target=dying.serve_forever, daemon=True).start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nobody = probe.getsockname()[1]  # closed again: nothing listens there
    dying_url = f"http://127.0.0.1:{dying.server_port}"
    try:
        result = run_module(
            "benchmarks.run",
            *("--sizes", "200", "--no-parse", "--fts5-max", "0", "--work", str(tmp_path)),
            *("--cluster", dying_url, "--cluster", f"http://127.0.0.1:{nobody}"),
            *("--cluster-timeout", "5"),
        )
    finally:
        dying.shutdown()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "engines on the same" in out and "embedded warm" in out
    header = next(line for line in out.splitlines() if "embedded" in line and "opensearch" in line)
    assert header.split() == ["embedded", "opensearch", "?"]
    assert re.search(rf"opensearch at {dying_url}: failed during bulk indexing \(", out)
    assert f"? at http://127.0.0.1:{nobody}: unreachable (ConnectionError" in out
    warm_p50 = next(line for line in out.splitlines() if line.startswith("warm p50 ms"))
    assert warm_p50.split()[4:] == ["failed", "failed"]


def test_load_runs_busy_processes_for_the_block_only():
    with busy_processes(2) as busy:
        assert len(busy) == 2 and all(p.poll() is None for p in busy)
        time.sleep(0.5)
        assert all(cpu_seconds(p.pid) > 0 for p in busy)  # busy, not asleep
    assert all(p.returncode is not None for p in busy)  # stopped, by their own ids

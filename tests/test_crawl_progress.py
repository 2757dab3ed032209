"""The crawl's progress bar: what run_crawl tells its progress callback, against the loopback
replay, and the bar `fiche-search crawl` draws when a person watches in a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time

import pytest
from cli_helpers import ROOT
from crawl_helpers import FAST, expected_documents
from replay.server import ReplayServer

SOURCES = ["officielebekendmakingen", "tweedekamer", "eurlex"]
SCAN = "pdf/blg-1007826_beslisnota_nitraat.pdf"  # in the shared corpus

# A fresh process per crawl (Scrapy's reactor starts once per process): run_crawl with a
# callback that notes every call and whether it came on the thread that runs the reactor.
CRAWL_WITH_PROGRESS = """
import json, sys, threading
import fiche_search
from crawler.run import run_crawl
from index.archive.importer import Importer

home, url, overrides = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
reactor_thread = threading.get_ident()  # process.start() runs the reactor in this thread
heard = []

def progress(stage, done, total):
    heard.append([stage, done, total, threading.get_ident() == reactor_thread])

api = fiche_search.open(home, "embedded")
importer = Importer(api.archive, api.backend, progress)
sources = ["officielebekendmakingen", "tweedekamer", "eurlex"]
summaries = run_crawl(api.archive, sources, "2020-01-01", url, "", overrides, importer, progress)
importer.finish()
api.close()
print(json.dumps({"heard": heard, "summaries": [s.as_json() for s in summaries]}))
"""


@pytest.fixture
def replay():
    with ReplayServer() as server:
        yield server


def fast_overrides() -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in FAST[1::2])


def test_progress_counts_rise_to_the_totals_on_the_reactor_thread(replay, tmp_path):
    # One Tweede Kamer document is the corpus's scanned beslisnota (2 pages): OCR is read on
    # worker threads, and its progress must still reach the callback on the reactor thread.
    replay.replay.catalogue["tk"][3]["file"] = SCAN
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CRAWL_WITH_PROGRESS,
            str(tmp_path / "archive"),
            replay.url,
            json.dumps(fast_overrides()),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    heard, summaries = outcome["heard"], {s["source"]: s for s in outcome["summaries"]}
    assert all(on_reactor for *_, on_reactor in heard), "a progress call off the reactor thread"

    stages: dict[str, list[tuple[int, int]]] = {}
    for stage, done, total, _ in heard:
        stages.setdefault(stage, []).append((done, total))
    for source in SOURCES:
        summary = summaries[source]
        for stage, final in (
            (f"{source} records", summary["listed"]),
            (f"{source} files", summary["fetched"] + summary["unchanged"] + summary["failed"]),
        ):
            calls = stages[stage]
            dones = [done for done, _ in calls]
            totals = [total for _, total in calls]
            assert dones == sorted(dones) and totals == sorted(totals), (stage, calls)
            assert all(done <= total for done, total in calls), (stage, calls)
            assert calls[-1] == (final, final), (stage, calls)
            assert len(set(dones)) > 1, f"{stage} never advanced: {calls}"
    assert stages["OCR pages"][-1] == (2, 2)
    assert [summaries[s]["listed"] for s in SOURCES] == [3, 4, 6]
    # Every file the replay lists was counted once: stored, unchanged or failed.
    files = sum(stages[f"{source} files"][-1][1] for source in SOURCES)
    assert files == len(expected_documents(replay.replay.catalogue)) == 15


def run_in_terminal(command: list[str], timeout: float = 180) -> tuple[int, str]:
    """Run with stdin, stdout and stderr on a pseudo-terminal, as in a person's shell."""
    leader, follower = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="120", LINES="40")
    env.pop("FICHE_BACKEND", None)
    process = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, cwd=ROOT, env=env
    )
    os.close(follower)
    output = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return process.wait(timeout=30), output.decode("utf-8", "replace")


def test_a_terminal_shows_the_bars_and_still_gets_the_report(replay, tmp_path):
    home = tmp_path / "archive"
    code, output = run_in_terminal(
        [sys.executable, "-m", "cli.main", "crawl", "--since", "2020-01-01"]
        + ["--base-url", replay.url, "--home", str(home), *FAST]
    )
    assert code == 0, output
    assert "Traceback" not in output
    for source in SOURCES:
        assert f"{source} files" in output, output
        assert f"{source} records" in output
    assert "━" in output  # the bar itself
    assert "tweedekamer: listed 4, fetched 4" in output  # the report after the bars

"""`fiche-search crawl` end to end against a real HTTP replay of the sources on 127.0.0.1."""

from __future__ import annotations

import socket
from datetime import date

import pytest
from crawl_helpers import (
    by_source,
    expected_documents,
    failed_paths,
    fetched_paths,
    missing,
    query,
    run_crawl,
)
from replay.server import ReplayServer, repository_path

SINCE = ("--since", "2020-01-01")


@pytest.fixture
def replay():
    with ReplayServer() as server:
        yield server


@pytest.fixture
def home(tmp_path):
    return tmp_path / "archive"


def catalogue(replay) -> dict:
    return replay.replay.catalogue


def sru_path(replay, record_id: str, manifestation: str) -> str:
    record = next(r for r in catalogue(replay)["sru"] if r["id"] == record_id)
    return repository_path(record, manifestation, record["files"][manifestation])


def tk_path(replay, index: int) -> str:
    return f"/OData/v4/2.0/Document({catalogue(replay)['tk'][index]['Id']})/resource"


def test_first_crawl_archives_every_listed_file(replay, home):
    code, report, stderr = run_crawl(replay.url, home, *SINCE)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert "━" not in stderr  # no progress bar when the output is read by a program
    sources = by_source(report)
    assert sources["officielebekendmakingen"]["listed"] == 3
    assert sources["tweedekamer"]["listed"] == 4  # two OData pages, via @odata.nextLink
    assert sources["eurlex"]["listed"] == 6
    assert all(s["complete"] and s["failed"] == 0 for s in sources.values())
    assert missing(home, catalogue(replay)) == []
    assert failed_paths(home) == {}
    # The best manifestation only: XML where there is XML, never the HTML, PDF or ODT as well.
    requested = set(replay.document_requests())
    assert sru_path(replay, "kst-32545-143", "xml") in requested
    assert sru_path(replay, "kst-32545-143", "pdf") not in requested
    assert sru_path(replay, "kst-22112-9001", "pdf") in requested  # PDF when that is all
    # Dutch first; the replay has no Dutch page for COM(2020) 767, so English answers.
    assert "/legal-content/NL/TXT/HTML/?uri=CELEX:52020PC0767" in requested
    assert "/legal-content/EN/TXT/HTML/?uri=CELEX:52020PC0767" in requested
    assert "/robots.txt" in replay.requests


def test_second_run_with_nothing_new_makes_only_listing_requests(replay, home):
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    replay.reset_counts()
    code, report, stderr = run_crawl(replay.url, home)  # from the watermark now
    assert code == 0, stderr
    assert replay.document_requests() == []
    assert replay.listing_requests()
    # A dated listing starts at the newest date seen (inclusive): the newest record per source
    # is listed again, recognised by its version, and not fetched. EUR-Lex also lists every
    # CELEX the archived fiches cite: all of them known, none fetched.
    for entry in report["sources"]:
        expected = entry["listed"] if entry["source"] == "eurlex" else 1
        assert entry["listed"] == entry["skipped"] == expected, entry
        assert entry["fetched"] == entry["failed"] == 0


def test_a_source_crawled_for_the_first_time_lists_its_first_window_only(replay, home):
    # Kamerstukken of the Tweede Kamer were crawled before; officielebekendmakingen never was.
    # Its first listing starts FICHE_FIRST_CRAWL_DAYS back, not at the beginning of its history,
    # whatever the other sources' watermarks say.
    assert run_crawl(replay.url, home, "tweedekamer", *SINCE)[0] == 0
    days = (date.today() - date(2021, 7, 15)).days  # SRU records: 2021-07-09, -07-22, 2022
    window = ("-s", f"FICHE_FIRST_CRAWL_DAYS={days}")
    code, report, stderr = run_crawl(replay.url, home, "officielebekendmakingen", *window)
    assert code == 0, stderr
    assert f"first crawl: the last {days} days" in stderr
    assert by_source(report)["officielebekendmakingen"]["listed"] == 2


def test_a_first_crawl_window_that_is_no_number_is_refused(replay, home):
    code, _, stderr = run_crawl(replay.url, home, "-s", "FICHE_FIRST_CRAWL_DAYS=a year")
    assert code == 2
    assert "expected a number of days" in stderr
    assert "Traceback" not in stderr


def test_a_new_document_is_the_only_one_fetched(replay, home):
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    newer = dict(catalogue(replay)["tk"][0], Id="7e57d0c0-0000-4000-8000-000000000001")
    newer.update(DocumentNummer="2025D90099", ApiGewijzigdOp="2025-06-01T08:00:00.0000000Z")
    catalogue(replay)["tk"].append(newer)
    replay.reset_counts()
    code, report, _ = run_crawl(replay.url, home)
    assert code == 0
    assert replay.document_requests() == [f"/OData/v4/2.0/Document({newer['Id']})/resource"]
    assert by_source(report)["tweedekamer"]["fetched"] == 1


def test_faults_lose_nothing_and_the_next_run_completes_the_set(replay, home):
    healed_within_run = {
        sru_path(replay, "kst-32545-143", "xml"): ("503", "503"),
        sru_path(replay, "kst-32545-143", "metadata"): ("429",),
        tk_path(replay, 0): ("slow",),
        tk_path(replay, 1): ("reset",),
        "/legal-content/EN/TXT/HTML/?uri=CELEX:52025PC0006": ("truncate",),
        "startRecord=3": ("500",),  # the second SRU listing page
        "%24skip=2": ("503",),  # the second OData page
    }
    lasting = {
        sru_path(replay, "ah-tk-20202021-3235", "xml"): ("malformed",),
        tk_path(replay, 2): ("fake404",),
        "/legal-content/EN/TXT/HTML/?uri=CELEX:52025PC0011": ("500", "500", "500"),
        # More resets than retries: Twisted itself retries a request once when a reused
        # connection resets, on top of Scrapy's retries.
        tk_path(replay, 3): ("reset",) * 6,
    }
    for faults in (healed_within_run, lasting):
        for target, kinds in faults.items():
            replay.inject(target, *kinds)

    code, report, stderr = run_crawl(replay.url, home, *SINCE)
    assert code == 0, stderr  # files failing is no reason to fail the run: they are recorded
    assert "Traceback" not in stderr
    assert missing(home, catalogue(replay)) == []
    failures = failed_paths(home)
    assert set(failures) == {target for target in lasting}
    assert failures[sru_path(replay, "ah-tk-20202021-3235", "xml")] == "malformed XML"
    assert "niet gevonden" in failures[tk_path(replay, 2)]
    assert failures["/legal-content/EN/TXT/HTML/?uri=CELEX:52025PC0011"] == "HTTP 500"
    assert sum(s["failed"] for s in report["sources"]) == 4
    # The retries happened: three requests for the file that failed twice with 503.
    assert replay.requests.count(sru_path(replay, "kst-32545-143", "xml")) == 3

    replay.clear_faults()
    replay.reset_counts()
    code, report, stderr = run_crawl(replay.url, home)
    assert code == 0, stderr
    assert failed_paths(home) == {}
    assert {stored for stored, _ in expected_documents(catalogue(replay))} <= fetched_paths(home)
    # Only what failed is fetched again (the malformed record's metadata.xml with it).
    assert set(replay.document_requests()) == set(lasting) | {
        sru_path(replay, "ah-tk-20202021-3235", "metadata")
    }


def test_unchanged_files_are_answered_304_when_records_must_be_checked_again(replay, home):
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    query(home, "DELETE FROM crawl_state WHERE key LIKE 'seen:%'")  # forget record versions
    code, report, _ = run_crawl(replay.url, home, *SINCE)
    assert code == 0
    # conditional GETs, all 304: the 15 listed files and the Council votes dump
    assert sum(s["unchanged"] for s in report["sources"]) == 15 + 1
    assert by_source(report)["consilium"]["unchanged"] == 1
    assert sum(s["fetched"] for s in report["sources"]) == 0


def test_unreachable_source_fails_with_one_clear_line(home):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    code, report, stderr = run_crawl(f"http://127.0.0.1:{port}", home, "tweedekamer")
    assert code == 1
    assert "Traceback" not in stderr
    line = next(line for line in stderr.splitlines() if line.startswith("error:"))
    assert f"127.0.0.1:{port}/OData/v4/2.0/Document" in line
    assert "tweedekamer: cannot list" in line


def test_a_source_that_suddenly_lists_nothing_is_reported_loudly(replay, home):
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    watermark = query(home, "SELECT value FROM crawl_state WHERE key = 'watermark'")
    replay.replay.silent = True
    code, report, stderr = run_crawl(replay.url, home)
    assert code == 1
    assert "warning: officielebekendmakingen listed nothing" in stderr
    assert query(home, "SELECT value FROM crawl_state WHERE key = 'watermark'") == watermark


def test_stats_shows_per_source_crawl_figures(replay, home):
    replay.inject(tk_path(replay, 2), "fake404")
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    from cli_helpers import run_json

    stats = {s["source"]: s for s in run_json("stats", home=home)["sources"]}
    assert stats["tweedekamer"]["failures"] == 1
    assert stats["tweedekamer"]["files"] == 3
    assert stats["officielebekendmakingen"]["files"] == 5
    assert stats["eurlex"]["last_crawl"]


def test_a_crawled_document_is_parsed_with_its_metadata_xml(replay, home):
    """The SRU record's metadata.xml (the publisher's record) fills what the XML lacks: the
    full title of the motie, whichever of the two files arrives first."""
    assert run_crawl(replay.url, home, *SINCE)[0] == 0
    title = query(home, "SELECT title FROM documents WHERE id = 'kst-32545-143'")[0][0]
    assert title.startswith("Motie van de leden Inge van Dijk en Grinwis over")


def test_a_crawl_killed_halfway_resumes_where_it_stopped(replay, home):
    """SIGKILL in the middle of a crawl: what was archived stays, the next run completes the
    set, and records finished before the kill are not fetched again."""
    import os
    import signal
    import subprocess
    import time

    from cli_helpers import ROOT
    from crawl_helpers import crawl_command

    for index in range(len(catalogue(replay)["tk"])):  # slow down the Tweede Kamer files
        replay.inject(tk_path(replay, index), "slow")
    process = subprocess.Popen(
        crawl_command(replay.url, home, "tweedekamer", "officielebekendmakingen", *SINCE),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        if (home / "archive.sqlite").exists() and stored_documents(home) >= 3:
            break
        time.sleep(0.1)
    assert process.poll() is None, "the crawl ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = fetched_paths(home)
    assert before, "nothing was archived before the kill"

    replay.clear_faults()
    replay.reset_counts()
    code, _, stderr = run_crawl(replay.url, home, "tweedekamer", "officielebekendmakingen", *SINCE)
    assert code == 0, stderr
    assert missing(home, {**catalogue(replay), "eurlex": []}) == []
    refetched = set(replay.document_requests()) & before
    assert len(refetched) < len(before), "the second run started over"


def stored_documents(home) -> int:
    try:
        return query(home, "SELECT COUNT(*) FROM documents")[0][0]
    except Exception:  # the archive is being created
        return 0

"""Run `fiche-search crawl` against the replay in a subprocess (a fresh Twisted reactor each
time), with politeness off, short timeouts and bounded retries, and read back what it archived."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from cli_helpers import ROOT

FAST = [
    "-s", "FICHE_POLITE=0",
    "-s", "DOWNLOAD_TIMEOUT=2",
    "-s", "RETRY_TIMES=2",
    "-s", "FICHE_BACKOFF_MAX=0.2",
    # The replay holds no Cellar notices for the fiches it lists: the procedure crawl is
    # tested on its own (test_crawl_procedures.py), with the notices the corpus has.
    "-s", "FICHE_EURLEX_PROCEDURES=0",
]  # fmt: skip


def crawl_command(base_url: str, home: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "cli.main", "crawl", *args,
        "--base-url", base_url, "--home", str(home), "--json", *FAST,
    ]  # fmt: skip


def run_crawl(base_url: str, home: Path, *args: str) -> tuple[int, dict | None, str]:
    result = subprocess.run(
        crawl_command(base_url, home, *args),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    report = json.loads(result.stdout) if result.stdout.strip() else None
    return result.returncode, report, result.stderr


def by_source(report: dict) -> dict[str, dict]:
    return {entry["source"]: entry for entry in report["sources"]}


def query(home: Path, sql: str, *params) -> list[tuple]:
    db = sqlite3.connect(home / "archive.sqlite")
    try:
        with db:
            return db.execute(sql, params).fetchall()
    finally:
        db.close()


def fetched_paths(home: Path) -> set[str]:
    return {path_of(url) for (url,) in query(home, "SELECT location FROM fetches")}


def failed_paths(home: Path) -> dict[str, str]:
    rows = query(home, "SELECT url, reason FROM crawl_failures")
    return {path_of(url): reason for url, reason in rows}


def path_of(url: str) -> str:
    """The request target (path and query) of a replay URL."""
    return "/" + url.split("/", 3)[3] if url.startswith("http") else url


def expected_documents(catalogue: dict) -> list[tuple[str, str]]:
    """(path the file is stored under, path a failure is recorded under) for every file the
    replay lists: the best SRU manifestation and its metadata.xml, each TK resource, and each
    EUR-Lex text (Dutch first: a failure is recorded under the Dutch URL when Dutch exists)."""
    from replay.server import repository_path

    expected = []
    for record in catalogue["sru"]:
        files = record["files"]
        best = next(m for m in ("xml", "html", "pdf") if m in files)
        for manifestation in [best] + (["metadata"] if "metadata" in files else []):
            path = repository_path(record, manifestation, files[manifestation])
            expected.append((path, path))
    for document in catalogue["tk"]:
        path = f"/OData/v4/2.0/Document({document['Id']})/resource"
        expected.append((path, path))
    for work in catalogue["eurlex"]:
        first = "NL" if "NLD" in work["languages"] else "EN"
        stored = "NL" if "NL" in work["texts"] else "EN"
        text = "/legal-content/{}/TXT/HTML/?uri=CELEX:" + work["celex"]
        expected.append((text.format(stored), text.format(first)))
    return expected


def missing(home: Path, catalogue: dict) -> list[str]:
    """Listed files neither in the archive nor in crawl_failures: must always be empty."""
    fetched, failed = fetched_paths(home), failed_paths(home)
    return [
        stored
        for stored, failure in expected_documents(catalogue)
        if stored not in fetched and failure not in failed
    ]

"""Run the real `fiche-search` command in a subprocess, as a user would."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str, home: Path | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("FICHE_BACKEND", None)
    if home is not None:
        env["FICHE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def run_json(*args: str, home: Path) -> dict | list:
    result = run_cli(*args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def documents_in(home: Path) -> int:
    """Documents committed to the archive in `home` so far (0 before it exists)."""
    if not (home / "archive.sqlite").exists():
        return 0
    db = sqlite3.connect(home / "archive.sqlite", timeout=30)
    try:
        return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def import_killed_midway(source: Path, home: Path, after_documents: int) -> int:
    """Start `fiche-search import SOURCE`, SIGKILL it once `after_documents` documents are
    committed, and check the archive it leaves still passes SQLite's integrity check.
    Returns the documents committed before the kill."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "import", str(source)],
        cwd=ROOT,
        env=dict(os.environ, FICHE_HOME=str(home)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while (
        documents_in(home) < after_documents
        and time.monotonic() < deadline
        and process.poll() is None
    ):
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    db = sqlite3.connect(home / "archive.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    return documents_in(home)

"""Run the real `fiche-search` command in a subprocess, as a user would."""

import json
import os
import sqlite3
import subprocess
import sys
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

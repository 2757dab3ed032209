"""Run the real `fiche-search` command: in a subprocess, as a user would (`run_cli`), or the
same entry point in this process (`run_cli_here`), where the process itself is not tested."""

import contextlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path

import click.formatting
from click.testing import CliRunner

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


def run_cli_here(*args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    """`run_cli` without starting an interpreter (and spaCy's model, the word list...) again:
    cli.main.main() with the same argv, environment ($FICHE_BACKEND removed, $FICHE_HOME set)
    and working directory, stdout and stderr read as `run_cli` reads them (UTF-8, universal
    newlines), --help as wide; only the program's name in --help differs. The exit code is
    SystemExit's, as the interpreter makes it; an exception that escapes main() prints its
    traceback on stderr and gives 1, as it would in a process.

    Not for tests of the process itself: a kill, a lock held by another process, settings read
    once at import time (such as $FICHE_DUTCH_WORDS), or the environment of a fresh process."""
    from cli.main import main

    env: dict[str, str | None] = {"FICHE_BACKEND": None}
    if home is not None:
        env["FICHE_HOME"] = str(home)
    argv = ["fiche-search", *map(str, args)]
    saved_argv, saved_cwd = sys.argv, os.getcwd()
    width = click.formatting.FORCED_WIDTH
    with CliRunner().isolation(env=env) as (stdout, stderr, _):
        click.formatting.FORCED_WIDTH = width  # help as wide as in a process, not 80
        sys.argv = argv
        os.chdir(ROOT)
        try:
            main()
            code = 0
        except SystemExit as exit:
            if exit.code is None or isinstance(exit.code, int):
                code = exit.code or 0
            else:  # sys.exit("message"): printed on stderr, exit code 1
                print(exit.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            sys.argv = saved_argv
            os.chdir(saved_cwd)
            with contextlib.suppress(ValueError):
                sys.stdout.flush()
                sys.stderr.flush()
        out, err = _as_text(stdout.getvalue()), _as_text(stderr.getvalue())
    return subprocess.CompletedProcess(argv, code, out, err)


def _as_text(data: bytes) -> str:
    """As subprocess.run(text=True) decodes: UTF-8 here, with universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()


def run_json(*args: str, home: Path, exit_code: int = 0) -> dict | list:
    """The command's JSON output, after checking its exit code (1: an import of which some
    file failed, the report still printed)."""
    result = run_cli(*args, "--json", home=home)
    assert result.returncode == exit_code, result.stderr
    return json.loads(result.stdout)


def run_json_here(*args: str, home: Path, exit_code: int = 0) -> dict | list:
    """`run_json` in this process (see run_cli_here)."""
    result = run_cli_here(*args, "--json", home=home)
    assert result.returncode == exit_code, result.stderr
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

"""What every command needs: the archive folder, the backend, and one way to fail."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click
from rich.markup import escape

from fiche_search import ArchiveTooNew, BackendUnavailable, StorageError, printable
from fiche_search.api import FicheSearch, archive_exists, default_home

BACKENDS = ("embedded", "elasticsearch", "opensearch")
FILL_IT = (
    "Fill it first:\n"
    "  fiche-search import --sample  (a few real documents shipped with fiche-search)\n"
    "  fiche-search crawl            (fetch from the official sources)\n"
    "  fiche-search import PATH...   (your own files or folders)"
)


def home_option(command):
    return click.option(
        "--home",
        type=click.Path(file_okay=False),
        default=None,
        help="Archive folder (default: $FICHE_HOME or the user data directory).",
    )(command)


def json_option(help: str = "Print it as JSON, for scripts."):
    """--json on every command that prints something a script reads: the same name, the same
    `as_json` parameter; `help` says what comes out."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def csv_option(help: str = "CSV, one row per line of the output."):
    """--csv, beside --json where the output is a table: the `as_csv` parameter."""
    return click.option("--csv", "as_csv", is_flag=True, help=help)


def backend_options(command):
    command = click.option(
        "--es-url",
        default=None,
        help="Cluster URL for elasticsearch/opensearch (default: $FICHE_ES_URL).",
    )(command)
    return click.option(
        "--backend",
        type=click.Choice(BACKENDS),
        default=None,
        help="Search backend (default: $FICHE_BACKEND or embedded).",
    )(command)


def fail(message: str, code: int = 1):
    # a message may name a file or quote a server: its control characters shown escaped (its
    # own line breaks, such as the hint of FILL_IT, stay)
    click.echo(f"error: {printable(message)}", err=True)
    sys.exit(code)


def with_group_options(
    home: str | None, backend: str | None, es_url: str | None
) -> tuple[str | None, str | None, str | None]:
    """--home, --backend and --es-url given before the command (`fiche-search --home DIR
    stats`) count as given after it; after it they win."""
    context = click.get_current_context(silent=True)
    given = (context.find_root().obj if context else None) or {}
    return home or given.get("home"), backend or given.get("backend"), es_url or given.get("es_url")


def did_you_mean() -> str:
    """' Did you mean `fiche-search stats`?' when the first word was close to a command
    name (cli.main.DefaultToSearch), else ''."""
    context = click.get_current_context(silent=True)
    guess = context.meta.get("did_you_mean") if context else None
    return f" Did you mean `fiche-search {guess}`?" if guess else ""


def existing_archive(home: str | None) -> Path | None:
    """The archive folder of a command that only reads (search, show, ...), never created:
    a folder that does not exist ends the command (exit 1) naming it; a folder without an
    archive in it is None (nothing to read)."""
    home, _, _ = with_group_options(home, None, None)
    folder = Path(home).expanduser() if home else default_home()
    if not folder.is_dir():
        fail(f"no archive in {folder}: that folder does not exist.{did_you_mean()}\n{FILL_IT}")
    return folder if archive_exists(folder) else None


def open_api(
    home: str | None,
    backend: str | None,
    es_url: str | None,
    fresh: bool = False,
    existing: bool = False,
) -> FicheSearch:
    """The archive and its backend through the Python API; an archive or index that cannot
    be opened ends the command with one line saying why. `existing`: a command that only
    reads, which never creates an archive (existing_archive)."""
    api = open_archive_api(home, backend, es_url, existing)
    try:
        api.open_backend(fresh)  # now, so a missing cluster fails before any work
    except BackendUnavailable as error:
        api.close()
        fail(str(error))
    return api


def open_archive_api(
    home: str | None,
    backend: str | None = None,
    es_url: str | None = None,
    existing: bool = False,
) -> FicheSearch:
    """The Python API on the archive alone: the index opens on first use, so a command that
    only reads the archive (proposal) works without one. `existing`: a command that only
    reads, which never creates an archive (existing_archive)."""
    home, backend, es_url = with_group_options(home, backend, es_url)
    folder = Path(home).expanduser() if home else default_home()
    if existing and existing_archive(str(folder)) is None:
        fail(f"no archive in {folder}.{did_you_mean()}\n{FILL_IT}")
    try:
        return FicheSearch(folder, backend, es_url)
    except (ArchiveTooNew, StorageError) as error:  # StorageError: a full disk, with the free space
        fail(str(error))
    except OSError as error:
        fail(f"cannot open the archive in {folder}: {error.strerror or error}")
    except Exception as error:  # a corrupt or foreign SQLite file
        fail(f"cannot open the archive in {folder}: {error}")


def shown(value: object) -> str:
    """A value from a document for a rich console: control characters shown escaped (no ESC
    reaches the terminal) and rich's markup escaped."""
    return escape(printable(str(value)))


# DEL and the C1 controls, which JSON leaves as they are and some terminals obey (\x9b: CSI);
# the lone surrogates a file name that is no UTF-8 holds, which no terminal can be sent.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(payload: object) -> str:
    """JSON for the terminal or a pipe: every control character as a \\u escape."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)

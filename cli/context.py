"""What every command needs: the archive folder, the backend, and one way to fail."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from fiche_search.api import FicheSearch, default_home
from index.backends import BackendUnavailable

BACKENDS = ("embedded", "elasticsearch", "opensearch")


def home_option(command):
    return click.option(
        "--home",
        type=click.Path(file_okay=False),
        default=None,
        help="Archive folder (default: $FICHE_HOME or the user data directory).",
    )(command)


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
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def open_api(
    home: str | None, backend: str | None, es_url: str | None, fresh: bool = False
) -> FicheSearch:
    """The archive and its backend through the Python API; an archive or index that cannot
    be opened ends the command with one line saying why."""
    api = open_archive_api(home, backend, es_url)
    try:
        api.open_backend(fresh)  # now, so a missing cluster fails before any work
    except BackendUnavailable as error:
        api.close()
        fail(str(error))
    return api


def open_archive_api(
    home: str | None, backend: str | None = None, es_url: str | None = None
) -> FicheSearch:
    """The Python API on the archive alone: the index opens on first use, so a command that
    only reads the archive (proposal) works without one."""
    folder = Path(home) if home else default_home()
    try:
        return FicheSearch(folder, backend, es_url)
    except OSError as error:
        fail(f"cannot open the archive in {folder}: {error.strerror or error}")
    except Exception as error:  # a corrupt or foreign SQLite file
        fail(f"cannot open the archive in {folder}: {error}")

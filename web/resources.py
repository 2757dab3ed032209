"""What a request needs: the archive and the search backend, opened per request.

Opening both takes a few milliseconds; in return every request sees the latest import or
crawl, and no SQLite connection is shared between the server's threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fiche_search.api import FicheSearch
from index.archive import Archive
from index.backends import open_backend
from index.search import SearchBackend


@dataclass(frozen=True)
class Resources:
    home: Path
    backend: str = "embedded"
    es_url: str = ""

    @contextmanager
    def archive(self) -> Iterator[Archive]:
        archive = Archive(self.home)
        try:
            yield archive
        finally:
            archive.close()

    @contextmanager
    def api(self) -> Iterator[FicheSearch]:
        """The Python API on this archive: the search page uses what the CLI uses."""
        api = FicheSearch(self.home, self.backend, self.es_url)
        try:
            yield api
        finally:
            api.close()

    @contextmanager
    def archive_and_backend(self) -> Iterator[tuple[Archive, SearchBackend]]:
        with self.archive() as archive:
            backend = open_backend(self.backend, archive.index_dir, self.es_url)
            try:
                yield archive, backend
            finally:
                backend.close()

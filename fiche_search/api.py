"""The Python API: one archive folder, its search backend, and everything a user does with
them. The CLI (cli/) and the web interface (web/) are thin layers over this class: the same
arguments, the same validation, the same errors (QueryError for a bad query or filter value,
BackendUnavailable for an index that cannot be opened)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from platformdirs import user_data_dir

from index.archive import Archive
from index.backends import BackendUnavailable, open_backend
from index.export import FORMATS, ExportReport, export_archive
from index.filters import FILTER_NAMES, Filters, QueryError
from index.importer import Importer, ImportReport, Progress
from index.output import archive_summary
from index.proposals import ProposalTimeline
from index.proposals import proposal as proposal_timeline
from index.query import ParsedQuery, parse_query
from index.search import DocumentHit, SearchBackend, SearchRequest, SearchResults, SectionHit
from index.stance_counts import StanceCounts, count_stances
from parsers import Document

__all__ = [
    "BackendUnavailable",
    "Document",
    "DocumentHit",
    "ExportReport",
    "FicheSearch",
    "ImportReport",
    "QueryError",
    "SearchResults",
    "SectionHit",
    "StanceCounts",
    "default_home",
    "open",
]

SORTS = ("relevance", "date")
MAX_LIMIT = 1000
MAX_PAGE = 100_000
SAMPLE = Path(__file__).parent / "sample"
FilterValue = str | int | Iterable[str | int]


def default_home() -> Path:
    return Path(os.environ.get("FICHE_HOME") or user_data_dir("fiche-search"))


def open(  # noqa: A001 - fiche_search.open(home), as the README shows
    home: str | Path | None = None, backend: str | None = None, es_url: str | None = None
) -> FicheSearch:
    """The archive in `home` (default: $FICHE_HOME or the user data directory), searched with
    `backend` (default: $FICHE_BACKEND or embedded; a cluster at `es_url` or $FICHE_ES_URL)."""
    return FicheSearch(home, backend, es_url)


def filters_from_arguments(arguments: dict[str, FilterValue | None]) -> Filters:
    """Keyword arguments (section="subsidiariteit", year=[2021, 2022]) -> checked Filters."""
    filters = Filters()
    for name, value in arguments.items():
        if name not in FILTER_NAMES:
            raise TypeError(f"unknown filter {name!r}; filters are: {', '.join(FILTER_NAMES)}")
        if value is None or value == "":
            continue
        values = [value] if isinstance(value, str | int) else list(value)
        for one in values:
            filters.add(name, str(one))
    return filters


class FicheSearch:
    def __init__(
        self,
        home: str | Path | None = None,
        backend: str | None = None,
        es_url: str | None = None,
    ):
        self.home = Path(home).expanduser() if home else default_home()
        self.archive = Archive(self.home)
        self.backend_name = backend or os.environ.get("FICHE_BACKEND") or "embedded"
        self.es_url = es_url or os.environ.get("FICHE_ES_URL") or ""
        self._backend: SearchBackend | None = None

    # --- plumbing ------------------------------------------------------------------------

    @property
    def backend(self) -> SearchBackend:
        """Opened on first use: showing a document or exporting needs no index."""
        return self._backend or self.open_backend()

    def open_backend(self, fresh: bool = False) -> SearchBackend:
        """`fresh`: about to be rebuilt, so an index of an older layout is removed, not refused."""
        if self._backend is not None:
            self._backend.close()
        self._backend = open_backend(self.backend_name, self.archive.index_dir, self.es_url, fresh)
        return self._backend

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None
        self.archive.close()

    def __enter__(self) -> FicheSearch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def query(self, query: str = "", **filters: FilterValue | None) -> ParsedQuery:
        """QUERY and filters parsed and checked; a bad one raises QueryError."""
        return parse_query(query, filters_from_arguments(filters))

    # --- reading -------------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        *,
        limit: int = 10,
        page: int = 1,
        sort: str = "relevance",
        raw: bool = False,
        **filters: FilterValue | None,
    ) -> SearchResults:
        """Matching documents, best section first, with facets. `raw`: QUERY in the backend's
        own syntax."""
        return self.backend.search(self.request(query, limit, page, sort, raw, **filters))

    def explain(self, query: str = "", *, raw: bool = False, **filters: FilterValue | None) -> str:
        """The query that runs, readable and in the backend's own terms."""
        return self.backend.explain(self.request(query, raw=raw, **filters))

    def request(
        self,
        query: str = "",
        limit: int = 10,
        page: int = 1,
        sort: str = "relevance",
        raw: bool = False,
        **filters: FilterValue | None,
    ) -> SearchRequest:
        if sort not in SORTS:
            raise QueryError(f"bad sort {sort!r}: use one of {', '.join(SORTS)}")
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"bad limit {limit}: use a number from 1 to {MAX_LIMIT}")
        if not 1 <= page <= MAX_PAGE:
            raise QueryError(f"bad page {page}: use a number from 1 to {MAX_PAGE}")
        parsed = self.query("" if raw else query, **filters)
        return SearchRequest(
            query=parsed,
            sort=sort,
            limit=limit,
            offset=(page - 1) * limit,
            raw=query if raw else None,
        )

    def document(self, doc_id: str) -> Document | None:
        return self.archive.document(doc_id)

    def stances(
        self, query: str = "", by: str = "year", **filters: FilterValue | None
    ) -> StanceCounts:
        """Aspect-stance counts of the fiches that match, per year or ministerie."""
        return count_stances(self.backend, self.query(query, **filters), by)

    def matching_documents(self, query: str = "", **filters: FilterValue | None) -> list[str]:
        return self.backend.matching_documents(self.query(query, **filters))

    def stats(self) -> dict:
        return archive_summary(self.archive)

    def proposal(self, ref: str) -> ProposalTimeline:
        """One EU proposal: its fiches, documents and procedure in date order, the latest
        position per aspect and its changes. A malformed REF raises MalformedRef, one no
        archived document names raises UnknownProposal."""
        return proposal_timeline(self.archive, ref)

    # --- writing -------------------------------------------------------------------------

    def import_paths(
        self, paths: Iterable[str | Path], progress: Progress | None = None
    ) -> ImportReport:
        """Archive and index local files or folders; `progress(stage, done, total)`."""
        return Importer(self.archive, self.backend, progress).import_paths(paths)

    def import_sample(self, progress: Progress | None = None) -> ImportReport:
        """The real public documents shipped with the package (a Woo release, a BNC-fiche,
        a Kamerstuk, an EU proposal): a first look without any download."""
        return self.import_paths([SAMPLE], progress)

    def reparse(self, everything: bool = False, progress: Progress | None = None) -> ImportReport:
        return Importer(self.archive, self.backend, progress).reparse(everything)

    def reindex(self, progress: Progress | None = None) -> int:
        return Importer(self.archive, self.open_backend(fresh=True), progress).reindex()

    def export(
        self,
        directory: str | Path,
        format: str = "parquet",  # noqa: A002 - the name users know from --format
        query: str = "",
        changed_since: str = "",
        progress: Callable[[int, int], None] | None = None,
        **filters: FilterValue | None,
    ) -> ExportReport:
        """documents, sections, stances and links as four tables joined on the document id.
        QUERY and filters narrow the documents (through the index); `changed_since` takes
        those stored or changed on or after that date (an incremental export)."""
        if format not in FORMATS:
            raise QueryError(f"bad format {format!r}: use one of {', '.join(FORMATS)}")
        changed = Filters()
        if changed_since:
            changed.add("since", changed_since)  # the same date check as the date filters
        ids = self.archive.document_ids(changed.since)
        parsed = self.query(query, **filters)
        if parsed.text is not None or not parsed.filters.is_empty():
            wanted = set(self.backend.matching_documents(parsed))
            ids = [doc_id for doc_id in ids if doc_id in wanted]
        return export_archive(self.archive, Path(directory), format, ids, progress)

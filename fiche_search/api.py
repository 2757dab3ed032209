"""The Python API: one archive folder, its search backend, and everything a user does with
them. The CLI (cli/) and the web interface (web/) are thin layers over this class: the same
arguments, the same validation, the same errors (QueryError for a bad query or filter value,
BackendUnavailable for an index that cannot be opened)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from platformdirs import user_data_dir

from index.archive import DATABASE, Archive, SourceStats
from index.backends import BackendUnavailable, open_backend
from index.export import FORMATS, ExportReport, export_archive
from index.filters import FILTER_NAMES, UNDATED, Filters, QueryError
from index.importer import Importer, ImportReport, Progress
from index.output import archive_summary
from index.proposals import ProposalTimeline, proposal_refs
from index.proposals import proposal as proposal_timeline
from index.query import ParsedQuery, parse_query
from index.references import Citation, cited_by, cites
from index.related import Related, related_documents
from index.search import (
    DocumentHit,
    SearchBackend,
    SearchRequest,
    SearchResults,
    SectionHit,
    resolve_filter_values,
)
from index.stance_counts import StanceCounts, count_stances
from index.watches import Alert, Watch, WatchError, WatchStore
from parsers import Document

__all__ = [
    "Alert",
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
    "Watch",
    "WatchError",
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


def archive_exists(home: str | Path | None = None) -> bool:
    """Whether `home` (default: default_home()) holds an archive, without creating one."""
    folder = Path(home).expanduser() if home else default_home()
    return (folder / DATABASE).is_file()


def open(  # noqa: A001 - fiche_search.open(home), as the README shows
    home: str | Path | None = None, backend: str | None = None, es_url: str | None = None
) -> FicheSearch:
    """The archive in `home` (default: $FICHE_HOME or the user data directory), searched with
    `backend` (default: $FICHE_BACKEND or embedded; a cluster at `es_url` or $FICHE_ES_URL)."""
    return FicheSearch(home, backend, es_url)


def filters_from_arguments(arguments: dict[str, FilterValue | bool | None]) -> Filters:
    """Keyword arguments (section="subsidiariteit", year=[2021, 2022]) -> checked Filters.
    `undated=True` is `year="none"`: the documents without a date."""
    filters = Filters()
    for name, value in arguments.items():
        if name == "undated":
            if value:
                filters.add("year", UNDATED)
            continue
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
        """QUERY and filters parsed and checked; a bad one raises QueryError. Filter values
        are read as typed (case and accents aside) against the values in the index; one that
        no document has is kept, with a hint naming those that exist (`hints`)."""
        parsed = parse_query(query, filters_from_arguments(filters))
        parsed.hints = resolve_filter_values(parsed.filters, self.backend)
        return parsed

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
        own syntax. `hints`: filter values no document has, and the values that exist."""
        request = self.request(query, limit, page, sort, raw, **filters)
        results = self.backend.search(request)
        results.hints = request.query.hints
        return results

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

    def sources(self) -> list[SourceStats]:
        """Per source: documents, files, the last fetch and crawl, crawl failures."""
        return self.archive.source_stats()

    def related(self, doc: Document) -> Related:
        """The Commission proposal a fiche assesses, the fiches of a proposal, and the
        documents that share its COM or CELEX numbers."""
        return related_documents(self.archive, doc)

    def cites(self, doc: Document) -> list[Citation]:
        """The archived documents this document refers to."""
        return cites(self.archive, doc)

    def cited_by(self, doc: Document) -> list[Citation]:
        """The archived documents that refer to this document."""
        return cited_by(self.archive, doc)

    def proposal_refs(self, doc: Document) -> list[str]:
        """The EU proposals this document belongs to, as `proposal` takes them."""
        return proposal_refs(self.archive, doc)

    def proposal(self, ref: str) -> ProposalTimeline:
        """One EU proposal: its fiches, documents and procedure in date order, the latest
        position per aspect and its changes. A malformed REF raises MalformedRef, one no
        archived document names raises UnknownProposal."""
        return proposal_timeline(self.archive, ref)

    # --- saved searches ------------------------------------------------------------------

    def watches(self) -> list[Watch]:
        return self._watch_store().all()

    def watch(self, name: str) -> Watch | None:
        return self._watch_store().get(name)

    def add_watch(
        self,
        name: str,
        query: str = "",
        *,
        proposal: str = "",
        include_existing: bool = False,
        **filters: FilterValue | None,
    ) -> int:
        """Save QUERY and filters under NAME, or follow one PROPOSAL (a COM, CELEX, procedure
        or document id); returns how many documents are known now (`run_watches` reports
        only newer ones, unless `include_existing`). A bad query raises QueryError, a bad
        name, a taken name or a bad proposal WatchError."""
        if bool(query.strip()) == bool(proposal):
            raise WatchError("give a QUERY or a proposal (one of the two)")
        chosen = filters_from_arguments(filters)
        if proposal and chosen != Filters():
            raise WatchError(
                "filters narrow a QUERY; a proposal watch follows every document of the proposal"
            )
        watch = Watch(name=name, query=query, filters=chosen, proposal=proposal)
        return self._watch_store().add(watch, self.backend, include_existing)

    def remove_watch(self, name: str) -> None:
        """Delete a saved search and what it remembers; WatchError if there is none."""
        self._watch_store().remove(name)

    def run_watches(self, names: Iterable[str] = ()) -> dict[str, list[Alert]]:
        """The documents that newly match each saved search (or only NAMES), remembered so
        that the next run does not report them again. An unknown name raises WatchError."""
        store = self._watch_store()
        watches = store.all()
        wanted = set(names)
        unknown = wanted - {w.name for w in watches}
        if unknown:
            raise WatchError(f"no watch named {', '.join(sorted(unknown))}")
        report = {}
        for watch in watches:
            if wanted and watch.name not in wanted:
                continue
            try:
                report[watch.name] = store.run(watch, self.backend)
            except QueryError as error:  # the query language got stricter since it was saved
                raise QueryError(f"watch {watch.name!r} has a bad query: {error}") from None
        return report

    def alerts(self, name: str, limit: int = 100) -> list[Alert]:
        """The latest documents a saved search reported, newest first."""
        return self._watch_store().alerts(name, limit)

    def _watch_store(self) -> WatchStore:
        return WatchStore(self.archive)

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

"""The Python API: one archive folder, its search backend, and everything a user does with
them. The CLI (cli/) and the web interface (web/) are thin layers over this class: the same
arguments, the same validation, the same errors (QueryError for a bad query or filter value,
BackendUnavailable for an index that cannot be opened)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from crawler.progress import SourceSummary
from fiche_search.notebook import (
    Document,
    Proposal,
    Results,
    Stances,
    as_document,
    as_proposal,
    as_results,
    as_stances,
)
from index.archive.database import DATABASE, Archive
from index.archive.importer import Importer, ImportReport, Progress
from index.archive.statistics import SourceStats
from index.archive.storage import writing
from index.features.export import (
    FORMATS,
    TABLES,
    ExportReport,
    arrow_tables,
    document_row,
    export_archive,
)
from index.features.output import archive_summary
from index.features.proposals import proposal as proposal_timeline
from index.features.proposals import proposal_refs
from index.features.references import Citation, cited_by, cites, resolve_targets
from index.features.related import Related, related_documents
from index.features.stance_counts import StanceCounts, count_stances
from index.features.vote_rows import VoteFilters, VoteRow, vote_rows
from index.features.watches import Alert, Watch, WatchError, WatchStore
from index.search.backends import BackendUnavailable, open_backend
from index.search.contract import (
    DocumentHit,
    SearchBackend,
    SearchRequest,
    SearchResults,
    SectionHit,
    resolve_filter_values,
)
from index.search.filters import FILTER_NAMES, UNDATED, Filters, QueryError
from index.search.query import ParsedQuery, parse_query

__all__ = [
    "Alert",
    "BackendUnavailable",
    "Document",
    "DocumentHit",
    "DocumentNotFound",
    "ExportReport",
    "FicheSearch",
    "ImportReport",
    "Proposal",
    "QueryError",
    "Results",
    "SearchResults",
    "SectionHit",
    "StanceCounts",
    "Stances",
    "Watch",
    "WatchError",
    "default_home",
    "open",
]

SORTS = ("relevance", "date")
MAX_LIMIT = 1000
MAX_PAGE = 100_000
SEARCH_SECONDS = 10.0  # how long the web waits for one search (web/app.py)
SAMPLE = Path(__file__).parent / "sample"
FilterValue = str | int | Iterable[str | int]


class DocumentNotFound(LookupError):
    """No document with this id in the archive."""

    def __init__(self, doc_id: str):
        super().__init__(
            f"no document {doc_id!r} in the archive (search for it, or `fiche-search stats`)"
        )
        self.doc_id = doc_id


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


def _listed(value: str | Iterable[str]) -> list[str]:
    """One value or several, as a list."""
    return [value] if isinstance(value, str) else list(value)


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


@dataclass
class Connections:
    cites: list[Citation]  # the archived documents this document refers to
    cited_by: list[Citation]  # the archived documents that refer to it
    related: Related
    proposals: list[str]  # the EU proposals it belongs to, as `proposal` takes them


@dataclass
class CrawlReport:
    sources: list[SourceSummary]  # one per source crawled, in the order asked
    indexed: int  # documents indexed
    # per source, the crawl failures still open: (url, source, reason, attempts)
    open_failures: dict[str, list[tuple[str, str, str, int]]]


class FicheSearch:
    def __init__(
        self,
        home: str | Path | None = None,
        backend: str | None = None,
        es_url: str | None = None,
    ):
        self.home = Path(home).expanduser() if home else default_home()
        with writing(self.home, "The archive could not be opened."):
            self.archive = Archive(self.home)
        self.backend_name = backend or os.environ.get("FICHE_BACKEND") or "embedded"
        self.es_url = es_url or os.environ.get("FICHE_ES_URL") or ""
        self._backend: SearchBackend | None = None
        self._closed = False

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
        self._closed = True

    def __repr__(self) -> str:
        documents = self.archive.statistics.count("documents")
        return f"<FicheSearch {self.home}: {documents} documents, {self.backend_name} index>"

    def _repr_html_(self) -> str:
        import html

        types = self.archive.statistics.doc_type_counts()
        rows = "".join(
            f"<tr><td>{html.escape(kind or '(none)')}</td><td>{n}</td></tr>"
            for kind, n in types.items()
        )
        return (
            f"<div><strong>fiche-search archive</strong> {html.escape(str(self.home))}, "
            f"{sum(types.values())} documents, {html.escape(self.backend_name)} index"
            f"<table><thead><tr><th>type</th><th>documents</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )

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
    ) -> Results:
        """Matching documents, best section first, with facets. `raw`: QUERY in the backend's
        own syntax. `hints`: filter values no document has, and the values that exist.
        `.to_pandas()` on the results: one row per hit of the page, with the document's
        columns of the export."""
        request = self.request(query, limit, page, sort, raw, **filters)
        results = self.backend.search(request)
        results.hints = request.query.hints
        return as_results(results, self._document_rows)

    def _document_rows(self, doc_ids: list[str]) -> dict[str, dict]:
        """The export rows of these documents: what `Results.to_pandas()` adds to the hits,
        read when asked for (from a fresh connection once this archive is closed)."""
        archive = Archive(self.home) if self._closed else self.archive
        try:
            updated = archive.updated_at(doc_ids)
            documents = archive.documents(doc_ids)
            return {d.id: document_row(d, updated.get(d.id, "")) for d in documents}
        finally:
            if archive is not self.archive:
                archive.close()

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

    def document(self, doc_id: str) -> Document:
        """The archived document, its links resolved to the archived documents they point at
        (`target_id`, as in the export). An unknown id raises DocumentNotFound."""
        doc = self.archive.document(doc_id)
        if doc is None:
            raise DocumentNotFound(doc_id)
        resolve_targets(self.archive, [doc])
        return as_document(doc)

    def has_document(self, doc_id: str) -> bool:
        return bool(self.archive.refs([doc_id]))

    def stances(self, query: str = "", by: str = "year", **filters: FilterValue | None) -> Stances:
        """Aspect-stance counts of the fiches that match, per year or ministerie;
        `.to_pandas()`: one row per group, aspect and label."""
        return as_stances(count_stances(self.backend, self.query(query, **filters), by))

    def matching_documents(self, query: str = "", **filters: FilterValue | None) -> list[str]:
        return self.backend.matching_documents(self.query(query, **filters))

    def stats(self) -> dict:
        return archive_summary(self.archive)

    def sources(self) -> list[SourceStats]:
        """Per source: documents, files, the last fetch and crawl, crawl failures."""
        return self.archive.statistics.source_stats()

    def connections(self, doc: Document) -> Connections:
        """What DOC is connected to in the archive: the documents it cites and that cite it,
        its related documents (the proposal a fiche assesses, the fiches of a proposal, the
        documents sharing its COM or CELEX numbers) and the EU proposals it belongs to."""
        return Connections(
            cites=cites(self.archive, doc),
            cited_by=cited_by(self.archive, doc),
            related=related_documents(self.archive, doc),
            proposals=proposal_refs(self.archive, doc),
        )

    def proposal(self, ref: str) -> Proposal:
        """One EU proposal: its fiches, documents and procedure in date order, the latest
        position per aspect and its changes. A malformed REF raises MalformedRef, one no
        archived document names raises UnknownProposal."""
        return as_proposal(proposal_timeline(self.archive, ref))

    def council_votes(
        self,
        country: str = "NL",
        differs: bool = False,
        since: str = "",
        until: str = "",
        *,
        proposal: str | Iterable[str] = (),
        configuration: str | Iterable[str] = (),
        outcome: str | Iterable[str] = (),
        vote: str | Iterable[str] = (),
        ministerie: str | Iterable[str] = (),
    ) -> list[VoteRow]:
        """Every Council vote (from `crawl consilium`), newest first, beside the latest fiche's
        overall position on its proposal and the country's vote; `differs`: only where they
        disagree. The other filters take a value or a list (any of them): a proposal in any
        form `proposal` takes, the Council configuration, the outcome, the country's vote
        (in_favour, against, abstained, not_participating), the fiche's ministerie; case and
        accents aside. A bad country code, date or value raises BadVoteFilter (naming the
        values that exist), a proposal nothing names UnknownProposal."""
        filters = VoteFilters(
            country=country,
            differs=differs,
            since=since,
            until=until,
            proposals=_listed(proposal),
            configurations=_listed(configuration),
            outcomes=_listed(outcome),
            votes=_listed(vote),
            ministeries=_listed(ministerie),
        )
        return vote_rows(self.archive, filters)

    # --- saved searches ------------------------------------------------------------------

    def watches(self) -> list[Watch]:
        return self._watch_store().all()

    def watch(self, name: str) -> Watch:
        """The saved search NAME; WatchError if there is none."""
        watch = self._watch_store().get(name)
        if watch is None:
            raise WatchError(f"no watch named {name!r}")
        return watch

    def add_watch(
        self,
        name: str,
        query: str = "",
        *,
        proposal: str = "",
        include_existing: bool = False,
        **filters: FilterValue | None,
    ) -> Watch:
        """Save QUERY and filters under NAME, or follow one PROPOSAL (a COM, CELEX, procedure
        or document id); returns the saved Watch, whose `known` is how many documents (and
        changes) are known now (`run_watches` reports only newer ones, unless
        `include_existing`). A bad query raises QueryError, a bad
        name, a taken name or a bad proposal WatchError."""
        if bool(query.strip()) == bool(proposal):
            raise WatchError("give a QUERY or a proposal (one of the two)")
        chosen = filters_from_arguments(filters)
        if proposal and chosen != Filters():
            raise WatchError(
                "filters narrow a QUERY; a proposal watch follows every document of the proposal"
            )
        watch = Watch(name=name, query=query, filters=chosen, proposal=proposal)
        store = self._watch_store()
        known = store.add(watch, self.backend, include_existing)
        saved = store.get(name)
        saved.known = known
        return saved

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

    def crawl(
        self,
        sources: Iterable[str],
        since: str = "",
        base_url: str = "",
        dossier: str = "",
        overrides: dict[str, str] | None = None,
        progress: Progress | None = None,
    ) -> CrawlReport:
        """Fetch what is new at SOURCES (names of CRAWLED_SOURCES), archive, parse and index
        it. Scrapy's reactor runs once per process: one crawl per process."""
        from crawler.run import run_crawl  # Scrapy loads only when crawling

        importer = Importer(self.archive, self.backend, progress)
        summaries = run_crawl(
            self.archive, list(sources), since, base_url, dossier, overrides, importer, progress
        )
        importer.parse_unparsed()  # what a crawl killed before left archived, unparsed
        indexed = importer.finish().indexed
        failures = {s.source: self.archive.ledger.crawl_failures(s.source) for s in summaries}
        return CrawlReport(summaries, indexed, failures)

    def crawl_start(self, source: str, since: str = "", first_start: str = "") -> str:
        """Where a crawl of SOURCE starts listing: SINCE when given, else where its last crawl
        ended (its watermark), else FIRST_START (a source never crawled); "" for everything."""
        return since or self.archive.ledger.crawl_value(source, "watermark") or first_start

    def is_empty(self) -> bool:
        return self.archive.statistics.is_empty()

    def export(
        self,
        directory: str | Path,
        format: str = "parquet",  # noqa: A002 - the name users know from --format
        query: str = "",
        changed_since: str = "",
        progress: Callable[[int, int], None] | None = None,
        **filters: FilterValue | None,
    ) -> ExportReport:
        """documents, sections, stances and links joined on the document id, and the Council
        votes on their procedures.
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

    def table(self, name: str = "documents", query: str = "", **filters: FilterValue | None):
        """One table of the export (documents, sections, stances, links or votes) of the documents
        that match QUERY and filters (all when none), in memory as a pyarrow Table with the
        export's types: `archive.table("stances", type="fiche").to_pandas()`."""
        if name not in TABLES:
            raise QueryError(f"bad table {name!r}: use one of {', '.join(TABLES)}")
        ids = self.archive.document_ids()
        parsed = self.query(query, **filters)
        if parsed.text is not None or not parsed.filters.is_empty():
            wanted = set(self.backend.matching_documents(parsed))
            ids = [doc_id for doc_id in ids if doc_id in wanted]
        return arrow_tables(self.archive, ids)[name]

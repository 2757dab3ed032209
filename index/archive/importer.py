"""Raw bytes -> archive -> index: the one path every document takes, from `import`, `crawl`
and `reparse` alike, through one Importer with one set of rules for when raw bytes are synced
to disk and when the archive and the index commit.

Order matters for crash safety: raw bytes first (content-addressed, rawstore.py), then the
parsed Documents in one SQLite transaction per file (per batch of records for JSON Lines), then
the index. A run killed anywhere leaves the archive consistent; the next run skips what is
done and indexes what is pending.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.archive.council_votes import VOTES_SOURCE, reread_dump
from index.archive.database import Archive
from index.archive.storage import failure_kind, writing
from index.search.contract import SearchBackend
from parsers import (
    PARSER_VERSION,
    Document,
    MissingTool,
    NotADocument,
    OcrSettings,
    ParseError,
    is_sidecar_metadata,
    parse_bytes,
    read_sidecars,
)
from parsers.council_votes import DumpError
from parsers.limits import MARKUP_SUFFIXES, current_limits, markup_refusal

SUPPORTED_SUFFIXES = {
    ".pdf",
    ".xml",
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".md",
    ".docx",
    ".odt",
    ".doc",
    ".json",
    ".jsonl",
    ".gz",
}
SYNC_FILES = 500  # raw files written between two syncs to disk
INDEX_BATCH = 500  # documents read from the archive at a time
COMMIT_SECTIONS = 50_000  # sections per index commit: a commit costs a few hundred ms
RECORDS_PER_COMMIT = 1000  # JSON Lines records per archive commit
STOPPED = (
    "The {} stopped; everything archived before is kept, and the next import or reindex"
    " completes the index once there is room."
)


@dataclass
class ImportReport:
    files: int = 0
    stored_ids: set[str] = field(default_factory=set)  # documents new or changed in this run
    unchanged: int = 0  # files already archived by this parser version
    failures: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    # Counted apart from the failures: documents another file holds in a richer format (the
    # PDF of a motie whose XML is archived), and files that hold no document (a metadata file
    # on its own, a search listing, a Cellar notice, a Formex wrapper).
    merged: list[tuple[str, str]] = field(default_factory=list)  # (location, document id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (location, what it is)
    indexed: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (section uid, reason)
    missing_tool: str = ""  # a program some file needed and this machine lacks (Tesseract)

    @property
    def documents(self) -> int:
        return len(self.stored_ids)


def ocr_settings(
    archive: Archive, on_page: Callable[[int, int], None] | None = None
) -> OcrSettings:
    """OCR as the archive does it: pages read are kept in its ocr-cache folder (by the raw
    file's sha256 and page number), so a killed run does not read them again."""
    settings = OcrSettings(cache_dir=archive.home / "ocr-cache")
    if on_page is not None:
        settings.on_page = on_page
    return settings


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import under these paths, in a stable order. Sidecar metadata files
    (kst-1-2.metadata.xml) are read with their document, not on their own."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
            found.extend(
                p
                for p in candidates
                if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(path)
    return [p for p in found if not is_sidecar_metadata(p)]


def is_json_lines(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl", ".jsonl.gz"))


def json_lines(
    path: Path, on_read: Callable[[int], None] = lambda position: None
) -> Iterator[tuple[int, bytes]]:
    """(line number, record bytes) of a JSON Lines file, gzipped or not. `on_read` hears now
    and then how many bytes of the file were read so far (for a progress bar)."""
    with open(path, "rb") as raw:
        handle = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        for number, line in enumerate(handle, start=1):
            if number % 100 == 0:
                on_read(raw.tell())
            if line.strip():
                yield number, line


def import_file(
    archive: Archive,
    path: Path,
    report: ImportReport,
    on_stored: Callable[[list[Document]], None] = lambda documents: None,
    source: str = "local",
    on_read: Callable[[int], None] = lambda position: None,
    ocr: OcrSettings | None = None,
) -> None:
    """Archive one local file and hand the Documents stored (new or changed) to `on_stored`.
    A JSON Lines file holds one record per line; each record is archived on its own, and
    `on_read` hears how far into the file the import is."""
    if is_json_lines(path):
        import_json_lines(archive, path, report, on_stored, on_read, ocr)
        return
    report.files += 1
    try:
        refused = _markup_refusal(path)
        if refused:  # never read, so never archived: an import with a higher limit reads it
            report.failures.append((path_text(path), refused))
            return
        data = path.read_bytes()
    except OSError as error:
        report.failures.append((path_text(path), f"cannot read file ({error.strerror})"))
        return
    location = path_text(path.resolve())
    sidecars = read_sidecars(path)
    on_stored(
        import_bytes(
            archive,
            data,
            location,
            report,
            source=source,
            filename=path_text(path),
            sidecars=sidecars,
            ocr=ocr,
        )
    )


def _markup_refusal(path: Path) -> str:
    """Why an HTML or XML file is too big to read (parsers/limits.py), before it is read."""
    if path.suffix.lower() not in MARKUP_SUFFIXES:
        return ""
    return markup_refusal(path.stat().st_size, current_limits())


def path_text(path: Path) -> str:
    """A path as text the archive can store: a file name's bytes that are no UTF-8 (which
    Python holds as lone surrogates, refused by SQLite) written as \\xNN, the same each run."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def import_json_lines(
    archive: Archive,
    path: Path,
    report: ImportReport,
    on_stored: Callable[[list[Document]], None],
    on_read: Callable[[int], None] = lambda position: None,
    ocr: OcrSettings | None = None,
) -> None:
    location = path_text(path.resolve())
    ocr = ocr or ocr_settings(archive)  # once, not per record
    with archive.batch():
        try:
            for number, record in json_lines(path, on_read):
                report.files += 1
                name = f"{location}#L{number}"
                stored = import_bytes(archive, record, name, report, "eurlex", name, ocr=ocr)
                on_stored(stored)
                if number % RECORDS_PER_COMMIT == 0:
                    archive.commit_batch()
        except (OSError, EOFError) as error:  # a truncated .gz: what was read so far is kept
            if failure_kind(error) == "full":
                raise  # not the input's fault: the archive's disk is full (index/storage.py)
            report.failures.append((location, f"cannot read further: {error}"))


def import_bytes(
    archive: Archive,
    data: bytes,
    location: str,
    report: ImportReport,
    source: str,
    filename: str = "",
    url: str = "",
    etag: str = "",
    last_modified: str = "",
    sidecars: list[bytes] | None = None,
    ocr: OcrSettings | None = None,
) -> list[Document]:
    """Archive raw bytes (and the metadata files that describe them), then parse them."""
    sha = archive.store_raw(data, location, source, etag=etag, last_modified=last_modified)
    if sidecars:
        shas = [
            archive.store_raw(s, f"{location}#metadata{i}", source) for i, s in enumerate(sidecars)
        ]
        archive.link_sidecars(sha, shas)
    if archive.knows_raw(sha, PARSER_VERSION):
        failure = archive.recorded_failure(sha, PARSER_VERSION)
        if failure:
            report.failures.append((filename or location, failure))
        else:
            report.unchanged += 1
        return []
    return parse_and_store(archive, sha, data, filename or location, report, source, url, ocr)


def parse_and_store(
    archive: Archive,
    sha: str,
    data: bytes,
    filename: str,
    report: ImportReport,
    source: str,
    url: str = "",
    ocr: OcrSettings | None = None,
) -> list[Document]:
    ocr = ocr or ocr_settings(archive)
    identity, fallback_id = archive.listed_identity(sha)
    outcome = parse_raw(
        data, filename, source, url, archive.sidecars_of(sha), ocr, identity, fallback_id
    )
    return store_parse(archive, sha, filename, report, outcome)


def parse_raw(
    data: bytes,
    filename: str,
    source: str,
    url: str,
    sidecars: list[bytes],
    ocr: OcrSettings | None = None,
    identity: str = "",
    fallback_id: str = "",
) -> list[Document] | ParseError:
    """Parsing alone: no archive access, so a crawler can run it off its event loop."""
    try:
        return parse_bytes(
            data,
            filename=filename,
            source=source,
            url=url,
            sidecars=sidecars,
            ocr=ocr,
            identity=identity,
            fallback_id=fallback_id,
        )
    except ParseError as error:
        return error


def store_parse(
    archive: Archive,
    sha: str,
    filename: str,
    report: ImportReport,
    outcome: list[Document] | ParseError,
) -> list[Document]:
    """Record what parsing a raw file gave: its Documents, or the reason it failed. A missing
    program is reported, not recorded: once installed, the next run reads the file."""
    if isinstance(outcome, MissingTool):
        report.failures.append((filename, outcome.reason))
        report.missing_tool = report.missing_tool or outcome.reason
        return []
    if isinstance(outcome, NotADocument):
        # Read, and no document in it: recorded as a parse that gave none, not as a failure.
        archive.store_documents(sha, PARSER_VERSION, [])
        report.skipped.append((filename, outcome.reason))
        return []
    if isinstance(outcome, ParseError):
        archive.record_parse_failure(sha, filename, outcome.reason, PARSER_VERSION)
        report.failures.append((filename, outcome.reason))
        return []
    stored = archive.store_documents(sha, PARSER_VERSION, outcome)
    report.stored_ids.update(doc.id for doc in stored)
    written = {doc.id for doc in stored}
    for doc in outcome:
        if doc.id not in written:  # another file holds it in a richer format
            report.merged.append((filename, f"{doc.id}: held from a richer manifestation"))
    return stored


class IndexFeed:
    """Documents go to the index as they are archived, committed every COMMIT_SECTIONS
    sections. The index commits first, then the archive notes it: a kill in between
    re-indexes a batch (adding a document again replaces it), never skips one."""

    def __init__(self, archive: Archive, backend: SearchBackend, record: bool = True):
        """`record=False`: what landed is listed in `landed`, not recorded in the archive
        (a rebuild records it once the new index is in use)."""
        self.archive = archive
        self.backend = backend
        self.record = record
        self.landed: list[str] = []
        self.uncommitted: list[str] = []
        self.sections = 0
        self.indexed = 0

    def add(self, documents: list[Document]) -> None:
        if not documents:
            return
        self.backend.add(documents)
        self.uncommitted += [d.id for d in documents]
        self.sections += sum(len(d.sections) for d in documents)
        if self.sections >= COMMIT_SECTIONS:
            self.commit()

    def commit(self) -> None:
        if not self.uncommitted:
            return
        self.archive.commit_batch()  # the index never holds what the archive might lose
        self.backend.commit()
        refused = {uid.split("#")[0] for uid, _ in self.backend.rejected}
        landed = [doc_id for doc_id in self.uncommitted if doc_id not in refused]
        if self.record:
            self.archive.mark_indexed(self.backend.name, landed)
        else:
            self.landed += landed
        self.indexed += len(landed)
        self.uncommitted, self.sections = [], 0


def index_pending(
    archive: Archive,
    backend: SearchBackend,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index every archived document this backend does not hold yet (after a rebuild, or
    what a killed run left), reading them back from the archive in batches."""
    pending = archive.pending_index(backend.name)
    feed = IndexFeed(archive, backend)
    for start in range(0, len(pending), INDEX_BATCH):
        batch = pending[start : start + INDEX_BATCH]
        feed.add(list(archive.documents(batch)))
        if progress:
            progress(len(batch))
    feed.commit()
    return feed.indexed


# (stage, done, total): "importing" counts bytes of the files given, "re-parsing" raw files,
# "indexing" documents, "OCR pages" the pages of a scan; a crawl adds "<source> records" and
# "<source> files" (crawler/progress.py).
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    pass


class Importer:
    """Import, crawl and reparse all store through this, under the same rules:

    - raw bytes are synced to disk every SYNC_FILES files and before anything that points at
      them is committed (archive rows, index);
    - Documents go to the index as they are archived (IndexFeed), committed every
      COMMIT_SECTIONS sections and at the end;
    - at the end, whatever the index still lacks (a killed run, a refused section) is indexed
      from the archive.
    """

    def __init__(self, archive: Archive, backend: SearchBackend, progress: Progress | None = None):
        self.archive = archive
        self.backend = backend
        self.progress = progress or no_progress
        self.feed = IndexFeed(archive, backend)
        self.report = ImportReport()
        self._unsynced = 0
        self.ocr = ocr_settings(archive, self._ocr_page)

    def _ocr_page(self, done: int, total: int) -> None:
        self.progress("OCR pages", done, total)

    def stored(self, documents: list[Document]) -> None:
        """One raw file is archived, with the Documents it gave (none when unchanged)."""
        self._unsynced += 1
        if self._unsynced >= SYNC_FILES:
            self.archive.raw.sync()
            self._unsynced = 0
        self.feed.add(documents)

    def import_paths(self, paths: Iterable[str | Path]) -> ImportReport:
        files = find_files(paths)
        # Counted in bytes, not files: one JSON Lines file can hold a whole corpus.
        total = sum(_size(p) for p in files)
        done = 0  # bytes of the files imported before the current one

        def at(position: int) -> None:
            self.progress("importing", done + position, total)

        with writing(self.archive.home, STOPPED.format("import")):
            for path in files:
                import_file(
                    self.archive, path, self.report, on_stored=self.stored, on_read=at, ocr=self.ocr
                )
                done += _size(path)
                self.progress("importing", done, total)
            return self.finish()

    def reparse(self, everything: bool = False) -> ImportReport:
        """Parse archived raw files again: those parsed by an older parser, or all."""
        with writing(self.archive.home, STOPPED.format("reparse")):
            return self._reparse(everything)

    def _reparse(self, everything: bool) -> ImportReport:
        self._parse_archived(self.archive.raw_files_to_reparse(PARSER_VERSION, everything))
        return self.finish()

    def parse_unparsed(self) -> None:
        """Parse the fetched raw files an interrupted crawl archived but never parsed (the
        next crawl finds them unchanged at their source and would not fetch them again)."""
        self._parse_archived(self.archive.unparsed_raw_files())

    def _parse_archived(self, todo: list[tuple[str, str]]) -> None:
        for done, (sha, location) in enumerate(todo, start=1):
            self.report.files += 1
            source = self.archive.source_of(sha)
            if source == VOTES_SOURCE:  # a Council votes dump: votes, not documents
                self._reread_votes(sha, location)
                self.progress("re-parsing", done, len(todo))
                continue
            data = self.archive.raw.get(sha)
            stored = parse_and_store(
                self.archive, sha, data, location, self.report, source, ocr=self.ocr
            )
            self.stored(stored)
            self.progress("re-parsing", done, len(todo))

    def _reread_votes(self, sha: str, location: str) -> None:
        try:
            reread_dump(self.archive, sha)
        except DumpError as error:
            self.archive.record_parse_failure(sha, location, str(error), PARSER_VERSION)
            self.report.failures.append((location, str(error)))

    def reindex(self) -> int:
        """Everything in the archive into a new index, which replaces the old one once it is
        complete: until then searches use the old one, and a reindex killed halfway leaves it
        (and the archive's record of what it holds) as it was."""
        try:
            with writing(self.archive.home, "The reindex stopped; the index in use is unchanged."):
                return self._reindex()
        except BaseException:
            self.backend.close()  # throws the unfinished index away, and its space with it
            raise

    def _reindex(self) -> int:
        self.backend.clear()
        doc_ids = self.archive.document_ids()
        feed = IndexFeed(self.archive, self.backend, record=False)
        for start in range(0, len(doc_ids), INDEX_BATCH):
            feed.add(list(self.archive.documents(doc_ids[start : start + INDEX_BATCH])))
            self.progress("indexing", min(start + INDEX_BATCH, len(doc_ids)), len(doc_ids))
        feed.commit()
        self.backend.publish()
        # Recorded once the new index is in use: a kill before this leaves the old record,
        # true of the old index; a kill after it leaves documents pending that the new index
        # holds already, and indexing them again replaces them.
        self.archive.replace_indexed(self.backend.name, feed.landed)
        return len(feed.landed)

    def finish(self) -> ImportReport:
        """Sync, commit, and index what is still pending; the report of the whole run."""
        self.archive.raw.sync()
        self.feed.commit()
        total = len(self.archive.pending_index(self.backend.name))
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            self.progress("indexing", done, total)

        leftover = index_pending(self.archive, self.backend, advance)
        self.report.indexed += self.feed.indexed + leftover
        self.feed.indexed = 0  # counted in the report now; a second finish() adds only new
        self.report.rejected = list(self.backend.rejected)
        return self.report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # unreadable: import_file reports it

"""Raw bytes -> archive -> index: the one path every document takes, from `import`, `crawl`
and `reparse` alike.

Order matters for crash safety: raw bytes first (content-addressed, rawstore.py), then the
parsed Documents in one SQLite transaction per file (per batch of records for JSON Lines), then
the index. A run killed anywhere leaves the archive consistent; the next run skips what is
done and indexes what is pending.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.archive import Archive
from index.search import SearchBackend
from parsers import (
    PARSER_VERSION,
    Document,
    ParseError,
    is_sidecar_metadata,
    parse_bytes,
    read_sidecars,
)

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
INDEX_BATCH = 500  # documents read from the archive at a time
COMMIT_SECTIONS = 50_000  # sections per index commit: a commit costs a few hundred ms
RECORDS_PER_COMMIT = 1000  # JSON Lines records per archive commit


@dataclass
class ImportReport:
    files: int = 0
    stored_ids: set[str] = field(default_factory=set)  # documents new or changed in this run
    unchanged: int = 0  # files already archived by this parser version
    failures: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    indexed: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (section uid, reason)

    @property
    def documents(self) -> int:
        return len(self.stored_ids)


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
) -> None:
    """Archive one local file and hand the Documents stored (new or changed) to `on_stored`.
    A JSON Lines file holds one record per line; each record is archived on its own, and
    `on_read` hears how far into the file the import is."""
    if is_json_lines(path):
        import_json_lines(archive, path, report, on_stored, on_read)
        return
    report.files += 1
    try:
        data = path.read_bytes()
    except OSError as error:
        report.failures.append((str(path), f"cannot read file ({error.strerror})"))
        return
    location = str(path.resolve())
    sidecars = read_sidecars(path)
    on_stored(
        import_bytes(
            archive, data, location, report, source=source, filename=str(path), sidecars=sidecars
        )
    )


def import_json_lines(
    archive: Archive,
    path: Path,
    report: ImportReport,
    on_stored: Callable[[list[Document]], None],
    on_read: Callable[[int], None] = lambda position: None,
) -> None:
    location = str(path.resolve())
    with archive.batch():
        try:
            for number, record in json_lines(path, on_read):
                report.files += 1
                name = f"{location}#L{number}"
                on_stored(import_bytes(archive, record, name, report, "eurlex", filename=name))
                if number % RECORDS_PER_COMMIT == 0:
                    archive.commit_batch()
        except (OSError, EOFError) as error:  # a truncated .gz: what was read so far is kept
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
) -> list[Document]:
    """Archive raw bytes (and the metadata files that describe them), then parse them."""
    sha = archive.store_raw(data, location, source, etag=etag, last_modified=last_modified)
    if sidecars:
        shas = [
            archive.store_raw(s, f"{location}#metadata{i}", source) for i, s in enumerate(sidecars)
        ]
        archive.link_sidecars(sha, shas)
    if archive.knows_raw(sha, PARSER_VERSION):
        report.unchanged += 1
        return []
    return parse_and_store(archive, sha, data, filename or location, report, source, url)


def parse_and_store(
    archive: Archive,
    sha: str,
    data: bytes,
    filename: str,
    report: ImportReport,
    source: str,
    url: str = "",
) -> list[Document]:
    identity, fallback_id = archive.listed_identity(sha)
    outcome = parse_raw(
        data, filename, source, url, archive.sidecars_of(sha), identity, fallback_id
    )
    return store_parse(archive, sha, filename, report, outcome)


def parse_raw(
    data: bytes,
    filename: str,
    source: str,
    url: str,
    sidecars: list[bytes],
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
    """Record what parsing a raw file gave: its Documents, or the reason it failed."""
    if isinstance(outcome, ParseError):
        archive.record_parse_failure(sha, filename, outcome.reason, PARSER_VERSION)
        report.failures.append((filename, outcome.reason))
        return []
    stored = archive.store_documents(sha, PARSER_VERSION, outcome)
    report.stored_ids.update(doc.id for doc in stored)
    return stored


class IndexFeed:
    """Documents go to the index as they are archived, committed every COMMIT_SECTIONS
    sections. The index commits first, then the archive notes it: a kill in between
    re-indexes a batch (adding a document again replaces it), never skips one."""

    def __init__(self, archive: Archive, backend: SearchBackend):
        self.archive = archive
        self.backend = backend
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
        self.archive.mark_indexed(self.backend.name, landed)
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

"""The archive: the source of truth. SQLite (WAL) for documents, sections, stances, links,
fetch records and parse failures; raw bytes on disk by sha256 (rawstore.py).

Every write that belongs together is one transaction, so a process killed at any moment leaves
an archive that opens and holds everything committed before the kill.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson

from index.archive.clock import now
from index.archive.compression import compress, decompress
from index.archive.ledger import CrawlLedger
from index.archive.migrations import migrate
from index.archive.rawstore import RawStore
from index.archive.statistics import ArchiveStatistics
from parsers import Document

# When two files hold the same document (kst-32545-143 as XML, HTML, ODT and PDF), the
# richer format wins, whatever the order of import.
FORMAT_RANK = {
    "op-xml": 6,
    "formex": 6,
    "cellar-tree": 6,  # a procedure: the tree notice lists its events, a branch notice one
    "cellar-branch": 5,
    "xml": 5,
    "eurlex-html": 5,
    "html": 4,
    "docx": 3,
    "odt": 3,
    "doc": 3,
    "pdf": 2,
    "txt": 1,
}


def _keeps_held(held: tuple[str, str], doc: Document) -> bool:
    """True when the document held (sha256, format) came from another file in a richer
    format than this one: then it stays."""
    held_sha, held_format = held
    if held_sha == doc.sha256:
        return False
    return FORMAT_RANK.get(held_format, 0) > FORMAT_RANK.get(doc.format, 0)


def document_from_body(body: str | bytes) -> Document:
    """The Document of a `documents.body`: zstd-compressed JSON comes out of SQLite as bytes
    (a BLOB), the plain JSON of an archive made before compression as str (TEXT)."""
    if isinstance(body, bytes):
        body = decompress(body)
    return Document.from_json(orjson.loads(body))


@dataclass
class DocRef:
    """Enough of a document to list and link it."""

    id: str
    title: str
    doc_type: str
    date: str
    source: str


DATABASE = "archive.sqlite"  # in the archive folder, beside raw/ and the index


class Archive:
    """One archive folder: archive.sqlite, raw/, and the embedded index under index/."""

    def __init__(self, home: Path):
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.raw = RawStore(self.home / "raw")
        self.db = sqlite3.connect(self.home / DATABASE, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")
        try:
            migrate(self.db, f"the archive in {self.home}")
        except Exception:  # refused (a newer release's archive) or broken: nothing stays open
            self.db.close()
            raise
        self._batch_open = False
        # the crawler's part of the database, and the counts: the same connection, their own
        # callers (the crawler; stats, freshness and repr)
        self.ledger = CrawlLedger(self.db, self._transaction)
        self.statistics = ArchiveStatistics(self.db, self.ledger)

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    def close(self) -> None:
        self.db.close()

    # --- writing -------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write, atomic on its own; inside `batch()` it is part of the batch's."""
        if self._batch_open:
            yield
            return
        with self.db:
            yield

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many small writes as one transaction, committed by `commit_batch()` and at the end:
        for JSON Lines records, where a commit per record costs more than parsing it. A kill
        loses the writes since the last commit only; their raw files stay, and the next run
        parses them again."""
        self._batch_open = True
        try:
            with self.db:
                yield
        finally:
            self._batch_open = False

    def commit_batch(self) -> None:
        """Make what the open batch wrote so far durable: raw files first, then the rows that
        point at them."""
        if self._batch_open:
            self.raw.sync()
            self.db.commit()

    def store_raw(
        self,
        data: bytes,
        location: str,
        source: str,
        etag: str = "",
        last_modified: str = "",
    ) -> str:
        """Keep the bytes and record where they came from. Returns their sha256."""
        sha = self.raw.put(data)
        at = now()
        with self._transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO raw_files VALUES (?, ?, ?)", (sha, len(data), at)
            )
            self.db.execute(
                "INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?)",
                (location, sha, source, at, etag, last_modified),
            )
        return sha

    def record_identity(self, sha256: str, identity: str, fallback_id: str) -> bool:
        """Remember the id a listing gave these bytes. An identity once given is never lost
        to a listing that gives none (the same PDF from the Tweede Kamer API). Returns True
        when what is remembered changed (the file must be parsed again)."""
        if not identity and not fallback_id:
            return False
        held = self.listed_identity(sha256)
        new = (identity or held[0], held[1] or fallback_id)
        if new == held:
            return False
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO listed_identities VALUES (?, ?, ?)", (sha256, *new)
            )
        return True

    def listed_identity(self, sha256: str) -> tuple[str, str]:
        """(identity, fallback_id) a crawl listing gave these bytes; ("", "") when none."""
        row = self.db.execute(
            "SELECT identity, fallback_id FROM listed_identities WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def link_sidecars(self, sha256: str, sidecar_shas: Iterable[str]) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO sidecars VALUES (?, ?)", [(sha256, s) for s in sidecar_shas]
            )

    def has_sidecar(self, sha256: str, sidecar_sha256: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM sidecars WHERE sha256 = ? AND sidecar_sha256 = ?",
            (sha256, sidecar_sha256),
        ).fetchone()
        return row is not None

    def sidecars_of(self, sha256: str) -> list[bytes]:
        rows = self.db.execute(
            "SELECT sidecar_sha256 FROM sidecars WHERE sha256 = ? ORDER BY sidecar_sha256",
            (sha256,),
        )
        return [self.raw.get(row[0]) for row in rows]

    def store_documents(
        self, sha256: str, parser_version: str, documents: list[Document]
    ) -> list[Document]:
        """Store the Documents of one raw file in one transaction, dropping those it no longer
        yields. Returns those written (a document already held from a richer format stays)."""
        written = []
        at = now()
        with self._transaction():
            for doc in documents:
                held = self.db.execute(
                    "SELECT sha256, format FROM documents WHERE id = ?", (doc.id,)
                ).fetchone()
                if held and _keeps_held(held, doc):
                    continue
                if held:
                    self._delete_rows_of(doc.id)
                self._write_document(doc, at)
                written.append(doc)
            self._remove_documents_of(sha256, keep={d.id for d in documents})
            self.db.execute("DELETE FROM parse_failures WHERE sha256 = ?", (sha256,))
            self.db.execute(
                "INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?)",
                (sha256, parser_version, len(documents), at),
            )
        return written

    def _write_document(self, doc: Document, at: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                doc.sha256,
                doc.source,
                doc.doc_type,
                doc.title,
                doc.date,
                doc.url,
                doc.format,
                doc.parser_version,
                len(doc.sections),
                compress(orjson.dumps(doc.to_json())),
                at,
            ),
        )
        if doc.stances:
            self.db.executemany(
                "INSERT INTO stances VALUES (?,?,?,?,?)",
                [(doc.id, s.aspect, s.label, s.evidence, s.section_key) for s in doc.stances],
            )
        if doc.links:
            self.db.executemany(
                "INSERT INTO links VALUES (?,?,?)",
                [(doc.id, lk.kind, lk.value) for lk in doc.links],
            )

    def _delete_rows_of(self, doc_id: str) -> None:
        """A document's stances, links and index marks, before it is written again or dropped."""
        for table in ("stances", "links", "indexed"):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def record_parse_failure(self, sha256: str, location: str, reason: str, parser_version: str):
        with self._transaction():
            self.db.execute("DELETE FROM parses WHERE sha256 = ?", (sha256,))
            self.db.execute(
                "INSERT OR REPLACE INTO parse_failures VALUES (?,?,?,?,?)",
                (sha256, location, reason, parser_version, now()),
            )

    def _remove_documents_of(self, sha256: str, keep: set[str]) -> None:
        rows = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchall()
        for (doc_id,) in rows:
            if doc_id not in keep:
                self._delete_rows_of(doc_id)
                self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def link_values(self, kinds: Iterable[str]) -> list[tuple[str, str, str]]:
        """(doc_id, kind, value) of every link of these kinds, e.g. the COM numbers fiches cite."""
        kinds = list(kinds)
        marks = ",".join("?" * len(kinds))
        return self.db.execute(
            f"SELECT doc_id, kind, value FROM links WHERE kind IN ({marks}) ORDER BY doc_id",
            kinds,
        ).fetchall()

    def ids_with_links(self, pairs: Iterable[tuple[str, str]]) -> list[str]:
        """Documents with a link of one of these (kind, value) pairs, e.g. every document
        citing COM(2021) 206 or procedure 2021/0106(COD)."""
        found: set[str] = set()
        for kind, value in dict.fromkeys(pairs):
            rows = self.db.execute(
                "SELECT doc_id FROM links WHERE kind = ? AND value = ?", (kind, value)
            )
            found.update(row[0] for row in rows)
        return sorted(found)

    def add_links(self, doc_id: str, links: Iterable[tuple[str, str]]) -> None:
        """Extra (kind, value) links of a stored document, once each."""
        with self._transaction():
            for kind, value in links:
                exists = self.db.execute(
                    "SELECT 1 FROM links WHERE doc_id = ? AND kind = ? AND value = ?",
                    (doc_id, kind, value),
                ).fetchone()
                if not exists:
                    self.db.execute("INSERT INTO links VALUES (?, ?, ?)", (doc_id, kind, value))

    def mark_indexed(self, backend: str, doc_ids: Iterable[str]) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO indexed VALUES (?, ?)", [(backend, i) for i in doc_ids]
            )

    def replace_indexed(self, backend: str, doc_ids: Iterable[str]) -> None:
        """After a rebuild: the backend holds these documents and no others."""
        with self._transaction():
            self.db.execute("DELETE FROM indexed WHERE backend = ?", (backend,))
            self.db.executemany(
                "INSERT OR IGNORE INTO indexed VALUES (?, ?)", [(backend, i) for i in doc_ids]
            )

    def forget_indexed(self, backend: str) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM indexed WHERE backend = ?", (backend,))

    # --- reading -------------------------------------------------------------------------

    def knows_raw(self, sha256: str, parser_version: str) -> bool:
        """True when this raw file was parsed by this parser version (into documents or a
        recorded failure): importing it again changes nothing."""
        row = self.db.execute(
            "SELECT 1 FROM parses WHERE sha256 = ? AND parser_version = ? "
            "UNION SELECT 1 FROM parse_failures WHERE sha256 = ? AND parser_version = ?",
            (sha256, parser_version, sha256, parser_version),
        ).fetchone()
        return row is not None

    def recorded_failure(self, sha256: str, parser_version: str) -> str:
        """Why this parser version could not read this raw file, or "" when it could: a file
        that failed fails again when imported again, it is not "unchanged"."""
        row = self.db.execute(
            "SELECT reason FROM parse_failures WHERE sha256 = ? AND parser_version = ?",
            (sha256, parser_version),
        ).fetchone()
        return row[0] if row else ""

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT body FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return document_from_body(row[0]) if row else None

    def documents(self, doc_ids: Iterable[str] | None = None) -> Iterator[Document]:
        if doc_ids is None:
            cursor = self.db.execute("SELECT body FROM documents ORDER BY id")
            for (body,) in cursor:
                yield document_from_body(body)
            return
        for doc_id in doc_ids:
            doc = self.document(doc_id)
            if doc is not None:
                yield doc

    def document_ids(self, updated_since: str = "") -> list[str]:
        """Every document id, or those stored or changed on or after `updated_since` (ISO)."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE updated_at >= ? ORDER BY id", (updated_since,)
        )
        return [r[0] for r in rows]

    def updated_at(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """When each document was last stored or changed."""
        wanted = set(doc_ids)
        rows = self.db.execute("SELECT id, updated_at FROM documents")
        return {doc_id: at for doc_id, at in rows if doc_id in wanted}

    def pending_index(self, backend: str) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM documents"
            " WHERE id NOT IN (SELECT doc_id FROM indexed WHERE backend = ?) ORDER BY id",
            (backend,),
        )
        return [r[0] for r in rows]

    def raw_files_to_reparse(self, parser_version: str, everything: bool) -> list[tuple[str, str]]:
        """(sha256, location) of raw files whose parse is older than parser_version."""
        rows = self._raw_documents()
        if everything:
            return rows
        return [(sha, loc) for sha, loc in rows if not self.knows_raw(sha, parser_version)]

    def unparsed_raw_files(self) -> list[tuple[str, str]]:
        """(sha256, location) of fetched raw files never parsed, by any parser version: a crawl
        killed between archiving a file and storing its documents leaves them, and a crawl
        after it finds the file unchanged at its source (crawl parses them at its end)."""
        return self._raw_documents(
            " AND r.sha256 NOT IN (SELECT sha256 FROM parses)"
            " AND r.sha256 NOT IN (SELECT sha256 FROM parse_failures)"
            " AND r.sha256 IN (SELECT sha256 FROM fetches)"
        )

    def _raw_documents(self, condition: str = "") -> list[tuple[str, str]]:
        """(sha256, latest location) of the raw files that are no sidecar, AND `condition`."""
        return self.db.execute(
            "SELECT r.sha256, COALESCE((SELECT location FROM fetches f WHERE f.sha256 = r.sha256"
            " ORDER BY fetched_at DESC LIMIT 1), '') FROM raw_files r"
            " WHERE r.sha256 NOT IN (SELECT sidecar_sha256 FROM sidecars)"
            f"{condition} ORDER BY r.sha256"
        ).fetchall()

    def source_of(self, sha256: str) -> str:
        row = self.db.execute(
            "SELECT source FROM fetches WHERE sha256 = ? ORDER BY fetched_at DESC LIMIT 1",
            (sha256,),
        ).fetchone()
        return row[0] if row else "local"

    def refs(self, doc_ids: Iterable[str]) -> list[DocRef]:
        """DocRefs of those ids that are archived, in the order given."""
        out = []
        for doc_id in dict.fromkeys(doc_ids):
            row = self.db.execute(
                "SELECT id, title, doc_type, date, source FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
            if row:
                out.append(DocRef(*row))
        return out

    def ids_with_com(self, com_numbers: Iterable[str]) -> list[str]:
        """Documents that carry one of these COM numbers as a link: found in their text, or in
        their fiche or procedure metadata (com_numbers), which the parsers turn into links
        too. (Reading the metadata out of every stored body instead took a scan of the whole
        table per call, and bodies are compressed now.)"""
        values = list(dict.fromkeys(com_numbers))
        if not values:
            return []
        marks = ",".join("?" * len(values))
        rows = self.db.execute(
            f"SELECT DISTINCT doc_id FROM links WHERE kind = 'com' AND value IN ({marks})"
            " ORDER BY 1",
            values,
        )
        return [r[0] for r in rows]

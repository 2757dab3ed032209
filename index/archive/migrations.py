"""The archive's schema, as ordered migrations. `PRAGMA user_version` holds the version an
archive is at; opening it runs every migration above that, in order, each in one transaction
with the new version, so an archive killed halfway through an upgrade is at the version before
or after, never between. An archive at a version above the last one here was made by a newer
release and is refused (ArchiveTooNew) rather than read by hope.

To change the schema: append a Migration with the next version (never edit a released one), and
add the archive of the release before it as a fixture under tests/archives/ (test_migrations.py
opens each one).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    what: str  # one line, for the log and the error messages
    sql: str
    # SQL that depends on what the archive holds (a column an early archive lacks), added to
    # `sql` when the migration runs: SQLite has no ALTER TABLE ... ADD COLUMN IF NOT EXISTS
    extra: Callable[[sqlite3.Connection], str] | None = None

    def script(self, db: sqlite3.Connection) -> str:
        return self.sql + (self.extra(db) if self.extra else "")


class ArchiveTooNew(Exception):
    """The archive was made by a newer fiche-search than this one."""


# Version 1: the tables of release 0.1.0 (the archive before it had a version). Every statement
# is IF NOT EXISTS, so an unversioned archive of that release passes through it unchanged.
RELEASE_0_1_0 = """
CREATE TABLE IF NOT EXISTS raw_files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    first_seen TEXT NOT NULL
);
-- Where raw bytes came from: a URL or a local path. The latest fetch per location.
CREATE TABLE IF NOT EXISTS fetches (
    location TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    url TEXT NOT NULL,
    format TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    section_count INTEGER NOT NULL,
    -- The Document as JSON, compressed with zstd (a BLOB); plain JSON text in archives made
    -- before compression. Read it with document_from_body().
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS stances (
    doc_id TEXT NOT NULL,
    aspect TEXT NOT NULL,
    label TEXT NOT NULL,
    evidence TEXT NOT NULL,
    section_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stances_doc ON stances(doc_id);
CREATE TABLE IF NOT EXISTS links (
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS links_value ON links(kind, value);
CREATE INDEX IF NOT EXISTS links_doc ON links(doc_id);
-- Every raw file parsed, and by which parser version (also when its documents lost to the
-- same documents in a richer format), so an unchanged file is not parsed again.
CREATE TABLE IF NOT EXISTS parses (
    sha256 TEXT PRIMARY KEY,
    parser_version TEXT NOT NULL,
    documents INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parse_failures (
    sha256 TEXT PRIMARY KEY,
    location TEXT NOT NULL,
    reason TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    at TEXT NOT NULL
);
-- Which documents each search backend holds, so an index killed halfway catches up.
CREATE TABLE IF NOT EXISTS indexed (
    backend TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (backend, doc_id)
);
CREATE INDEX IF NOT EXISTS indexed_doc ON indexed(doc_id);
-- metadata.xml files that belong to a raw document file, for re-parsing.
CREATE TABLE IF NOT EXISTS sidecars (
    sha256 TEXT NOT NULL,
    sidecar_sha256 TEXT NOT NULL,
    PRIMARY KEY (sha256, sidecar_sha256)
);
-- The id a crawl listing gave a raw file (identity), or the id to use when the file names
-- none (fallback_id), so a re-parse keeps the document's id.
CREATE TABLE IF NOT EXISTS listed_identities (
    sha256 TEXT PRIMARY KEY,
    identity TEXT NOT NULL,
    fallback_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS crawl_state (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (source, key)
);
CREATE TABLE IF NOT EXISTS crawl_failures (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    at TEXT NOT NULL
);
"""

# Version 2: the watches' tables belong to the archive's schema. Release 0.1.0 created them on
# the first use of a watch, so an archive of it may or may not hold them.
WATCH_TABLES = """
CREATE TABLE IF NOT EXISTS watches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    filters TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_run TEXT NOT NULL DEFAULT ''
);
-- Every document a watch has seen; alerted = 0 for the baseline taken when it was added.
CREATE TABLE IF NOT EXISTS watch_matches (
    name TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    alerted INTEGER NOT NULL,
    PRIMARY KEY (name, doc_id)
);
-- Watches that follow one proposal (`watch add NAME --proposal REF`); watch_matches.doc_id
-- then holds document ids and change keys (index/features/proposal_watch.py).
CREATE TABLE IF NOT EXISTS watch_proposals (
    name TEXT PRIMARY KEY,
    ref TEXT NOT NULL
);
"""

# Version 3: Council votes (index/archive/council_votes.py holds every query on these tables).
COUNCIL_VOTES = """
-- One row per vote outcome of the Council's public voting dump (crawl consilium), keyed by
-- the outcome's IRI; joined to proposals through `procedure` ("2018/0172(COD)"). A vote on a
-- procedure no archived document names is kept all the same.
CREATE TABLE IF NOT EXISTS council_votes (
    id TEXT PRIMARY KEY,
    procedure TEXT NOT NULL,
    date TEXT NOT NULL,
    outcome TEXT NOT NULL,
    rule TEXT NOT NULL,
    configuration TEXT NOT NULL,
    meeting TEXT NOT NULL,
    document TEXT NOT NULL,
    title TEXT NOT NULL,
    policy_area TEXT NOT NULL,
    dump_sha256 TEXT NOT NULL,  -- the raw dump the vote was last read from
    first_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS council_votes_procedure ON council_votes(procedure);
-- Every member state's position in a vote: in_favour, against, abstained, not_participating.
CREATE TABLE IF NOT EXISTS council_vote_positions (
    vote_id TEXT NOT NULL,
    country TEXT NOT NULL,
    position TEXT NOT NULL,
    PRIMARY KEY (vote_id, country)
);
"""


def _section_count(db: sqlite3.Connection) -> str:
    """The archives of the first day (2026-11-28, before 6f5f196) have no
    documents.section_count; their bodies are plain JSON, so SQLite counts the sections."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
    if not columns or "section_count" in columns:
        return ""
    return (
        "ALTER TABLE documents ADD COLUMN section_count INTEGER NOT NULL DEFAULT 0;\n"
        "UPDATE documents SET section_count = json_array_length(body, '$.sections');\n"
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "the tables of release 0.1.0", RELEASE_0_1_0, extra=_section_count),
    Migration(2, "the watches' tables in the archive's schema", WATCH_TABLES),
    Migration(3, "the Council's votes (crawl consilium)", COUNCIL_VOTES),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection, name: str = "this archive") -> list[Migration]:
    """Bring the database up to SCHEMA_VERSION; returns the migrations that ran."""
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise ArchiveTooNew(
            f"{name} has schema version {found}, made by a newer fiche-search; this one reads"
            f" up to version {SCHEMA_VERSION}: upgrade fiche-search to open it"
        )
    ran = []
    for migration in MIGRATIONS:
        if migration.version > found:
            # one script, one transaction: the tables and the version they make move together
            try:
                db.executescript(
                    f"BEGIN;\n{migration.script(db)}\n"
                    f"PRAGMA user_version = {migration.version};\nCOMMIT;"
                )
            except sqlite3.Error:
                if db.in_transaction:
                    db.rollback()
                raise
            ran.append(migration)
    return ran

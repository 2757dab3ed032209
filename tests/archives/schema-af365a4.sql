-- The archive's tables as commit af365a4 made them (index/archive.py SCHEMA, by
-- `git show af365a4:index/archive.py`), before schema versions: user_version 0.
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

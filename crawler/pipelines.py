"""Fetched files -> the archive, through the same path as `fiche-search import`."""

from __future__ import annotations

import hashlib

from crawler.items import FetchedFile
from index.importer import ImportReport, import_bytes, parse_and_store


class ArchivePipeline:
    """Stores raw bytes with their fetch record, parses them (parse failures are recorded by
    the importer, the raw bytes are kept for a later `reparse`), and tells the spider's
    progress that the file is safe."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.report = ImportReport()
        # A record's document and its metadata.xml arrive in either order.
        self.documents: dict[str, tuple[str, FetchedFile]] = {}  # record -> (sha256, file)
        self.sidecars: dict[str, bytes] = {}  # record -> metadata.xml that came first

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: FetchedFile):
        spider = self.crawler.spider
        archive = spider.archive
        if item.role == "sidecar":
            stored = self._store_sidecar(archive, item)
        else:
            sidecar = self.sidecars.pop(item.record, None)
            stored = import_bytes(
                archive,
                item.body,
                item.url,
                self.report,
                source=item.source,
                filename=item.filename,
                url=item.url,
                etag=item.etag,
                last_modified=item.last_modified,
                sidecars=[sidecar] if sidecar else None,
            )
            self.documents[item.record] = (hashlib.sha256(item.body).hexdigest(), item)
        spider.file_stored(item, stored)
        spider.progress.file_done(item.record, item.listed_url)
        item.body = b""  # the bytes are on disk now; do not keep them in memory
        return item

    def _store_sidecar(self, archive, item: FetchedFile):
        """metadata.xml describes its document: kept raw and linked to it, never parsed on its
        own. When the document came first, it is parsed again with its metadata."""
        sidecar_sha = archive.store_raw(
            item.body, item.url, item.source, etag=item.etag, last_modified=item.last_modified
        )
        if item.record not in self.documents:
            self.sidecars[item.record] = item.body
            return []
        sha, document = self.documents[item.record]
        archive.link_sidecars(sha, [sidecar_sha])
        return parse_and_store(
            archive,
            sha,
            archive.raw.get(sha),
            document.filename,
            self.report,
            document.source,
            document.url,
        )

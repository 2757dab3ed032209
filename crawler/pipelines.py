"""Fetched files -> the archive, through the same path as `fiche-search import`."""

from __future__ import annotations

from crawler.items import FetchedFile
from index.importer import ImportReport, import_bytes


class ArchivePipeline:
    """Stores raw bytes with their fetch record, parses them (parse failures are recorded by
    the importer, the raw bytes are kept for a later `reparse`), and tells the spider's
    progress that the file is safe."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.report = ImportReport()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: FetchedFile):
        spider = self.crawler.spider
        archive = spider.archive
        if item.role == "sidecar":
            # metadata.xml describes its document; kept raw next to it, not parsed on its own.
            archive.store_raw(
                item.body, item.url, item.source, etag=item.etag, last_modified=item.last_modified
            )
            stored = []
        else:
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
            )
        spider.file_stored(item, stored)
        spider.progress.file_done(item.record, item.listed_url)
        item.body = b""  # the bytes are on disk now; do not keep them in memory
        return item

"""Fetched files -> the archive, through the same path as `fiche-search import`.

Raw bytes and fetch records are written at once, on Scrapy's event loop (fast). Parsing a
PDF can take seconds, so it runs on one worker thread: the event loop keeps downloading
meanwhile, and a stalled loop never turns into download timeouts. Storing the parsed
Documents happens back on the event loop, where the archive's SQLite connection lives.
"""

from __future__ import annotations

from twisted.internet import reactor
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler.items import FetchedFile
from index.archive.importer import ImportReport, ocr_settings, parse_raw, store_parse
from parsers import PARSER_VERSION


class ArchivePipeline:
    """Stores raw bytes with their fetch record, parses them (parse failures are recorded,
    the raw bytes are kept for a later `reparse`), and tells the spider's progress that the
    file is safe."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.report = ImportReport()
        # A record's document and its metadata.xml arrive in either order.
        self.documents: dict[str, tuple[str, FetchedFile]] = {}  # record -> (sha256, file)
        self.sidecars: dict[str, str] = {}  # record -> sha256 of a metadata.xml that came first
        # One parser thread: the stance pipeline (spaCy) is built once and not shared.
        self.parsers = ThreadPool(minthreads=1, maxthreads=1, name="fiche-parse")
        # The same bytes reached again (another record, a mirror) while still being parsed:
        # the later ones wait for that parse instead of parsing again.
        self.in_flight: dict[str, list[Deferred]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider):
        self.parsers.start()

    def close_spider(self, spider):
        self.parsers.stop()

    def process_item(self, item: FetchedFile):
        archive = self.crawler.spider.archive
        sha = archive.store_raw(
            item.body, item.url, item.source, etag=item.etag, last_modified=item.last_modified
        )
        if item.role == "sidecar":
            return self._sidecar_stored(archive, item, sha)
        if item.role == "data":
            return self._done(item, [])
        self.documents[item.record] = (sha, item)
        # A listing that names the document anew (the same PDF from KOOP after the Tweede
        # Kamer API) makes it parse again under that id.
        renamed = archive.record_identity(sha, item.identity, item.fallback_id)
        if item.record in self.sidecars:
            archive.link_sidecars(sha, [self.sidecars.pop(item.record)])
        if sha in self.in_flight:
            waiter = Deferred()
            self.in_flight[sha].append(waiter)
            return waiter.addCallback(lambda _: self._done(item, []))
        if archive.knows_raw(sha, PARSER_VERSION) and not renamed:
            return self._done(item, [])
        return self._parse(archive, sha, item)

    def _sidecar_stored(self, archive, item: FetchedFile, sidecar_sha: str):
        """metadata.xml describes its document: kept raw and linked to it, never parsed on its
        own. When the document came first, it is parsed again with its metadata."""
        if item.record not in self.documents:
            self.sidecars[item.record] = sidecar_sha
            return self._done(item, [])
        sha, document = self.documents[item.record]
        if archive.has_sidecar(sha, sidecar_sha) and archive.knows_raw(sha, PARSER_VERSION):
            return self._done(item, [])  # parsed with this very metadata before
        archive.link_sidecars(sha, [sidecar_sha])
        return self._parse(archive, sha, document, done=item)

    def _parse(self, archive, sha: str, document: FetchedFile, done: FetchedFile | None = None):
        data = archive.raw.get(sha)
        sidecars = archive.sidecars_of(sha)
        self.in_flight.setdefault(sha, [])
        deferred = deferToThreadPool(
            reactor,
            self.parsers,
            parse_raw,
            data,
            document.filename,
            document.source,
            document.url,
            sidecars,
            ocr_settings(archive, self._ocr_page),
            *archive.listed_identity(sha),
        )

        def store(outcome):
            stored = store_parse(archive, sha, document.filename, self.report, outcome)
            return self._done(done or document, stored)

        def release_waiters(result):
            for waiter in self.in_flight.pop(sha, []):
                waiter.callback(None)
            return result

        return deferred.addCallback(store).addBoth(release_waiters)

    def _ocr_page(self, done: int, total: int) -> None:
        """Called on the parser's threads: the progress bar hears it on the reactor thread."""
        reactor.callFromThread(self.crawler.spider.report_progress, "OCR pages", done, total)

    def _done(self, item: FetchedFile, stored: list):
        spider = self.crawler.spider
        if spider.importer is not None:
            spider.importer.stored(stored)
        spider.file_stored(item, stored)
        spider.progress.file_done(item.record, item.listed_url)
        item.body = b""  # the bytes are on disk now; do not keep them in memory
        return item

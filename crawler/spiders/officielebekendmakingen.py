"""Kamerstukken from the KOOP SRU API (repository.overheid.nl/sru).

Lists dossier 22112 (or --dossier) with dt.modified>=watermark, page by page, and fetches for
each record its best manifestation (XML > HTML > PDF) and its metadata.xml.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlencode, urlsplit

from lxml import etree

from crawler.spiders.base import SourceSpider

NS = {
    "sru": "http://docs.oasis-open.org/ns/search-ws/sruResponse",
    "gzd": "http://standaarden.overheid.nl/sru",
    "dcterms": "http://purl.org/dc/terms/",
    "cd": "http://standaarden.overheid.nl/cup/data",
}
PREFERENCE = ("xml", "html", "pdf")


class OfficieleBekendmakingenSpider(SourceSpider):
    name = "officielebekendmakingen"

    async def start(self):
        yield self.page_request(1)

    def query(self) -> str:
        cql = (
            "c.product-area==officielepublicaties AND w.publicatienaam==Kamerstuk"
            f" AND w.dossiernummer=={self.dossier}"
        )
        since = self.lower_bound()[:10]
        return f"{cql} AND dt.modified>={since}" if since else cql

    def page_request(self, start: int):
        params = {
            "version": "2.0",
            "operation": "searchRetrieve",
            "query": self.query(),
            "startRecord": start,
            "maximumRecords": self.settings.getint("FICHE_SRU_PAGE_SIZE"),
        }
        url = f"{self.settings.get('FICHE_SRU_URL')}?{urlencode(params)}"
        return self.listing_request(url, self.parse_page)

    def parse_page(self, response):
        try:
            root = etree.fromstring(response.body)
        except etree.XMLSyntaxError as error:
            self.progress.listing_failed(response.url, f"malformed SRU XML ({error})")
            return
        diagnostic = root.findtext(".//{*}diagnostic/{*}message")
        if diagnostic:
            self.progress.listing_failed(response.url, f"SRU diagnostic: {diagnostic}")
            return
        self.progress.listing_read(response.url)
        for record in root.iterfind(".//sru:record", NS):
            yield from self.record_requests(record)
        following = root.findtext("sru:nextRecordPosition", namespaces=NS)
        if following and following.strip().isdigit():
            yield self.page_request(int(following))

    def record_requests(self, record):
        key = record.findtext(".//dcterms:identifier", namespaces=NS) or ""
        modified = record.findtext(".//dcterms:modified", namespaces=NS) or ""
        # The work's timestamp changes with every new version; the date alone would not.
        version = record.findtext(".//cd:datumTijdstipWijzigingExpression", namespaces=NS)
        files = record_files(record)
        for file in files:
            if file["role"] == "document":
                file["identity"] = key  # the record's kst-… id, whatever the file says
        if not key or not files:
            url = record.findtext(".//gzd:url", namespaces=NS) or key or "(record without id)"
            self.progress.listed(key or url, "", modified)
            self.progress.expect(key or url, "", modified, [url])
            self.progress.file_failed(key or url, url, "SRU record names no downloadable file")
            return
        yield from self.fetch_record(key, version or modified, modified, files)


def record_files(record) -> list[dict]:
    """The best manifestation of the record, and its metadata.xml."""
    urls = {
        item.get("manifestation"): item.text.strip()
        for item in record.iterfind(".//gzd:itemUrl", NS)
        if item.text
    }
    files = []
    for kind in PREFERENCE:
        if kind in urls:
            files.append(file_entry(urls[kind], kind, "document"))
            break
    else:
        main = record.findtext(".//gzd:url", namespaces=NS)
        if main:
            kind = PurePosixPath(urlsplit(main).path).suffix.lstrip(".") or "html"
            files.append(file_entry(main.strip(), kind, "document"))
    if files and "metadata" in urls:
        name = files[0]["filename"].rsplit(".", 1)[0] + ".metadata.xml"
        files.append(dict(file_entry(urls["metadata"], "xml", "sidecar"), filename=name))
    return files


def file_entry(url: str, kind: str, role: str) -> dict:
    return {
        "url": url,
        "kind": kind,
        "role": role,
        "filename": PurePosixPath(urlsplit(url).path).name,
    }

"""API responses and listings that are not documents: SRU search responses and records,
Tweede Kamer OData and Cellar SPARQL JSON, Cellar metadata notices, rijksoverheid.nl open
data listings and the PLOOI archive manifest. Each gets a NotADocument error naming what it
is, so an import counts it as "not a document" instead of indexing metadata as if it were
text, and apart from the files that failed."""

from __future__ import annotations

import json

from parsers.model import NotADocument
from parsers.readers.xmltools import clean, first, local_name, text_of

LISTING_ROOTS = ("searchRetrieveResponse", "record", "NOTICE", "documents", "work")


def is_listing(root) -> bool:
    return local_name(root) in LISTING_ROOTS


def reject_listing(root) -> None:
    name = local_name(root)
    if name == "searchRetrieveResponse":
        total = clean(text_of(first(root, "numberOfRecords")))
        listing = first(root, "records")
        records = 0 if listing is None else sum(1 for el in listing if local_name(el) == "record")
        raise NotADocument(
            f"an SRU search response (a listing of {records} records"
            f"{f' of {total} matches' if total and total != str(records) else ''}), not a document"
        )
    if name == "record":
        identifier = clean(text_of(first(root, "identifier")))
        raise NotADocument(
            f"an SRU record (search metadata of {identifier or 'a publication'}), not a document"
        )
    if name == "NOTICE":
        kind = root.get("type", "")
        raise NotADocument(f"a Cellar {kind + ' ' if kind else ''}metadata notice, not a document")
    if name == "documents":
        count = sum(1 for child in root if local_name(child) == "document")
        raise NotADocument(
            f"a rijksoverheid.nl open data listing ({count} documents), not a document"
        )
    if name == "work":
        label = root.get("label", "")
        raise NotADocument(
            f"a PLOOI archive manifest (metadata of {label or 'a publication'}), not a document"
        )
    raise NotADocument(f"an XML listing <{name}>, not a document")


def reject_json(data: bytes) -> None:
    """JSON in the corpus is always an API response: say which."""
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise NotADocument(f"malformed JSON: {error}") from None
    if isinstance(payload, dict) and "@odata.context" in payload:
        entity = str(payload["@odata.context"]).rsplit("#", 1)[-1].split("(")[0].split("/")[0]
        raise NotADocument(f"a Tweede Kamer OData response ({entity or 'entity'}), not a document")
    if isinstance(payload, dict) and isinstance(payload.get("results"), dict):
        rows = payload["results"].get("bindings", [])
        count = len(rows) if isinstance(rows, list) else 0
        raise NotADocument(f"a SPARQL query result ({count} rows), not a document")
    raise NotADocument("a JSON data file, not a document")

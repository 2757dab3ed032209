"""What a spider hands the pipeline: one fetched file and its fetch record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FetchedFile:
    url: str  # where the bytes came from
    listed_url: str  # the URL the listing promised (differs when a fallback answered)
    source: str
    body: bytes
    filename: str  # a name that tells the parser the format: kst-22112-3300.xml
    record: str  # the listing's record this file belongs to (kst-22112-3300, 2025D01234, ...)
    # "document" is parsed; "sidecar" (metadata.xml) is only kept raw, for its document;
    # "data" (the Council votes dump) is kept raw, and its spider reads it (file_stored)
    role: str = "document"
    etag: str = ""
    last_modified: str = ""
    identity: str = ""  # the document id the listing gives the file (kst-22112-3516)
    fallback_id: str = ""  # the id when neither the listing nor the file names one

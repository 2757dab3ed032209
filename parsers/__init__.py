"""bytes -> Document: readers per format, fiche structure, stance analysis.

The public API: parse_bytes, parse_file, Document and friends, ParseError.
"""

from parsers.documents import PARSER_VERSION, parse_bytes, parse_file, read_sidecars
from parsers.model import (
    Document,
    Link,
    MissingTool,
    NotADocument,
    OcrPage,
    ParseError,
    Section,
    Stance,
)
from parsers.readers.metadata import is_sidecar_metadata
from parsers.readers.ocr import OcrSettings

__all__ = [
    "PARSER_VERSION",
    "Document",
    "Link",
    "MissingTool",
    "NotADocument",
    "OcrPage",
    "OcrSettings",
    "ParseError",
    "Section",
    "Stance",
    "is_sidecar_metadata",
    "parse_bytes",
    "parse_file",
    "read_sidecars",
]

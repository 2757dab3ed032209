"""bytes -> Document: readers per format, fiche structure, stance analysis.

The public API: parse_bytes, parse_file, Document and friends, ParseError.
"""

from parsers.documents import PARSER_VERSION, is_sidecar_metadata, parse_bytes, parse_file
from parsers.model import Document, Link, ParseError, Section, Stance

__all__ = [
    "PARSER_VERSION",
    "Document",
    "Link",
    "ParseError",
    "is_sidecar_metadata",
    "Section",
    "Stance",
    "parse_bytes",
    "parse_file",
]

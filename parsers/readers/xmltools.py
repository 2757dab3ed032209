"""Safe XML/HTML parsing and the small text helpers every markup reader shares.

Parsers never touch the network and never expand entities: the files come from outside.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from parsers.model import ParseError

_SPACES = re.compile(r"\s+")


def _xml_parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=True,
        remove_comments=True,
    )


def parse_xml(data: bytes) -> etree._Element:
    """The root element, or ParseError("malformed XML: <reason, line N>")."""
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as error:
        raise ParseError(f"malformed XML: {_xml_reason(error)}") from None
    except (ValueError, LookupError) as error:  # bad encoding declaration, NUL bytes, ...
        raise ParseError(f"malformed XML: {error}") from None
    if root is None:
        raise ParseError("malformed XML: no root element")
    return root


def _xml_reason(error: etree.XMLSyntaxError) -> str:
    message = (error.msg or str(error)).strip()
    # lxml already appends ", line N, column M" to most messages; add it when it does not.
    if error.lineno and "line" not in message:
        message = f"{message}, line {error.lineno}"
    return message


def parse_html(data: bytes) -> etree._Element:
    """The <html> root of a (possibly sloppy) HTML page, or ParseError."""
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=False, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(f"malformed HTML: {error}") from None
    if root is None:
        raise ParseError("malformed HTML: no content")
    return root


def local_name(element) -> str:
    """Tag without namespace; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def clean(text: str | None) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return _SPACES.sub(" ", text or "").strip()


def text_of(element) -> str:
    """All text inside an element, whitespace collapsed."""
    if element is None:
        return ""
    return clean("".join(element.itertext()))


def own_text(element) -> str:
    """Text directly inside an element (its .text and its children's tails)."""
    parts = [element.text or ""]
    parts.extend(child.tail or "" for child in element)
    return clean("".join(parts))


def first(root, *local_names: str):
    """The first descendant (document order) whose local name is one of local_names."""
    wanted = set(local_names)
    for element in root.iter():
        if local_name(element) in wanted:
            return element
    return None


def all_of(root, local: str) -> list:
    return [element for element in root.iter() if local_name(element) == local]

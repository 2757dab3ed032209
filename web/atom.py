"""An Atom feed (RFC 4287) of a saved search's alerts, built with ElementTree so every title
and id from a document is escaped as XML."""

from __future__ import annotations

from urllib.parse import quote
from xml.etree import ElementTree as ET

from fiche_search import Alert, Watch, printable

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00Z"


def _el(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    """A child element. Control characters are shown escaped (\\x01): XML 1.0 allows none
    of them, and ElementTree would write them as they are, making the feed unreadable."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: printable(v) for k, v in attrs.items()})
    if text:
        element.text = printable(text)
    return element


def watch_feed(watch: Watch, alerts: list[Alert], feed_url: str, base_url: str) -> bytes:
    """`base_url` ends with '/': document pages are base_url + 'document/ID'."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "id", f"urn:fiche-search:watch:{watch.name}")
    _el(feed, "title", f"fiche-search: {watch.name} ({watch.query})")
    _el(feed, "updated", max([a.seen_at for a in alerts] + [watch.created_at or EPOCH]))
    _el(feed, "link", rel="self", href=feed_url)
    author = _el(feed, "author")
    _el(author, "name", "fiche-search")
    _el(feed, "generator", "fiche-search")
    for alert in alerts:
        entry = _el(feed, "entry")
        _el(entry, "id", f"urn:fiche-search:watch:{watch.name}:{alert.key or alert.doc_id}")
        _el(entry, "title", alert.title or alert.doc_id)
        _el(entry, "updated", alert.seen_at)
        _el(
            entry,
            "link",
            rel="alternate",
            href=f"{base_url}document/{quote(alert.doc_id, safe='')}",
        )
        summary = f"{alert.doc_type or 'document'} · {alert.date or 'no date'} · {alert.doc_id}"
        _el(entry, "summary", summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)

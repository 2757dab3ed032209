"""HTML element tree -> Blocks: headings and paragraphs in reading order.

Shared by the officielebekendmakingen/tweedekamer reader and the EUR-Lex reader; each says
which classes mark headings in its layout and which subtrees are not the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from parsers.readers.xmltools import clean, local_name
from parsers.text import Block

_HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = {"p", "li", "dt", "dd", "pre", "blockquote", "address", "caption", "tr"}
_NEVER = {"script", "style", "noscript", "nav", "form", "button", "select", "head", "template"}
# Block-level children: an element holding one of these is walked into, not taken whole.
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "body",
    "html",
    "center",
    "span",
    "font",
    "aside",
    "header",
    "footer",
}


@dataclass
class HtmlLayout:
    """What marks a heading and what is not the document, in one site's layout."""

    heading_classes: dict[str, int] = field(default_factory=dict)  # class -> heading level
    skip: Callable[[object], bool] = lambda element: False
    footnote: Callable[[object], bool] = lambda element: False


def html_blocks(root, layout: HtmlLayout) -> tuple[list[Block], list[str]]:
    """(blocks, footnotes) of the subtree under root."""
    blocks: list[Block] = []
    footnotes: list[str] = []
    _walk(root, layout, blocks, footnotes)
    return [b for b in blocks if b.text], [f for f in footnotes if f]


def _walk(element, layout: HtmlLayout, blocks: list[Block], footnotes: list[str]) -> None:
    for child in element:
        tag = local_name(child).lower()
        if not tag or tag in _NEVER or layout.skip(child):
            continue
        if layout.footnote(child):
            footnotes.append(element_text(child))
            continue
        level = _heading_level(child, tag, layout)
        if level:
            blocks.append(
                Block(element_text(child), kind="heading", level=level, origin=_origin(child))
            )
        elif tag == "tr":
            cells = [element_text(cell) for cell in child if local_name(cell) in ("td", "th")]
            blocks.append(Block(" | ".join(c for c in cells if c), origin=_origin(child)))
        elif tag in _BLOCK_TAGS and not _has_block_children(child):
            blocks.append(Block(element_text(child), origin=_origin(child)))
        elif tag in _CONTAINERS or tag in _BLOCK_TAGS or _has_block_children(child):
            _walk(child, layout, blocks, footnotes)
            _tail(child, blocks)
        else:
            text = element_text(child)
            if text:  # loose inline text between blocks is still text of the document
                blocks.append(Block(text, origin=_origin(child)))


def _heading_level(element, tag: str, layout: HtmlLayout) -> int:
    for name in (element.get("class") or "").split():
        if name in layout.heading_classes:
            return layout.heading_classes[name]
    return _HEADING_TAGS.get(tag, 0)


def _has_block_children(element) -> bool:
    for node in element.iter():
        if node is element:
            continue
        if local_name(node).lower() in _BLOCK_TAGS | set(_HEADING_TAGS) | {"div", "table"}:
            return True
    return False


def _tail(element, blocks: list[Block]) -> None:
    tail = clean(element.tail)
    if tail:
        blocks.append(Block(tail))


def element_text(element) -> str:
    """Text of an element, <br> as a space, scripts left out, whitespace collapsed."""
    return clean("".join(_texts(element)))


def _texts(element):
    if local_name(element).lower() in ("script", "style"):
        return
    if local_name(element).lower() == "br":
        yield " "
    if element.text and isinstance(element.tag, str):
        yield element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def _origin(element) -> str:
    identifier = element.get("id") or ""
    classes = element.get("class") or ""
    tag = local_name(element).lower()
    if identifier:
        return f"{tag}#{identifier}"
    return f"{tag}.{classes.split()[0]}" if classes.strip() else tag

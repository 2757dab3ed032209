"""Hostile files built in code, as issue 26 found them: small on disk, costly to read.

    huge_page_pdf()      811 bytes or so: one page of 14,400 pt square (5 m) holding a scan
    blank_scans_pdf(n)   n pages, each a scanned empty sheet (one shared white image)
    docx_bomb(mb)        a .docx of a few hundred KB whose document.xml unpacks to `mb` MB
    one_line_text(mb)    a real corpus text with its line breaks taken out, repeated to `mb` MB

The PDFs are written by hand (objects, cross-reference table, trailer): no PDF library makes
pages this odd, and the file stays as small as the one a user met.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path


def minimal_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (object 1 is the catalog), numbered from 1 in order, with a
    correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def _grey_image(width: int, height: int, pixels: bytes) -> bytes:
    packed = zlib.compress(pixels, 9)
    return _stream(
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
        packed,
    )


def _scan_pages(sizes: list[tuple[int, int]], image: bytes) -> bytes:
    """Pages of these sizes (points), each covered by the one image (object 3)."""
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(sizes)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(sizes)),
        image,
    ]
    for index, (width, height) in enumerate(sizes):
        content = first_page + 2 * index + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
            b" /Resources << /XObject << /Im0 3 0 R >> >> >>" % (width, height, content)
        )
        objects.append(_stream(b"", b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (width, height)))
    return minimal_pdf(objects)


def huge_page_pdf(side_pt: int = 14_400) -> bytes:
    """One page `side_pt` points square, covered by a scan of a checkerboard (ink, so it is
    no blank page: it must be rendered for OCR)."""
    return inked_scans_pdf([(side_pt, side_pt)])


def inked_scans_pdf(sizes: list[tuple[int, int]]) -> bytes:
    """Pages of these sizes (points), each a scan of a checkerboard: ink, and no words."""
    cells = bytes(0 if (x // 2 + y // 2) % 2 else 255 for y in range(8) for x in range(8))
    return _scan_pages(sizes, _grey_image(8, 8, cells))


def blank_scans_pdf(pages: int = 2000) -> bytes:
    """`pages` A4 pages, each a scan of an empty white sheet with a grey speck."""
    pixels = bytearray([250] * 128 * 128)
    pixels[128 * 60 + 60] = 90  # a speck of dust: a real blank scan is not pure white
    return _scan_pages([(595, 842)] * pages, _grey_image(128, 128, bytes(pixels)))


def docx_bomb(megabytes: int = 190) -> bytes:
    """A .docx whose word/document.xml unpacks to about `megabytes` MB of paragraphs."""
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph = b"<w:p><w:r><w:t>Het kabinet steunt het voorstel.</w:t></w:r></w:p>" * 1000
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with archive, archive.open("word/document.xml", "w", force_zip64=True) as member:
        member.write(f'<w:document xmlns:w="{namespace}"><w:body>'.encode())
        for _ in range(megabytes * 1024 * 1024 // len(paragraph)):
            member.write(paragraph)
        member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def one_line_text(source: Path, megabytes: int = 20) -> bytes:
    """The text of a real document on one line (every line break a space), repeated until
    it is `megabytes` MB: what a careless export of a whole EUR-Lex text looks like."""
    line = " ".join(source.read_text(encoding="utf-8").split()).encode() + b" "
    repeats = megabytes * 1024 * 1024 // len(line) + 1
    return (line * repeats)[: megabytes * 1024 * 1024]


def huge_html(source: Path, megabytes: int = 100) -> bytes:
    """A web page of `megabytes` MB: the paragraphs of a real document, over and over, one
    <p> each (what a page that lists a whole register, or a hostile server, sends)."""
    paragraphs = [p.strip() for p in source.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = "".join(f"<p>{p.replace('<', '&lt;')}</p>\n" for p in paragraphs).encode()
    head = b"<!DOCTYPE html>\n<html><head><title>Huge</title></head><body>\n"
    repeats = megabytes * 1024 * 1024 // len(body) + 1
    return head + body * repeats + b"</body></html>\n"

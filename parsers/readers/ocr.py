"""OCR for PDF pages without a text layer: Tesseract with its Dutch language data.

Pages are rendered one at a time (pdfium, in the calling thread: it is not thread-safe) and
recognised by Tesseract processes running side by side, one per core, each single-threaded
and at a lower scheduling priority, so the process that writes the archive and the index is
never starved. At most one rendered page waits per worker: memory stays bounded however many
pages a scan has.

Skew: a sheet laid a little crooked on the scanner is straightened first (the angle whose
rows of ink are most sharply separated, a projection profile), and long horizontal rules are
erased: on a crooked page Tesseract's layout analysis takes a footnote rule with the
footnotes under it for a picture and drops them. Orientation: Tesseract's automatic
segmentation with orientation detection (--psm 1) reads a turned page; when its lines come
out vertical or upside down, the page is turned upright (--psm 0 says how far) and read
again, so the word positions are those of an upright page.

With a cache folder, every page read is kept there under the file's sha256 and its page
number: a run killed halfway through a 300-page scan does not read those pages again.

Limits (parsers/limits.py): a page is rendered with at most `max_page_pixels` (a huge page at
a lower resolution), a page that is blank at a glance (rendered small) is never sent to
Tesseract, and at most `max_ocr_pages` pages of one file are read; the rest are recorded as
not read, with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from parsers.limits import BLANK_CHECK_DPI, Limits, current_limits
from parsers.model import MissingTool, OcrPage

TESSERACT = "tesseract"
# A page whose mean word confidence is below this is flagged: its text may be garbled.
LOW_CONFIDENCE = 75.0
# Part of the cache key: bump when a change here changes what a page reads as.
OCR_VERSION = "1"
_INSTALL = "install the Debian packages tesseract-ocr and tesseract-ocr-{lang}"
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_SCHEME = re.compile(r"^(?:https?|ftp):$", re.IGNORECASE)


def _no_progress(done: int, total: int) -> None:
    return None


def _cpu_count() -> int:
    return os.cpu_count() or 1


@dataclass
class OcrSettings:
    languages: str = "nld"  # Tesseract's language codes, "nld+eng" for several
    dpi: int = 300  # pages are rendered at this resolution, whatever the scan's own
    page_timeout: float = 120.0  # seconds per page; a page over budget is recorded, not read
    workers: int = field(default_factory=_cpu_count)
    cache_dir: Path | None = None  # where pages read are kept (the archive's ocr-cache)
    on_page: Callable[[int, int], None] = _no_progress  # (pages done, pages to read)


@dataclass(slots=True)  # a 300-page scan holds some 100,000 of these
class OcrWord:
    """A recognised word; positions in PDF points from the top left of the upright page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float


@dataclass
class OcrPageText:
    """What OCR made of one page: its lines of words in reading order, and the record."""

    record: OcrPage
    lines: list[list[OcrWord]] = field(default_factory=list)
    height: float = 0.0  # page height in points


def read_pages(
    data: bytes, numbers: list[int], settings: OcrSettings, limits: Limits | None = None
) -> list[OcrPageText]:
    """OCR these pages (1-based) of a PDF. A page that cannot be read is recorded as such;
    a missing Tesseract or language pack is MissingTool for the whole file. Blank pages and
    pages past `limits.max_ocr_pages` are recorded as not read."""
    limits = limits or current_limits()
    cache = _PageCache(settings, hashlib.sha256(data).hexdigest()) if settings.cache_dir else None
    results: dict[int, OcrPageText] = {}
    for number in numbers:
        cached = cache.load(number) if cache else None
        if cached is not None:
            results[number] = cached
    for number, blank in _blank_pages(data, [n for n in numbers if n not in results], limits):
        results[number] = blank
    todo = [n for n in numbers if n not in results]
    # The first max_ocr_pages pages with ink are read (from the cache or by Tesseract), so a
    # document is the same whether its pages were cached or not.
    inked = sorted(n for n in numbers if n in todo or results[n].record.status != "blank")
    for number in inked[limits.max_ocr_pages :]:
        results[number] = _over_limit(number, limits)
    todo = [n for n in todo if n not in results]
    if todo:
        check_tesseract(settings.languages)
    settings.on_page(len(results), len(numbers))

    def finished(page: OcrPageText) -> None:
        results[page.record.page] = page
        if cache and page.record.status != "timeout":  # another run may have more time
            cache.save(page)
        settings.on_page(len(results), len(numbers))

    workers = max(1, settings.workers)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        running: set[Future] = set()
        for number, image, dpi in _render(data, todo, settings.dpi, limits.max_page_pixels):
            if isinstance(image, str):
                finished(_failed(number, image))
                continue
            running.add(pool.submit(_recognise_or_fail, number, image, settings, dpi))
            while len(running) > workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    finished(future.result())
        for future in running:
            finished(future.result())
    return [results[n] for n in numbers]


@cache
def check_tesseract(languages: str) -> None:
    """Raise MissingTool, naming the package to install, when Tesseract or the language data
    is not there."""
    first = languages.split("+")[0]
    try:
        listed = subprocess.run(
            [TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        raise MissingTool(f"OCR needs Tesseract: {_INSTALL.format(lang=first)}") from None
    installed = set(listed.stdout.split()) | set(listed.stderr.split())
    for language in languages.split("+"):
        if language not in installed:
            raise MissingTool(
                f"OCR needs Tesseract's {language} language data: "
                f"install the Debian package tesseract-ocr-{language}"
            )


# --- rendering --------------------------------------------------------------------------


def _render(
    data: bytes, numbers: list[int], dpi: int, max_pixels: int
) -> Iterator[tuple[int, object, float]]:
    """(page number, grey PIL image, its dpi) one page at a time, or (page number, reason,
    dpi) for a page that cannot be rendered. A page that would have more than `max_pixels`
    pixels at `dpi` is rendered at the resolution that gives it that many."""
    if not numbers:
        return
    import pypdfium2  # imported here: only scans pay for it

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as error:  # pdfium's errors carry no useful type
        for number in numbers:
            yield number, f"cannot render the page ({_first_line(error)})", dpi
        return
    try:
        for number in numbers:
            yield number, *_render_page(pdf, number, dpi, max_pixels)
    finally:
        pdf.close()


def page_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """`dpi`, or less for a page that would hold more than `max_pixels` pixels at `dpi`."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0) / 72 / 72  # square inches
    if area * dpi * dpi <= max_pixels:
        return dpi
    return (max_pixels / area) ** 0.5


def _render_page(pdf, number: int, dpi: float, max_pixels: int) -> tuple[object, float]:
    try:
        page = pdf[number - 1]
        try:
            width, height = page.get_size()
            dpi = page_dpi(width, height, dpi, max_pixels)
            return page.render(scale=dpi / 72, grayscale=True).to_pil(), dpi
        finally:
            page.close()
    except Exception as error:
        return f"cannot render the page ({_first_line(error)})", dpi


# --- blank pages -------------------------------------------------------------------------

# A pixel darker than this (0 black, 255 white) is ink, at the blank check's resolution.
_INK = 160
# The blank check looks at a page with at most this many pixels, whatever its size.
_BLANK_CHECK_PIXELS = 1_000_000


def _blank_pages(
    data: bytes, numbers: list[int], limits: Limits
) -> Iterator[tuple[int, OcrPageText]]:
    """The pages among `numbers` that are blank when rendered small, each with its record: a
    scanned empty sheet costs a fraction of a second here instead of a Tesseract run."""
    import numpy

    reason = f"blank page (no ink at {BLANK_CHECK_DPI} dpi): not sent to OCR"
    for number, image, _ in _render(data, numbers, BLANK_CHECK_DPI, _BLANK_CHECK_PIXELS):
        if isinstance(image, str):
            continue  # the full rendering says why
        ink = float((numpy.asarray(image) < _INK).mean()) if image.width * image.height else 0
        if ink < limits.blank_ink_share:
            yield number, OcrPageText(OcrPage(page=number, status="blank", reason=reason))


def _over_limit(number: int, limits: Limits) -> OcrPageText:
    reason = (
        f"not read: over the limit of {limits.max_ocr_pages} OCR pages per document"
        " (FICHE_LIMIT_MAX_OCR_PAGES)"
    )
    return OcrPageText(OcrPage(page=number, status="skipped", reason=reason))


# --- recognition ------------------------------------------------------------------------


def _recognise_or_fail(number: int, image, settings: OcrSettings, dpi: float) -> OcrPageText:
    try:
        return recognise_page(number, image, settings, dpi)
    except MissingTool:
        raise
    except Exception as error:  # an image no step can handle: that page fails, not the file
        return _failed(number, f"cannot read the page image ({_first_line(error)})")


def recognise_page(
    number: int, image, settings: OcrSettings, dpi: float | None = None
) -> OcrPageText:
    """One page image (rendered at `dpi`, settings.dpi when None) through Tesseract, turned
    upright first when it lies on its side."""
    dpi = dpi or settings.dpi
    image = _without_rules(_straightened(image))
    try:
        lines = _tesseract_lines(image, settings, dpi, psm=1)
        if lines and not _upright(lines):
            angle = _osd_rotation(image, settings, dpi)
            if angle:
                image = image.rotate(-angle, expand=True, fillcolor=255)
                lines = _tesseract_lines(image, settings, dpi, psm=3)
    except subprocess.TimeoutExpired:
        reason = f"OCR took longer than the {settings.page_timeout:.0f} s budget per page"
        return OcrPageText(OcrPage(page=number, status="timeout", reason=reason))
    except _TesseractFailed as error:
        return _failed(number, str(error))
    return _page_text(number, lines, image.height, dpi)


def _straightened(image):
    """The page rotated so that its lines of text run level: the angle (within 4 degrees)
    at which the ink per row varies most, found coarse then fine on a reduced copy."""
    import numpy

    small = image.reduce(4)

    def sharpness(angle: float) -> float:
        turned = small.rotate(angle, fillcolor=255)
        rows = (numpy.asarray(turned) < 128).sum(axis=1)
        return float(rows.var())

    coarse = max((a / 2 for a in range(-8, 9)), key=sharpness)
    best = max((coarse + a / 10 for a in range(-4, 5)), key=sharpness)
    if abs(best) < 0.2:
        return image  # level enough: Tesseract copes, and every rotation blurs a little
    return image.rotate(best, expand=True, fillcolor=255, resample=3)  # bicubic


def _without_rules(image):
    """The page with long horizontal lines (rules, underlines) made white."""
    import numpy
    from PIL import Image

    pixels = numpy.asarray(image).copy()
    dark = pixels < 128
    longest = image.width // 8  # no run of text ink is this long: letters have gaps
    for y in numpy.nonzero(dark.sum(axis=1) >= longest)[0]:
        edges = numpy.diff(numpy.concatenate(([0], dark[y].astype(numpy.int8), [0])))
        starts, ends = numpy.nonzero(edges == 1)[0], numpy.nonzero(edges == -1)[0]
        for start, end in zip(starts, ends, strict=True):
            if end - start >= longest:
                pixels[y, start:end] = 255
    return Image.fromarray(pixels)


class _TesseractFailed(Exception):
    pass


def _run_tesseract(image, settings: OcrSettings, dpi: float, args: list[str]) -> str:
    """Tesseract on one image, fed as PGM on stdin; its stdout."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # a grey image is written as PGM, no compression
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: pages run side by side
    command = [TESSERACT, "stdin", "stdout", "--dpi", str(round(dpi)), *args]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    except OSError as error:
        raise MissingTool(
            f"OCR needs Tesseract ({error.strerror}): {_INSTALL.format(lang='nld')}"
        ) from None
    _lower_priority(process.pid)
    try:
        out, err = process.communicate(buffer.getvalue(), timeout=settings.page_timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        raise _TesseractFailed(f"Tesseract failed ({detail[-1] if detail else 'no message'})")
    return out.decode("utf-8", "replace")


def _lower_priority(pid: int) -> None:
    """OCR yields the processor to the archive and index writer."""
    # It may have finished already, or the platform has no priorities: then nothing to do.
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, pid, 10)


def _tesseract_lines(image, settings: OcrSettings, dpi: float, psm: int) -> list[list[_TsvWord]]:
    args = ["-l", settings.languages, "--psm", str(psm), "tsv"]
    tsv = _run_tesseract(image, settings, dpi, args)
    return _tsv_lines(tsv)


def _osd_rotation(image, settings: OcrSettings, dpi: float) -> int:
    """Degrees (clockwise) that turn the page upright, by Tesseract's orientation detection."""
    try:
        found = _ROTATE.search(_run_tesseract(image, settings, dpi, ["--psm", "0"]))
    except _TesseractFailed:
        return 0  # too little text to tell: keep the page as it is
    return int(found.group(1)) % 360 if found else 0


@dataclass
class _TsvWord:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


def _tsv_lines(tsv: str) -> list[list[_TsvWord]]:
    """Tesseract's TSV (level 5 = word) into lines, in Tesseract's reading order."""
    lines: dict[tuple[str, str, str, str], list[_TsvWord]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        confidence = float(cells[10])
        if confidence < 0:
            continue
        word = _TsvWord(
            text=unicodedata.normalize("NFC", cells[11].strip()),
            left=int(cells[6]),
            top=int(cells[7]),
            width=int(cells[8]),
            height=int(cells[9]),
            confidence=confidence,
        )
        lines.setdefault((cells[1], cells[2], cells[3], cells[4]), []).append(word)
    return [_urls_joined(line) for line in lines.values()]


def _urls_joined(line: list[_TsvWord]) -> list[_TsvWord]:
    """Tesseract reads "https://eur-lex..." as "https:" and "//eur-lex...": one word again,
    so the links in a scanned fiche are found."""
    joined: list[_TsvWord] = []
    for word in line:
        if joined and _SCHEME.match(joined[-1].text) and word.text.startswith("//"):
            scheme = joined.pop()
            word = _TsvWord(
                text=scheme.text + word.text,
                left=scheme.left,
                top=min(scheme.top, word.top),
                width=word.left + word.width - scheme.left,
                height=max(scheme.height, word.height),
                confidence=min(scheme.confidence, word.confidence),
            )
        joined.append(word)
    return joined


def _upright(lines: list[list[_TsvWord]]) -> bool:
    """Lines run left to right and follow each other down the page on an upright page. On a
    page lying on its side the words of a line stack vertically; upside down, the lines
    climb the page."""
    spread_x = spread_y = 0
    for line in lines:
        if len(line) > 1:
            spread_x += abs(line[-1].left - line[0].left)
            spread_y += abs(line[-1].top - line[0].top)
    if spread_y > spread_x:
        return False
    tops = [line[0].top for line in lines]
    down = sum(1 for a, b in zip(tops, tops[1:], strict=False) if b > a)
    up = sum(1 for a, b in zip(tops, tops[1:], strict=False) if b < a)
    return down >= up


def _page_text(number: int, lines: list[list[_TsvWord]], height_px: int, dpi: float) -> OcrPageText:
    scale = 72 / dpi
    words = [w for line in lines for w in line]
    if not words:
        return _failed(number, "no text found on the page image (blank or unreadable)")
    confidence = round(sum(w.confidence for w in words) / len(words), 1)
    status = "ok" if confidence >= LOW_CONFIDENCE else "low_confidence"
    reason = (
        ""
        if status == "ok"
        else f"mean word confidence {confidence:.0f}, below {LOW_CONFIDENCE:.0f}"
    )
    record = OcrPage(
        page=number, confidence=confidence, status=status, reason=reason, words=len(words)
    )
    page_lines = [
        [
            OcrWord(
                text=w.text,
                x0=w.left * scale,
                x1=(w.left + w.width) * scale,
                top=w.top * scale,
                bottom=(w.top + w.height) * scale,
                confidence=w.confidence,
            )
            for w in line
        ]
        for line in lines
    ]
    return OcrPageText(record=record, lines=page_lines, height=height_px * scale)


def _failed(number: int, reason: str) -> OcrPageText:
    return OcrPageText(OcrPage(page=number, status="failed", reason=reason))


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:100] if text else type(error).__name__


# --- cache ------------------------------------------------------------------------------


class _PageCache:
    """One JSON file per page read: <cache>/<sha256[:2]>/<sha256>/<page>-<key>.json, written
    whole or not at all (a temporary file renamed into place)."""

    def __init__(self, settings: OcrSettings, sha256: str):
        self.folder = Path(settings.cache_dir) / sha256[:2] / sha256
        self.key = f"{settings.languages}-{settings.dpi}-v{OCR_VERSION}"

    def _path(self, number: int) -> Path:
        return self.folder / f"{number}-{self.key}.json"

    def load(self, number: int) -> OcrPageText | None:
        try:
            stored = json.loads(self._path(number).read_text(encoding="utf-8"))
            return OcrPageText(
                record=OcrPage(**stored["record"]),
                lines=[[OcrWord(**w) for w in line] for line in stored["lines"]],
                height=stored["height"],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not read yet, or a damaged entry: read the page again

    def save(self, page: OcrPageText) -> None:
        path = self._path(page.record.page)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(asdict(page), ensure_ascii=False), encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            pass  # a cache that cannot be written costs time on a rerun, nothing else

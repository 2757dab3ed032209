"""The shapes results leave the program in: the JSON and CSV of a search and the archive
summary. Shared by the CLI and the web interface so both speak the same format."""

from __future__ import annotations

import html
import re
from dataclasses import asdict

from index.archive.database import Archive
from index.features.vote_rows import vote_counts
from index.search.contract import SearchResults
from parsers import OcrPage
from parsers.characters import printable

_BOLD = re.compile(r"</?b>")

CSV_HEADER = ["id", "title", "date", "doc_type", "score", "section", "stance", "snippet"]


def results_json(results: SearchResults) -> dict:
    return {
        "total": results.total,
        "total_sections": results.total_sections,
        "estimated": results.estimated,  # totals and facets from a sample (a broad query)
        "shown": len(results.hits),
        "offset": results.offset,
        "has_more": results.has_more,
        "hits": [
            {
                "id": hit.id,
                "title": hit.title,
                "date": hit.date,
                "doc_type": hit.doc_type,
                "score": round(hit.score, 4),
                "sections": [
                    {
                        "key": s.key,
                        "heading": s.heading,
                        "snippet": s.snippet,
                        "stance": s.stance,
                    }
                    for s in hit.sections
                ],
            }
            for hit in results.hits
        ],
        "facets": results.facets,
        # a filter value no document has, and the values that exist (closest first)
        **({"hint": " ".join(results.hints)} if results.hints else {}),
    }


def csv_rows(results: SearchResults) -> list[list]:
    """One row per matching section, snippets as plain text (highlights dropped), control
    characters shown escaped: a CSV is read in terminals and spreadsheets too."""
    rows = []
    for hit in results.hits:
        for s in hit.sections:
            rows.append(
                [
                    printable(hit.id),
                    printable(hit.title),
                    hit.date,
                    printable(hit.doc_type),
                    round(hit.score, 4),
                    printable(s.key),
                    "|".join(s.stance),
                    plain_snippet(s.snippet),
                ]
            )
    return rows


def plain_snippet(snippet: str) -> str:
    return printable(html.unescape(_BOLD.sub("", snippet)))


def archive_summary(archive: Archive) -> dict:
    """What the archive holds, per source, and how fresh it is (`stats --json`), and the
    Council votes: how many, how many join a proposal, how many a fiche's."""
    return {
        "home": str(archive.home),
        "documents": archive.statistics.count("documents"),
        "sections": archive.statistics.section_count(),
        "raw_files": archive.statistics.count("raw_files"),
        "parse_failures": archive.statistics.count("parse_failures"),
        "doc_types": archive.statistics.doc_type_counts(),
        "council_votes": asdict(vote_counts(archive)),
        "sources": [
            {
                "source": s.source,
                "documents": s.documents,
                "files": s.files,
                "last_fetch": s.last_fetch,
                "last_crawl": s.last_crawl,
                "failures": s.failures,
            }
            for s in archive.statistics.source_stats()
        ],
    }


def ocr_summary(pages: list[OcrPage]) -> list[str]:
    """What `show` and the web page say about the pages read by OCR: one line for all, one
    per flagged page (low confidence, timed out, failed), and one each for the blank pages
    and the pages past the limit of OCR pages (a 2,000-page scan says so once, not 1,500
    times)."""
    if not pages:
        return []
    sent = [p for p in pages if p.status not in _NOT_SENT]
    read = [p for p in sent if p.words]
    mean = sum(p.confidence for p in read) / len(read) if read else 0.0
    numbers = _page_list([p.page for p in sent])
    lines = [
        f"OCR: {len(sent)} page(s) read by OCR ({numbers}), mean confidence {mean:.0f}"
        if sent
        else "OCR: no page read by OCR"
    ]
    for page in sent:
        if page.flagged:
            detail = f"confidence {page.confidence:.0f}, " if page.words else ""
            lines.append(
                f"page {page.page}: {page.status.replace('_', ' ')} ({detail}{page.reason})"
            )
    for status in _NOT_SENT:
        alike = [p for p in pages if p.status == status]
        if alike:
            which = "page" if len(alike) == 1 else "pages"
            lines.append(f"{which} {_page_list([p.page for p in alike])}: {alike[0].reason}")
    return lines


# Pages of a scan never sent to Tesseract (parsers/readers/ocr.py), listed together.
_NOT_SENT = ("blank", "skipped")


def _page_list(numbers: list[int]) -> str:
    """1, 2, 3 for a few pages; runs as ranges (1-3, 7, 9-2000) when there are many."""
    if len(numbers) <= 20:
        return ", ".join(map(str, numbers))
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)

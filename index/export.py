"""The archive as four tables for pandas, R or Datasette: documents, sections, stances and
links, joined on the document id (`documents.id` = `sections.doc_id` = ...).

Written as Parquet (pyarrow), CSV or JSON Lines, in batches of documents so an archive of any
size exports in bounded memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from index.archive import Archive
from parsers import Document
from parsers.model import METADATA_KEYS

FORMATS = ("parquet", "csv", "jsonl")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}
BATCH_DOCUMENTS = 500

# Column name -> pyarrow type name; the order is the order in every format.
DOCUMENT_COLUMNS = {
    "id": "string",
    "source": "string",
    "doc_type": "string",
    "title": "string",
    "date": "string",
    "url": "string",
    "dossier": "string",  # dossier numbers joined with "|"
    "format": "string",
    "sha256": "string",
    "parser_version": "string",
    "sections": "int32",
    "updated_at": "string",
    **{key: "string" for key in METADATA_KEYS},  # lists (com_numbers) joined with "|"
}
SECTION_COLUMNS = {
    "doc_id": "string",
    "ord": "int32",
    "key": "string",
    "number": "string",
    "heading": "string",
    "text": "string",
    "origin": "string",
}
STANCE_COLUMNS = {
    "doc_id": "string",
    "aspect": "string",
    "label": "string",
    "evidence": "string",
    "section_key": "string",
    "start": "int32",
    "end": "int32",
}
LINK_COLUMNS = {"doc_id": "string", "kind": "string", "value": "string", "target_id": "string"}
TABLES = {
    "documents": DOCUMENT_COLUMNS,
    "sections": SECTION_COLUMNS,
    "stances": STANCE_COLUMNS,
    "links": LINK_COLUMNS,
}


@dataclass
class ExportReport:
    directory: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    files: dict[str, Path] = field(default_factory=dict)  # table -> file

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)


def export_archive(
    archive: Archive,
    directory: Path,
    fmt: str = "parquet",
    doc_ids: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportReport:
    """Write the four tables of these documents (all when None) into `directory`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ids = doc_ids if doc_ids is not None else archive.document_ids()
    updated = archive.updated_at(ids)
    report = ExportReport(directory, fmt)
    writers = {
        name: _writer(fmt, directory / f"{name}{SUFFIXES[fmt]}", columns)
        for name, columns in TABLES.items()
    }
    try:
        for start in range(0, len(ids), BATCH_DOCUMENTS):
            batch = list(archive.documents(ids[start : start + BATCH_DOCUMENTS]))
            for name, rows in _tables(batch, updated).items():
                writers[name].write(rows)
                report.rows[name] = report.rows.get(name, 0) + len(rows)
            if progress:
                progress(min(start + BATCH_DOCUMENTS, len(ids)), len(ids))
    finally:
        for writer in writers.values():
            writer.close()
    for name, writer in writers.items():
        report.files[name] = writer.path
        report.rows.setdefault(name, 0)
    return report


def _tables(documents: list[Document], updated: dict[str, str]) -> dict[str, list[dict]]:
    return {
        "documents": [_document_row(d, updated.get(d.id, "")) for d in documents],
        "sections": [
            {
                "doc_id": d.id,
                "ord": n,
                "key": s.key,
                "number": s.number,
                "heading": s.heading,
                "text": s.text,
                "origin": s.origin,
            }
            for d in documents
            for n, s in enumerate(d.sections)
        ],
        "stances": [
            {
                "doc_id": d.id,
                "aspect": s.aspect,
                "label": s.label,
                "evidence": s.evidence,
                "section_key": s.section_key,
                "start": s.start,
                "end": s.end,
            }
            for d in documents
            for s in d.stances
        ],
        "links": [
            {"doc_id": d.id, "kind": lk.kind, "value": lk.value, "target_id": lk.target_id}
            for d in documents
            for lk in d.links
        ],
    }


def _document_row(doc: Document, updated_at: str) -> dict:
    row = {
        "id": doc.id,
        "source": doc.source,
        "doc_type": doc.doc_type,
        "title": doc.title,
        "date": doc.date,
        "url": doc.url,
        "dossier": "|".join(doc.dossier),
        "format": doc.format,
        "sha256": doc.sha256,
        "parser_version": doc.parser_version,
        "sections": len(doc.sections),
        "updated_at": updated_at,
    }
    for key in METADATA_KEYS:
        value = doc.metadata.get(key, "")
        row[key] = "|".join(map(str, value)) if isinstance(value, list) else str(value or "")
    return row


class _Writer:
    path: Path

    def write(self, rows: list[dict]) -> None: ...

    def close(self) -> None: ...


class _ParquetWriter(_Writer):
    def __init__(self, path: Path, columns: dict[str, str]):
        import pyarrow as pa  # loaded only for an export
        import pyarrow.parquet as pq

        self.path = path
        self.pa = pa
        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in columns.items()])
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, rows: list[dict]) -> None:
        if rows:
            self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


class _CsvWriter(_Writer):
    def __init__(self, path: Path, columns: dict[str, str]):
        self.path = path
        self.handle = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 closed in close()
        self.writer = csv.DictWriter(self.handle, fieldnames=list(columns))
        self.writer.writeheader()

    def write(self, rows: list[dict]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        self.handle.close()


class _JsonLinesWriter(_Writer):
    def __init__(self, path: Path, columns: dict[str, str]):
        self.path = path
        self.handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 closed in close()

    def write(self, rows: list[dict]) -> None:
        self.handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)

    def close(self) -> None:
        self.handle.close()


def _writer(fmt: str, path: Path, columns: dict[str, str]) -> _Writer:
    kinds = {"parquet": _ParquetWriter, "csv": _CsvWriter, "jsonl": _JsonLinesWriter}
    return kinds[fmt](path, columns)

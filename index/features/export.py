"""The archive as tables for pandas, R, DuckDB or a spreadsheet: documents, sections, stances
and links, joined on the document id (`documents.id` = `sections.doc_id` = ...), and the
Council votes, which join the documents through the procedure (`votes.procedure` =
`links.value` where `links.kind` = 'procedure').

Written as Parquet (pyarrow), CSV or JSON Lines, in batches of documents so an archive of any
size exports in bounded memory, with a Frictionless `datapackage.json` beside them that
gives every column its type and meaning and the tables their keys.

The tables are typed alike in every format: dates are dates (Arrow date32, ISO yyyy-mm-dd in
CSV and JSON Lines), a missing value is null (an empty CSV cell, never ""), lists are lists
(a JSON array in a CSV cell, as CSV has no lists), identifiers are strings.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.archive.council_votes import all_votes
from index.archive.database import Archive
from index.archive.storage import writing
from index.features.references import resolve_targets
from parsers import Document
from parsers.council_votes import POSITION_NAMES, CouncilVote
from parsers.model import ASPECTS, METADATA_KEYS, OVERALL_POSITION

FORMATS = ("parquet", "csv", "jsonl")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}
BATCH_DOCUMENTS = 500
DATAPACKAGE = "datapackage.json"
PARTIAL = ".partial"  # a file being written: .documents.parquet.partial


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # string, date, datetime, integer, float, list (of strings)
    description: str


# The overall position and the aspect verdicts, one column each in `documents`.
VERDICTS = (OVERALL_POSITION, *ASPECTS)
METADATA_DESCRIPTIONS = {
    "titel_voorstel": "Fiche: the title of the assessed proposal (section 1).",
    "datum_ontvangst": "Fiche: the date the Commission document was received.",
    "com_numbers": "Fiche: the COM numbers of the assessed proposal, as 'COM(2021) 726'.",
    "celex": "The CELEX number of the proposal or act.",
    "eurlex_url": "Fiche: the EUR-Lex link of the proposal.",
    "impact_assessment": "Fiche: the Commission's impact assessment, as the fiche names it.",
    "behandelingstraject_raad": "Fiche: the Council formation that handles the proposal.",
    "ministerie": "Fiche: the ministry in charge (eerstverantwoordelijk ministerie).",
    "rechtsbasis": "Fiche: the legal basis of the proposal.",
    "besluitvormingsprocedure_raad": "Fiche: the Council's voting rule.",
    "rol_ep": "Fiche: the European Parliament's role.",
}
METADATA_KINDS = {"datum_ontvangst": "date", "com_numbers": "list"}

DOCUMENT_COLUMNS = (
    Column("id", "string", "The document id, unique in the archive (kst-..., celex-...)."),
    Column("source", "string", "officielebekendmakingen, tweedekamer, eurlex or local."),
    Column("doc_type", "string", "fiche, kamerstuk, kamerbrief, beslisnota, eu-proposal, ..."),
    Column("title", "string", "The document's title."),
    Column("date", "date", "The document's date; null when unknown."),
    Column("url", "string", "Where the document was published."),
    Column("dossier", "list", "The Kamer dossier numbers (as strings: '22112')."),
    Column("format", "string", "The reader that produced it: pdf, op-xml, html, txt, ..."),
    Column("sha256", "string", "The SHA-256 of the raw file it was parsed from."),
    Column("parser_version", "string", "The parser version that produced it."),
    Column("sections", "integer", "How many rows of `sections` belong to it."),
    Column("updated_at", "datetime", "When the archive stored or last changed it (UTC)."),
    Column(
        OVERALL_POSITION,
        "string",
        "The fiche's overall position (steunt, steunt_onder_voorwaarden, terughoudend, "
        "kritisch, verwerpt, neutraal); its evidence is the `stances` row with aspect "
        "'positie'.",
    ),
    *(
        Column(
            aspect,
            "string",
            f"The fiche's verdict on {aspect} (positief, negatief, gedeeltelijk, "
            f"geen_oordeel); its evidence is the `stances` row with aspect '{aspect}'.",
        )
        for aspect in ASPECTS
    ),
    *(
        Column(key, METADATA_KINDS.get(key, "string"), METADATA_DESCRIPTIONS[key])
        for key in METADATA_KEYS
    ),
)
SECTION_COLUMNS = (
    Column("doc_id", "string", "The document (documents.id)."),
    Column("ord", "integer", "The section's place in the document, from 0."),
    Column("key", "string", "The canonical section key (essentie, subsidiariteit, overig...)."),
    Column("number", "string", "The number as printed ('4.b'); null when unnumbered."),
    Column("heading", "string", "The heading as printed."),
    Column("text", "string", "The section's text."),
    Column("origin", "string", "Where in the file: 'p. 3-4' for PDF, an element path..."),
)
STANCE_COLUMNS = (
    Column("doc_id", "string", "The document (documents.id)."),
    Column("ord", "integer", "The stance's place among the document's stances, from 0."),
    Column(
        "aspect",
        "string",
        "bevoegdheid, subsidiariteit or proportionaliteit (the verdicts), 'positie' (the "
        "overall position), or the section key of one judging sentence.",
    ),
    Column("label", "string", "The stance label."),
    Column("evidence", "string", "The sentence that carries the stance."),
    Column("section_key", "string", "The section the evidence is in (sections.key)."),
    Column("start", "integer", "Character offset of the evidence in that section's text."),
    Column("end", "integer", "Character offset just after the evidence."),
)
LINK_COLUMNS = (
    Column("doc_id", "string", "The document that makes the reference (documents.id)."),
    Column("ord", "integer", "The link's place among the document's links, from 0."),
    Column("kind", "string", "com, celex, eli, ecli, kamerstuk, procedure, eurlex or part."),
    Column("value", "string", "The reference as normalised (COM(2021) 206, 32016R0679, ...)."),
    Column("target_id", "string", "The archived document it points at; null when not held."),
    Column("sentence", "string", "The sentence of the text that makes the reference."),
)
VOTE_COLUMNS = (
    Column("id", "string", "The vote outcome's IRI in the Council's voting data."),
    Column("date", "date", "The day the Council voted (adopted the act)."),
    Column(
        "procedure",
        "string",
        "The procedure voted on ('2018/0172(COD)'); the documents about it have a `links` row "
        "with kind 'procedure' and this value.",
    ),
    Column("outcome", "string", "The Council's action ('Adoption of the legislative act')."),
    Column("rule", "string", "The voting rule ('Qualified majority')."),
    Column("configuration", "string", "The Council formation that voted."),
    Column("meeting", "string", "The Council meeting's session number."),
    Column("document", "string", "The Council document voted on ('PE-CONS 11 2019 INIT')."),
    Column("title", "string", "That document's title."),
    Column("policy_area", "string", "The Council's policy area."),
    Column(
        "nl",
        "string",
        "The Netherlands' position: in_favour, against, abstained or not_participating; "
        "null when not listed.",
    ),
    *(
        Column(name, "list", f"The member states (two-letter codes) that {words}.")
        for name, words in zip(
            POSITION_NAMES,
            ("voted in favour", "voted against", "abstained", "did not take part"),
            strict=True,
        )
    ),
)
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "sections": SECTION_COLUMNS,
    "stances": STANCE_COLUMNS,
    "links": LINK_COLUMNS,
    "votes": VOTE_COLUMNS,
}
TABLE_DESCRIPTIONS = {
    "documents": "One row per document, with the fiche metadata and verdicts as columns.",
    "sections": "One row per section of a document, in document order.",
    "stances": "One row per stance: the verdicts, the overall position and judging sentences, "
    "each with its evidence.",
    "links": "One row per reference a document makes, resolved to an archived document "
    "where the archive holds it.",
    "votes": "One row per public Council vote on a legislative act (crawl consilium), with "
    "every member state's position; joins `links` on the procedure.",
}
PRIMARY_KEYS = {
    "documents": ["id"],
    "sections": ["doc_id", "ord"],
    "stances": ["doc_id", "ord"],
    "links": ["doc_id", "ord"],
    "votes": ["id"],
}


@dataclass
class ExportReport:
    directory: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    files: dict[str, Path] = field(default_factory=dict)  # table -> file
    datapackage: Path | None = None

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)

    def to_arrow(self, table: str = "documents"):
        """One exported table as a pyarrow Table, with the export's types."""
        return read_table(self.files[table], self.format, table)

    def to_pandas(self, table: str = "documents"):
        """One exported table as a pandas DataFrame (`pip install fiche-search[pandas]`)."""
        return to_pandas(self.to_arrow(table))

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={n}" for name, n in self.rows.items())
        return f"<ExportReport {self.format} in {self.directory}: {counts}>"


def export_archive(
    archive: Archive,
    directory: Path,
    fmt: str = "parquet",
    doc_ids: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportReport:
    """Write the tables of these documents (all when None) into `directory`, and the
    datapackage.json that describes them. `votes` holds every Council vote when the export
    holds every document, else the votes on the procedures its documents name. Each file is
    written under a partial name and renamed once all are complete: an export that fails (a
    full disk: StorageError) leaves no partial file, and an earlier export in the same folder
    as it was."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport(directory, fmt)
    partial: list[Path] = []
    try:
        with writing(directory, "No export file was left behind."):
            finals = _write_tables(archive, directory, fmt, doc_ids, report, partial, progress)
            for path, final in zip(partial, finals, strict=True):
                path.replace(final)
    finally:
        for path in partial:
            path.unlink(missing_ok=True)  # after a failure; renamed away after a success
    return report


def _write_tables(archive, directory, fmt, doc_ids, report, partial, progress) -> list[Path]:
    """The tables and the datapackage under partial names (listed in `partial` as they
    are opened); the names they are renamed to."""
    everything = doc_ids is None
    ids = archive.document_ids() if doc_ids is None else doc_ids
    writers = {}
    for name, columns in TABLES.items():
        partial.append(directory / f".{name}{SUFFIXES[fmt]}{PARTIAL}")
        writers[name] = _writer(fmt, partial[-1], columns)
    whole = everything or set(ids) >= set(archive.document_ids())
    procedures: set[str] = set()
    try:
        for start in range(0, len(ids), BATCH_DOCUMENTS):
            batch = table_rows(archive, ids[start : start + BATCH_DOCUMENTS])
            for name, rows in batch.items():
                writers[name].write(rows)
                report.rows[name] = report.rows.get(name, 0) + len(rows)
            procedures |= {r["value"] for r in batch["links"] if r["kind"] == "procedure"}
            if progress:
                progress(min(start + BATCH_DOCUMENTS, len(ids)), len(ids))
        votes = vote_table(archive, None if whole else procedures)
        writers["votes"].write(votes)
        report.rows["votes"] = len(votes)
    finally:
        for writer in writers.values():
            writer.close()
    for name in TABLES:
        report.files[name] = directory / f"{name}{SUFFIXES[fmt]}"
        report.rows.setdefault(name, 0)
    report.datapackage = directory / DATAPACKAGE
    package = datapackage(report, links_within=whole)
    partial.append(directory / f".{DATAPACKAGE}{PARTIAL}")
    partial[-1].write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    return [*report.files.values(), report.datapackage]


def table_rows(archive: Archive, doc_ids: Iterable[str]) -> dict[str, list[dict]]:
    """The rows of the four document tables for these documents, typed (dates, lists, None)."""
    ids = list(doc_ids)
    documents = list(archive.documents(ids))
    resolve_targets(archive, documents)
    updated = archive.updated_at(ids)
    return _tables(documents, updated)


def arrow_tables(archive: Archive, doc_ids: Iterable[str]) -> dict[str, Any]:
    """The tables of these documents as pyarrow Tables, in memory (votes: those on the
    procedures the documents name, all of them when these are all the documents)."""
    import pyarrow as pa

    ids = list(doc_ids)
    tables = table_rows(archive, ids)
    named = {r["value"] for r in tables["links"] if r["kind"] == "procedure"}
    whole = set(ids) >= set(archive.document_ids())
    tables["votes"] = vote_table(archive, None if whole else named)
    return {
        name: pa.Table.from_pylist(rows, schema=arrow_schema(TABLES[name]))
        for name, rows in tables.items()
    }


def vote_table(archive: Archive, procedures: set[str] | None) -> list[dict]:
    """The rows of `votes`: every vote (None), or the votes on these procedures."""
    return [
        vote_row(vote)
        for vote in all_votes(archive)
        if procedures is None or vote.procedure in procedures
    ]


def vote_row(vote: CouncilVote) -> dict:
    return {
        "id": vote.id,
        "date": as_date(vote.date),
        "procedure": vote.procedure or None,
        "outcome": vote.outcome or None,
        "rule": vote.rule or None,
        "configuration": vote.configuration or None,
        "meeting": vote.meeting or None,
        "document": vote.document or None,
        "title": vote.title or None,
        "policy_area": vote.policy_area or None,
        "nl": vote.position_of("NL") or None,
        **{name: vote.countries(name) or None for name in POSITION_NAMES},
    }


def _tables(documents: list[Document], updated: dict[str, str]) -> dict[str, list[dict]]:
    return {
        "documents": [document_row(d, updated.get(d.id, "")) for d in documents],
        "sections": [
            {
                "doc_id": d.id,
                "ord": n,
                "key": s.key,
                "number": s.number or None,
                "heading": s.heading or None,
                "text": s.text or None,
                "origin": s.origin or None,
            }
            for d in documents
            for n, s in enumerate(d.sections)
        ],
        "stances": [
            {
                "doc_id": d.id,
                "ord": n,
                "aspect": s.aspect,
                "label": s.label,
                "evidence": s.evidence or None,
                "section_key": s.section_key or None,
                "start": s.start if s.evidence else None,
                "end": s.end if s.evidence else None,
            }
            for d in documents
            for n, s in enumerate(d.stances)
        ],
        "links": [
            {
                "doc_id": d.id,
                "ord": n,
                "kind": lk.kind,
                "value": lk.value,
                "target_id": lk.target_id or None,
                "sentence": lk.sentence or None,
            }
            for d in documents
            for n, lk in enumerate(d.links)
        ],
    }


def document_row(doc: Document, updated_at: str = "") -> dict:
    """One row of `documents`: the export's types, which the API's DataFrames share."""
    row: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source or None,
        "doc_type": doc.doc_type or None,
        "title": doc.title or None,
        "date": as_date(doc.date),
        "url": doc.url or None,
        "dossier": [str(d) for d in doc.dossier] or None,
        "format": doc.format or None,
        "sha256": doc.sha256 or None,
        "parser_version": doc.parser_version or None,
        "sections": len(doc.sections),
        "updated_at": as_datetime(updated_at),
    }
    for aspect in VERDICTS:
        stance = doc.stance(aspect)
        row[aspect] = stance.label if stance else None
    for key in METADATA_KEYS:
        row[key] = _typed(doc.metadata.get(key), METADATA_KINDS.get(key, "string"))
    return row


def _typed(value: Any, kind: str) -> Any:
    if value in (None, "", []):
        return None
    if kind == "list":
        values = value if isinstance(value, list) else str(value).split("|")
        return [str(v) for v in values if v] or None
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if kind == "date":
        return as_date(str(value))
    return str(value)


def as_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def as_datetime(value: str) -> dt.datetime | None:
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    if stamp is not None and stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp


# --- types in each format ------------------------------------------------------------------


def arrow_type(kind: str):
    import pyarrow as pa

    return {
        "string": pa.string(),
        "date": pa.date32(),
        "datetime": pa.timestamp("s", tz="UTC"),
        "integer": pa.int32(),
        "float": pa.float64(),
        "list": pa.list_(pa.string()),
    }[kind]


def arrow_schema(columns: Iterable[Column]):
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(c.name, arrow_type(c.kind), metadata={"description": c.description})
            for c in columns
        ]
    )


def read_table(path: Path, fmt: str, table: str):
    """An exported file back as a pyarrow Table with the export's types."""
    import pyarrow as pa

    schema = arrow_schema(TABLES[table])
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path, schema=schema)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    else:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        kinds = {c.name: c.kind for c in TABLES[table]}
        rows = [{k: _from_csv(v, kinds[k]) for k, v in row.items()} for row in rows]
    for row in rows:
        for column in TABLES[table]:
            if column.kind == "date":
                row[column.name] = as_date(row[column.name] or "")
            elif column.kind == "datetime":
                row[column.name] = as_datetime(row[column.name] or "")
    return pa.Table.from_pylist(rows, schema=schema)


def _from_csv(value: str, kind: str) -> Any:
    if value == "":
        return None
    if kind == "list":
        return json.loads(value)
    if kind == "integer":
        return int(value)
    return value


def to_pandas(table):
    """A pyarrow Table as a DataFrame: dates as datetime64, identifiers as strings."""
    try:
        import pandas  # noqa: F401 - only to say what is missing
    except ImportError:  # pragma: no cover - the [pandas] extra is not installed
        raise ImportError("to_pandas() needs pandas: pip install 'fiche-search[pandas]'") from None
    return table.to_pandas(date_as_object=False)


def _cell(value: Any, fmt: str) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if fmt == "csv" and isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- the datapackage -----------------------------------------------------------------------

FRICTIONLESS_TYPES = {
    "string": "string",
    "date": "date",
    "datetime": "datetime",
    "integer": "integer",
    "float": "number",
    "list": "array",
}


# Frictionless reads Parquet through pandas, whose list cells (numpy arrays) its `array` type
# refuses; the column is an Arrow list<string> all the same.
PARQUET_LIST = " A list of strings (Arrow list<string>; declared 'any' for Frictionless, "
PARQUET_LIST += "whose Parquet reader cannot check arrays)."


def _frictionless_type(kind: str, fmt: str) -> str:
    if kind == "list" and fmt == "parquet":
        return "any"
    return FRICTIONLESS_TYPES[kind]


def datapackage(report: ExportReport, links_within: bool = True) -> dict:
    """The Frictionless Data Package (v1, tabular) of an export. `links_within`: every
    document a link points at is in this export, so links.target_id is a foreign key too."""
    resources = []
    for name, columns in TABLES.items():
        path = report.files[name]
        schema: dict[str, Any] = {
            "fields": [
                {
                    "name": c.name,
                    "type": _frictionless_type(c.kind, report.format),
                    "description": c.description
                    + (PARQUET_LIST if c.kind == "list" and report.format == "parquet" else ""),
                    **({"format": "%Y-%m-%dT%H:%M:%SZ"} if c.kind == "datetime" else {}),
                    **({"constraints": {"required": True}} if c.name in PRIMARY_KEYS[name] else {}),
                }
                for c in columns
            ],
            "missingValues": [""],
            "primaryKey": PRIMARY_KEYS[name],
        }
        if name in ("sections", "stances", "links"):
            keys = [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "id"}}]
            if name == "links" and links_within:
                keys.append(
                    {"fields": "target_id", "reference": {"resource": "documents", "fields": "id"}}
                )
            schema["foreignKeys"] = keys
        resource: dict[str, Any] = {
            "name": name,
            "path": path.name,
            "profile": "tabular-data-resource",
            "description": TABLE_DESCRIPTIONS[name],
            "format": report.format,
            "mediatype": {
                "parquet": "application/vnd.apache.parquet",
                "csv": "text/csv",
                "jsonl": "application/jsonl",
            }[report.format],
            "encoding": "utf-8",
            "schema": schema,
        }
        if report.format == "csv":
            resource["dialect"] = {"delimiter": ",", "header": True, "doubleQuote": True}
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "fiche-search-export",
        "title": "fiche-search: the Dutch government's positions on EU proposals",
        "description": "An export of a fiche-search archive: BNC-fiches, Kamerstukken and "
        "EUR-Lex documents as four tables that join on the document id, and the Council's "
        "public votes, which join the documents through the procedure.",
        "resources": resources,
    }


# --- writers -------------------------------------------------------------------------------


class _Writer:
    path: Path

    def write(self, rows: list[dict]) -> None: ...

    def close(self) -> None: ...


class _ParquetWriter(_Writer):
    def __init__(self, path: Path, columns: tuple[Column, ...]):
        import pyarrow as pa  # loaded only for an export
        import pyarrow.parquet as pq

        self.path = path
        self.pa = pa
        self.schema = arrow_schema(columns)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, rows: list[dict]) -> None:
        if rows:
            self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


class _CsvWriter(_Writer):
    def __init__(self, path: Path, columns: tuple[Column, ...]):
        self.path = path
        self.handle = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 closed in close()
        self.writer = csv.DictWriter(self.handle, fieldnames=[c.name for c in columns])
        self.writer.writeheader()

    def write(self, rows: list[dict]) -> None:
        self.writer.writerows({k: _cell(v, "csv") for k, v in row.items()} for row in rows)

    def close(self) -> None:
        self.handle.close()


class _JsonLinesWriter(_Writer):
    def __init__(self, path: Path, columns: tuple[Column, ...]):
        self.path = path
        self.handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 closed in close()

    def write(self, rows: list[dict]) -> None:
        self.handle.writelines(
            json.dumps({k: _cell(v, "jsonl") for k, v in row.items()}, ensure_ascii=False) + "\n"
            for row in rows
        )

    def close(self) -> None:
        self.handle.close()


def _writer(fmt: str, path: Path, columns: tuple[Column, ...]) -> _Writer:
    kinds = {"parquet": _ParquetWriter, "csv": _CsvWriter, "jsonl": _JsonLinesWriter}
    return kinds[fmt](path, columns)

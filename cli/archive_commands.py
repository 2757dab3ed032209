"""Commands that fill and maintain the archive: import, reparse, reindex, stats, show."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from cli.context import backend_for, backend_options, fail, home_option, open_archive
from index.importer import (
    ImportReport,
    IndexFeed,
    find_files,
    import_file,
    index_pending,
    ocr_settings,
    parse_and_store,
)
from index.output import archive_summary, ocr_summary
from parsers import PARSER_VERSION


class OcrProgress:
    """A bar for the pages of a scan being read by OCR, shown while a file has them."""

    def __init__(self, bar: Progress):
        self.bar = bar
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task("OCR pages", total=total)
        self.bar.update(self.task, completed=done, total=total, visible=done < total)


def progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@home_option
@backend_options
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def import_command(paths, home, backend, es_url, as_json):
    """Archive and index local files or folders (PDF, XML, HTML, TXT, DOCX, ODT, DOC, EUR-Lex
    texts as JSON Lines, gzipped or not)."""
    archive = open_archive(home)
    search = backend_for(archive, backend, es_url)
    console = Console(stderr=True)
    files = find_files(paths)
    report = ImportReport()
    feed = IndexFeed(archive, search)
    with bytes_progress_bar(console) as bar:
        # Counted in bytes, not files: one JSON Lines file can hold a whole corpus.
        task = bar.add_task("importing", total=sum(_size(p) for p in files))
        ocr = ocr_settings(archive, OcrProgress(bar))
        done = 0  # bytes of the files imported before the current one

        def at(position: int) -> None:
            bar.update(task, completed=done + position)

        for number, path in enumerate(files, start=1):
            import_file(archive, path, report, on_stored=feed.add, on_read=at, ocr=ocr)
            if number % 500 == 0:
                archive.raw.sync()
            done += _size(path)
            bar.update(task, completed=done)
        archive.raw.sync()
        feed.commit()
    with progress_bar(console) as bar:
        pending = archive.pending_index(search.name)
        task = bar.add_task("indexing", total=len(pending))
        leftover = index_pending(archive, search, lambda n: bar.advance(task, n))
        report.indexed = feed.indexed + leftover
    report.rejected = list(search.rejected)
    search.close()
    print_report(report, as_json)
    if report.missing_tool:
        sys.exit(1)  # the other files landed; these wait until the program is installed
    if report.failures and not report.documents and not report.unchanged:
        sys.exit(1)  # nothing of what was given could be read; one bad file among many is not


def bytes_progress_bar(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # unreadable: import_file reports it


def print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        click.echo(
            json.dumps(
                {
                    "files": report.files,
                    "documents": report.documents,
                    "unchanged": report.unchanged,
                    "indexed": report.indexed,
                    "rejected": [{"section": u, "reason": r} for u, r in report.rejected],
                    "failures": [{"file": f, "reason": r} for f, r in report.failures],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(
        f"{report.files} files: {report.documents} documents stored, "
        f"{report.unchanged} files unchanged, {len(report.failures)} failed; "
        f"{report.indexed} documents indexed"
    )
    print_failures(report.failures)
    print_rejected(report.rejected)


def print_failures(failures: list[tuple[str, str]]) -> None:
    for location, reason in failures:
        click.echo(f"  failed: {location}: {reason}", err=True)


def print_rejected(rejected: list[tuple[str, str]]) -> None:
    """Sections the search backend refused: reported, and tried again on the next run."""
    for uid, reason in rejected:
        click.echo(f"  not indexed: {uid}: {reason}", err=True)


@click.command("reparse")
@home_option
@backend_options
@click.option("--all", "everything", is_flag=True, help="Re-parse every file, not only older ones.")
def reparse_command(home, backend, es_url, everything):
    """Re-parse archived raw files whose parse is older than this parser, then index them."""
    archive = open_archive(home)
    search = backend_for(archive, backend, es_url)
    console = Console(stderr=True)
    todo = archive.raw_files_to_reparse(PARSER_VERSION, everything)
    report = ImportReport()
    with progress_bar(console) as bar:
        task = bar.add_task("re-parsing", total=len(todo))
        ocr = ocr_settings(archive, OcrProgress(bar))
        for sha, location in todo:
            report.files += 1
            data = archive.raw.get(sha)
            source = archive.source_of(sha)
            parse_and_store(archive, sha, data, location, report, source, ocr=ocr)
            bar.advance(task)
        pending = archive.pending_index(search.name)
        task = bar.add_task("indexing", total=len(pending))
        report.indexed = index_pending(archive, search, lambda n: bar.advance(task, n))
    search.close()
    click.echo(
        f"re-parsed {report.files} files: {report.documents} documents, "
        f"{len(report.failures)} failed; {report.indexed} indexed"
    )
    print_failures(report.failures)
    if report.missing_tool:
        sys.exit(1)  # what could be read was; these files wait until the program is installed


@click.command("reindex")
@home_option
@backend_options
def reindex_command(home, backend, es_url):
    """Rebuild the search index from the archive."""
    archive = open_archive(home)
    search = backend_for(archive, backend, es_url, fresh=True)
    search.clear()
    archive.forget_indexed(search.name)
    console = Console(stderr=True)
    pending = archive.pending_index(search.name)
    with progress_bar(console) as bar:
        task = bar.add_task("indexing", total=len(pending))
        indexed = index_pending(archive, search, lambda n: bar.advance(task, n))
    search.close()
    click.echo(f"reindexed {indexed} documents into the {search.name} index")
    print_rejected(search.rejected)


@click.command("stats")
@home_option
@click.option("--json", "as_json", is_flag=True)
def stats_command(home, as_json):
    """What the archive holds, per source, and how fresh it is."""
    archive = open_archive(home)
    summary = archive_summary(archive)
    sources = archive.source_stats()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(
        f"[bold]{summary['documents']}[/] documents, {summary['sections']} sections, "
        f"{summary['raw_files']} raw files, {summary['parse_failures']} parse failures "
        f"in {escape(summary['home'])}"
    )
    table = Table("source", "documents", "files", "last fetch", "last crawl", "crawl failures")
    for s in sources:
        table.add_row(
            s.source,
            str(s.documents),
            str(s.files),
            s.last_fetch or "-",
            s.last_crawl or "-",
            str(s.failures),
        )
    console.print(table)
    types = ", ".join(f"{t or '?'}: {n}" for t, n in summary["doc_types"].items())
    console.print(f"document types: {escape(types)}")


@click.command("show")
@click.argument("doc_id")
@home_option
@click.option("--json", "as_json", is_flag=True)
def show_command(doc_id, home, as_json):
    """One document: metadata, sections, stances, links."""
    archive = open_archive(home)
    doc = archive.document(doc_id)
    if doc is None:
        fail(f"no document {doc_id!r} in the archive (search for it, or `fiche-search stats`)")
    if as_json:
        click.echo(json.dumps(doc.to_json(), ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(f"[bold]{escape(doc.title)}[/]")
    console.print(f"{doc.id} · {doc.doc_type} · {doc.date or 'no date'} · {escape(doc.url)}")
    for key, value in doc.metadata.items():
        console.print(f"  [dim]{key}:[/] {escape(str(value))}")
    for number, line in enumerate(ocr_summary(doc.ocr_pages)):
        console.print(f"  {escape(line)}" if number == 0 else f"    [yellow]{escape(line)}[/]")
    for stance in doc.stances:
        console.print(
            f"  [bold]{stance.aspect}[/]: {stance.label} — [italic]{escape(stance.evidence)}[/]"
        )
    for section in doc.sections:
        console.rule(f"{section.number} {escape(section.heading)} [{section.key}]".strip())
        console.print(escape(section.text))
    if doc.links:
        console.print("links: " + escape(", ".join(f"{lk.kind}:{lk.value}" for lk in doc.links)))

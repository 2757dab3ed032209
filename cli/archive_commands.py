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
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from cli.context import (
    backend_options,
    fail,
    home_option,
    json_option,
    json_text,
    open_api,
    open_archive_api,
    shown,
)
from fiche_search import ImportReport, one_line
from fiche_search.api import SAMPLE, DocumentNotFound
from fiche_search.surface import ocr_summary


def _progress(console: Console, counter, hidden: bool) -> Progress:
    """A transient rich bar: description, bar, `counter` (items or bytes), time spent and left."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        counter,
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=hidden,
    )


class StageBars:
    """The API's progress(stage, done, total) as one rich bar per stage; "importing" counts
    bytes (one JSON Lines file can hold a whole corpus), the other stages count items. Off
    unless the console is a terminal and `visible`."""

    def __init__(self, console: Console, visible: bool = True):
        hidden = not (visible and console.is_terminal)
        self.bars = _progress(console, MofNCompleteColumn(), hidden)
        self.bytes = _progress(console, DownloadColumn(), hidden)
        self.tasks: dict[str, tuple[Progress, TaskID]] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            bars = self.bytes if stage == "importing" else self.bars
            bars.start()
            self.tasks[stage] = (bars, bars.add_task(stage, total=total))
        bars, task = self.tasks[stage]
        bars.update(task, completed=done, total=total)

    def __enter__(self) -> StageBars:
        return self

    def __exit__(self, *exc) -> None:
        self.bytes.stop()
        self.bars.stop()


@click.command("import")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--sample",
    is_flag=True,
    help="Import the few real public documents shipped with fiche-search (a first look).",
)
@home_option
@backend_options
@json_option("Print the report as JSON.")
def import_command(paths, sample, home, backend, es_url, as_json):
    """Archive and index local files or folders (PDF, XML, HTML, TXT, DOCX, ODT, DOC, EUR-Lex
    texts as JSON Lines, gzipped or not)."""
    if not paths and not sample:
        raise click.UsageError("give files or folders to import, or --sample")
    api = open_api(home, backend, es_url)
    with StageBars(Console(stderr=True)) as progress:
        report = api.import_paths([*paths, *([SAMPLE] if sample else [])], progress)
    api.close()
    print_report(report, as_json)
    if sample and not as_json:
        click.echo('Now try: fiche-search "talent" or fiche-search serve', err=True)
    if report.failures:
        # The other files landed; the exit code tells a script that some did not (named
        # above), and a missing program's files wait until it is installed.
        sys.exit(1)


def print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        click.echo(
            json_text(
                {
                    "files": report.files,
                    "documents": report.documents,
                    "unchanged": report.unchanged,
                    "indexed": report.indexed,
                    "rejected": [{"section": u, "reason": r} for u, r in report.rejected],
                    "failures": [{"file": f, "reason": r} for f, r in report.failures],
                    "merged": [{"file": f, "reason": r} for f, r in report.merged],
                    "skipped": [{"file": f, "reason": r} for f, r in report.skipped],
                }
            )
        )
        return
    click.echo(
        f"{report.files} files: {report.documents} documents stored, "
        f"{report.unchanged} files unchanged, {len(report.failures)} failed; "
        f"{report.indexed} documents indexed"
    )
    if report.merged or report.skipped:
        click.echo(
            f"  {len(report.merged)} merged (the document is held from a richer file), "
            f"{len(report.skipped)} skipped: not a document",
            err=True,
        )
    for location, reason in report.merged:
        click.echo(report_line("merged", location, reason), err=True)
    for location, reason in report.skipped:
        click.echo(report_line("skipped", location, reason), err=True)
    print_failures(report.failures)
    print_rejected(report.rejected)


def print_failures(failures: list[tuple[str, str]]) -> None:
    for location, reason in failures:
        click.echo(report_line("failed", location, reason), err=True)


def print_rejected(rejected: list[tuple[str, str]]) -> None:
    """Sections the search backend refused: reported, and tried again on the next run."""
    for uid, reason in rejected:
        click.echo(report_line("not indexed", uid, reason), err=True)


def report_line(outcome: str, location: str, reason: str) -> str:
    """One line per file: its name and the reason come from the file system, a server or a
    parser, so whatever control characters they hold are shown escaped, never obeyed."""
    return f"  {outcome}: {one_line(location)}: {one_line(reason)}"


@click.command("reparse")
@home_option
@backend_options
@click.option("--all", "everything", is_flag=True, help="Re-parse every file, not only older ones.")
def reparse_command(home, backend, es_url, everything):
    """Re-parse archived raw files whose parse is older than this parser, then index them."""
    api = open_api(home, backend, es_url)
    with StageBars(Console(stderr=True)) as progress:
        report = api.reparse(everything, progress)
    api.close()
    click.echo(
        f"re-parsed {report.files} files: {report.documents} documents, "
        f"{len(report.failures)} failed; {report.indexed} indexed"
    )
    print_failures(report.failures)
    if report.failures:
        sys.exit(1)  # what could be read was; the files named above could not


@click.command("reindex")
@home_option
@backend_options
def reindex_command(home, backend, es_url):
    """Rebuild the search index from the archive."""
    api = open_api(home, backend, es_url, fresh=True)
    with StageBars(Console(stderr=True)) as progress:
        indexed = api.reindex(progress)
    name, rejected = api.backend.name, list(api.backend.rejected)
    api.close()
    click.echo(f"reindexed {indexed} documents into the {name} index")
    print_rejected(rejected)


@click.command("stats")
@home_option
@json_option()
def stats_command(home, as_json):
    """What the archive holds, per source, and how fresh it is."""
    with open_archive_api(home) as api:
        summary = api.stats()
        sources = api.sources()
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
    votes = summary["council_votes"]
    console.print(
        f"Council votes: {votes['votes']}, {votes['linked']} on a proposal in the archive,"
        f" {votes['with_fiche']} on one with a fiche"
        if votes["votes"]
        else "Council votes: none (fetch them with `fiche-search crawl consilium`)"
    )


@click.command("show")
@click.argument("doc_id")
@home_option
@json_option()
def show_command(doc_id, home, as_json):
    """One document: metadata, sections, stances, links."""
    with open_archive_api(home, existing=True) as api:
        try:
            doc = api.document(doc_id)
        except DocumentNotFound as error:
            fail(str(error))
    if as_json:
        click.echo(json_text(doc.to_json()))
        return
    console = Console()
    console.print(f"[bold]{shown(doc.title)}[/]")
    console.print(
        f"{shown(doc.id)} · {shown(doc.doc_type)} · {shown(doc.date or 'no date')}"
        f" · {shown(doc.url)}"
    )
    for key, value in doc.metadata.items():
        console.print(f"  [dim]{shown(key)}:[/] {shown(value)}")
    for number, line in enumerate(ocr_summary(doc.ocr_pages)):
        console.print(f"  {shown(line)}" if number == 0 else f"    [yellow]{shown(line)}[/]")
    for stance in doc.stances:
        console.print(
            f"  [bold]{shown(stance.aspect)}[/]: {shown(stance.label)}"
            f" — [italic]{shown(stance.evidence)}[/]"
        )
    for section in doc.sections:
        console.rule(f"{section.number} {shown(section.heading)} [{section.key}]".strip())
        console.print(shown(section.text))
    if doc.links:
        console.print("links: " + shown(", ".join(f"{lk.kind}:{lk.value}" for lk in doc.links)))

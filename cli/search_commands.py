"""`fiche-search QUERY` (the default command) and `fiche-search stances QUERY`."""

from __future__ import annotations

import csv
import html
import json
import re
import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.context import backend_for, backend_options, fail, home_option, open_archive
from index.output import CSV_HEADER, csv_rows, results_json
from index.query import Filters, QueryError, parse_query
from index.search import SearchRequest, SearchResults
from index.stance_counts import count_stances
from parsers.model import ASPECT_LABELS, ASPECTS


def filter_options(command):
    options = [
        click.option("--section", multiple=True, help="Only these section keys (repeatable)."),
        click.option("--stance", multiple=True, help="Only sections with this stance label."),
        click.option("--type", "doc_type", multiple=True, help="Only this document type."),
        click.option("--since", default="", help="Documents dated on or after (YYYY[-MM[-DD]])."),
        click.option("--until", default="", help="Documents dated on or before."),
        click.option("--ministerie", multiple=True, help="Eerstverantwoordelijk ministerie."),
        click.option("--com", multiple=True, help="COM number, e.g. 'COM(2022) 546'."),
        click.option("--dossier", multiple=True, help="Kamerstuk dossier number, e.g. 22112."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_filters(section, stance, doc_type, since, until, ministerie, com, dossier) -> Filters:
    return Filters(
        sections=[s.lower() for s in section],
        stances=[s.lower() for s in stance],
        doc_types=[t.lower() for t in doc_type],
        since=since,
        until=until,
        ministerie=list(ministerie),
        com=list(com),
        dossier=list(dossier),
    )


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--page", default=1, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV, one row per matching section.")
@click.option("--raw", is_flag=True, help="Pass QUERY to the backend's own query syntax.")
@click.option("--explain", is_flag=True, help="Print the query that runs.")
@home_option
@backend_options
def search_command(
    query, limit, page, sort, as_json, as_csv, raw, explain, home, backend, es_url, **filters
):
    """Search sections of fiches, Kamerstukken and EU documents; results per document."""
    text = " ".join(query)
    try:
        parsed = parse_query("" if raw else text, build_filters(**filters))
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    archive = open_archive(home)
    if archive.is_empty():
        click.echo(
            "The archive is empty. Fill it first:\n"
            "  fiche-search import PATH...   (files or folders, e.g. ../shared/corpus)\n"
            "  fiche-search crawl            (fetch from the official sources)",
            err=True,
        )
        return
    search = backend_for(archive, backend, es_url)
    request = SearchRequest(
        query=parsed, sort=sort, limit=limit, offset=(page - 1) * limit, raw=text if raw else None
    )
    try:
        if explain:
            click.echo(search.explain(request), err=True)
        results = search.search(request)
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    if as_json:
        click.echo(json.dumps(results_json(results), ensure_ascii=False, indent=2))
    elif as_csv:
        write_csv(results)
    else:
        print_results(text, results)


def write_csv(results: SearchResults) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(results))


def terminal_snippet(snippet: str) -> str:
    """<b>…</b> from the backend becomes bold in the terminal; everything else is text."""
    parts = re.split(r"(</?b>)", snippet)
    out = []
    for part in parts:
        if part == "<b>":
            out.append("[bold yellow]")
        elif part == "</b>":
            out.append("[/]")
        else:
            out.append(escape(html.unescape(part)).replace("\n", " "))
    return "".join(out)


def print_results(text: str, results: SearchResults) -> None:
    console = Console()
    if not results.hits:
        console.print(f"No documents match {escape(text)!r}.")
        return
    first = results.offset + 1
    last = results.offset + len(results.hits)
    more = " (more with --page)" if results.has_more else ""
    console.print(
        f"[bold]{results.total}[/] documents ({results.total_sections} sections) match "
        f"{escape(text)!r}; showing {first}-{last}{more}"
    )
    table = Table(show_lines=True, expand=True)
    table.add_column("document", ratio=2)
    table.add_column("section / stance", ratio=1)
    table.add_column("passage", ratio=5)
    for hit in results.hits:
        doc_cell = f"[bold]{escape(hit.title)}[/]\n{hit.id}\n{hit.doc_type} · {hit.date or '?'}"
        keys = "\n".join(
            f"{s.key}" + (f"\n[italic]{', '.join(s.stance)}[/]" if s.stance else "")
            for s in hit.sections
        )
        passages = "\n…\n".join(terminal_snippet(s.snippet) for s in hit.sections)
        table.add_row(doc_cell, keys, passages)
    console.print(table)
    for name, counts in results.facets.items():
        if counts:
            top = ", ".join(f"{escape(str(k))} ({v})" for k, v in list(counts.items())[:8])
            console.print(f"[dim]{name}:[/] {top}")


@click.command("stances")
@click.argument("query", nargs=-1, required=True)
@click.option("--by", type=click.Choice(["year", "ministerie"]), default="year", show_default=True)
@filter_options
@click.option("--json", "as_json", is_flag=True)
@home_option
@backend_options
def stances_command(query, by, as_json, home, backend, es_url, **filters):
    """Aspect-stance counts (bevoegdheid, subsidiariteit, proportionaliteit) for the fiches
    that match QUERY, per year or per ministerie."""
    try:
        parsed = parse_query(" ".join(query), build_filters(**filters))
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    archive = open_archive(home)
    search = backend_for(archive, backend, es_url)
    counts = count_stances(search, parsed, by)
    if as_json:
        click.echo(json.dumps(counts.to_json(" ".join(query)), ensure_ascii=False, indent=2))
        return
    console = Console()
    if not counts.documents:
        console.print(f"No fiches with aspect stances match {escape(' '.join(query))!r}.")
        return
    console.print(f"Aspect stances of {counts.documents} matching fiches, by {by}")
    table = Table(by)
    for aspect in ASPECTS:
        table.add_column(aspect + "\n+ / − / ± / ?", justify="center")
    for group in counts.groups:
        row = [escape(group)]
        for aspect in ASPECTS:
            row.append(" / ".join(str(counts.count(group, aspect, lb)) for lb in ASPECT_LABELS))
        table.add_row(*row)
    console.print(table)
    console.print("[dim]+ positief, − negatief, ± gedeeltelijk, ? geen_oordeel[/]")

"""`fiche-search QUERY` (the default command) and `fiche-search stances QUERY`."""

from __future__ import annotations

import csv
import html
import re
import sys

import click
from rich.console import Console
from rich.table import Table

from cli.context import (
    FILL_IT,
    backend_options,
    csv_option,
    did_you_mean,
    existing_archive,
    fail,
    home_option,
    json_option,
    json_text,
    open_api,
    shown,
)
from fiche_search import QueryError, SearchResults
from fiche_search.api import filters_from_arguments
from fiche_search.surface import (
    ASPECT_LABELS,
    ASPECTS,
    CSV_HEADER,
    FILTERS,
    OVERALL_POSITION,
    PARAGRAPH_LABELS,
    Filters,
    csv_rows,
    results_json,
)


def filter_options(command):
    """--section, --stance, ... one option per filter of the table (index/search/filters.py), and
    --undated (--year none)."""
    command = click.option(
        "--undated",
        is_flag=True,
        default=None,
        help="Documents without a date (the same as --year none); date filters leave them out.",
    )(command)
    for spec in reversed(FILTERS):
        command = click.option(
            f"--{spec.name}",
            spec.name,
            multiple=spec.multiple,
            default=None,
            metavar=spec.metavar,
            help=spec.help + (" Repeatable." if spec.multiple else ""),
        )(command)
    return command


def build_filters(**filters) -> Filters:
    """Filters from the options; a bad value ends the command with exit 2 and the valid form."""
    try:
        return filters_from_arguments(filters)
    except QueryError as error:
        fail(f"bad filter: {error}", code=2)


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@filter_options
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--page", default=1, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance")
@json_option("JSON for scripts.")
@csv_option("CSV, one row per matching section.")
@click.option("--raw", is_flag=True, help="Pass QUERY to the backend's own query syntax.")
@click.option("--explain", is_flag=True, help="Print the query that runs.")
@home_option
@backend_options
def search_command(
    query, limit, page, sort, as_json, as_csv, raw, explain, home, backend, es_url, **filters
):
    """Search sections of fiches, Kamerstukken and EU documents; results per document."""
    text = " ".join(query)
    folder = existing_archive(home)  # a search never creates an archive
    if folder is None:
        click.echo(f"The archive is empty.{did_you_mean()} {FILL_IT}", err=True)
        return
    api = open_api(str(folder), backend, es_url)
    try:
        api.request(text, limit, page, sort, raw, **filters)  # a bad one is said first
    except QueryError as error:
        api.close()
        fail(f"bad query: {error}", code=2)
    if api.is_empty():
        api.close()
        click.echo(f"The archive is empty.{did_you_mean()} {FILL_IT}", err=True)
        return
    try:
        if explain:
            click.echo(api.explain(text, raw=raw, **filters), err=True)
        results = api.search(text, limit=limit, page=page, sort=sort, raw=raw, **filters)
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    finally:
        api.close()
    if as_json:
        click.echo(json_text(results_json(results)))
    elif as_csv:
        write_csv(results)
    else:
        print_results(text, results)
    if not results.total and did_you_mean():
        click.echo(did_you_mean().strip(), err=True)


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
            out.append(shown(html.unescape(part)).replace("\n", " "))
    return "".join(out)


def print_results(text: str, results: SearchResults) -> None:
    console = Console()
    for hint in results.hints:
        console.print(f"hint: {shown(hint)}")
    if not results.hits:
        console.print(f"No documents match {shown(repr(text))}.")
        return
    first = results.offset + 1
    last = results.offset + len(results.hits)
    more = " (more with --page)" if results.has_more else ""
    about = "about " if results.estimated else ""
    console.print(
        f"{about}[bold]{results.total}[/] documents ({results.total_sections} sections) match "
        f"{shown(repr(text))}; showing {first}-{last}{more}"
    )
    # One row per section shown: its key, the stance labels of the sentences in its passage
    # (a column of their own, so a label is never read as a section key), the passage.
    table = Table(expand=True)
    table.add_column("document", ratio=2)
    table.add_column("section", no_wrap=True)
    table.add_column("stance", no_wrap=True)
    table.add_column("passage", ratio=5)
    for hit in results.hits:
        doc_cell = (
            f"[bold]{shown(hit.title)}[/]\n{shown(hit.id)}\n"
            f"{shown(hit.doc_type)} · {shown(hit.date or '?')}"
        )
        for i, s in enumerate(hit.sections):
            table.add_row(
                doc_cell if i == 0 else "",
                shown(s.key),
                "\n".join(f"[italic]{shown(label)}[/]" for label in s.stance),
                terminal_snippet(s.snippet),
                end_section=i == len(hit.sections) - 1,
            )
    console.print(table)
    for name, counts in results.facets.items():
        if counts:
            top = ", ".join(f"{shown(k)} ({v})" for k, v in list(counts.items())[:8])
            console.print(f"[dim]{name}:[/] {top}")


@click.command("stances")
@click.argument("query", nargs=-1, required=True)
@click.option("--by", type=click.Choice(["year", "ministerie"]), default="year", show_default=True)
@filter_options
@json_option()
@home_option
@backend_options
def stances_command(query, by, as_json, home, backend, es_url, **filters):
    """Aspect-stance counts (bevoegdheid, subsidiariteit, proportionaliteit) for the fiches
    that match QUERY, per year or per ministerie."""
    api = open_api(home, backend, es_url, existing=True)
    try:
        counts = api.stances(" ".join(query), by, **filters)
    except QueryError as error:
        fail(f"bad query: {error}", code=2)
    finally:
        api.close()
    if as_json:
        click.echo(json_text(counts.to_json(" ".join(query))))
        return
    console = Console()
    if not counts.documents:
        console.print(f"No fiches with aspect stances match {shown(repr(' '.join(query)))}.")
        return
    console.print(f"Aspect stances of {counts.documents} matching fiches, by {by}")
    table = Table(by)
    for aspect in ASPECTS:
        table.add_column(aspect + "\n+ / − / ± / ?", justify="center")
    table.add_column(OVERALL_POSITION)
    for group in counts.groups:
        row = [shown(counts.group_name(group))]
        for aspect in ASPECTS:
            row.append(" / ".join(str(counts.count(group, aspect, lb)) for lb in ASPECT_LABELS))
        positions = ((lb, counts.count(group, OVERALL_POSITION, lb)) for lb in PARAGRAPH_LABELS)
        row.append(", ".join(f"{lb} {n}" for lb, n in positions if n))
        table.add_row(*row)
    console.print(table)
    console.print("[dim]+ positief, − negatief, ± gedeeltelijk, ? geen_oordeel[/]")

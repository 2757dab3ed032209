"""`fiche-search crawl`: fetch what is new at the sources, archive it, then index it."""

from __future__ import annotations

import json
import sys
from datetime import date

import click
from rich.console import Console

from cli.archive_commands import StageBars
from cli.context import backend_options, fail, home_option, json_option, open_api
from fiche_search import FicheSearch, one_line
from fiche_search.surface import CRAWLED_SOURCES, FICHE_FIRST_CRAWL_DAYS, first_crawl_start

SOURCE_NAMES = tuple(source.name for source in CRAWLED_SOURCES)
WHAT = {source.name: source.fetches for source in CRAWLED_SOURCES}
WHOLE_DUMPS = tuple(source.name for source in CRAWLED_SOURCES if source.whole_dump)


def iso_date(ctx, param, value):
    if value is None:
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-01-31") from None


def setting_pairs(ctx, param, values):
    pairs = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{value!r}: expected NAME=VALUE")
        pairs[name.strip()] = setting
    return pairs


@click.command("crawl")
@click.argument("sources", nargs=-1, type=click.Choice(SOURCE_NAMES))
@click.option("--since", callback=iso_date, help="List what changed since this date (ISO).")
@click.option("--base-url", default="", help="Point the sources at a mirror or a local replay.")
@click.option("--dossier", default="", help="Kamerstuk dossier (default 22112).")
@click.option(
    "-s",
    "--set",
    "overrides",
    multiple=True,
    callback=setting_pairs,
    metavar="NAME=VALUE",
    help="A crawler setting (crawler/settings.py), e.g. -s FICHE_POLITE=0.",
)
@json_option("Print the report as JSON.")
@home_option
@backend_options
def crawl_command(sources, since, base_url, dossier, overrides, as_json, home, backend, es_url):
    """Fetch new documents from the sources (all four by default), then parse and index them.
    consilium: the Council's public votes, joined to proposals by procedure number."""
    if dossier and not dossier.isdigit():
        raise click.BadParameter(f"{dossier!r} is not a dossier number", param_hint="--dossier")
    api = open_api(home, backend, es_url)
    chosen = list(dict.fromkeys(sources)) or list(SOURCE_NAMES)
    first_days = first_crawl_days(overrides)
    say_plan(api, chosen, since, first_days, dossier or "22112", base_url)
    # Bars on stderr, only when a person watches: output read by a program stays as it was.
    with StageBars(Console(stderr=True), visible=sys.stdout.isatty()) as progress:
        try:
            crawled = api.crawl(chosen, since, base_url, dossier, overrides, progress)
        except Exception as error:  # a broken setting or a reactor that will not start
            fail(f"the crawl could not run: {type(error).__name__}: {error}")
    report = [summary.as_json() for summary in crawled.sources]
    for entry in report:
        entry["open_failures"] = [
            {"url": url, "reason": reason, "attempts": attempts}
            for url, _, reason, attempts in crawled.open_failures[entry["source"]]
        ]
    api.close()
    print_report(report, crawled.indexed, as_json)
    if any(entry_failed(entry) for entry in report):
        raise SystemExit(1)


def first_crawl_days(overrides: dict[str, str]) -> int:
    value = overrides.get("FICHE_FIRST_CRAWL_DAYS", FICHE_FIRST_CRAWL_DAYS)
    try:
        return int(value)
    except ValueError:
        raise click.BadParameter(
            f"FICHE_FIRST_CRAWL_DAYS={value!r}: expected a number of days", param_hint="--set"
        ) from None


def say_plan(
    api: FicheSearch, sources: list[str], since: str, first_days: int, dossier: str, base_url: str
):
    """What the crawl will fetch, before it starts (on stderr: --json output stays clean).
    Without --since, each source goes on from its own last crawl; one never crawled before
    starts first_days back (FICHE_FIRST_CRAWL_DAYS), not at the beginning of its history."""
    where = f" from {base_url}" if base_url else ""
    click.echo(f"Crawling{where}:", err=True)
    first_start = first_crawl_start(first_days)
    first = f"{first_start} (first crawl: the last {first_days} days)" if first_start else ""
    for source in sources:
        start = api.crawl_start(source, since, first) or "the beginning"
        what = WHAT[source].format(dossier=dossier)
        if source in WHOLE_DUMPS:
            click.echo(f"  {source}: {what}, the whole dump, at most once a day", err=True)
            continue
        click.echo(f"  {source}: {what}, changed since {start}", err=True)
    click.echo(
        "Raw files are archived as they arrive; an interrupted crawl resumes next time.",
        err=True,
    )


def entry_failed(entry: dict) -> bool:
    """A source failed entirely: its listing could not be read at all, or it listed nothing
    where it used to list plenty (the alarm; the crawl state is kept, so nothing is lost)."""
    return bool(entry["alarm"]) or (bool(entry["listing_error"]) and entry["listed"] == 0)


def print_report(report: list[dict], indexed: int, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"sources": report, "indexed": indexed}, indent=2))
    else:
        for entry in report:
            click.echo(
                f"{entry['source']}: listed {entry['listed']}, fetched {entry['fetched']}, "
                f"unchanged {entry['unchanged']}, skipped {entry['skipped']}, "
                f"failed {entry['failed']}"
                + ("" if entry["complete"] else " (incomplete: will resume next run)")
            )
            for failure in entry["open_failures"]:
                # the URL and the reason come from a server: escaped, never obeyed
                failed = f"{one_line(failure['url'])}: {one_line(failure['reason'])}"
                click.echo(f"  failed: {failed}", err=True)
        click.echo(f"{indexed} documents indexed")
    for entry in report:
        if entry["listing_error"]:
            what = "cannot list" if entry["listed"] == 0 else "listing incomplete"
            listing_error = one_line(entry["listing_error"])
            click.echo(f"error: {entry['source']}: {what}: {listing_error}", err=True)
        if entry["alarm"]:
            click.echo(f"warning: {one_line(entry['alarm'])}", err=True)
        for error in entry["errors"]:
            click.echo(f"error: {entry['source']}: {one_line(error)}", err=True)

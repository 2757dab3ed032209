"""`fiche-search votes`: the Council votes beside the cabinet's written position."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict

import click

from cli.context import csv_option, fail, home_option, json_option, open_archive_api
from fiche_search import VOTES_CSV_HEADER, BadVoteFilter, UnknownProposal, VoteRow


@click.command("votes")
@click.option("--differs", is_flag=True, help="Only votes that disagree with the fiche.")
@click.option("--country", default="NL", show_default=True, help="Whose vote (two letters).")
@click.option("--since", default="", help="Votes on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", default="", help="Votes on or before this date (YYYY[-MM[-DD]]).")
@click.option(
    "--proposal",
    "proposals",
    multiple=True,
    metavar="REF",
    help="Votes on this proposal: a COM or CELEX number, a procedure (2018/0172(COD)) or a"
    " document id, as `proposal` takes it.",
)
@click.option(
    "--configuration",
    "configurations",
    multiple=True,
    metavar="NAME",
    help="The Council configuration, e.g. 'Economic and Financial Affairs Council'.",
)
@click.option(
    "--outcome",
    "outcomes",
    multiple=True,
    metavar="NAME",
    help="The Council's action, e.g. 'Adoption of the legislative act'.",
)
@click.option(
    "--vote",
    "votes",
    multiple=True,
    metavar="VOTE",
    help="How the country voted: in_favour, against, abstained, not_participating.",
)
@click.option(
    "--ministerie",
    "ministeries",
    multiple=True,
    metavar="NAME",
    help="The fiche's eerstverantwoordelijk ministerie, as the search's facet shows it.",
)
@json_option("The rows as JSON.")
@csv_option("The rows as CSV.")
@home_option
def votes_command(
    differs,
    country,
    since,
    until,
    proposals,
    configurations,
    outcomes,
    votes,
    ministeries,
    as_json,
    as_csv,
    home,
):
    """Proposals with a Council vote (crawl consilium): the latest fiche's overall position
    beside the country's vote. --differs: support written and against/abstained voted, or
    rejection written and in favour voted. A filter given twice is either value; values match
    whatever their case and accents."""
    if as_json and as_csv:
        fail("give --json or --csv, not both", code=2)
    api = open_archive_api(home, existing=True)
    try:
        rows = api.council_votes(
            country,
            differs,
            since,
            until,
            proposal=proposals,
            configuration=configurations,
            outcome=outcomes,
            vote=votes,
            ministerie=ministeries,
        )
    except BadVoteFilter as error:
        fail(str(error), code=2)
    except UnknownProposal as error:
        fail(str(error), code=1)
    finally:
        api.close()
    if as_json:
        click.echo(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2))
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(VOTES_CSV_HEADER)
        writer.writerows(row.csv_row() for row in rows)
    else:
        click.echo(readable(rows))


def readable(rows: list[VoteRow]) -> str:
    if not rows:
        return "no Council votes (fetch them with `fiche-search crawl consilium`)"
    lines = []
    for row in rows:
        proposal = ", ".join(row.com_numbers) or (
            "no COM number; cited in the archive" if row.linked else "no archived document"
        )
        mark = "  DIFFERS" if row.differs else ""
        lines.append(f"{row.date}  {row.procedure}  {proposal}{mark}")
        lines.append(f"  {row.title}")
        ministerie = f" ({row.ministerie})" if row.ministerie else ""
        lines.append(
            f"  fiche: {row.position or 'no fiche'}{ministerie}; {row.country} voted:"
            f" {(row.vote or 'not listed').replace('_', ' ')} ({row.outcome},"
            f" {row.configuration or 'no configuration'})"
        )
    return "\n".join(lines)

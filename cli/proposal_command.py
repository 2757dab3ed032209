"""`fiche-search proposal REF [--json]`: one EU proposal, its documents and procedure in date
order, the cabinet's latest position per aspect and how it changed."""

from __future__ import annotations

import click

from cli.context import fail, home_option, json_option, json_text, open_archive_api
from fiche_search import MalformedRef, ProposalTimeline, UnknownProposal, printable


@click.command("proposal")
@click.argument("ref")
@json_option("The timeline as JSON.")
@home_option
def proposal_command(ref, as_json, home):
    """One EU proposal: REF is a COM number (any spelling), a CELEX number, a procedure
    reference (2021/0106(COD)) or a document id."""
    api = open_archive_api(home, existing=True)
    try:
        timeline = api.proposal(ref)
    except MalformedRef as error:
        fail(str(error), code=2)
    except UnknownProposal as error:
        fail(str(error), code=1)
    if as_json:
        click.echo(json_text(timeline.to_json()))
        return
    click.echo(printable(readable(timeline)))  # titles and evidence from documents


def readable(timeline: ProposalTimeline) -> str:
    lines = [timeline.title or timeline.ref]
    facts = [
        ("COM", ", ".join(timeline.com_numbers)),
        ("CELEX", ", ".join(timeline.celex)),
        ("procedure", timeline.procedure),
    ]
    lines += [f"  {name}: {value}" for name, value in facts if value]
    lines += ["", "Timeline"]
    for entry in timeline.timeline:
        what = entry.relation if entry.kind == "document" else "EU"
        lines.append(f"  {entry.date or '?':10}  {what:15}  {entry.title}")
        if entry.kind == "document":
            lines.append(f"  {'':10}  {'':15}  {entry.id}")
        for stance in entry.stances:
            lines.append(f"  {'':10}  {'':15}    {stance.aspect}: {stance.label}")
    if timeline.position:
        lines += ["", "Position (latest fiche)"]
        for aspect, position in timeline.position.items():
            lines.append(f"  {aspect:17} {position.label:24} {position.id} ({position.date})")
    lines += council_lines(timeline)
    if timeline.changes:
        lines += ["", "Changes"]
    for change in timeline.changes:
        lines.append(
            f"  {change.date}  {change.aspect}: {change.from_label} -> {change.to_label}"
            f"  ({change.from_id} -> {change.to_id})"
        )
        lines.append(f"      before: {change.from_evidence}")
        lines.append(f"      after:  {change.to_evidence}")
    return "\n".join(lines)


def council_lines(timeline: ProposalTimeline) -> list[str]:
    """The Council votes, NL first, and whether NL voted as the fiche wrote."""
    if not timeline.council_votes:
        return []
    lines = ["", "Council votes"]
    for vote in timeline.council_votes:
        lines.append(f"  {vote.date}  {vote.outcome} ({vote.configuration}, {vote.rule})")
        positions = [f"{p.country} {p.position}" for p in vote.positions_first("NL")]
        lines.append(f"      {', '.join(positions)}")
    said = timeline.said_and_did
    if said is not None:
        verdict = "differs from" if said.differs else "does not contradict"
        lines.append(
            f"  NL voted {said.vote or 'no position'} in the latest vote: {verdict}"
            f" the fiche ({said.position or 'no overall position'})"
        )
    return lines

"""`fiche-search votes`: every Council vote beside what the cabinet wrote about its proposal.

One row per vote: the proposal the vote's procedure belongs to (found as `proposal` finds it),
the latest fiche's overall position, and one member state's vote (NL unless asked otherwise).
A vote on a procedure no archived document names is a row without a proposal or position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.archive.council_votes import all_votes
from index.archive.database import Archive
from index.features.proposals import OVERALL, ProposalTimeline, UnknownProposal, proposal
from index.features.said_and_did import said_and_did
from parsers.council_votes import CouncilVote

COUNTRY = re.compile(r"[A-Z]{2}")
CSV_HEADER = [
    "date",
    "procedure",
    "com_numbers",
    "title",
    "outcome",
    "configuration",
    "document",
    "country",
    "vote",
    "position",
    "fiche",
    "differs",
    "evidence",
]


class BadVoteFilter(ValueError):
    """A --country that is no two-letter code, a --since/--until that is no date (exit 2,
    HTTP 400)."""


@dataclass
class VoteRow:
    date: str
    procedure: str
    com_numbers: list[str]  # the proposal's; empty when no archived document names it
    title: str
    outcome: str
    configuration: str
    document: str  # the Council document voted on
    country: str
    vote: str  # in_favour, against, abstained, not_participating; "" when not listed
    position: str | None  # the latest fiche's overall position; None without a fiche
    fiche: str | None  # that fiche's id
    evidence: str | None
    differs: bool

    def csv_row(self) -> list:
        return [
            self.date,
            self.procedure,
            "|".join(self.com_numbers),
            self.title,
            self.outcome,
            self.configuration,
            self.document,
            self.country,
            self.vote,
            self.position or "",
            self.fiche or "",
            "true" if self.differs else "false",
            self.evidence or "",
        ]


def country_code(value: str) -> str:
    """'nl' -> 'NL'; BadVoteFilter for anything but two letters."""
    code = value.strip().upper()
    if not COUNTRY.fullmatch(code):
        raise BadVoteFilter(f"--country {value!r}: give a two-letter member state code, like NL")
    return code


def iso_day(value: str, option: str) -> str:
    """'2024-01-31' as is, '' for none; BadVoteFilter for anything else."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadVoteFilter(f"{option} {value!r}: give a date like 2024-01-31") from None


def vote_rows(
    archive: Archive,
    country: str = "NL",
    differs: bool = False,
    since: str = "",
    until: str = "",
) -> list[VoteRow]:
    """The Council votes (dated since..until), newest first; `differs`: only those where the
    country's vote disagrees with the fiche's overall position."""
    code = country_code(country)
    since, until = iso_day(since, "--since"), iso_day(until, "--until")
    timelines: dict[str, ProposalTimeline | None] = {}
    rows = []
    for vote in reversed(all_votes(archive, since, until)):
        if vote.procedure not in timelines:
            timelines[vote.procedure] = _proposal_of(archive, vote.procedure)
        row = _row(vote, timelines[vote.procedure], code)
        if row.differs or not differs:
            rows.append(row)
    return rows


def _proposal_of(archive: Archive, procedure: str) -> ProposalTimeline | None:
    """The proposal of a procedure, None when no archived document names it."""
    if not procedure:
        return None
    try:
        timeline = proposal(archive, procedure)
    except (UnknownProposal, ValueError):  # ValueError: MalformedRef, a procedure we cannot read
        return None
    if not any(entry.kind == "document" for entry in timeline.timeline):
        return None  # known by its votes alone
    return timeline


def _row(vote: CouncilVote, timeline: ProposalTimeline | None, country: str) -> VoteRow:
    position = timeline.position.get(OVERALL) if timeline else None
    compared = said_and_did(
        position.label if position else None,
        position.evidence if position else None,
        vote.position_of(country),
    )
    return VoteRow(
        date=vote.date,
        procedure=vote.procedure,
        com_numbers=timeline.com_numbers if timeline else [],
        title=(timeline.title if timeline else "") or vote.title,
        outcome=vote.outcome,
        configuration=vote.configuration,
        document=vote.document,
        country=country,
        vote=compared.vote,
        position=compared.position,
        fiche=position.id if position else None,
        evidence=compared.evidence,
        differs=compared.differs,
    )

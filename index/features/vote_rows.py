"""`fiche-search votes`: every Council vote beside what the cabinet wrote about its proposal.

One row per vote: the proposal the vote's procedure belongs to (found as `proposal` finds it),
the latest fiche's overall position and ministerie, and one member state's vote (NL unless
asked otherwise). A vote on a procedure no archived document names is a row without a proposal
or position. The filters are the search's where they apply: a proposal in any form `proposal`
takes, the Council configuration, the outcome, how the country voted, the fiche's ministerie;
values match whatever their case and accents, and an unknown one names those that exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from index.archive.council_votes import (
    all_votes,
    named_procedures,
    procedures_near_fiches,
    vote_values,
    votes_per_procedure,
)
from index.archive.database import Archive
from index.features.proposals import (
    OVERALL,
    MalformedRef,
    ProposalTimeline,
    UnknownProposal,
    proposal,
)
from index.features.said_and_did import said_and_did
from index.search.contract import short_ministry
from index.search.filters import (
    QueryError,
    by_folded,
    check_date,
    closest,
    end_of,
    fold,
    unknown_value,
)
from parsers.council_votes import POSITION_NAMES, CouncilVote

COUNTRY = re.compile(r"[A-Z]{2}")
FICHE_RELATIONS = ("fiche", "revised-fiche")  # a timeline entry that is the proposal's fiche
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
    "ministerie",
    "linked",
]


class BadVoteFilter(ValueError):
    """A --country that is no two-letter code, a --since/--until that is no date, a value no
    vote has (exit 2, HTTP 400)."""


@dataclass
class VoteFilters:
    """Which votes `votes` lists: every list is any of its values (OR), the filters all
    together (AND), as the search's filters."""

    country: str = "NL"  # whose vote
    differs: bool = False  # only where that vote disagrees with the fiche's overall position
    since: str = ""  # YYYY[-MM[-DD]], the vote's date, inclusive
    until: str = ""
    proposals: list[str] = field(default_factory=list)  # REFs as `proposal` takes them
    configurations: list[str] = field(default_factory=list)  # the Council formation
    outcomes: list[str] = field(default_factory=list)  # the Council's action
    votes: list[str] = field(default_factory=list)  # how the country voted: POSITION_NAMES
    ministeries: list[str] = field(default_factory=list)  # the fiche's, as the facet shows it


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
    ministerie: str | None = None  # the fiche's eerstverantwoordelijk ministerie, if known
    # An archived document names the procedure (`proposal PROCEDURE` shows it), also when
    # none is about the proposal itself (a fiche citing it: no COM numbers, no fiche).
    linked: bool = False

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
            self.ministerie or "",
            "true" if self.linked else "false",
        ]


def country_code(value: str) -> str:
    """'nl' -> 'NL'; BadVoteFilter for anything but two letters."""
    code = value.strip().upper()
    if not COUNTRY.fullmatch(code):
        raise BadVoteFilter(f"--country {value!r}: give a two-letter member state code, like NL")
    return code


def day_bound(value: str, option: str) -> str:
    """A --since/--until as the search takes it (YYYY, YYYY-MM or YYYY-MM-DD), '' for none;
    BadVoteFilter for anything else."""
    if not value.strip():
        return ""
    try:
        return check_date(value.strip())
    except QueryError:
        raise BadVoteFilter(
            f"{option} {value!r}: give a date like 2024, 2024-01 or 2024-01-31"
        ) from None


def vote_position(value: str) -> str:
    """'In favour', 'in-favour', 'IN_FAVOUR' -> 'in_favour'; BadVoteFilter names the four."""
    name = re.sub(r"[\s-]+", "_", fold(value))
    if name not in POSITION_NAMES:
        raise BadVoteFilter(
            f"--vote {value!r}: votes are, closest first: "
            + ", ".join(closest(name, POSITION_NAMES, n=len(POSITION_NAMES)))
        )
    return name


def vote_rows(archive: Archive, filters: VoteFilters | None = None) -> list[VoteRow]:
    """The Council votes that pass FILTERS, newest first; BadVoteFilter for a bad value,
    UnknownProposal for a --proposal REF no archived document or vote names."""
    filters = filters or VoteFilters()
    proposals = _Proposals(archive)
    wanted = _wanted(archive, filters, proposals)
    rows = []
    for vote in reversed(all_votes(archive, wanted.since, wanted.until)):
        if wanted.keeps_vote(vote):
            row = _row(vote, proposals.of(vote.procedure), wanted.country)
            if wanted.keeps_row(row):
                rows.append(row)
    return rows


@dataclass
class _Wanted:
    """VoteFilters checked and resolved to the values the votes hold; an empty set: any."""

    country: str
    differs: bool
    since: str
    until: str  # the last date it holds ('2024' -> '2024-12-31')
    vote_ids: set[str] | None  # None: no --proposal
    configurations: set[str]
    outcomes: set[str]
    positions: set[str]
    ministeries: set[str]

    def keeps_vote(self, vote: CouncilVote) -> bool:
        return (
            (self.vote_ids is None or vote.id in self.vote_ids)
            and (not self.configurations or vote.configuration in self.configurations)
            and (not self.outcomes or vote.outcome in self.outcomes)
        )

    def keeps_row(self, row: VoteRow) -> bool:
        return (
            (row.differs or not self.differs)
            and (not self.positions or row.vote in self.positions)
            and (not self.ministeries or row.ministerie in self.ministeries)
        )


def _wanted(archive: Archive, filters: VoteFilters, proposals: _Proposals) -> _Wanted:
    return _Wanted(
        country=country_code(filters.country),
        differs=filters.differs,
        since=day_bound(filters.since, "--since"),
        until=end_of(day_bound(filters.until, "--until")),
        vote_ids=_votes_of_proposals(archive, filters.proposals) if filters.proposals else None,
        configurations=_existing(
            filters.configurations, vote_values(archive, "configuration"), "configuration"
        ),
        outcomes=_existing(filters.outcomes, vote_values(archive, "outcome"), "outcome"),
        positions={vote_position(v) for v in filters.votes},
        # every vote's proposal is looked up only when a ministerie is asked for
        ministeries=_existing(filters.ministeries, proposals.every_ministerie(), "ministerie")
        if filters.ministeries
        else set(),
    )


@dataclass
class VoteCounts:
    """The Council votes stored, for `stats`."""

    votes: int
    linked: int  # on a procedure an archived document names: the `votes` rows `linked`
    with_fiche: int  # on a proposal whose fiche states its overall position: rows with a fiche


def vote_counts(archive: Archive) -> VoteCounts:
    """The counts of the `votes` rows, by SQL where it can: `proposal` is asked only about
    the procedures whose documents share a number with a fiche (a few milliseconds each)."""
    per_procedure = votes_per_procedure(archive)
    proposals = _Proposals(archive)
    with_fiche = [
        procedure
        for procedure in procedures_near_fiches(archive)
        if (found := proposals.of(procedure)) and OVERALL in found.timeline.position
    ]
    return VoteCounts(
        votes=sum(per_procedure.values()),
        linked=sum(per_procedure[p] for p in named_procedures(archive)),
        with_fiche=sum(per_procedure[p] for p in with_fiche),
    )


class _Proposals:
    """The proposal of each procedure, found once per `votes`."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self.found: dict[str, _Proposal | None] = {}

    def of(self, procedure: str) -> _Proposal | None:
        """The proposal of a procedure, None when no archived document names it."""
        if procedure not in self.found:
            timeline = _proposal_of(self.archive, procedure)
            self.found[procedure] = (
                _Proposal(timeline, _ministerie(self.archive, timeline)) if timeline else None
            )
        return self.found[procedure]

    def every_ministerie(self) -> list[str]:
        """The ministeries of the proposals of every stored vote (--ministerie's values)."""
        procedures = vote_values(self.archive, "procedure")
        return [p.ministerie for p in map(self.of, procedures) if p and p.ministerie]


@dataclass
class _Proposal:
    timeline: ProposalTimeline
    ministerie: str | None  # its fiche's eerstverantwoordelijk ministerie, if known


def _votes_of_proposals(archive: Archive, refs: Iterable[str]) -> set[str]:
    """The ids of the votes on the proposals REFS name, found as `proposal` finds them; a
    malformed REF is a BadVoteFilter (exit 2), one nothing names UnknownProposal (exit 1)."""
    ids = set()
    for ref in refs:
        try:
            timeline = proposal(archive, ref)
        except MalformedRef as error:
            raise BadVoteFilter(f"--proposal: {error}") from None
        ids |= {vote.id for vote in timeline.council_votes}
    return ids


def _existing(typed: list[str], values: list[str], what: str) -> set[str]:
    """The VALUES the TYPED ones are, case and accents aside ('ecofin council' is 'ECOFIN
    Council'); BadVoteFilter for one that no vote has, naming those that exist, closest
    first. An empty set: no filter."""
    typed_as = by_folded(values)
    found: set[str] = set()
    for value in typed:
        matches = typed_as.get(fold(value))
        if not matches:
            existing = sorted({v for group in typed_as.values() for v in group})
            raise BadVoteFilter(unknown_value("Council vote", what, value, existing))
        found |= set(matches)
    return found


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


def _row(vote: CouncilVote, found: _Proposal | None, country: str) -> VoteRow:
    timeline = found.timeline if found else None
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
        ministerie=found.ministerie if found else None,
        linked=found is not None,
    )


def _ministerie(archive: Archive, timeline: ProposalTimeline) -> str | None:
    """The eerstverantwoordelijk ministerie its fiches name (the first that names one), as
    the search's ministerie facet shows it; None without."""
    fiches = [e.id for e in timeline.timeline if e.relation in FICHE_RELATIONS]
    for fiche in archive.documents(fiches):
        if name := short_ministry(str(fiche.metadata.get("ministerie") or "")):
            return name
    return None

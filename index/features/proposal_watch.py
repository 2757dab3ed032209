"""What a watch that follows one proposal alerts on: each document about the proposal, each
change of the cabinet's position between consecutive fiches, and each Council vote on it, under
a key that stays the same across crawls, re-imports and re-parses (so each alerts exactly
once)."""

from __future__ import annotations

from dataclasses import dataclass

from index.archive.council_votes import VOTE_KEY_PREFIX
from index.archive.database import Archive
from index.features.proposals import HOME_COUNTRY, PositionChange, UnknownProposal, proposal
from parsers.council_votes import CouncilVote
from parsers.procedure import procedure_id

CHANGE_PREFIX = "change:"


@dataclass
class ProposalItem:
    key: str  # the document id, change:ASPECT:FROM:TO:FICHE_ID, or vote:VOTE_ID
    doc_id: str  # the document to open: the fiche that made a change, a vote's procedure
    title: str
    doc_type: str
    date: str


def change_key(change: PositionChange) -> str:
    return f"{CHANGE_PREFIX}{change.aspect}:{change.from_label}:{change.to_label}:{change.to_id}"


def change_title(key: str, fiche_title: str) -> str:
    """'subsidiariteit: positief -> negatief (Fiche: ...)' from a change key."""
    aspect, before, after, _ = key.removeprefix(CHANGE_PREFIX).split(":", 3)
    return f"{aspect}: {before} -> {after} ({fiche_title})"


def proposal_items(archive: Archive, ref: str) -> list[ProposalItem]:
    """Everything the watch on REF reports, in timeline order. A REF no archived document
    names yet has none (the watch waits for its first document)."""
    try:
        timeline = proposal(archive, ref)
    except UnknownProposal:
        return []
    entries = {e.id: e for e in timeline.timeline if e.kind == "document"}
    items = [ProposalItem(e.id, e.id, e.title, e.doc_type, e.date) for e in entries.values()]
    for change in timeline.changes:
        fiche = entries.get(change.to_id)
        title = change_title(change_key(change), fiche.title if fiche else change.to_id)
        items.append(ProposalItem(change_key(change), change.to_id, title, "change", change.date))
    items += [vote_item(vote) for vote in timeline.council_votes]
    return items


def vote_item(vote: CouncilVote) -> ProposalItem:
    return ProposalItem(
        key=VOTE_KEY_PREFIX + vote.id,
        doc_id=procedure_id(vote.procedure),
        title=vote_title(vote),
        doc_type="council-vote",
        date=vote.date,
    )


def vote_title(vote: CouncilVote) -> str:
    """'Council vote on 2018/0172(COD): Adoption of the legislative act; NL against'."""
    nl = (vote.position_of(HOME_COUNTRY) or "no position").replace("_", " ")
    return f"Council vote on {vote.procedure}: {vote.outcome or 'vote'}; {HOME_COUNTRY} {nl}"

"""One EU proposal across the archive: its fiches, every document that cites it, its EUR-Lex
texts and its procedure events in date order; the cabinet's latest position per aspect, and
how that changed between consecutive fiches.

`proposal(archive, ref)` is the one entry point (the CLI, the web page, watches and the Python
API call it). REF is a COM number in any spelling, a CELEX number, a procedure reference or a
document id.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from index.archive.council_votes import votes_on
from index.archive.database import Archive
from index.features.references import celex_of_com, com_of_celex
from index.features.said_and_did import SaidAndDid, said_and_did
from parsers import Document
from parsers.council_votes import POSITION_NAMES, CouncilVote
from parsers.links import find_references
from parsers.model import TIMELINE_LABELS
from parsers.procedure import Procedure, procedure_id, procedure_of

POSITION_ASPECTS = tuple(TIMELINE_LABELS)  # the three aspects and the overall positie
OVERALL = "positie"  # the aspect said_and_did compares with the Council vote
HOME_COUNTRY = "NL"  # whose vote `council_votes[].nl` and said_and_did report
ACCEPTED_FORMS = (
    "a COM number ('COM(2021) 206', 'COM/2021/206 final'), a CELEX number ('52021PC0206'),"
    " a procedure reference ('2021/0106(COD)') or a document id ('kst-22112-3100')"
)
_CELEX = re.compile(r"[1-9E]\d{4}[A-Z]{1,2}\d{4}")
_DOC_ID = re.compile(r"[a-z][a-z0-9]*(?:-[A-Za-z0-9_.]+)+")
_EXPANSION_ROUNDS = 3  # COM -> fiche -> its other COM numbers -> their procedure


class MalformedRef(ValueError):
    """A REF in none of the accepted forms (exit 2, HTTP 400)."""


class UnknownProposal(LookupError):
    """A well-formed REF that no archived document names (exit 1, HTTP 404)."""


@dataclass
class StanceView:
    aspect: str
    label: str
    evidence: str


@dataclass
class TimelineEntry:
    date: str
    kind: str  # "document", "event" (a step of the EU procedure) or "council-vote"
    id: str
    doc_type: str
    title: str
    # fiche, revised-fiche, part (of a fiche's bundle), commission-text, adopted-act,
    # procedure (a procedure document), cites; for events: commission, parliament, council,
    # signature, publication, other; for a council-vote: its outcome's date, relation "council"
    relation: str
    stances: list[StanceView] = field(default_factory=list)


@dataclass
class Position:
    label: str
    id: str
    date: str
    evidence: str


@dataclass
class PositionChange:
    aspect: str
    from_label: str
    to_label: str
    from_id: str
    to_id: str
    date: str
    from_evidence: str
    to_evidence: str


@dataclass
class ProposalTimeline:
    ref: str  # the REF as normalised ("COM(2021) 206")
    com_numbers: list[str]
    celex: list[str]
    procedure: str
    title: str
    timeline: list[TimelineEntry]
    position: dict[str, Position]  # aspect -> latest label
    changes: list[PositionChange]
    council_votes: list[CouncilVote] = field(default_factory=list)  # in date order
    # The latest fiche's overall position beside NL's latest Council vote; None without a vote.
    said_and_did: SaidAndDid | None = None

    def to_json(self) -> dict:
        """The `proposal --json` shape of DESIGN.md."""
        return {
            "ref": self.ref,
            "com_numbers": self.com_numbers,
            "celex": self.celex,
            "procedure": self.procedure,
            "title": self.title,
            "timeline": [asdict(entry) for entry in self.timeline],
            "position": {aspect: asdict(p) for aspect, p in self.position.items()},
            "changes": [
                {
                    "aspect": c.aspect,
                    "from": c.from_label,
                    "to": c.to_label,
                    "from_id": c.from_id,
                    "to_id": c.to_id,
                    "date": c.date,
                    "evidence": {"from": c.from_evidence, "to": c.to_evidence},
                }
                for c in self.changes
            ],
            "council_votes": [vote_json(vote) for vote in self.council_votes],
            "said_and_did": asdict(self.said_and_did) if self.said_and_did else None,
        }


def vote_json(vote: CouncilVote) -> dict:
    """A Council vote in the `proposal --json` shape: NL's position and every member state's."""
    return {
        "date": vote.date,
        "procedure": vote.procedure,
        "outcome": vote.outcome,
        "rule": vote.rule,
        "configuration": vote.configuration,
        "document": vote.document,
        "title": vote.title,
        "nl": vote.position_of(HOME_COUNTRY),
        **{position: vote.countries(position) for position in POSITION_NAMES},
    }


@dataclass
class ProposalRef:
    kind: str  # com, celex, procedure, id
    value: str  # normalised


@dataclass
class _Identifiers:
    com: set[str] = field(default_factory=set)
    celex: set[str] = field(default_factory=set)
    procedure: set[str] = field(default_factory=set)

    def pairs(self) -> list[tuple[str, str]]:
        return (
            [("com", v) for v in sorted(self.com)]
            + [("celex", v) for v in sorted(self.celex)]
            + [("procedure", v) for v in sorted(self.procedure)]
        )

    def size(self) -> int:
        return len(self.com) + len(self.celex) + len(self.procedure)


def parse_ref(ref: str) -> ProposalRef:
    """REF in any accepted form, normalised; MalformedRef names the accepted forms."""
    text = " ".join(ref.split())
    if _CELEX.fullmatch(text.upper()):
        return ProposalRef("celex", text.upper())
    found = find_references(text)
    if len(found) == 1:
        kind, value, start, end = found[0]
        rest = (text[:start] + text[end:]).strip().lower().rstrip(".")
        if kind in ("com", "procedure") and rest in ("", "final", "def", "fin"):
            return ProposalRef(kind, value)
    if _DOC_ID.fullmatch(text):
        return ProposalRef("id", text)
    raise MalformedRef(f"not a proposal reference: {ref!r}; use {ACCEPTED_FORMS}")


def proposal(archive: Archive, ref: str) -> ProposalTimeline:
    """The proposal REF names, across the archive. Raises MalformedRef or UnknownProposal."""
    parsed = parse_ref(ref)
    ids = _start(archive, parsed)
    documents = _expand(archive, ids)
    timeline = _timeline(parsed, ids, documents)
    procedures = {p.strip() for p in timeline.procedure.split(",")} | ids.procedure
    votes = votes_on(archive, procedures)
    if not documents and not votes:
        raise UnknownProposal(f"no document in the archive names {parsed.value}")
    return with_council_votes(timeline, votes)


def with_council_votes(timeline: ProposalTimeline, votes: list[CouncilVote]) -> ProposalTimeline:
    """The votes, their timeline events, and the latest one beside the latest fiche."""
    if not votes:
        return timeline
    timeline.council_votes = votes
    timeline.title = timeline.title or votes[-1].title  # a procedure known by its votes only
    timeline.timeline += [_vote_entry(vote) for vote in votes]
    timeline.timeline.sort(key=lambda e: (e.date or "9999", e.kind, e.id))
    latest = timeline.position.get(OVERALL)
    timeline.said_and_did = said_and_did(
        latest.label if latest else None,
        latest.evidence if latest else None,
        votes[-1].position_of(HOME_COUNTRY),
    )
    return timeline


def _vote_entry(vote: CouncilVote) -> TimelineEntry:
    nl = vote.position_of(HOME_COUNTRY) or "no position"
    return TimelineEntry(
        date=vote.date,
        kind="council-vote",
        id=vote.id,
        doc_type="council-vote",
        title=f"Council: {vote.outcome or 'vote'} ({vote.configuration or vote.procedure});"
        f" NL {nl.replace('_', ' ')}",
        relation="council",
    )


def _start(archive: Archive, parsed: ProposalRef) -> _Identifiers:
    ids = _Identifiers()
    if parsed.kind == "id":
        doc = archive.document(parsed.value)
        if doc is None:
            raise UnknownProposal(f"no document in the archive has the id {parsed.value}")
        _add_identifiers_of(ids, doc)
        return ids
    getattr(ids, parsed.kind).add(parsed.value)
    return ids


def _add_identifiers_of(ids: _Identifiers, doc: Document) -> None:
    """What a document says the proposal is: a fiche's COM and CELEX numbers, a procedure's
    reference and proposal, an EUR-Lex text's own CELEX."""
    procedure = procedure_of(doc)
    if procedure is not None:
        ids.procedure.add(procedure.reference)
        ids.celex.update(procedure.proposal_celex)
        if procedure.adopted_celex:  # the act it became: texts about it belong here too
            ids.celex.add(procedure.adopted_celex)
        ids.com.update(procedure.com_numbers)
        return
    ids.com.update(str(n) for n in doc.metadata.get("com_numbers") or [])
    if doc.metadata.get("celex"):
        ids.celex.add(str(doc.metadata["celex"]))
    if doc.id.startswith("celex-"):
        ids.celex.add(doc.id.removeprefix("celex-"))
    if doc.doc_type != "fiche" and not doc.id.startswith("celex-"):
        # Any other document: the proposals it cites.
        ids.com.update(lk.value for lk in doc.links if lk.kind == "com" and lk.value[:4] == "COM(")
        ids.procedure.update(lk.value for lk in doc.links if lk.kind == "procedure")


def _expand(archive: Archive, ids: _Identifiers) -> dict[str, Document]:
    """Every document naming one of the identifiers; fiches and procedures add theirs (the
    MiFIR fiche names COM(2021) 726 and 727, a procedure its proposal), a few rounds deep."""
    documents: dict[str, Document] = {}
    for _ in range(_EXPANSION_ROUNDS):
        before = ids.size()
        for celex in list(ids.celex):
            if com := com_of_celex(celex):
                ids.com.add(com)
        for com in list(ids.com):
            ids.celex.update(celex_of_com(com))
        found = archive.ids_with_links(ids.pairs())
        found += [f"celex-{c}" for c in sorted(ids.celex)]
        for doc in archive.documents(i for i in dict.fromkeys(found) if i not in documents):
            documents[doc.id] = doc
            if _is_about(doc, ids):
                _add_identifiers_of(ids, doc)
        if ids.size() == before:
            break
    for doc in list(documents.values()):
        if doc.doc_type == "fiche" and _is_about(doc, ids):  # its letter and beslisnota
            parts = [lk.value for lk in doc.links if lk.kind == "part"]
            for part in archive.documents(p for p in parts if p not in documents):
                documents[part.id] = part
    return documents


def _is_about(doc: Document, ids: _Identifiers) -> bool:
    """A fiche or procedure of this proposal, not one that merely cites it: a fiche by its
    section-1 COM or CELEX number, a procedure by its reference, proposal or act."""
    if doc.doc_type == "fiche":
        numbers = {str(n) for n in doc.metadata.get("com_numbers") or []}
        return bool(numbers & ids.com) or str(doc.metadata.get("celex", "")) in ids.celex
    procedure = procedure_of(doc)
    if procedure is None:
        return False
    acts = set(procedure.proposal_celex) | {procedure.adopted_celex}
    return procedure.reference in ids.procedure or bool(acts & ids.celex)


def _timeline(
    parsed: ProposalRef, ids: _Identifiers, documents: dict[str, Document]
) -> ProposalTimeline:
    about = [doc for doc in documents.values() if _is_about(doc, ids)]
    fiches = _fiches_in_order(about)
    procedures = [p for p in map(procedure_of, about) if p is not None]
    entries = [_entry(doc, _relation(doc, fiches, ids)) for doc in documents.values()]
    entries += [entry for p in procedures for entry in _event_entries(p)]
    entries.sort(key=lambda e: (e.date or "9999", e.kind, e.id))
    entries = [e for e in entries if e.doc_type != "eu-procedure" or e.kind == "event"]
    return ProposalTimeline(
        ref=parsed.value,
        com_numbers=sorted(c for c in ids.com if _proposal_com(c)),
        celex=sorted(c for c in ids.celex if c in _known_celex(documents, procedures)),
        procedure=", ".join(sorted({p.reference for p in procedures} | ids.procedure)),
        title=_title(fiches, procedures, documents),
        timeline=entries,
        position=_latest_positions(fiches),
        changes=_changes(fiches),
    )


def _proposal_com(com: str) -> bool:
    return com.startswith(("COM(", "JOIN("))


def _known_celex(documents: dict[str, Document], procedures: list[Procedure]) -> set[str]:
    """CELEX numbers something in the archive stands for (not the guesses made from COM)."""
    known = {d.id.removeprefix("celex-") for d in documents.values() if d.id.startswith("celex-")}
    known |= {str(d.metadata["celex"]) for d in documents.values() if d.metadata.get("celex")}
    for procedure in procedures:
        known |= set(procedure.proposal_celex) | {procedure.adopted_celex} - {""}
    return known


def is_revised(doc: Document) -> bool:
    """A revised fiche ("Herzien fiche", "Herziene fiche")."""
    return bool(re.search(r"\bherzien", doc.title, re.IGNORECASE))


def _fiches_in_order(documents) -> list[Document]:
    """Fiches in date order; a revised fiche follows the first whatever its date says."""
    fiches = [d for d in documents if d.doc_type == "fiche"]
    return sorted(fiches, key=lambda d: (is_revised(d), d.date or "9999", d.id))


def _relation(doc: Document, fiches: list[Document], ids: _Identifiers) -> str:
    if doc in fiches:
        return "revised-fiche" if is_revised(doc) and doc is not fiches[0] else "fiche"
    if doc.doc_type == "eu-procedure" and _is_about(doc, ids):
        return "procedure"
    if doc.id.startswith("celex-"):
        return "adopted-act" if doc.id.startswith("celex-3") else "commission-text"
    if any(lk.kind == "part" and lk.value in {f.id for f in fiches} for lk in doc.links):
        return "part"
    return "cites"


def _entry(doc: Document, relation: str) -> TimelineEntry:
    stances = [
        StanceView(s.aspect, s.label, s.evidence)
        for s in doc.stances
        if s.aspect in POSITION_ASPECTS
    ]
    return TimelineEntry(doc.date, "document", doc.id, doc.doc_type, doc.title, relation, stances)


def _event_entries(procedure: Procedure) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            date=event.date,
            kind="event",
            id=procedure_id(procedure.reference),
            doc_type="eu-procedure",
            title=f"{event.label} ({procedure.reference})"
            + (f": {', '.join(event.celex)}" if event.celex else ""),
            relation=event.kind,
        )
        for event in procedure.events
    ]


def _title(fiches, procedures, documents) -> str:
    for fiche in fiches:
        if fiche.metadata.get("titel_voorstel"):
            return " ".join(str(fiche.metadata["titel_voorstel"]).split())
    if procedures and procedures[0].title:
        return procedures[0].title
    texts = [d for d in documents.values() if d.id.startswith("celex-5")]
    if texts:
        return texts[0].title
    return fiches[0].title if fiches else ""


def _latest_positions(fiches: list[Document]) -> dict[str, Position]:
    position: dict[str, Position] = {}
    for fiche in fiches:
        for aspect in POSITION_ASPECTS:
            stance = fiche.stance(aspect)
            if stance is not None:
                position[aspect] = Position(stance.label, fiche.id, fiche.date, stance.evidence)
    return position


def _changes(fiches: list[Document]) -> list[PositionChange]:
    """A label that differs between two consecutive fiches, per aspect."""
    changes = []
    for earlier, later in zip(fiches, fiches[1:], strict=False):
        for aspect in POSITION_ASPECTS:
            before, after = earlier.stance(aspect), later.stance(aspect)
            if before is None or after is None or before.label == after.label:
                continue
            changes.append(
                PositionChange(
                    aspect=aspect,
                    from_label=before.label,
                    to_label=after.label,
                    from_id=earlier.id,
                    to_id=later.id,
                    date=later.date,
                    from_evidence=before.evidence,
                    to_evidence=after.evidence,
                )
            )
    return changes


def proposal_refs(archive: Archive, doc: Document, limit: int = 10) -> list[str]:
    """The proposals a document belongs to, as REFs `proposal()` accepts: a fiche's COM
    numbers, the COM number of a Commission text, a procedure's reference, the COM numbers of
    the fiche a letter or beslisnota came with, and the proposals a document cites."""
    procedure = procedure_of(doc)
    if procedure is not None:
        return [procedure.reference]
    refs = [str(n) for n in doc.metadata.get("com_numbers") or []]
    if doc.id.startswith("celex-"):
        refs.append(com_of_celex(doc.id.removeprefix("celex-")))
    parts = [lk.value for lk in doc.links if lk.kind == "part"]
    for part in archive.documents(parts):
        if part.doc_type == "fiche":
            refs += [str(n) for n in part.metadata.get("com_numbers") or []]
    refs += [lk.value for lk in doc.links if lk.kind == "com" and _proposal_com(lk.value)]
    refs += [lk.value for lk in doc.links if lk.kind == "procedure"]
    return [r for r in dict.fromkeys(refs) if r][:limit]

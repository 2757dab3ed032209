"""The Council of the EU's public votes on legislative acts: its bulk dump (a zip holding
`turtle-dump.ttl`) -> one CouncilVote per vote outcome.

The dump uses the Council's `codi:` vocabulary (http://data.consilium.europa.eu/def/codi/):
a `codi:VotingProcedure` names its procedure (`codi:forInterInstitutionalCode`,
"2018/0172(COD)"), its voting rule and the Council document voted on; its outcome
(`codi:hasVoteOutcome`) has the date, the Council's action and one voting position per
member state; a meeting that `codi:appliesProcedure` it gives the Council formation.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

CODI = Namespace("http://data.consilium.europa.eu/def/codi/")
DUMP_MEMBER = "turtle-dump.ttl"
# The last segment of a codi:votingposition IRI -> the name fiche-search gives it.
POSITIONS = {
    "votedinfavour": "in_favour",
    "votedagainst": "against",
    "abstained": "abstained",
    "notparticipating": "not_participating",
}
POSITION_NAMES = tuple(POSITIONS.values())


class DumpError(ValueError):
    """The dump cannot be read: one line that says why (a crawl failure's reason)."""


@dataclass
class MemberStateVote:
    country: str  # ISO 3166 alpha-2, as the dump's skos:notation ("NL")
    position: str  # one of POSITION_NAMES


@dataclass
class CouncilVote:
    id: str  # the IRI of the vote outcome: stable across dumps
    procedure: str  # "2018/0172(COD)"; "" when the dump names none
    date: str  # ISO date the act was adopted (dct:dateAccepted)
    outcome: str  # the Council's action ("Adoption of the legislative act")
    rule: str  # the voting rule ("Qualified majority")
    configuration: str  # the Council formation ("Environment")
    meeting: str  # the meeting's session number
    document: str  # the Council document voted on ("ST 9048 2019 INIT")
    title: str  # that document's title
    policy_area: str
    positions: list[MemberStateVote] = field(default_factory=list)

    def countries(self, position: str) -> list[str]:
        return sorted(p.country for p in self.positions if p.position == position)

    def positions_first(self, country: str) -> list[MemberStateVote]:
        """Every member state's position, this country's first, then the others in order."""
        return sorted(self.positions, key=lambda p: (p.country != country, p.country))

    def position_of(self, country: str) -> str:
        """The country's position, "" when the dump lists none for it."""
        return next((p.position for p in self.positions if p.country == country), "")


def read_dump(data: bytes) -> list[CouncilVote]:
    """The votes in a dump zip, in date and procedure order. DumpError when it is not a zip,
    lacks turtle-dump.ttl, or the Turtle does not parse."""
    return read_turtle(turtle_of(data))


def turtle_of(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == DUMP_MEMBER]
            if not names:
                raise DumpError(f"the zip holds no {DUMP_MEMBER}")
            return archive.read(names[0])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise DumpError(f"not a readable zip archive ({error})") from None


def read_turtle(turtle: bytes) -> list[CouncilVote]:
    graph = Graph()
    try:
        graph.parse(data=turtle, format="turtle")
    except (SyntaxError, ValueError, UnicodeDecodeError) as error:  # rdflib's BadSyntax too
        reason = " ".join(str(error).split())[:200]
        raise DumpError(f"Turtle syntax error in {DUMP_MEMBER}: {reason}") from None
    votes = [
        _vote(graph, procedure, outcome)
        for procedure in graph.subjects(RDF.type, CODI.VotingProcedure)
        for outcome in graph.objects(procedure, CODI.hasVoteOutcome)
    ]
    return sorted(votes, key=lambda v: (v.date, v.procedure, v.id))


def _vote(graph: Graph, procedure: URIRef, outcome: URIRef) -> CouncilVote:
    meeting = graph.value(predicate=CODI.appliesProcedure, object=procedure)
    document = graph.value(procedure, CODI.voteOn)
    expression = graph.value(document, CODI.expressed) if document is not None else None
    return CouncilVote(
        id=str(outcome),
        procedure=_text(graph.value(procedure, CODI.forInterInstitutionalCode)),
        date=_text(graph.value(outcome, DCTERMS.dateAccepted))[:10],
        outcome=_label(graph, graph.value(outcome, CODI.councilAction)),
        rule=_label(graph, graph.value(procedure, CODI.votingRule)),
        configuration=_label(graph, _value(graph, meeting, CODI.configuration)),
        meeting=_text(_value(graph, meeting, CODI.meetingsessionnumber)),
        document=_text(_value(graph, document, CODI.document_number)),
        title=_text(_preferred(graph.objects(expression, DCTERMS.title)) if expression else None),
        policy_area=_label(graph, graph.value(procedure, CODI.policyArea)),
        positions=_positions(graph, outcome),
    )


def _positions(graph: Graph, outcome: URIRef) -> list[MemberStateVote]:
    positions = []
    for node in graph.objects(outcome, CODI.hasVotingPosition):
        kind = str(graph.value(node, CODI.votingposition) or "").rstrip("/").rsplit("/", 1)[-1]
        country = _country(graph, graph.value(node, CODI.country))
        if kind in POSITIONS and country:
            positions.append(MemberStateVote(country, POSITIONS[kind]))
    return sorted(positions, key=lambda p: p.country)


def _country(graph: Graph, node) -> str:
    """The two-letter notation of a country resource (it may carry a three-letter one too)."""
    if node is None:
        return ""
    notations = sorted(str(n) for n in graph.objects(node, SKOS.notation))
    return next((n for n in notations if len(n) == 2), notations[0] if notations else "")


def _value(graph: Graph, subject, predicate):
    return graph.value(subject, predicate) if subject is not None else None


def _label(graph: Graph, node) -> str:
    """The English skos:prefLabel of a taxonomy term (any language when there is none)."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        return _text(node)
    return _text(_preferred(graph.objects(node, SKOS.prefLabel)))


def _preferred(literals) -> Literal | None:
    """The English literal, else one without a language, else the first."""
    found = list(literals)
    for wanted in ("en", None):
        for literal in found:
            if getattr(literal, "language", None) == wanted:
                return literal
    return found[0] if found else None


def _text(node) -> str:
    return " ".join(str(node).split()) if node is not None else ""

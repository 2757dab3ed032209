"""Cellar notices of an EU procedure -> a Procedure and its Document.

Two notices say what happened to a proposal. The tree notice of a procedure dossier
(`/resource/procedure/2009_162`, notice=tree) lists its events with dates: adoption by the
Commission, Parliament positions, Council adoption, signature, with the works each one made
(the adopted act's CELEX among them). The branch notice of a proposal (`/resource/celex/
52018PC0340`, notice=branch) names the procedure it belongs to and the act that adopted it,
and carries the proposal's own date. Either becomes one Document, id `procedure-2018-0172-cod`,
doc_type `eu-procedure`; the tree notice, which says more, wins over the branch notice.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from parsers.model import Document, Link, ParseError, Section
from parsers.readers.xmltools import parse_xml

TREE_FORMAT = "cellar-tree"
BRANCH_FORMAT = "cellar-branch"
_EVENT_TYPE = "EVENT_LEGAL_HAS_TYPE_CONCEPT_TYPE_EVENT_LEGAL"
_PROCEDURE_TYPES = (
    "EVENT_LEGAL_WAS_HISTORICALLY_ABOUT_CONCEPT_TYPE_PROCEDURE_CODE_INTERINSTITUTIONAL",
    "PROCEDURE_CODE_INTERINSTITUTIONAL_HAS_TYPE_CONCEPT_TYPE_PROCEDURE_CODE_INTERINSTITUTIONAL",
)
_REFERENCE = re.compile(r"^((?:19|20)\d{2})/(\d{1,4})/([A-Z]{3})$")
_CODE_IN_LABEL = re.compile(r"\(([A-Z]{3})\)")
_PROPOSAL_CELEX = re.compile(r"^5\d{4}(PC|DC|JC)\d{4}$")


@dataclass
class ProcedureEvent:
    date: str  # ISO
    code: str  # Cellar's event type: ADP_byCOM, OPI_R1_byEP, APR_R1_byCONSIL, SIGN_byEP_CONSIL
    label: str  # its English label: "Adoption by Commission"
    kind: str  # commission, parliament, council, signature, publication, other
    celex: list[str] = field(default_factory=list)  # the works the event made


@dataclass
class Procedure:
    reference: str  # 2018/0172(COD)
    title: str = ""
    proposal_celex: list[str] = field(default_factory=list)
    adopted_celex: str = ""
    events: list[ProcedureEvent] = field(default_factory=list)  # in date order

    @property
    def com_numbers(self) -> list[str]:
        """52018PC0340 -> COM(2018) 340; a joint proposal (JC) is JOIN."""
        out = []
        for celex in self.proposal_celex:
            kind = "JOIN" if celex[5:7] == "JC" else "COM"
            out.append(f"{kind}({celex[1:5]}) {int(celex[7:])}")
        return out


def notice_type(root) -> str:
    """ "tree" or "branch" for a Cellar notice about a procedure, "" for any other XML."""
    if root.tag != "NOTICE":
        return ""
    kind = root.get("type", "")
    if kind == "tree" and root.find("DOSSIER") is not None:
        return "tree"
    if kind == "branch" and root.find("WORK") is not None:
        return "branch"
    return ""


def read_procedure(root) -> Procedure | None:
    """The procedure a tree or branch notice describes; None when it names none (a branch
    notice of a treaty, a work outside any procedure)."""
    kind = notice_type(root)
    if kind == "tree":
        return _from_tree(root.find("DOSSIER"))
    if kind == "branch":
        return _from_branch(root.find("WORK"))
    return None


def _from_tree(dossier) -> Procedure | None:
    reference = _tree_reference(dossier)
    if not reference:
        return None
    events = sorted(
        (_event(e) for e in dossier.findall("EVENT") if e.findtext("DATE/VALUE")),
        key=lambda e: (e.date, e.code),
    )
    contained = [_celex_of(c) for c in dossier.findall("CONTAINS")]
    proposals = [c for e in events if e.code.startswith("ADP_byCOM") for c in e.celex]
    proposals += [c for c in contained if c and c[5:7] == "PC"]
    adopted = [c for e in events if e.kind == "signature" for c in e.celex if c.startswith("3")]
    adopted += [c for c in contained if c.startswith("3")]
    return Procedure(
        reference=reference,
        title=_english(dossier, "TITLE"),
        proposal_celex=_once(c for c in proposals if _PROPOSAL_CELEX.match(c)),
        adopted_celex=adopted[0] if adopted else "",
        events=events,
    )


def _tree_reference(dossier) -> str:
    """ "2009_162" (the dossier's procedure URI) and the procedure type of its events."""
    number = ""
    for uri in dossier.findall("SAMEAS/URI"):
        if uri.findtext("TYPE") == "procedure":
            number = uri.findtext("IDENTIFIER", "")
    match = re.match(r"^((?:19|20)\d{2})_(\d{1,4})$", number)
    code = next(filter(None, (_procedure_code(e) for e in dossier.iter(*_PROCEDURE_TYPES))), "")
    if not match or not code:
        return ""
    return f"{match[1]}/{int(match[2]):04d}({code})"


def _procedure_code(concept) -> str:
    """COD from "COD", or from "Ordinary legislative procedure (COD)" when the code is OLP."""
    code = concept.findtext("OP-CODE", "")
    if len(code) == 3 and code != "OLP":
        return code
    label = _CODE_IN_LABEL.search(concept.findtext("PREFLABEL", ""))
    return label[1] if label else ""


def _from_branch(work) -> Procedure | None:
    reference = ""
    for value in work.iter("PROCEDURE_CODE_INTERINSTITUTIONAL_REFERENCE_PROCEDURE"):
        match = _REFERENCE.match(value.findtext("VALUE", "").strip())
        if match:
            reference = f"{match[1]}/{int(match[2]):04d}({match[3]})"
            break
    if not reference:
        return None
    celex = work.findtext("ID_CELEX/VALUE", "").strip()
    adopted = work.find("RESOURCE_LEGAL_ADOPTED_BY_RESOURCE_LEGAL")
    date = work.findtext("DATE_DOCUMENT/VALUE", "").strip()
    events = []
    if date and _PROPOSAL_CELEX.match(celex):
        events.append(
            ProcedureEvent(date, "ADP_byCOM", "Adoption by Commission", "commission", [celex])
        )
    return Procedure(
        reference=reference,
        title=_branch_title(work.getparent()),
        proposal_celex=[celex] if _PROPOSAL_CELEX.match(celex) else [],
        adopted_celex=_celex_of(adopted) if adopted is not None else "",
        events=events,
    )


def _event(element) -> ProcedureEvent:
    concept = element.find(_EVENT_TYPE)
    code = concept.findtext("OP-CODE", "") if concept is not None else ""
    label = concept.findtext("PREFLABEL", "") if concept is not None else ""
    works = [w.findtext("ID_CELEX/VALUE", "") for w in element.iter("WORK")]
    return ProcedureEvent(
        date=element.findtext("DATE/VALUE", "").strip()[:10],
        code=code,
        label=" ".join(label.split()),
        kind=_event_kind(code),
        celex=_once(w.strip() for w in works if w.strip()),
    )


def _event_kind(code: str) -> str:
    """Cellar event codes name the step and who took it: ADP_byCOM, OPI_R1_byEP, ..."""
    if code.startswith("SIGN"):
        return "signature"
    if code.startswith("PUB"):
        return "publication"
    if code.endswith("byCOM"):
        return "commission"
    if "byEP" in code:
        return "parliament"
    if "byCONSIL" in code:
        return "council"
    return "other"


def _celex_of(element) -> str:
    for uri in element.iter("URI"):
        if uri.findtext("TYPE") == "celex":
            return uri.findtext("IDENTIFIER", "").strip()
    return ""


def _english(element, tag: str) -> str:
    """The notice's own-language value (decoding="eng"): the one without a LANG annotation."""
    for child in element.findall(tag):
        if child.find("LANG") is None and child.findtext("VALUE"):
            return " ".join(child.findtext("VALUE").split())
    return ""


def _branch_title(notice) -> str:
    for expression in notice.findall("EXPRESSION"):
        if expression.findtext("EXPRESSION_USES_LANGUAGE/IDENTIFIER") == "ENG":
            return " ".join(expression.findtext("EXPRESSION_TITLE/VALUE", "").split())
    return ""


def _once(values) -> list[str]:
    return list(dict.fromkeys(values))


# --- the Document of a procedure ---------------------------------------------------------------


def procedure_id(reference: str) -> str:
    """2018/0172(COD) -> procedure-2018-0172-cod."""
    return "procedure-" + re.sub(r"[^0-9a-z]+", "-", reference.lower()).strip("-")


def procedure_document(procedure: Procedure, notice_format: str) -> Document:
    """The procedure as a Document: its events as the text (so it is found and shown), the
    procedure itself in metadata (read back by `procedure_of`)."""
    lines = [f"{e.date} {e.label} {' '.join(e.celex)}".strip() for e in procedure.events]
    links = [Link(kind="procedure", value=procedure.reference)]
    links += [Link(kind="celex", value=c) for c in procedure.proposal_celex]
    links += [Link(kind="com", value=c) for c in procedure.com_numbers]
    if procedure.adopted_celex:
        links.append(Link(kind="celex", value=procedure.adopted_celex))
    dates = [e.date for e in procedure.events]
    return Document(
        id=procedure_id(procedure.reference),
        source="eurlex",
        doc_type="eu-procedure",
        title=procedure.title or f"Procedure {procedure.reference}",
        date=min(dates) if dates else "",
        format=notice_format,
        metadata={
            "procedure": procedure.reference,
            "com_numbers": procedure.com_numbers,
            "procedure_record": asdict(procedure),
        },
        sections=[Section(key="overig", heading="Procedure", text="\n".join(lines))],
        links=links,
    )


def procedure_of(doc: Document) -> Procedure | None:
    """The Procedure an `eu-procedure` Document was made from."""
    record = doc.metadata.get("procedure_record")
    if doc.doc_type != "eu-procedure" or not isinstance(record, dict):
        return None
    events = [ProcedureEvent(**event) for event in record.get("events", [])]
    return Procedure(
        reference=record.get("reference", ""),
        title=record.get("title", ""),
        proposal_celex=list(record.get("proposal_celex", [])),
        adopted_celex=record.get("adopted_celex", ""),
        events=events,
    )


def procedure_notice_document(data: bytes) -> Document | None:
    """The procedure Document of a Cellar tree or branch notice; None for any other file
    (a notice that names no procedure is then rejected by the readers as a notice)."""
    if b"<NOTICE" not in data[:4096]:
        return None
    try:
        root = parse_xml(data)
    except ParseError:
        return None
    procedure = read_procedure(root)
    if procedure is None:
        return None
    notice_format = TREE_FORMAT if notice_type(root) == "tree" else BRANCH_FORMAT
    return procedure_document(procedure, notice_format)

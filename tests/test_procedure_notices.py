"""The EU procedure from the real Cellar notices in the corpus: the tree notice of procedure
2009/0162(COD) and the branch notice of proposal 52018PC0340."""

import pytest
from conftest import CORPUS

from parsers import ParseError, parse_bytes, parse_file
from parsers.procedure import procedure_of

EURLEX = CORPUS / "eurlex"


def test_tree_notice_gives_the_procedure_with_its_events_in_date_order():
    [doc] = parse_file(EURLEX / "cellar_notice_tree_dossier_2009_162.xml")
    assert (doc.id, doc.doc_type, doc.source) == (
        "procedure-2009-0162-cod",
        "eu-procedure",
        "eurlex",
    )
    procedure = procedure_of(doc)
    assert procedure.reference == "2009/0162(COD)"
    assert procedure.title.startswith("Proposal for a COUNCIL DECISION providing macro-financial")
    assert procedure.proposal_celex == ["52009PC0580"]
    assert procedure.com_numbers == ["COM(2009) 580"]
    assert procedure.adopted_celex == "32010D0388"
    events = [(e.date, e.code, e.kind) for e in procedure.events]
    assert events == [
        ("2009-10-29", "ADP_byCOM", "commission"),
        ("2010-05-18", "OPI_R1_byEP", "parliament"),
        ("2010-06-29", "APR_R1_byCONSIL", "council"),
        ("2010-07-07", "SIGN_byEP_CONSIL", "signature"),
    ]
    assert procedure.events[3].celex == ["32010D0388"]
    kinds = {(link.kind, link.value) for link in doc.links}
    assert {("procedure", "2009/0162(COD)"), ("com", "COM(2009) 580")} <= kinds
    assert ("celex", "32010D0388") in kinds


def test_branch_notice_gives_the_procedure_and_the_adopted_act():
    [doc] = parse_file(EURLEX / "cellar_notice_branch_52018PC0340.xml")
    procedure = procedure_of(doc)
    assert procedure.reference == "2018/0172(COD)"
    assert procedure.proposal_celex == ["52018PC0340"]
    assert procedure.adopted_celex == "32019L0904"  # Directive (EU) 2019/904, single-use plastics
    assert [(e.date, e.kind) for e in procedure.events] == [("2018-05-28", "commission")]
    assert "plastic products" in procedure.title


def test_a_truncated_notice_is_a_parse_error_not_a_crash():
    data = (EURLEX / "cellar_notice_tree_dossier_2009_162.xml").read_bytes()[:20000]
    with pytest.raises(ParseError) as failure:
        parse_bytes(data, filename="procedure-2009_162.xml")
    assert "malformed XML" in failure.value.reason


def test_a_branch_notice_outside_any_procedure_stays_a_rejected_notice():
    with pytest.raises(ParseError) as failure:
        parse_file(EURLEX / "cellar_notice_EN-CELEX-12016M-TXT.xml")
    assert "Cellar branch metadata notice" in failure.value.reason

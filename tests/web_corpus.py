"""An archive for the web tests: the real corpus imported through the CLI, plus a few
documents made here whose stances and links are known (the parsers on a branch may not yet
produce fiches with stances; these make the evidence and related-document tests independent
of how far parsing has come), plus a crafted hostile document."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import run_cli_here
from conftest import CORPUS

from index.archive.database import Archive
from index.archive.importer import index_pending
from index.search.backends import open_backend
from parsers.model import Document, Link, Section, Stance

MARKER = "zeewierteelt"  # a word no real document holds
COM = "COM(2024) 999"
EVIDENCE = (
    "Het kabinet beoordeelt de subsidiariteit van het voorstel over zeewierteelt als negatief."
)
XSS = "<script>alert('xss')</script>"


def fiche(doc_id: str, date: str, label: str, evidence: str) -> Document:
    subsidiariteit = (
        f"Het voorstel regelt de teelt van zeewier in de Unie. {evidence} "
        "Lidstaten kunnen dit zelf regelen."
    )
    start = subsidiariteit.index(evidence)
    return Document(
        id=doc_id,
        source="officielebekendmakingen",
        doc_type="fiche",
        title=f"Fiche: verordening {MARKER} ({date[:4]})",
        date=date,
        dossier=["22112"],
        url=f"https://zoek.officielebekendmakingen.nl/{doc_id}.html",
        format="op-xml",
        metadata={
            "com_numbers": [COM],
            "celex": "52024PC0999",
            "ministerie": "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
        },
        sections=[
            Section("algemeen", "1", "Algemene gegevens", f"Titel voorstel: {MARKER} {COM}"),
            Section("essentie", "2", "Essentie voorstel", f"Het voorstel over {MARKER}."),
            Section("subsidiariteit", "4.b", "Subsidiariteit", subsidiariteit),
        ],
        stances=[
            Stance(
                "subsidiariteit",
                label,
                evidence,
                "subsidiariteit",
                start,
                start + len(evidence),
            )
        ],
        links=[Link("com", COM), Link("celex", "52024PC0999")],
    )


def commission_proposal() -> Document:
    return Document(
        id="celex-52024PC0999",
        source="eurlex",
        doc_type="eu-proposal",
        title=f"Proposal for a Regulation on {MARKER} farming",
        date="2024-03-01",
        url="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52024PC0999",
        format="eurlex-html",
        sections=[Section("algemeen", "", "", f"{COM} final. Seaweed ({MARKER}) farming.")],
        links=[Link("com", COM)],
    )


def hostile() -> Document:
    return Document(
        id="test-hostile-1",
        source="local",
        doc_type="kamerbrief",
        title=f"{XSS} {MARKER} brief",
        date="2025-01-02",
        url="javascript:alert(1)",
        format="txt",
        metadata={"eurlex_url": "javascript:alert(2)", "ministerie": f"{XSS}"},
        sections=[Section("overig", "", f"{XSS}", f"Tekst {XSS} over {MARKER} en <b>vet</b>.")],
        stances=[Stance("positie.beoordeling", "steunt", XSS, "overig")],
    )


def known_documents() -> list[Document]:
    return [
        fiche("test-fiche-2024", "2024-05-01", "negatief", EVIDENCE),
        fiche(
            "test-fiche-2025",
            "2025-06-01",
            "positief",
            "De grondhouding ten aanzien van de subsidiariteit van zeewierteelt is positief.",
        ),
        commission_proposal(),
        hostile(),
    ]


def add_documents(home: Path, documents: list[Document]) -> None:
    archive = Archive(home)
    for doc in documents:  # crafted documents: each stands for a raw file of its own
        archive.store_documents(doc.sha256 or doc.id, doc.parser_version, [doc])
    backend = open_backend("embedded", archive.index_dir)
    index_pending(archive, backend)
    backend.close()
    archive.close()


def build_web_archive(home: Path) -> Path:
    """The real corpus, a crafted .txt with a script tag, and known_documents(). When home
    already holds the corpus (a copy of conftest's corpus_home), the corpus is not imported
    again."""
    crafted = home.parent / f"{home.name}-crafted"
    crafted.mkdir()
    (crafted / "crafted.txt").write_text(
        f"Kwakkelbrief over {MARKER}\n\nTekst {XSS} en <img src=x onerror=alert(1)> erin.\n",
        encoding="utf-8",
    )
    has_corpus = (home / "archive.sqlite").exists()
    for path in [crafted] if has_corpus else [CORPUS, crafted]:
        result = run_cli_here("import", str(path), home=home)
        failing = path == CORPUS  # its deliberately malformed XML (conftest.MALFORMED)
        assert result.returncode == (1 if failing else 0), result.stderr
    add_documents(home, known_documents())
    return home

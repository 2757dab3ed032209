from pathlib import Path

import pytest

# Fixtures opensearch_url and opensearch_cluster: real OpenSearch nodes (tests/opensearch/).
pytest_plugins = ["opensearch_node"]


def _find_shared() -> Path:
    """../shared next to the checkout (CI), or next to any folder above it (worktrees)."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared"
    raise RuntimeError("../shared (the corpus) not found above this checkout")


SHARED = _find_shared()
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "000_ca383b1a1cb74577.txt"
FICHE_PDF = (
    CORPUS
    / "fiches"
    / "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf"
)
OPENINGS = SHARED / "fiche-openings" / "openings.jsonl"


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is missing at {CORPUS}"
    return CORPUS

import shutil
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


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory) -> Path:
    """The whole corpus imported once for the session through the real command, in a process
    of its own as a user runs it. Shared: tests only read it (web_home builds on a copy)."""
    from cli_helpers import run_cli

    home = tmp_path_factory.mktemp("corpus") / "home"
    result = run_cli("import", str(CORPUS), home=home)
    assert result.returncode == 0, result.stderr
    return home


@pytest.fixture(scope="session")
def web_home(tmp_path_factory, corpus_home) -> Path:
    """The web tests' archive (web_corpus.py): a copy of corpus_home plus the crafted files
    and known documents. Shared by test_web.py and test_web_browser.py, which only read it."""
    from web_corpus import build_web_archive

    home = tmp_path_factory.mktemp("web") / "home"
    shutil.copytree(corpus_home, home)
    return build_web_archive(home)

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

# Fixtures opensearch_url and opensearch_cluster: real OpenSearch nodes (tests/opensearch/);
# elasticsearch_url: a real Elasticsearch node (tests/elasticsearch/).
pytest_plugins = ["opensearch_node", "elasticsearch_node"]


@dataclass(frozen=True)
class ClusterNode:
    engine: str  # the backend's name: "opensearch" or "elasticsearch"
    url: str


@pytest.fixture(
    scope="session",
    params=[
        pytest.param("opensearch", marks=pytest.mark.opensearch),
        pytest.param("elasticsearch", marks=pytest.mark.elasticsearch),
    ],
)
def cluster_node(request) -> ClusterNode:
    """Each cluster engine in turn, a real node of it: a test that takes this fixture runs
    once on OpenSearch and once on Elasticsearch (one node of each per test process)."""
    return ClusterNode(request.param, request.getfixturevalue(f"{request.param}_url"))


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
# The one file of the corpus that is a real failure: the PLOOI test authors broke its XML on
# purpose (PROVENANCE.md), so every import of the whole corpus names it and exits 1.
MALFORMED = (
    CORPUS / "other" / "rijksoverheid_opendata_document_02dbce21-c2a6-4310-9ed5-aab7b27467ac.xml"
)


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is missing at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory) -> Path:
    """The whole corpus imported once for the session through the real command, in a process
    of its own as a user runs it. Shared: tests only read it; web_home and test_contract copy
    it to build on."""
    from cli_helpers import run_cli

    home = tmp_path_factory.mktemp("corpus") / "home"
    result = run_cli("import", str(CORPUS), home=home)
    failed = [line for line in result.stderr.splitlines() if line.startswith("  failed: ")]
    assert result.returncode == 1 and len(failed) == 1, result.stderr
    assert str(MALFORMED) in failed[0] and "malformed XML" in failed[0]
    return home


@pytest.fixture(scope="session")
def web_home(tmp_path_factory, corpus_home) -> Path:
    """The web tests' archive (web_corpus.py): a copy of corpus_home plus the crafted files
    and known documents. Shared by test_web.py and test_web_browser.py, which only read it."""
    from web_corpus import build_web_archive

    home = tmp_path_factory.mktemp("web") / "home"
    shutil.copytree(corpus_home, home)
    return build_web_archive(home)


# The same real fiches in every layout (benchmarks/layouts.py), for test_continuation.py and
# test_stance_layouts.py. The names are written out so that collecting the tests does not build
# the layouts (some 20 s of PDF reading in every pytest process); layout_documents checks them.
LAYOUT_FICHES = ("seed", "mifir")
LAYOUT_NAMES = ("clean", "hardwrap", "html", "pdf")
LAYOUTS = [(fiche, name) for fiche in LAYOUT_FICHES for name in LAYOUT_NAMES]


@pytest.fixture(scope="session")
def layout_documents() -> dict:
    """(fiche, layout name) -> the fiche Document parsed from that layout, built and parsed once
    for the session; tests only read them. Fails when benchmarks/layouts.py makes other layouts
    than LAYOUT_NAMES, so that none goes untested."""
    from benchmarks.layouts import layouts
    from benchmarks.stance_accuracy import fiche_document
    from parsers import parse_bytes

    found = {}
    for fiche in LAYOUT_FICHES:
        built = layouts(fiche)
        assert tuple(layout.name for layout in built) == LAYOUT_NAMES, (fiche, built)
        for layout in built:
            found[(fiche, layout.name)] = fiche_document(parse_bytes(layout.data, layout.filename))
    return found


# pytest-xdist: `make test` runs `pytest -n 2 --dist loadfile`. Each worker is a process of its
# own, with its own session fixtures (an OpenSearch node on a free port, corpus_home) and its
# own temporary folders; a file's tests stay on one worker, so module fixtures are built once.
# (--dist loadgroup cannot be used: pytest-xdist 3.8 does not group tests under pytest 9.)

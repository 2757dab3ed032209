"""ARCHITECTURE.md's recipes ("Where a new thing goes"), followed step by step on a copy of the
code: a new filter, a new source and a new reader, each written where the recipe says and
nowhere else, then used. A recipe that misses a place fails here; so does one that names a
place the code no longer has (every edit is anchored on the line the recipe points at)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cli", "web", "fiche_search", "crawler", "index", "parsers")
SAMPLE = ROOT / "fiche_search" / "sample"


@pytest.fixture
def tree(tmp_path) -> Path:
    """The project's packages, copied: the recipes edit the copy, never the checkout."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            tmp_path / "code" / package,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    return tmp_path / "code"


def insert(path: Path, anchor: str, text: str, before: bool = False) -> None:
    source = path.read_text()
    assert source.count(anchor) == 1, f"{path.name}: the recipe's place {anchor!r} is gone"
    path.write_text(source.replace(anchor, text + anchor if before else anchor + text))


def python(tree: Path, code: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "FICHE_HOME": str(home)}
    env.pop("FICHE_BACKEND", None)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True, timeout=300
    )


def cli(tree: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    argv = ["fiche-search", *args]
    code = f"import sys; sys.argv = {argv!r}; import cli.main; cli.main.main()"
    return python(tree, code, home)


def test_a_new_filter_on_a_field_not_yet_indexed(tree, tmp_path):
    # 1. one FilterSpec in index/search/filters.py, and its attribute on Filters
    filters = tree / "index" / "search" / "filters.py"
    insert(
        filters,
        "    positie: list[str] = field(default_factory=list)\n",
        "    fileformats: list[str] = field(default_factory=list)\n",
    )
    insert(
        filters,
        ")\nFILTER_BY_NAME = ",
        before=True,
        text=(
            '    FilterSpec("fileformat", "fileformats", "file_format",'
            ' "The reader that read the file: pdf, txt, op-xml, ...", _text("fileformat")),\n'
        ),
    )
    # 2. the field: on SectionEntry, filled in section_entries, and a KeywordField in KEYWORDS
    contract = tree / "index" / "search" / "contract.py"
    insert(
        contract,
        "    stance_spans: list[str] = field(default_factory=list)\n",
        '    file_format: str = ""\n',
    )
    insert(contract, "            positie=positie,\n", "            file_format=doc.format,\n")
    insert(
        contract,
        '    KeywordField("positie", "positie"),\n',
        '    KeywordField("file_format", "file_format"),\n',
    )

    home = tmp_path / "home"
    files = [SAMPLE / "woo-release-bnc-fiche.txt", SAMPLE / "kst-32545-143.xml"]
    used = python(
        tree,
        f"""
import json, fiche_search
with fiche_search.open() as api:
    api.import_paths({[str(f) for f in files]!r})
    every = api.search("", limit=100).hits
    formats = {{hit.id: api.archive.document(hit.id).format for hit in every}}
    by_syntax = [hit.id for hit in api.search("fileformat:txt", limit=100).hits]
    by_argument = [hit.id for hit in api.search("kabinet", fileformat="txt").hits]
print(json.dumps({{"formats": formats, "by_syntax": by_syntax, "by_argument": by_argument}}))
""",
        home,
    )
    assert used.returncode == 0, used.stderr
    found = json.loads(used.stdout)
    texts = sorted(doc_id for doc_id, fmt in found["formats"].items() if fmt == "txt")
    assert texts and len(texts) < len(found["formats"]), found["formats"]
    assert sorted(found["by_syntax"]) == texts

    assert found["by_argument"] and set(found["by_argument"]) <= set(texts)

    by_option = cli(tree, home, "search", "kabinet", "--fileformat", "txt", "--json")
    assert by_option.returncode == 0, by_option.stderr
    assert [hit["id"] for hit in json.loads(by_option.stdout)["hits"]] == found["by_argument"]


SPIDER = '''"""Council decisions (an example source, for tests/test_recipes.py)."""

from crawler.spiders.base import SourceSpider


class RaadsbesluitenSpider(SourceSpider):
    name = "raadsbesluiten"

    async def start(self):
        yield self.listing_request(self.settings.get("FICHE_RAAD_URL"), self.parse_page)

    def parse_page(self, response):
        return []
'''


def follow_the_source_recipe(tree: Path, register: bool = True) -> None:
    # 1. a row in the one list of sources, with its endpoint setting
    insert(
        tree / "parsers" / "sources.py",
        '    Source("rijksoverheid"),\n',
        before=True,
        text=('    Source("raadsbesluiten", "Council decisions", ("FICHE_RAAD_URL",)),\n'),
    )
    insert(
        tree / "crawler" / "settings.py",
        'FICHE_DOSSIER = "22112"\n',
        'FICHE_RAAD_URL = "https://example.org/raadsbesluiten"\n',
    )
    # 2. its spider in crawler/spiders/ on base.SourceSpider, registered in SPIDERS
    (tree / "crawler" / "spiders" / "raadsbesluiten.py").write_text(SPIDER)
    if register:
        run = tree / "crawler" / "run.py"
        insert(
            run,
            "from crawler.spiders.tweedekamer import TweedeKamerSpider\n",
            "from crawler.spiders.raadsbesluiten import RaadsbesluitenSpider\n",
        )
        insert(run, "TweedeKamerSpider, EurLexSpider", ", RaadsbesluitenSpider")


def test_a_new_source_is_a_row_and_a_spider(tree, tmp_path):
    follow_the_source_recipe(tree)
    home = tmp_path / "home"
    used = python(
        tree,
        """
import json, fiche_search, crawler.run
from crawler.sources import SOURCES
from fiche_search.settings import settings_text
with fiche_search.open() as api:
    hits = api.search("", source="raadsbesluiten").hits
print(json.dumps({"spiders": sorted(crawler.run.SPIDERS), "endpoints": SOURCES["raadsbesluiten"],
                  "hits": len(hits), "settings": "FICHE_RAAD_URL" in settings_text()}))
""",
        home,
    )
    assert used.returncode == 0, used.stderr
    assert json.loads(used.stdout) == {
        "spiders": [
            "consilium",
            "eurlex",
            "officielebekendmakingen",
            "raadsbesluiten",
            "tweedekamer",
        ],
        "endpoints": ["FICHE_RAAD_URL"],
        "hits": 0,
        "settings": True,
    }
    crawl_help = cli(tree, home, "crawl", "--help")
    assert "raadsbesluiten" in crawl_help.stdout


def test_a_source_without_its_spider_registered_stops_the_crawler(tree, tmp_path):
    follow_the_source_recipe(tree, register=False)
    used = python(tree, "import crawler.run", tmp_path / "home")
    assert used.returncode != 0 and "AssertionError" in used.stderr


READER = '''"""<raadsbesluit> files (an example reader, for tests/test_recipes.py)."""

from parsers.readers.xmltools import local_name
from parsers.text import Block, ReadResult, SourceMetadata


def is_raadsbesluit(root) -> bool:
    return local_name(root) == "raadsbesluit"


def read_raadsbesluit(root) -> ReadResult:
    title = root.findtext("titel")
    blocks = [Block(title, kind="heading", level=1)]
    blocks += [Block(p.text) for p in root.iter("p")]
    meta = SourceMetadata(identifier="raadsbesluit-2026-1", title=title, date="2026-03-02",
                          doc_type="besluit", source="local")
    return ReadResult(blocks=blocks, format="raadsbesluit", meta=meta)
'''

DECISION = """<raadsbesluit><titel>Besluit over de vergaderstukken</titel>
<p>De Raad stelt de vergaderstukken over de kapitaalmarktunie vast.</p>
<p>Het besluit treedt in werking op de dag na bekendmaking.</p></raadsbesluit>"""


def test_a_new_reader_is_a_module_picked_by_content(tree, tmp_path):
    # 1. a module in parsers/readers/ that turns bytes into a ReadResult
    (tree / "parsers" / "readers" / "raadsbesluit.py").write_text(READER)
    # 2. parsers/detect.py picks it by content
    detect = tree / "parsers" / "detect.py"
    insert(
        detect,
        "from parsers.readers.rijksoverheid import",
        "from parsers.readers.raadsbesluit import is_raadsbesluit, read_raadsbesluit\n",
        before=True,
    )
    insert(
        detect,
        "    if is_listing(root):\n",
        before=True,
        text="    if is_raadsbesluit(root):\n        return read_raadsbesluit(root)\n",
    )
    # 3. its suffix in SUPPORTED_SUFFIXES, so folders pick it up
    insert(tree / "index" / "archive" / "importer.py", "SUPPORTED_SUFFIXES = {\n", '    ".rbx",\n')

    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "besluit.rbx").write_text(DECISION, encoding="utf-8")
    home = tmp_path / "home"
    imported = cli(tree, home, "import", str(folder), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["documents"] == 1
    found = cli(tree, home, "search", "kapitaalmarktunie", "--json")
    assert [hit["id"] for hit in json.loads(found.stdout)["hits"]] == ["raadsbesluit-2026-1"]

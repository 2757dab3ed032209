# Set up everything on a fresh machine: `make setup`. Run the tests: `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup system python wordlist test-node test lint bench
setup: system python wordlist test-node

# Debian packages: Chromium for the browser test, Java 17 + Maven for the cluster test nodes,
# DejaVu fonts to print the seed fiche as a PDF layout (benchmarks/layouts.py),
# wdutch for OpenTaal's Dutch word list (compound splitting; BSD or CC-BY 3.0) and hunspell-nl
# for its compound flags and linking forms (the compound dictionary; BSD or CC-BY 3.0).
# Tesseract with its Dutch data for scanned PDFs, antiword and catdoc for legacy Word .doc.
system:
	@if ! command -v chromium >/dev/null || ! command -v mvn >/dev/null || ! command -v java >/dev/null \
		|| [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf ] \
		|| ! test -f /usr/share/dict/dutch || ! test -f /usr/share/hunspell/nl_NL.dic; then \
		apt-get update -qq && apt-get install -y -qq chromium openjdk-17-jdk-headless maven \
			fonts-dejavu-core fonts-dejavu-extra wdutch hunspell-nl; \
	fi
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>&1 | grep -qx nld \
		|| ! command -v antiword >/dev/null || ! command -v catdoc >/dev/null; then \
		apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-nld antiword catdoc; \
	fi

python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,cluster]'

# The project's Dutch word list, built from wdutch's into the user cache (else on first use),
# the compound dictionary for the search engines' own splitting filters from it and hunspell-nl
# (index/search/compound_dictionary.py), and the table of inflected forms from spaCy's lemma data
# (index/search/inflections.py).
wordlist:
	$(BIN)/python -m index.search.compounds
	$(BIN)/python -m index.search.compound_dictionary
	$(BIN)/python -m index.search.inflections

# Real OpenSearch 2.19 and Elasticsearch 7.10.2 test nodes from Maven Central (the first time
# downloads ~80 MB and ~40 MB into ~/.m2). The cluster tests run on both.
test-node:
	tests/opensearch/run-node --build
	tests/elasticsearch/run-node --build

# Two worker processes (pytest-xdist), one per core; the tests of one file run on one worker
# (module fixtures built once). `make test TEST_WORKERS=0` runs them in one process.
TEST_WORKERS ?= 2
test:
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# ruff, and the layer contract in pyproject.toml (import-linter)
lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

bench:
	$(BIN)/python -m benchmarks.run

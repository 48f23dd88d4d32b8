# cchc-extract: every target sets itself up (virtual environment, pinned dependencies) first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
OUT    ?= data/out
# Debian packages the tests and the scan path need (installed when missing and run as root)
SYSTEM_PACKAGES := fonts-dejavu-core tesseract-ocr tesseract-ocr-vie ghostscript chromium libreoffice-writer-nogui

.PHONY: help system setup extract test test-fast eval bench bench-match lint format clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "cchc-extract needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,dask]'
	@touch $(STAMP)

system: ## install the Debian packages that are missing (as root), or say which they are
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ] || ! command -v dpkg >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing; \
	else echo "missing system packages: $$missing (sudo apt-get install $$missing)"; exit 1; fi

setup: system $(STAMP) ## install the system packages and pinned Python dependencies (.venv)

extract: setup ## extract every file under RAW (default data/raw) into Parquet tables in OUT (default data/out)
	$(PY) -m pipeline extract $(RAW) --out $(OUT)

test: setup ## run every test, the golden regression on the samples included
	$(PY) -m pytest

test-fast: setup ## the quick loop: tests not marked slow (no OCR of the sample scans)
	$(PY) -m pytest -m "not slow"

eval: setup ## score a run on data/raw/samples against the gold, per form
	$(PY) -m pipeline extract data/raw/samples --out data/out/eval
	$(PY) -m pipeline eval --out data/out/eval --gold tests/gold

bench: setup ## every form against its floor measured in the same run (data/out/bench.json)
	$(PY) -m benchmarks.bench

bench-match: setup ## criterion matching on name variants generated from the catalog
	$(PY) -m benchmarks.bench_match

lint: setup ## ruff lint and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup ## ruff format and safe fixes
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean: ## remove the virtual environment and outputs
	rm -rf $(VENV) data/out/*.parquet data/out/eval

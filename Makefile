# cchc-extract: every target sets itself up (virtual environment, pinned dependencies) first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
OUT    ?= data/out

.PHONY: help setup extract test test-fast eval lint format clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "cchc-extract needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the pinned dependencies

extract: setup ## extract every file under RAW (default data/raw) into Parquet tables in OUT (default data/out)
	$(PY) -m pipeline extract $(RAW) --out $(OUT)

test: setup ## run every test, the golden regression on the samples included
	$(PY) -m pytest

test-fast: setup ## the quick loop: tests not marked slow
	$(PY) -m pytest -m "not slow"

eval: setup ## score a run on data/raw/samples against the gold, per form
	$(PY) -m pipeline extract data/raw/samples --out data/out/eval
	$(PY) -m pipeline eval --out data/out/eval --gold tests/gold

lint: setup ## ruff lint and format check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup ## ruff format and safe fixes
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

clean: ## remove the virtual environment and outputs
	rm -rf $(VENV) data/out/*.parquet data/out/eval

# proteja — two commands on a fresh machine:  make run   and   make test
# Each creates .venv if missing and (re)installs only when pyproject.toml changed (stamp file).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PROTEJA := $(BIN)/python -m pipeline

.PHONY: run test refresh validate bench lint clean help

help:
	@echo "make run       build the dataset from the committed data (offline) and print the 32-state table"
	@echo "make test      run the whole test suite"
	@echo "make refresh   live scrape (network) of every source, then build"
	@echo "make validate  run the expectation suites on the published database"
	@echo "make bench     performance goals as ratios (one JSON object)"
	@echo "make lint      ruff"
	@echo "make clean     remove the venv, caches and the built database"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PROTEJA) build
	$(PROTEJA) status

test: $(STAMP)
	$(BIN)/python -m pytest

# The same entry point the scheduled workflow uses: refresh (live) -> build (validate, publish) -> summary.
refresh: $(STAMP)
	$(BIN)/python scripts/refresh_job.py --summary-out data/processed/refresh-summary.md

validate: $(STAMP)
	$(PROTEJA) validate

bench: $(STAMP)
	$(BIN)/python bench/bench.py

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests bench

clean:
	rm -rf $(VENV) .pytest_cache data/cache data/processed/proteja.duckdb data/processed/.candidate
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

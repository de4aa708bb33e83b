# Every target sets up .venv itself, so a fresh clone needs nothing but Python 3.11+ and make.
# `make serve` to preview the site, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test stats pdf bench check clean new-page help

help:
	@echo "make serve   preview the site at http://$(HOST)/ (reloads on every edit)"
	@echo "make test    set up and run every test, browser tests included"
	@echo "make check   the quick checks to run before proposing a change"
	@echo "make build   build site/ exactly as it is published"
	@echo "make stats   rebuild the statistics and help tables from data/*.yml"
	@echo "make pdf     print the school guides to site/downloads/*.pdf"
	@echo "make bench   measure build time and page weight"

# The venv is rebuilt whenever a requirements file changes.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(BIN)/.installed

# MkDocs 1.6.1 with a newer click turns live reload off unless asked for it.
serve: venv
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST)

# --strict without -v: in MkDocs 1.6.1, -v stops --strict from failing on anchor warnings.
build: venv
	$(BIN)/mkdocs build --strict

stats: venv
	$(BIN)/python scripts/build_stats.py
	$(BIN)/python scripts/build_hotlines.py

pdf: build
	$(BIN)/python scripts/export_pdf.py

check: venv
	$(BIN)/python scripts/check.py

test: venv
	$(BIN)/python scripts/ensure_browser.py
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python scripts/bench.py

new-page: venv
	$(BIN)/python scripts/new_page.py "$(NAME)"

clean:
	rm -rf site .pytest_cache

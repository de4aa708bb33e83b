# Every target sets up .venv itself, so a fresh clone needs nothing but Python 3.11+ and make.
# `make serve` to preview the site, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
NYF := $(BIN)/python -m nyf
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help venv tools serve build check test test-fast bench new-page new-language stale links properdocs lock clean

help:
	@echo "make serve          preview the site at http://$(HOST)/ (reloads on every edit)"
	@echo "make test           set up and run every test, browser tests included"
	@echo "make test-fast      the tests that need no browser (about a minute)"
	@echo "make check          the quick checks to run before proposing a change"
	@echo "make build          build site/ exactly as it is published, PDFs included"
	@echo "make new-page NAME=help/my-page        a new page in every language"
	@echo "make new-language CODE=vi NAME=\"Tiếng Việt\"   a new language, pages copied from English"
	@echo "make stale          contacts verified too long ago (a publishing check)"
	@echo "make links          every external link still answers (needs the internet)"
	@echo "make bench          build time and page weight"
	@echo "make properdocs     build with ProperDocs, the maintained MkDocs 1.x fork"
	@echo "make lock           write requirements.lock again after changing requirements*.txt"

# The venv is rebuilt whenever the lock changes. Every package comes from requirements.lock,
# checked against its hashes; then the site's own tools (scripts/nyf, pyproject.toml).
$(BIN)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(BIN)/.installed

serve: venv
	$(BIN)/mkdocs serve --dev-addr $(HOST)

# PUBLISH=1 (the publish workflow): refuse to build without the site's real address.
build: venv
	$(NYF) build $(if $(PUBLISH),--publish)

check: venv
	$(NYF) check

# The browser tests need a Chromium (the system's, or Playwright's own, downloaded once); the
# workflow lint needs Node.js and the HTML check Java (their tools: tests/tools/package-lock.json).
test: venv tools
	$(NYF) browser
	$(BIN)/python -m pytest

tools: tests/tools/node_modules/.installed

tests/tools/node_modules/.installed: tests/tools/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/tools --no-audit --no-fund --silent && touch $@; \
	else echo "Node.js is not installed: the workflow lint and the HTML check will be skipped (see README)"; fi

test-fast: venv
	$(BIN)/python -m pytest -m "not browser" -n auto --dist loadfile  # no browser: the two halves share no costly fixture

bench: venv
	$(NYF) bench

new-page: venv
	$(NYF) new-page "$(NAME)"

new-language: venv
	$(NYF) new-language "$(CODE)" "$(NAME)"

stale: venv
	$(NYF) stale

links: venv
	$(NYF) links

properdocs: venv
	$(BIN)/properdocs build --strict -f mkdocs.yml -d .cache/properdocs-site

lock:
	@test -x $(BIN)/uv || $(MAKE) venv
	$(BIN)/uv pip compile --universal --python-version 3.11.7 --generate-hashes --no-header \
		requirements-dev.txt -o requirements.lock

clean:
	rm -rf site .cache .pytest_cache

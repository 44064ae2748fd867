# Every target bootstraps .venv from the pinned requirements first; nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
AXE_VERSION := 4.14.1
AXE := .cache/axe-core/axe.min.js

# Material 9.x announces its end of life on every build; the notice is not ours to act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build offline check test lint bench linkcheck-online clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	@touch $(STAMP)

serve: $(STAMP)  ## build and serve on 127.0.0.1:8000, rebuilding when docs, seeds or scripts change
	$(BIN)/mkdocs serve --livereload --dev-addr $(ADDRESS)

build: $(STAMP)  ## strict build into site/ (built aside, then swapped in, so a failed build leaves site/ alone)
	rm -rf site.partial
	$(BIN)/mkdocs build --strict --site-dir site.partial || { rm -rf site.partial; exit 1; }
	rm -rf site && mv site.partial site

offline: $(STAMP)  ## dist/dossier-offline.zip: the site to open from the file system, no server, no network
	rm -rf site-offline.partial
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline.partial || { rm -rf site-offline.partial; exit 1; }
	mkdir -p dist
	rm -f dist/dossier-offline.zip
	cd site-offline.partial && $(abspath $(BIN))/python -m zipfile -c ../dist/dossier-offline.zip .
	rm -rf site-offline.partial
	@echo "dist/dossier-offline.zip: unzip it anywhere and open index.html"

check: $(STAMP)  ## print every finding about seeds and pages; exit 1 on errors
	$(BIN)/python -m dossier check

lint: $(STAMP)  ## ruff, mypy, the stages' import contracts, actionlint and zizmor on the workflows
	$(BIN)/lint-imports
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet --config .github/zizmor.yml .github/workflows/

test: $(STAMP) $(AXE) lint  ## lint, then every test
	$(BIN)/python -m pytest

# axe-core, from the npm registry, is injected into pages by the accessibility tests. Without npm
# they are skipped on a workstation, and fail in CI (CI=true), where .ci/run provides everything.
$(AXE):
	@mkdir -p .cache
	@if command -v npm >/dev/null; then \
		cd .cache && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
		&& tar xzf axe-core-$(AXE_VERSION).tgz && rm -rf axe-core && mv package axe-core \
		&& rm axe-core-$(AXE_VERSION).tgz; \
	else echo "npm not found: the accessibility tests will be skipped" >&2; fi

bench: $(STAMP)  ## measure check, build and link check at 100 and 1,000 synthetic sources (several minutes)
	$(BIN)/python benchmarks/bench.py --sources 100 1000

linkcheck-online: build  ## check external links too (needs internet); results cached for a day
	$(BIN)/lychee --cache --max-cache-age 1d --no-progress --include-fragments \
		--index-files index.html --root-dir "$(CURDIR)/site" --exclude '^https?://(127\.0\.0\.1|localhost)' \
		'site/**/*.html' seeds/*.yml

clean:  ## remove the virtual environment and built output
	rm -rf $(VENV) site site.partial site-offline.partial dist .cache .pytest_cache .mypy_cache .ruff_cache .lycheecache

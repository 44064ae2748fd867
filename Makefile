# Every target bootstraps .venv from the pinned requirements first; nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
AXE_VERSION := 4.14.1
AXE := .cache/axe-core/axe.min.js
ANNOTATOR_VERSION := 0.2.0
ESBUILD_VERSION := 0.28.2
ANNOTATOR := .cache/annotator/annotator.js
CHROMIUM := /usr/bin/chromium
VNU_VERSION := 26.9.27
VNU := .cache/vnu/vnu.jar
JAVA := /usr/bin/java
# The reproducibility test renders in a second, real locale, built here because Debian machines
# often list only C and POSIX; the test points LOCPATH at this folder.
TEST_LOCALE := .cache/locales/it_IT.UTF-8

# Material 9.x announces its end of life on every build; the notice is not ours to act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build offline snapshot check test test-fast test-tools lint bench bench-gate linkcheck-online clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "error: Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || $(MAKE) --no-print-directory venv-support
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

snapshot: $(STAMP)  ## site-snapshot/REV/: the site as it stood at REV (a tag, a date YYYY-MM-DD or a commit)
	@[ -n "$(REV)" ] || { echo "error: name a revision: make snapshot REV=<tag, YYYY-MM-DD or commit> (git tag lists the tags)" >&2; exit 2; }
	$(BIN)/python -m dossier.adapters.snapshot "$(REV)" "site-snapshot/$(REV)"

check: $(STAMP)  ## print every finding about seeds and pages; exit 1 on errors
	$(BIN)/python -m dossier check

lint: $(STAMP)  ## ruff, mypy, the stages' import contracts, actionlint and zizmor on the workflows
	$(BIN)/lint-imports
	$(BIN)/ruff check scripts tests benchmarks
	$(BIN)/ruff format --check scripts tests benchmarks
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet --config .github/zizmor.yml .github/workflows/

test: $(STAMP) test-tools lint  ## install what the tests need (make test-tools), lint, every test, then the speed gate
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory bench-gate

bench-gate: $(STAMP)  ## fail if the build at 100 sources takes over 4 times plain Material's, measured twice (about 15 s)
	$(BIN)/python benchmarks/bench.py --gate

test-fast: $(STAMP)  ## the unit tests only: no site build, browser or subprocess (a few seconds)
	$(BIN)/python -m pytest -m "not integration" -q

test-tools: $(CHROMIUM) $(AXE) $(ANNOTATOR) $(VNU) $(JAVA) $(TEST_LOCALE)  ## install what the tests need beyond Python

# Debian's packages, installed with apt-get as root, or with sudo when it needs no password; when
# neither can work, the build stops and prints the command to run.
define apt_install
	@if ! command -v apt-get >/dev/null; then \
		echo "error: $(2) is needed, and this is not a Debian machine; install Debian's $(1) package or its equivalent" >&2; exit 2; \
	elif [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; \
	else echo "error: $(2) is needed; run: sudo apt-get install -y $(1)" >&2; exit 2; fi; \
	echo "installing Debian's $(1) package ($(2))"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $(1) >/dev/null \
		|| { echo "error: apt-get could not install $(1); run: sudo apt-get install -y $(1)" >&2; exit 2; }
endef

$(CHROMIUM):
	$(call apt_install,chromium,chromium at $(CHROMIUM) for the browser tests)

# axe-core, from the npm registry, is injected into pages by the accessibility tests.
$(AXE):
	@command -v npm >/dev/null || { \
		echo "error: npm is needed to fetch axe-core for the accessibility tests; run: sudo apt-get install -y npm" >&2; exit 2; }
	@mkdir -p .cache
	cd .cache && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
		&& tar xzf axe-core-$(AXE_VERSION).tgz && rm -rf axe-core && mv package axe-core \
		&& rm axe-core-$(AXE_VERSION).tgz

# Apache Annotator, from the npm registry, matches the Web Annotations export in the browser tests.
# Its packages are ES modules with dependencies, so they are installed into a scratch folder and
# bundled by esbuild into one script, which the tests inject into the source pages.
$(ANNOTATOR): tests/annotator/entry.js
	@command -v npm >/dev/null || { \
		echo "error: npm is needed to fetch Apache Annotator for the browser tests; run: sudo apt-get install -y npm" >&2; exit 2; }
	rm -rf .cache/annotator-build && mkdir -p .cache/annotator-build $(dir $@)
	cd .cache/annotator-build && npm install --silent --no-save --no-audit --no-fund --no-package-lock \
		@apache-annotator/dom@$(ANNOTATOR_VERSION) @apache-annotator/selector@$(ANNOTATOR_VERSION) \
		esbuild@$(ESBUILD_VERSION) >/dev/null
	cp tests/annotator/entry.js .cache/annotator-build/entry.js
	cd .cache/annotator-build && ./node_modules/.bin/esbuild entry.js --bundle --format=iife \
		--log-level=warning --outfile=$(abspath $@)
	rm -rf .cache/annotator-build

# The Nu Html Checker, from the npm registry, validates every built page; it runs on Java.
$(VNU):
	@command -v npm >/dev/null || { \
		echo "error: npm is needed to fetch the Nu Html Checker for the HTML tests; run: sudo apt-get install -y npm" >&2; exit 2; }
	@mkdir -p .cache
	cd .cache && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null \
		&& tar xzf vnu-jar-$(VNU_VERSION).tgz && rm -rf vnu && mkdir vnu \
		&& mv package/build/dist/vnu.jar vnu/ && rm -rf package vnu-jar-$(VNU_VERSION).tgz

$(JAVA):
	$(call apt_install,default-jre-headless,Java for the Nu Html Checker)

$(TEST_LOCALE):
	@[ -e /usr/share/i18n/locales/it_IT ] || $(MAKE) --no-print-directory locale-sources
	@mkdir -p $(dir $@)
	localedef -i it_IT -f UTF-8 $@

# Debian splits venv's ensurepip from Python itself.
.PHONY: venv-support
venv-support:
	$(call apt_install,python3-venv,Python's venv module to create $(VENV))

.PHONY: locale-sources
locale-sources:
	$(call apt_install,locales,the it_IT locale sources for the reproducibility test)

bench: $(STAMP)  ## the build against plain Material at 100, 1,000 and 5,000 sources (about 20 minutes on 2 cores)
	$(BIN)/python benchmarks/bench.py --sources 100 1000 5000 --repeat 3

linkcheck-online: build  ## check external links too (needs internet); results cached for a day
	$(BIN)/lychee --cache --max-cache-age 1d --no-progress --include-fragments \
		--index-files index.html --root-dir "$(CURDIR)/site" --exclude '^https?://(127\.0\.0\.1|localhost)' \
		'site/**/*.html' seeds/*.yml

clean:  ## remove the virtual environment and built output
	rm -rf $(VENV) site site.partial site-offline.partial site-snapshot dist .cache .pytest_cache .mypy_cache .ruff_cache .lycheecache

# The two contract commands are `make serve` and `make test`; both set up
# everything they need on a fresh Debian machine (venv, pip pins, apt packages).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
PYBABEL   := $(VENV)/bin/pybabel
HOST      ?= 127.0.0.1
PORT      ?= 8000
OUTPUT    ?= output
# Debian packages: browser and driver for tests and the audit, CJK fonts for screenshots
# and PDFs, Java for the Nu HTML Checker, Node.js/npm for the pinned axe-core and vnu.jar.
# The deploy's tools (rsync, ssh; make publish needs these packages too) and Debian's nginx,
# which the tests start on 127.0.0.1 with deploy/nginx.conf; faketime (another clock for the
# reproducible-build test).
TEST_APT  := chromium chromium-driver fonts-noto-cjk default-jre-headless rsync openssh-client nginx faketime
# Debian packages the build needs: the one face of the generated forms (Noto Sans CJK TC) and
# poppler-utils (pdftotext, pdfinfo: reading PDFs). Tests also need LibreOffice (Writer, no GUI,
# ~260 MB) to prove each generated ODT opens and count its pages, and poppler-data (the CJK
# character collections poppler draws typed form text with): installed by `test` only.
BUILD_APT := fonts-noto-cjk poppler-utils
FORMS_TEST_APT := libreoffice-writer-nogui poppler-data
CHECKS    := PYTHONPATH=plugins $(PY) -m site_checks
# `make audit SITE=path` audits another built folder (e.g. staging) instead of a fresh build.
SITE      ?=
AUDIT_SITE = $(or $(SITE),$(OUTPUT))
BUILD     := PYTHONPATH=plugins $(PY) -m site_build
# The settings a build uses: pelicanconf.py (local) or publishconf.py (make publish).
# STAGING=1: a staging build, with a banner on every page (make publish STAGING=1).
SETTINGS  ?= pelicanconf.py
PUBLISH_SETTINGS ?= publishconf.py
CONTENT   ?= content
STAGING   ?=
BUILD_ARGS = --settings $(SETTINGS) --content $(CONTENT) --output $(OUTPUT) $(if $(STAGING),--set SITE_STAGING=true)
# The sub-path the pages are built for ('' at the host's root), for the audit's local server.
SITE_PATH  = $$(PYTHONPATH=plugins $(PY) -m site_settings show path --settings $(SETTINGS))
PUBLISH   := PYTHONPATH=plugins $(PY) -m site_publish
# Where `make publish` puts releases: a folder, or user@host:/folder (rsync over ssh).
DEPLOY_TARGET ?=

# The record of the full audit that the publishing gate writes and builds the statement from.
RELEASE_RECORD ?= $(CURDIR)/reports/release/accessibility-audit.json
AUDIT_REPORT_DIR ?= reports/audit

.PHONY: build-all bench-city wheel help docs venv build-deps npm-tool test-deps forms-test-deps node-deps build serve forms test test-fast check audit audit-release publish audit-shard audit-merge rollback release-status new bench golden transcripts i18n-extract i18n-update i18n-compile clean

# The kinds `make new` writes, from the declared kinds (plugins/content_model/kinds.py).
KIND_NAMES = $(shell PYTHONPATH=plugins $(PY) -m content_model.scaffold --kinds 2>/dev/null || echo "<kind, once make venv has run>")

help:
	@echo "make serve   build and serve the site at http://$(HOST):$(PORT) with autoreload"
	@echo "make build   build the site into $(OUTPUT)/"
	@echo "make test    set up and run every test, browser tests included"
	@echo "make test-fast   the unit tier only (tests/unit: no build, no browser), under a minute"
	@echo "make forms   generate every form (PDF, ODT; blank and example) into $(OUTPUT)/forms"
	@echo "make check   fast checks: content lint (in the build), links, national rules (lint), message catalogs"
	@echo "make audit   Nu HTML Checker, axe-core in Chromium and the national rules (a11y-moda) on every page (SITE=path for another build)"
	@echo "make audit-release   the publishing gate: every check, the statement built from that audit, the build audited again"
	@echo "make publish DEPLOY_TARGET=…   clean build with publishconf.py, every gate, then an atomic deploy (STAGING=1: staging, with a banner)"
	@echo "make rollback DEPLOY_TARGET=…  switch the live site back to the release before it"
	@echo "make new KIND=$(KIND_NAMES) SLUG=…   write a new page in both languages, every field ready to fill in"
	@echo "make transcripts   write the reviewed screen-reader transcripts (tests/transcripts/) anew, to review and commit"
	@echo "make bench   build, forms, audit and search speed on a synthetic site (PAGES=2000), beside plain Pelican"
	@echo "make build-all   build every office's site under $(SITES)/ (or SITES_LIST=file) with shared caches, then audit each (AUDIT=0: build only); one line per site"
	@echo "make bench-city  a synthetic city (OFFICES=29): one office, separate builds and one city build, side by side (BENCH_AUDIT=1: with the gate)"
	@echo "make wheel   the engine's wheel (household-engine) into dist/ (docs/engine.md)"
	@echo "make i18n-extract | i18n-update | i18n-compile   gettext catalog work"

$(VENV)/.stamp: pyproject.toml
	@py=$$(.ci/find-python) || exit 1; \
	  echo "Creating $(VENV) with $$py"; \
	  "$$py" -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check "pip==26.3"
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --group test
	@touch $@

venv: $(VENV)/.stamp

# Install Debian packages only when something is missing (apt needs root, as in CI).
build-deps:
	@missing=""; for p in $(BUILD_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

forms-test-deps:
	@missing=""; for p in $(FORMS_TEST_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages (tests only):$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

test-deps: npm-tool
	@missing=""; for p in $(TEST_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Node.js and npm: every build runs Pagefind's indexer (docs/search.md); the tests use axe-core and vnu.jar.
npm-tool:
	@command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || { \
	  echo "Installing Debian packages: nodejs npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

# pagefind (with its extended binary), axe-core and vnu.jar, pinned in package-lock.json; no
# install scripts (each binary ships inside its registry package; nothing downloads).
node_modules/.stamp: package.json package-lock.json | npm-tool
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

node-deps: test-deps node_modules/.stamp


# Every content mistake is one line `path:line: stage [rule]: message. Fix: …`; a failed
# build leaves $(OUTPUT)/ as it was.
build: venv build-deps node_modules/.stamp
	$(BUILD) build $(BUILD_ARGS)

# Builds into .cache/serve/ and serves the last good build; rebuilds only when a file changes.
serve: venv build-deps node_modules/.stamp
	$(BUILD) serve --settings $(SETTINGS) --content $(CONTENT) --host $(HOST) --port $(PORT)

test: venv build-deps test-deps forms-test-deps node-deps
	$(PY) -m pytest

# The unit tier alone (tests/unit/: no build, no browser), in well under a minute: for the edit-test
# loop. `make test` runs every tier.
test-fast: venv
	$(PY) -m pytest -q tests/unit

# The forms engine alone (until it is wired into the Pelican build): cached, so a second run writes nothing.
forms: venv build-deps
	$(BUILD) forms --forms forms --out $(OUTPUT)/forms --cache .cache/forms

check: build
	$(CHECKS) links --site $(OUTPUT) --settings $(SETTINGS)
	$(CHECKS) national-lint --site $(OUTPUT)
	$(PY) -m pytest -q -p no:cacheprovider tests/unit/test_catalogs.py

# The HTML check and the audit share AUDIT_FLAGS (--all, --shard i/n, --only GLOB): in CI each
# shard checks only its own pages. Both keep results in .cache/, keyed by each page's bytes.
# They run side by side (Java beside Chromium); the HTML check's lines are printed after the
# audit's, and the worse exit status of the two is make's.
audit: venv node-deps
	@if [ -z "$(SITE)" ]; then $(MAKE) --no-print-directory build; fi
	@echo "$(CHECKS) html --site $(AUDIT_SITE) $(AUDIT_FLAGS) & $(CHECKS) audit --site $(AUDIT_SITE) $(AUDIT_FLAGS)"
	@log=$$(mktemp); $(CHECKS) html --site $(AUDIT_SITE) $(AUDIT_FLAGS) >"$$log" 2>&1 & html=$$!; \
	  $(CHECKS) audit --site $(AUDIT_SITE) --base-path "$(SITE_PATH)" $(AUDIT_FLAGS); audit=$$?; \
	  wait $$html; html=$$?; cat "$$log"; rm -f "$$log"; exit $$(( html > audit ? html : audit ))

# The publishing gate (docs/accessibility-gate.md): a fresh build passes every check; the full
# audit writes the record; the site is built again so that the statement shows that record; the
# new build is checked again (only the statement pages changed) and must give the same record.
# SETTINGS=publishconf.py (make publish) gates the build that is published.
audit-release: venv node-deps
	rm -f $(RELEASE_RECORD)
	$(MAKE) --no-print-directory build
	$(CHECKS) links --site $(OUTPUT) --settings $(SETTINGS)
	$(CHECKS) html --site $(OUTPUT)
	$(CHECKS) audit --site $(OUTPUT) --base-path "$(SITE_PATH)" --report-dir $(AUDIT_REPORT_DIR) --record $(RELEASE_RECORD)
	$(BUILD) build $(BUILD_ARGS) --set AUDIT_RECORD_FILE='"$(RELEASE_RECORD)"'
	$(CHECKS) links --site $(OUTPUT) --settings $(SETTINGS)
	$(CHECKS) html --site $(OUTPUT)
	$(CHECKS) audit --site $(OUTPUT) --base-path "$(SITE_PATH)" --report-dir $(AUDIT_REPORT_DIR) --expect-record $(RELEASE_RECORD)

# The go-live gate (nothing unconfirmed goes to production; STAGING=1 publishes with a banner),
# a clean build with publishconf.py through every gate (content lint and the personal-data guard
# run inside the build; catalogs; links, HTML, axe, national rules), then the deploy: a new
# release, `current` switched in one rename, the last 5 kept. A failure anywhere leaves the live
# site as it was (docs/publishing.md).
publish: venv build-deps node-deps
	@if [ -z "$(DEPLOY_TARGET)" ]; then echo "Makefile: publish [DEPLOY_TARGET]: no deploy target. Fix: make publish DEPLOY_TARGET=/srv/www/longjing (or user@host:/srv/www/longjing)"; exit 2; fi
	$(PUBLISH) go-live --settings $(PUBLISH_SETTINGS) $(if $(STAGING),--staging)
	$(PY) -m pytest -q -p no:cacheprovider tests/unit/test_catalogs.py
	$(MAKE) --no-print-directory audit-release SETTINGS=$(PUBLISH_SETTINGS)
	$(PUBLISH) deploy --site $(OUTPUT) --settings $(PUBLISH_SETTINGS) $(if $(STAGING),--staging) --target "$(DEPLOY_TARGET)"

# CI: shard SHARD=i/n of the publishing gate's HTML check and audit, on the very build that
# `make publish` makes (builds are reproducible); the results stay in .cache/ (keyed by bytes).
audit-shard: venv build-deps node-deps
	$(MAKE) --no-print-directory build SETTINGS=$(PUBLISH_SETTINGS)
	$(CHECKS) html --site $(OUTPUT) --shard $(SHARD)
	$(CHECKS) audit --site $(OUTPUT) --base-path "$$(PYTHONPATH=plugins $(PY) -m site_settings show path --settings $(PUBLISH_SETTINGS))" --shard $(SHARD) --report-dir reports/audit-shard

# CI: every shard's results (SHARDS="shards/1 shards/2", each holding audit/ and html/) into
# .cache/, so that `make publish` then finds every page checked: one report, one record.
audit-merge: venv
	$(CHECKS) merge-caches --into .cache $(SHARDS)

rollback: venv test-deps
	$(PUBLISH) rollback --target "$(DEPLOY_TARGET)"

release-status: venv
	$(PUBLISH) status --target "$(DEPLOY_TARGET)"

# make new KIND=… SLUG=… : both language files with every required field (the kinds: `make help`,
# read from plugins/content_model/kinds.py).
new: venv
	PYTHONPATH=plugins $(PY) -m content_model.scaffold --settings $(SETTINGS) $(KIND) $(SLUG)

# Build, forms, audit and search speed on a synthetic site (PAGES=2000), beside plain Pelican.
PAGES ?= 2000
bench: venv build-deps node-deps
	PAGES=$(PAGES) $(PY) tests/bench/bench_site.py

# A city's offices (docs/engine.md): every site under SITES/ (a folder with pelicanconf.py each,
# made by `python -m site_build new-site`), or the folders SITES_LIST names, built side by side
# (the first alone: it makes the national forms and pages for all) with shared caches and this
# checkout's Pagefind, then, unless AUDIT=0, every site built put through its `make test` gate
# (links, national rules, Nu, axe-core in Chromium) in one shared run; one line per site for each,
# and a site's failure never stops the others (the exit status is non-zero at the end).
SITES ?= sites
SITES_LIST ?=
AUDIT ?= 1
build-all: venv build-deps node_modules/.stamp $(if $(filter 0,$(AUDIT)),,node-deps)
	$(BUILD) build-all $(if $(SITES_LIST),--list $(SITES_LIST),--sites $(SITES)) --cache .cache \
	  $(if $(filter 0,$(AUDIT)),,--audit) --set 'SEARCH_NODE_MODULES="$(CURDIR)/node_modules"'

# A synthetic city of OFFICES new sites: one office alone, OFFICES separate builds (forks, each
# with its own forms cache; FORKS=0 skips them) and one city build (docs/engine.md has the figures).
# BENCH_AUDIT=1 adds each fork's gate and the city's shared gate (about a second a page: use it
# with a few OFFICES).
OFFICES ?= 29
FORKS ?= 1
BENCH_AUDIT ?= 0
bench-city: venv build-deps node_modules/.stamp $(if $(filter 1,$(BENCH_AUDIT)),node-deps)
	OFFICES=$(OFFICES) FORKS=$(FORKS) AUDIT=$(BENCH_AUDIT) $(PY) tests/bench/bench_city.py

# The engine's wheel (plugins, theme, forms, catalogs, national content), built offline here.
wheel: venv
	$(PY) -m pip wheel . --no-deps --no-build-isolation --no-index -w dist

# The golden site (tests/golden/site/): rewrite it on purpose after a change meant to alter the
# fixture site's output; make test shows any other difference as a diff.
golden: venv build-deps node_modules/.stamp
	$(PY) tests/golden_site.py --write

# The header-key tables of docs/content-guide.md, made from the schemas (a test checks they are current).
docs: venv
	PYTHONPATH=plugins $(PY) -m content_model.schema_doc --write docs/content-guide.md

i18n-extract: venv
	$(PYBABEL) extract --no-wrap --no-location --sort-output --project=office-site --copyright-holder="臺中市龍井區戶政事務所" -F i18n/babel.cfg -o i18n/messages.pot theme/templates plugins

i18n-update: i18n-extract
	$(PYBABEL) update --no-wrap --no-fuzzy-matching --ignore-obsolete -l zh_Hant_TW -i i18n/messages.pot -o i18n/zh-tw/LC_MESSAGES/messages.po

i18n-compile: venv
	$(PYBABEL) compile --statistics -l zh_Hant_TW -i i18n/zh-tw/LC_MESSAGES/messages.po -o i18n/zh-tw/LC_MESSAGES/messages.mo

clean:
	rm -rf $(OUTPUT) reports .cache

# The reviewed screen-reader transcripts (tests/transcripts/, docs/listening.md), written anew from
# the real site: run it when a page is meant to sound different, then read the diff and commit it.
transcripts: venv build-deps test-deps node-deps
	TRANSCRIPTS_UPDATE=1 $(PY) -m pytest -q tests/browser/test_transcripts.py -k reviewed_file
	git diff --stat -- tests/transcripts

# Two commands do everything: `make serve` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.lock | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: help serve build generate validate new-wave wave-template import-wave diff test goldens lint lock js-lint bench browser engines html-checker spreadsheet lighthouse clean suggest-themes review-anonymity

# Installs exactly the locked versions, each checked against its hash (requirements.lock; `make lock` refreshes it).
$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $@

## help: list the commands
help:
	@grep -E '^## ' Makefile | sed 's/^## /make /'

## serve: build and serve the site on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: validate the data and build the site into site/ (strict); a failed build keeps the old site/
build: $(STAMP)
	$(PY) -m scripts.build_site

## generate: check the data and write docs/ and the menu (mkdocs.yml), without building the site
generate: $(STAMP)
	$(PY) -m scripts.generate

## validate: check all data and list every problem
validate: $(STAMP)
	$(PY) -m scripts.validate

## review-anonymity: list names, places, institutions and ages in the quotes that still wait for a person's decision
review-anonymity: $(STAMP)
	$(PY) -m scripts.review_anonymity

## new-wave: start data/survey/$(WAVE)/ from the previous wave (make new-wave WAVE=2027)
new-wave: $(STAMP)
	$(PY) -m scripts.new_wave $(WAVE)

## diff: what the data change does for readers, against origin/main (else main; or REV=…), as Markdown
diff: $(STAMP)
	@$(PY) -m scripts.data_diff $(if $(REV),--base "$(REV)")

## wave-template: the spreadsheet to fill in for $(WAVE), from the previous wave (make wave-template WAVE=2027 [OUT=fil.xlsx])
wave-template: $(STAMP)
	$(PY) -m scripts.wave_template $(WAVE) $(if $(OUT),--out "$(OUT)")

## import-wave: read a filled-in spreadsheet (.xlsx or Excel CSV) into data/survey/$(WAVE)/figures.csv (make import-wave WAVE=2027 FILE=tal-2027.xlsx)
import-wave: $(STAMP)
	$(PY) -m scripts.import_wave $(WAVE) "$(FILE)"

## test: the whole suite (installs Chromium, WebKitGTK and Firefox for the browser tests, the HTML checker, LibreOffice Calc and the JS linter when missing)
test: $(STAMP) browser engines html-checker spreadsheet js-lint
	$(PY) -m ruff check .
	$(PY) -m pytest

## goldens: update the golden files (the fixture site's pages, `make diff`'s summary) after a deliberate change (review the diff)
goldens: $(STAMP)
	$(PY) -m pytest tests/test_golden_pages.py tests/test_data_diff.py --snapshot-update

## lint: ruff and the JavaScript linter
lint: $(STAMP) js-lint
	$(PY) -m ruff check .

## lock: refresh requirements.lock (every package and its hashes) after a change to requirements.txt or requirements-dev.txt
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "$$(grep -E '^uv==' requirements-dev.txt)"
	$(PY) -m uv pip compile requirements-dev.txt --generate-hashes --python $(PY) --quiet --custom-compile-command "make lock" -o requirements.lock
	$(MAKE) $(VENV)/.installed-$$(cksum < requirements.lock | cut -d' ' -f1)

## js-lint: ESLint over the site's scripts (docs/assets/*.js; pinned in tools/eslint/, rules in its eslint.config.mjs)
js-lint: tools/eslint/node_modules/.installed
	tools/eslint/node_modules/.bin/eslint --config tools/eslint/eslint.config.mjs docs/assets/

tools/eslint/node_modules/.installed: tools/eslint/package.json tools/eslint/package-lock.json
	@command -v npm >/dev/null || { echo "Installerer Node.js og npm …"; $(call APT_INSTALL,nodejs npm); }
	cd tools/eslint && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## bench: build, serve, page-weight and search measurements at 1×/10×/100× (bench/results.json, table in BENCHMARKS.md)
bench: $(STAMP) browser lighthouse
	$(PY) -m bench

## suggest-themes: theme suggestions for a new testimony, for a person to confirm (FILE=sti or TEXT="…")
suggest-themes: $(STAMP)
	$(PY) -m scripts.suggest_themes $(if $(FILE),--file "$(FILE)",--text "$(TEXT)")

## browser: make sure Debian's Chromium is installed (Playwright uses it; no browser download)
browser:
	@command -v chromium >/dev/null || { \
	  echo "Installerer Chromium (Debian-pakken chromium) til browsertestene …"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# Debian packages a target needs, installed when their command is missing (as root or with sudo).
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; fi

## engines: make sure WebKitGTK's WebDriver, Xvfb, Firefox ESR and puppeteer-core (tools/puppeteer/) are installed for the browser tests in WebKit and Gecko
engines: tools/puppeteer/node_modules/.installed
	@command -v WebKitWebDriver >/dev/null || { echo "Installerer WebKitGTK's WebDriver (webkit2gtk-driver) til browsertestene …"; $(call APT_INSTALL,webkit2gtk-driver); }
	@command -v Xvfb >/dev/null || { echo "Installerer Xvfb (xvfb), som WebKitGTK skal bruge …"; $(call APT_INSTALL,xvfb); }
	@command -v firefox-esr >/dev/null || { echo "Installerer Firefox ESR (firefox-esr) til browsertestene …"; $(call APT_INSTALL,firefox-esr); }

tools/puppeteer/node_modules/.installed: tools/puppeteer/package.json tools/puppeteer/package-lock.json
	@command -v npm >/dev/null || { echo "Installerer Node.js og npm …"; $(call APT_INSTALL,nodejs npm); }
	cd tools/puppeteer && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## spreadsheet: make sure LibreOffice Calc is installed (tests/test_workbooks.py opens the Excel downloads with it)
spreadsheet:
	@command -v soffice >/dev/null || { echo "Installerer LibreOffice Calc (libreoffice-calc) til test af Excel-filerne …"; $(call APT_INSTALL,libreoffice-calc); }

## html-checker: make sure the Nu Html Checker is installed (vnu.jar pinned in tools/vnu/, Java from Debian)
html-checker: tools/vnu/node_modules/.installed

tools/vnu/node_modules/.installed: tools/vnu/package.json tools/vnu/package-lock.json
	@command -v java >/dev/null || { echo "Installerer Java (default-jre-headless) til HTML-tjekket …"; $(call APT_INSTALL,default-jre-headless); }
	@command -v npm >/dev/null || { echo "Installerer Node.js og npm …"; $(call APT_INSTALL,nodejs npm); }
	cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## lighthouse: make sure Lighthouse is installed for make bench (pinned in tools/lighthouse/; Debian's Chromium)
lighthouse: browser tools/lighthouse/node_modules/.installed

tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "Installerer Node.js og npm …"; $(call APT_INSTALL,nodejs npm); }
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## clean: delete the built site and the caches (.cache/: charts and search indexes)
clean:
	rm -rf site site.tmp site.tmp-* site.old-* .cache

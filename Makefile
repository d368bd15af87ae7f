# Two commands: `make site` and `make test`. Both set up .venv when it is missing.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
VNU     := tools/vnu/node_modules/.installed
LIGHTHOUSE := tools/lighthouse/node_modules/.installed

.PHONY: site test lint typecheck unit serve demo-data clean bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The Nu HTML checker (tests/test_html_valid.py), pinned in tools/vnu/package-lock.json.
# Its install script (a Java download) is skipped: Java comes from the system.
$(VNU): tools/vnu/package-lock.json
	npm ci --prefix tools/vnu --ignore-scripts --no-audit --no-fund
	touch $(VNU)

site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/roi build --data data --site-dir site

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/roi serve --data data

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check generator tests tools
	$(BIN)/ruff format --check generator tests tools
	$(BIN)/zizmor --offline --quiet .github/workflows generator/scaffold/workflows/*.yml

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(VNU)
	NO_MKDOCS_2_WARNING=1 $(BIN)/pytest

# Lighthouse for `make bench` only (Node 20: lighthouse 12.x; 13 needs Node 22). The package's
# override pins third-party-web, which a dependency asks as "latest": without it `npm ci` finds
# the lock out of date.
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --ignore-scripts --no-audit --no-fund
	touch $(LIGHTHOUSE)

# Not part of `make test`: synthetic companies of 10, 50 and 250 people, then Lighthouse on
# six pages of the demo site (needs Chromium at /usr/bin/chromium or CHROME_PATH): 36 runs,
# 25-30 min on the shared 2-core machine.
bench: $(STAMP) $(LIGHTHOUSE)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python tools/bench.py --write docs/performance.md

demo-data: $(STAMP)
	$(BIN)/python tools/make_demo_data.py data

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache tools/vnu/node_modules \
		tools/lighthouse/node_modules

# DanVan: `make run` serves the demo, `make test` runs the whole suite. Both are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DANVAN := $(BIN)/danvan
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the app needs to run (gettext compiles the Vietnamese catalog)
# and to test (Chromium for the browser tests).
RUN_PACKAGES := gettext npm=npm
TEST_PACKAGES := chromium chromium-driver

.PHONY: run test setup system-run system-test lint messages clean

run: setup
	$(DANVAN) migrate --noinput
	$(DANVAN) load_demo
	@echo "DanVan: http://$(HOST):$(PORT)/"
	$(DANVAN) runserver $(HOST):$(PORT)

test: setup system-test
	$(BIN)/ruff check .
	$(BIN)/pytest

setup: system-run $(VENV)/.installed node_modules/.installed messages

system-run:
	@./scripts/ensure-packages $(RUN_PACKAGES)

system-test:
	@./scripts/ensure-packages $(TEST_PACKAGES)

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.installed
	cd danvan && ../$(DANVAN) compilemessages --locale vi --verbosity 0

lint: $(VENV)/.installed
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) node_modules staticfiles

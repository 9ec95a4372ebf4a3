# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench model clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## analyse the bundled examples, print the report and store them for the dashboard
	$(BIN)/accord analyze examples/
	$(BIN)/accord ingest examples/ --db demo.db
	@echo "Open the dashboard: $(BIN)/accord serve --db demo.db   then visit http://127.0.0.1:8000/"

test: $(STAMP)  ## run the test suite (quality gates included)
	$(BIN)/python -m pytest

bench: $(STAMP)  ## throughput against spaCy's own nlp.pipe
	$(BIN)/python bench/throughput.py

model: $(STAMP)  ## retrain the event classifier (needs ../shared/train)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/accord train

clean:
	rm -rf $(VENV) build src/*.egg-info

# Set-up and everyday commands. `make run` and `make test` need nothing but Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test lint bench schema clean

# Reinstall only when the dependency list or the pinned versions change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ipready db upgrade
	$(BIN)/streamlit run app.py --server.port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Regenerate the JSON Schemas from the models (a test fails when they are stale).
schema: $(STAMP)
	$(BIN)/ipready schema --write

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

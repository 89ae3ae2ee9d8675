# Two entry points for a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= corpus
OUT    ?= outputs
# What a developer and CI install: the package, its optional extras (spaCy for the
# HTML diff and DocBin, Dask for scale-out), the test and lint tools.
EXTRAS ?= test,lint,qa,dask
# The layers `make lint` checks (the tests and benchmarks are formatted too).
SOURCES := pipeline normalizers extractors flows

# Prefect runs in ephemeral local mode with no network.
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run test test-fast lint format bench bench-scale clean

$(BIN)/polex: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[$(EXTRAS)]'
	touch $(BIN)/polex

setup: $(BIN)/polex

run: setup
	$(BIN)/polex run $(CORPUS) --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q

# The pure core: no Prefect server, no CLI subprocess, no property-based fuzz suite.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

# Lint, format check, types, layer contracts, function length (CI runs this before the tests).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python tools/check_function_length.py $(SOURCES)

format: setup
	$(BIN)/ruff check --fix --select I .
	$(BIN)/ruff format .

# The benchmark (issue 8): optional extras add JioNLP for a speed comparison.
bench: setup
	$(BIN)/pip install --quiet -c constraints.txt -e '.[$(EXTRAS),bench]'
	$(BIN)/python benchmarks/bench.py --core-docs 1000 --e2e-docs 5000 --rss-sweep 100,1000,10000
	$(BIN)/python benchmarks/bench_formats.py --copies 6

# Issue 18: the nightly paths on 50,000 variants of ../shared/corpus-real, and the file index at 500,000 entries.
bench-scale: setup
	$(BIN)/python benchmarks/scale.py --docs 50000 --prefect-server --verify --manifest 500000

clean:
	rm -rf $(VENV) $(OUT)/*

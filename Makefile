# Two entry points for a fresh machine:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= corpus
OUT    ?= outputs

# Prefect runs in ephemeral local mode with no network.
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run test bench clean

$(BIN)/polex: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(BIN)/polex

setup: $(BIN)/polex

run: setup
	$(BIN)/polex run $(CORPUS) --out $(OUT)

test: setup
	$(BIN)/python -m pytest -q

# The benchmark (issue 8): optional extras add JioNLP for a speed comparison.
bench: setup
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(BIN)/python benchmarks/bench.py --core-docs 1000 --e2e-docs 5000 --rss-sweep 100,1000,10000

clean:
	rm -rf $(VENV) $(OUT)/*

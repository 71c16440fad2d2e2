# NutriProfile Agents — every task a new user or CI needs.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= $(abspath ../shared)
export NUTRI_USDA_DIR ?= $(if $(wildcard $(SHARED)/data/usda),$(SHARED)/data/usda,)
export NUTRI_SHARED_DIR ?= $(SHARED)

.PHONY: install serve test test-storage lint bench eval eval-gate clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed ## Create .venv and install the project

serve: install ## Start the database, load food data on first run, serve http://127.0.0.1:8000
	$(BIN)/nutriprofile serve

test: install ## Run the whole test suite (embedded PostgreSQL unless DATABASE_URL is set)
	$(BIN)/pytest

test-storage: install ## Only the tests that touch PostgreSQL
	$(BIN)/pytest -m db

lint: install ## ruff + mypy --strict
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy agents graphs tools api evals store nutriprofile

LOAD_ALL := $(if $(NUTRI_USDA_DIR),$(BIN)/nutriprofile data import all --missing-only,@echo "NUTRI_USDA_DIR unset: using the food data already loaded")

bench: install ## Import, search and analysis benchmarks (prints figures)
	$(LOAD_ALL)
	$(BIN)/python -m evals.benchmarks
	$(BIN)/python -m agents.wearables.bench --mb 200
	$(BIN)/python -m api.loadbench --seconds 20 --concurrency 8

eval: install ## Accuracy on the development slices (prints figures, writes reports/)
	$(LOAD_ALL)
	$(BIN)/nutriprofile eval --dataset food-search --out reports/food-search
	$(BIN)/nutriprofile eval --dataset nutribench:$(SHARED)/datasets/nutribench-dev/wweia_meal_natural_dev.csv --out reports/nutribench-natural
	$(BIN)/nutriprofile eval --dataset nutribench:$(SHARED)/datasets/nutribench-dev/wweia_meal_metric_dev.csv --out reports/nutribench-metric
	$(BIN)/nutriprofile eval --dataset nutrition5k:$(SHARED)/datasets/nutrition5k-dev/dish_metadata_cafe2.csv --out reports/nutrition5k

GATE_ENV := NUTRI_DATA_DIR=$(CURDIR)/.data/test NUTRI_DB__NAME=nutriprofile_test
DEV := $(SHARED)/datasets
eval-gate: install ## Dev-slice accuracy vs evals/baseline.json (fails on regression)
	$(GATE_ENV) $(BIN)/nutriprofile data import all --missing-only
	$(GATE_ENV) $(BIN)/nutriprofile eval --dataset food-search --baseline evals/baseline.json --out reports/gate/food-search
	$(GATE_ENV) $(BIN)/nutriprofile eval --dataset nutribench:$(DEV)/nutribench-dev/wweia_meal_natural_dev.csv --baseline evals/baseline.json --out reports/gate/natural
	$(GATE_ENV) $(BIN)/nutriprofile eval --dataset nutribench:$(DEV)/nutribench-dev/wweia_meal_metric_dev.csv --baseline evals/baseline.json --out reports/gate/metric
	$(GATE_ENV) $(BIN)/nutriprofile eval --dataset nutrition5k:$(DEV)/nutrition5k-dev/dish_metadata_cafe2.csv --baseline evals/baseline.json --out reports/gate/nutrition5k
	$(GATE_ENV) $(BIN)/nutriprofile eval --dataset builtin --baseline evals/baseline.json --out reports/gate/builtin

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache reports

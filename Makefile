# One target per task; CI runs the same targets.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
export CODEDESK_DB ?= $(CURDIR)/var/codes.sqlite3
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install format lint typecheck test check bench run data serve clean cog

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=25.1"

install: $(BIN)/python
	bash scripts/setup-system.sh
	$(BIN)/pip install --quiet -e . --group dev

format:
	$(BIN)/ruff format .

cog:
	$(BIN)/cog -r docs/cli.md

lint:
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/codespell codedesk codedesk_web tests docs README.md

typecheck:
	$(BIN)/mypy codedesk codedesk_web tests bench eval
	$(BIN)/mypy conftest.py

test:
	$(BIN)/pytest -q

check: install
	$(MAKE) lint typecheck test

data:
	$(BIN)/codedesk data build

bench:
	$(BIN)/python bench/run.py

serve:
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

run: install data serve

clean:
	rm -rf $(VENV) var .mypy_cache .pytest_cache .ruff_cache

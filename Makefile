# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR := $(or $(ARCHIVE_DATA_DIR),var)
DEMO := fixtures/demo
DEMO_FILES := $(shell find $(DEMO) -type f -not -name '*.py')

.PHONY: run test lint setup demo clean

run: demo  ## Set up, load the demo corpus, serve at http://127.0.0.1:8000
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(VENV)/.dev-installed  ## Set up and run lint and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

INDEX_CODE := search/search_indexes.py search/backend.py templates/search/indexes/archive/article_text.txt

# Migrate always (a no-op when nothing changed); ingest the demo corpus only when it
# or the database changed, and rebuild the index only when its schema may have.
demo: $(VENV)/.installed
	$(BIN)/python manage.py migrate --no-input --verbosity 0
	$(MAKE) --no-print-directory $(DATA_DIR)/.index-built

$(DATA_DIR)/.demo-loaded: $(DEMO_FILES) $(wildcard archive/migrations/*.py) $(VENV)/.installed
	$(BIN)/python manage.py ingest $(DEMO)
	touch $@

$(DATA_DIR)/.index-built: $(DATA_DIR)/.demo-loaded $(INDEX_CODE)
	$(BIN)/python manage.py rebuild_index --noinput --verbosity 0
	touch $@

clean:  ## Remove the virtual environment and all local data
	rm -rf $(VENV) $(DATA_DIR)

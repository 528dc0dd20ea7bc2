# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR := $(or $(ARCHIVE_DATA_DIR),var)
DEMO := fixtures/demo
DEMO_FILES := $(shell find $(DEMO) -type f -not -name '*.py')
# Where `make run` and `make serve` listen: `PORT=8001 make run`, `HOST=0.0.0.0 make serve`.
HOST ?= 127.0.0.1
PORT ?= 8000
# Stops a server whose port is taken before it starts, saying how to choose another.
PORT_FREE = $(BIN)/python tools/port_free.py "$(HOST)" "$(PORT)"

.PHONY: run serve superuser test lint setup demo clean

run: $(VENV)/.installed  ## Set up, load the demo corpus, serve at http://$(HOST):$(PORT)
	@$(PORT_FREE) "make run"
	@$(MAKE) --no-print-directory demo
	@echo "Admin: create an account with 'make superuser', then sign in at http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver "$(HOST):$(PORT)"

superuser: $(VENV)/.installed  ## Migrate, then create an admin account for /admin/
	$(BIN)/python manage.py migrate --no-input --verbosity 0
	$(BIN)/python manage.py createsuperuser

# Production settings under gunicorn; needs DJANGO_SECRET_KEY (see config/settings/production.py).
PROD := DJANGO_SETTINGS_MODULE=config.settings.production
GUNICORN_ACCESS_FORMAT := remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s duration_us=%(D)s

serve: $(VENV)/.installed  ## Collect static files, migrate, serve under gunicorn at http://$(HOST):$(PORT)
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: set DJANGO_SECRET_KEY to a long random string first" >&2; exit 1; }
	@$(PORT_FREE) "make serve"
	$(PROD) $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(PROD) $(BIN)/python manage.py migrate --no-input --verbosity 0
	$(PROD) $(BIN)/gunicorn config.wsgi --bind "$(HOST):$(PORT)" --workers $(or $(WEB_CONCURRENCY),3) \
		--access-logfile - --access-logformat '$(GUNICORN_ACCESS_FORMAT)'

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

INDEX_CODE := search/search_indexes.py search/backend.py $(wildcard search/whoosh/*.py) \
	config/settings/base.py

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

# The benchmark (bench/): BENCH_SIZE articles (default 100000) built from ../shared/data,
# ingested into var/bench/ (never the archive in var/), timed against Datasette;
# a table on stdout, the figures as JSON in BENCH_OUT (default var/bench.json).
# Also BENCH_ROUNDS, BENCH_PEER_ROUNDS, BENCH_PEER_FACET_LIMIT_MS, BENCH_REBUILD_SAMPLE
# and BENCH_FULL_REBUILD=1 (a real rebuild_index, not an estimate): see README.
.PHONY: bench
bench: $(VENV)/.dev-installed
	$(BIN)/python -m bench

# Load (bench/load/): gunicorn with production settings over a copy of the demo corpus in
# var/load/, driven by wrk (Debian package) for 60 s while 1,000 new articles are
# ingested; prints throughput, latency, errors and whether database and index agree.
.PHONY: load
load: $(VENV)/.installed
	$(BIN)/python -m bench.load

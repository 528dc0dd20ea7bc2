"""Settings for the embedded default: SQLite and Whoosh under one data directory.

Every deployment choice comes from the environment; with none set, the archive runs
from a fresh checkout with its state in ``var/``.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# All state (database, search index) lives here; git-ignored by default.
ARCHIVE_DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / "var")).resolve()
# SQLite creates its file but not the folder; make sure a fresh checkout just works.
ARCHIVE_DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "insecure-development-key-set-DJANGO_SECRET_KEY-in-production"
)
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Before haystack: its update_index and rebuild_index commands are replaced.
    "search",
    "haystack",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{ARCHIVE_DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (web requests) proceed while an ingest writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Expensive reads (counts over every mention, timelines, "more like this") are cached
# per process, keyed on the archive's revision number, which lives in the database
# (see archive/caching.py): every process sees a write at once without a shared
# cache. Keys of past revisions are never read again; the least recently used go
# first when the cache is full.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "archive",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# Search: Whoosh on local disk by default. To scale out, point HAYSTACK_CONNECTIONS
# at haystack's Elasticsearch engine; nothing else in the code changes.
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "search.backend.ArchiveWhooshEngine",
        "PATH": os.environ.get("ARCHIVE_INDEX_DIR", str(ARCHIVE_DATA_DIR / "whoosh")),
        "INCLUDE_SPELLING": True,
        # Snippets are cut from the stored body; the document itself is not stored.
        "HIGHLIGHT_FIELD": "body",
        # "Did you mean" draws on the words of titles and entity names: keeping
        # every word of every body for it would halve the indexing rate.
        "SPELLING_FIELDS": [
            "title",
            "person_names",
            "organisation_names",
            "place_names",
            "event_names",
        ],
        # Seconds an index write waits for another process's writer before failing.
        "WRITE_LOCK_TIMEOUT": 30,
        # Documents per Whoosh segment in `rebuild_index`, `update_index` and an
        # ingest (haystack's default 1,000). Larger segments index faster and are
        # not merged again (see search/whoosh/merging.py); a process indexing holds a
        # batch's postings in memory: it peaks at about 350 MB with 5,000 articles.
        "BATCH_SIZE": 5000,
    },
}
# Only Article is indexed; skipping haystack's per-query model filter saves a full
# extra search on every query.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
HAYSTACK_SIGNAL_PROCESSOR = "search.signals.QueuedSignalProcessor"
# During an ingest run, index each committed batch in a child process while the
# next batch is stored (see search/signals.py). "0" keeps it all in one process.
SEARCH_INDEX_IN_BACKGROUND = os.environ.get("SEARCH_INDEX_IN_BACKGROUND", "1") == "1"
# Child processes indexing at once: each writes segments of its own (one per core).
SEARCH_INDEX_PROCESSES = int(os.environ.get("SEARCH_INDEX_PROCESSES", os.cpu_count() or 1))
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20

# The extractor that finds people, organisations, places and events in articles.
# Any class with an ``extract(title, body, *, published=None)`` method will do.
ARCHIVE_EXTRACTOR = "archive.extraction.extractor.RuleExtractor"
# Processes that run the extractor while `ingest` stores articles (one per core by
# default); 0 or 1 runs it in the ingest process itself.
ARCHIVE_INGEST_WORKERS = int(os.environ.get("ARCHIVE_INGEST_WORKERS", os.cpu_count() or 1))
ARCHIVE_ARTICLES_PER_PAGE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Search facets, declared once: URL key -> label and the entity kind (if any) whose
# names label the values. Values in URLs and the index are slugs or dates.
# search/facet_registry.py checks this on load and is what the code reads.
SEARCH_FACETS = {
    "organisation": {"label": "Organisations", "entity": "organisation"},
    "person": {"label": "People", "entity": "person"},
    "place": {"label": "Places", "entity": "place"},
    "event": {"label": "Events", "entity": "event"},
    # People in the encounters an article reports (meetings, calls, visits...).
    "met": {"label": "Met (in encounters)", "entity": "person", "encounters": True},
    "source": {"label": "Sources", "entity": "source"},
    "year": {"label": "Year", "entity": None},
    "month": {"label": "Month", "entity": None},
}
SEARCH_FACET_LIMIT = 15
# Most rows /search/export.json and /search/export.csv return; the count says how
# many matched in all.
SEARCH_EXPORT_LIMIT = 10_000
SEARCH_FEED_ITEMS = 50
# How a question (more than three content words; see search/query.py) is ranked:
# a match needs this share of its words (rounded down, as Elasticsearch's
# minimum_should_match), scores are multiplied by (words matched / words) raised
# to `coordination`, and the `window` best are scored again with the question's
# phrases. Measured on four test collections: bench/ir/README.md.
# One search result per story, its copies counted once; the source facet counts
# every outlet's copy (the honest number there). See search/backend.py.
SEARCH_ONE_PER_STORY = {"field": "story_exact", "count_copies": ["source_exact"]}
SEARCH_BEST_MATCH = {"minimum_should_match": 0.15, "coordination": 0.0, "window": 100}

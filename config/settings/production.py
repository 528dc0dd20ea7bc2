"""Settings for serving the archive to the public (``make serve``: gunicorn).

Everything the embedded default leaves open is closed here: debug off, the secret
key required, secure cookies, static files served by WhiteNoise from STATIC_ROOT
(``collectstatic``), and one JSON object per log line on stderr. HTTPS settings
(redirect, HSTS, the proxy's scheme header) are opt-in with ``DJANGO_HTTPS=1``,
because they only make sense behind a proxy that terminates TLS.

Environment:

- ``DJANGO_SECRET_KEY`` (required): a long random string.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``DJANGO_HTTPS=1``: redirect to HTTPS, send HSTS, trust ``X-Forwarded-Proto``.
- ``DJANGO_HSTS_SECONDS`` (default one year), ``DJANGO_HSTS_PRELOAD=1``.
- ``DJANGO_STATIC_ROOT``: where ``collectstatic`` puts files (default ``staticfiles/``).
- ``DATABASE_URL``, ``ARCHIVE_DATA_DIR``, ``ARCHIVE_INDEX_DIR`` as in ``base``.
"""

import datetime as dt
import json
import logging
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STATIC_ROOT

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: the production settings need a secret key. "
        "Set DJANGO_SECRET_KEY to a long random string, e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# ALLOWED_HOSTS comes from DJANGO_ALLOWED_HOSTS, read in base.

# Cookies only travel over HTTPS (browsers treat http://127.0.0.1 and localhost as
# secure, so `make serve` on this machine still works); scripts cannot read the session.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

if os.environ.get("DJANGO_HTTPS", "0") == "1":
    SECURE_SSL_REDIRECT = True
    # The TLS-terminating proxy says which scheme the client used.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_HSTS_PRELOAD", "0") == "1"

SILENCED_SYSTEM_CHECKS = []
if not globals().get("SECURE_HSTS_PRELOAD", False):
    # Submitting the domain to browsers' HSTS preload list is the domain owner's
    # decision, not a setting's default; DJANGO_HSTS_PRELOAD=1 opts in.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# Static files: WhiteNoise serves what collectstatic gathered, with hashed names
# (cached for a year) and compressed variants.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", STATIC_ROOT)).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and for request
    errors the method, path and status; tracebacks as one escaped string."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = request.path
        if hasattr(record, "status_code"):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonLinesFormatter}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        # Request errors (4xx warnings, 5xx errors with tracebacks) go to the root handler.
        "django": {"level": LOG_LEVEL, "propagate": True},
        # Every SQL query at DEBUG would drown the log.
        "django.db.backends": {"level": "WARNING"},
    },
}

"""config.settings.production, loaded in a fresh process as a deployment loads it."""

from __future__ import annotations

import json
import re

from conftest import manage

SHOW_SETTINGS = """
import json
from django.conf import settings
names = [
    "DEBUG", "ALLOWED_HOSTS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER", "MIDDLEWARE",
]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def settings_of(env):
    result = manage(env, "shell", "--no-imports", "-c", SHOW_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_secret_key_is_required_and_the_error_names_the_variable(production_env):
    del production_env["DJANGO_SECRET_KEY"]
    result = manage(production_env, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_off_hosts_from_the_environment_secure_cookies(production_env):
    production_env["DJANGO_ALLOWED_HOSTS"] = " archive.example.org, www.archive.example.org ,"
    shown = settings_of(production_env)
    assert shown["DEBUG"] is False
    assert shown["ALLOWED_HOSTS"] == ["archive.example.org", "www.archive.example.org"]
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True
    middleware = shown["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_https_settings_are_opt_in(production_env):
    plain = settings_of(production_env)
    assert plain["SECURE_SSL_REDIRECT"] is False
    assert plain["SECURE_HSTS_SECONDS"] == 0
    assert plain["SECURE_PROXY_SSL_HEADER"] is None

    production_env["DJANGO_HTTPS"] = "1"
    https = settings_of(production_env)
    assert https["SECURE_SSL_REDIRECT"] is True
    assert https["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert https["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_check_deploy_finds_nothing_with_https_on(production_env):
    production_env["DJANGO_HTTPS"] = "1"
    result = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNINGS" not in output


def test_check_deploy_without_https_warns_only_about_https(production_env):
    # Served over plain HTTP (make serve on 127.0.0.1), the HTTPS warnings do apply.
    result = manage(production_env, "check", "--deploy")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    warned = set(re.findall(r"\((security\.W\d+)\)", output))
    assert warned == {"security.W004", "security.W008"}

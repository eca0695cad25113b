"""Settings for the CodeDesk site. Every value comes from the environment.

The defaults let ``runserver`` work on SQLite from a fresh clone; see
docs/environment.md for each variable.
"""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from codedesk_web.lib.csp import DEFAULT_POLICY
from codedesk_web.lib.env import env_bool, env_int, env_limit, env_list, env_str

# Lets Django's generic classes be subscripted, as in ModelAdmin[JobPost].
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CODEDESK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set and DEBUG is off; set SECRET_KEY (or SECRET_KEY_FILE)"
        " to a long random value, e.g. from"
        " `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

CODEDESK_DB = env_str("CODEDESK_DB", str(VAR_DIR / "codes.sqlite3"))
ASSISTANT_ENABLED = env_bool("ASSISTANT_ENABLED", True)
ASSISTANT_GUEST_PER_HOUR = env_int("ASSISTANT_GUEST_PER_HOUR", 10)
ASSISTANT_USER_PER_HOUR = env_int("ASSISTANT_USER_PER_HOUR", 60)
# An OpenAI-compatible chat endpoint for the assistant; empty: answer offline.
CODEDESK_LLM_URL = env_str("CODEDESK_LLM_URL", "")
CODEDESK_LLM_MODEL = env_str("CODEDESK_LLM_MODEL", "")
CODEDESK_LLM_API_KEY = env_str("CODEDESK_LLM_API_KEY", "")
JOBS_ENABLED = env_bool("JOBS_ENABLED", True)
SITE_NAME = env_str("SITE_NAME", "CodeDesk")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "codedesk_web.codes",
    "codedesk_web.search",
    "codedesk_web.api",
    "codedesk_web.accounts",
    "codedesk_web.jobs",
    "codedesk_web.consults",
    "codedesk_web.assistant",
    "codedesk_web.claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "codedesk_web.lib.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "codedesk_web.lib.metering.GuestCookieMiddleware",
]

ROOT_URLCONF = "codedesk_web.urls"
WSGI_APPLICATION = "codedesk_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "codedesk_web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "codedesk_web.lib.context.site",
                "codedesk_web.lib.context.service_date",
                "codedesk_web.lib.metering.meter_context",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    from codedesk_web.lib.dburl import parse_database_url

    DATABASES = {"default": parse_database_url(DATABASE_URL)}
else:
    from codedesk_web.lib.dburl import sqlite_database

    DATABASES = {"default": sqlite_database(str(VAR_DIR / "site.sqlite3"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "codedesk_web" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In development WhiteNoise serves the app folders directly, so no
# collectstatic is needed before runserver or the tests.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = VAR_DIR / "uploads"

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT is '{LOG_FORMAT}'; use text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "codedesk_web.lib.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # aiosmtpd logs every SMTP command line, addresses included, at INFO.
    "loggers": {"mail.log": {"level": "WARNING"}},
}

REQUEST_SIZE_LIMIT = env_int("REQUEST_SIZE_LIMIT", 10 * 1024 * 1024)

# Job board and email consult desk (see docs/environment.md).
JOBS_RESUME_DIR = Path(env_str("JOBS_RESUME_DIR", str(VAR_DIR / "private" / "resumes")))
JOBS_RESUME_MAX_BYTES = env_int("JOBS_RESUME_MAX_BYTES", 2 * 1024 * 1024)
CONSULT_DESK_ADDRESS = env_str("CONSULT_DESK_ADDRESS", "consults@codedesk.localhost")
CONSULT_MAX_MESSAGE_BYTES = env_int("CONSULT_MAX_MESSAGE_BYTES", 5 * 1024 * 1024)
CONSULT_ATTACHMENT_MAX_BYTES = env_int("CONSULT_ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)
CONSULT_ATTACHMENT_MAX_COUNT = env_int("CONSULT_ATTACHMENT_MAX_COUNT", 5)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Accounts: sign-in by email, confirmation links, throttled failures.
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation." + name}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
EMAIL_CONFIRMATION_MAX_AGE = env_int("EMAIL_CONFIRMATION_MAX_AGE", 3 * 24 * 3600)
SIGNIN_FAILURES_PER_ACCOUNT = env_int("SIGNIN_FAILURES_PER_ACCOUNT", 5)
SIGNIN_FAILURES_PER_ADDRESS = env_int("SIGNIN_FAILURES_PER_ADDRESS", 20)
SIGNIN_FAILURE_WINDOW = env_int("SIGNIN_FAILURE_WINDOW", 15 * 60)
REGISTRATIONS_PER_ADDRESS = env_int("REGISTRATIONS_PER_ADDRESS", 10)
REGISTRATION_WINDOW = env_int("REGISTRATION_WINDOW", 3600)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Mail: printed to the console until EMAIL_HOST names an SMTP server.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", CONSULT_DESK_ADDRESS)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Metering: guests, free and paid accounts; None is no limit. Code pages
# count per month, the rest per day; the API needs a key (no guest calls).
# The assistant keeps its own hourly limit (ASSISTANT_*_PER_HOUR).
METER_LIMITS: dict[str, dict[str, int | None]] = {
    "code_page": {
        "guest": env_limit("METER_CODE_PAGES_GUEST", 1),
        "free": env_limit("METER_CODE_PAGES_FREE", 6),
        "paid": env_limit("METER_CODE_PAGES_PAID", None),
    },
    "search": {
        "guest": env_limit("METER_SEARCHES_GUEST", 300),
        "free": env_limit("METER_SEARCHES_FREE", 2000),
        "paid": env_limit("METER_SEARCHES_PAID", None),
    },
    "api": {
        "guest": 0,
        "free": env_limit("METER_API_CALLS_FREE", 100),
        "paid": env_limit("METER_API_CALLS_PAID", 20000),
    },
}

# Redis: shared cache and rate-limit counters for several app servers.
REDIS_URL = env_str("REDIS_URL", "")
RATELIMIT_KEY_PREFIX = env_str("RATELIMIT_KEY_PREFIX", "codedesk:")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": RATELIMIT_KEY_PREFIX,
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Security: strict by default once DEBUG is off (the site is served by HTTPS).
CONTENT_SECURITY_POLICY = env_str("CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips the
    # client's copy; otherwise a client could claim HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

"""Settings for the CodeDesk site. Every value comes from the environment.

The defaults let ``runserver`` work on SQLite from a fresh clone; see
docs/environment.md for each variable.
"""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext

from codedesk_web.lib.env import env_bool, env_int, env_list, env_str

# Lets Django's generic classes be subscripted, as in ModelAdmin[JobPost].
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CODEDESK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

CODEDESK_DB = env_str("CODEDESK_DB", str(VAR_DIR / "codes.sqlite3"))
ASSISTANT_ENABLED = env_bool("ASSISTANT_ENABLED", True)
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    from codedesk_web.lib.dburl import parse_database_url

    DATABASES = {"default": parse_database_url(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "site.sqlite3",
        }
    }

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
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

REQUEST_SIZE_LIMIT = env_int("REQUEST_SIZE_LIMIT", 10 * 1024 * 1024)

# Job board and email consult desk (see docs/environment.md).
JOBS_RESUME_DIR = Path(env_str("JOBS_RESUME_DIR", str(VAR_DIR / "private" / "resumes")))
JOBS_RESUME_MAX_BYTES = env_int("JOBS_RESUME_MAX_BYTES", 2 * 1024 * 1024)
CONSULT_DESK_ADDRESS = env_str("CONSULT_DESK_ADDRESS", "consults@localhost")
CONSULT_MAX_MESSAGE_BYTES = env_int("CONSULT_MAX_MESSAGE_BYTES", 5 * 1024 * 1024)
CONSULT_ATTACHMENT_MAX_BYTES = env_int("CONSULT_ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)
CONSULT_ATTACHMENT_MAX_COUNT = env_int("CONSULT_ATTACHMENT_MAX_COUNT", 5)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = env_str("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", CONSULT_DESK_ADDRESS)

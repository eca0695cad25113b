"""Gunicorn's settings for the site, each read from the environment.

Run: ``gunicorn -c python:codedesk_web.gunicorn_conf codedesk_web.wsgi``.
App servers keep no state of their own (sessions and accounts live in the
site database, counters in Redis), so any number can sit behind one load
balancer. See docs/environment.md for the variables.
"""

from __future__ import annotations

import os
from typing import Any

bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Threads suit a site that waits on SQLite and PostgreSQL more than it
# computes; each worker opens its own read-only connection per thread.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Trust X-Forwarded-* only from the proxies named here (a load balancer).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: it would sit at one path in $HOME, shared by every
# gunicorn of the user, and the site needs no runtime control.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

if os.environ.get("LOG_FORMAT", "json") == "json":
    logger_class = "codedesk_web.lib.accesslog.JsonAccessLogger"
    logconfig_dict: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "codedesk_web.lib.jsonlog.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            },
        },
        "root": {"handlers": ["stderr"], "level": "INFO"},
        "loggers": {
            "gunicorn.error": {"handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "propagate": False},
        },
    }

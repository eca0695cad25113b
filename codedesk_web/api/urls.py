"""The JSON API at /api/v1/, with OpenAPI docs at /api/v1/docs."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from .v1 import api

urlpatterns: list[URLPattern | URLResolver] = [path("v1/", api.urls)]

"""URL routes: each app owns its own ``urls`` module."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from codedesk_web.accounts.views import admin_sign_in
from codedesk_web.lib.health import healthz

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/login/", admin_sign_in),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("codedesk_web.search.urls")),
    path("codes/", include("codedesk_web.codes.urls")),
    path("api/", include("codedesk_web.api.urls")),
    path("accounts/", include("codedesk_web.accounts.urls")),
    path("jobs/", include("codedesk_web.jobs.urls")),
    path("consults/", include("codedesk_web.consults.urls")),
    path("assistant/", include("codedesk_web.assistant.urls")),
    path("check/", include("codedesk_web.claims.urls")),
]

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "codes"

urlpatterns: list[URLPattern | URLResolver] = [
    path("<str:system>/<str:code>", views.code_page, name="code"),
]

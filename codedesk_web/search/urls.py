from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "search"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("search", views.results, name="results"),
]

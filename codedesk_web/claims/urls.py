from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "claims"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.check_form, name="check"),
]
